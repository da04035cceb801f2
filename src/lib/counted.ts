/** "1 relation", "2 relations", "1,204 entities": a count with its noun in the number it takes. */
export const counted = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
