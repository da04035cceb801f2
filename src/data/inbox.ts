/** A queue of messages that a loop can await one at a time, in arrival order. */
export class Inbox<T> {
  private readonly items: Array<T | undefined> = [];
  private head = 0;
  private waiting: ((item: T) => void) | null = null;

  put(item: T): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(item);
    } else this.items.push(item);
  }

  take(): Promise<T> {
    if (this.head < this.items.length) {
      const item = this.items[this.head] as T;
      // Dropped as taken, so records already added to the model are not kept twice.
      this.items[this.head++] = undefined;
      if (this.head === this.items.length) {
        this.items.length = 0;
        this.head = 0;
      }
      return Promise.resolve(item);
    }
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }
}
