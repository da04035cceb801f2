/** The one way controllers follow the store: a callback when their slice of it changes, and never otherwise. */
import type { StoreApi } from 'zustand/vanilla';
import { shallow } from 'zustand/vanilla/shallow';

/**
 * Calls `onChange` when what `select` picks from the store changes, by `equals` (shallow by default, so a
 * selector may return a fresh array or object of the fields it depends on). Returns the unsubscribe.
 */
export function watch<S, T>(
  store: Pick<StoreApi<S>, 'getState' | 'subscribe'>,
  select: (state: S) => T,
  onChange: (next: T, prev: T) => void,
  equals: (a: T, b: T) => boolean = shallow,
): () => void {
  let last = select(store.getState());
  // The store's state now, not the one the listener is handed: a change made by another listener (the
  // canvas records positions while it draws) is announced before the one that caused it, whose older state
  // must not look like a change back.
  return store.subscribe(() => {
    const next = select(store.getState());
    if (equals(last, next)) return;
    const prev = last;
    last = next;
    onChange(next, prev);
  });
}
