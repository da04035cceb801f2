import type { Bundle } from '../../src/model/format/bundle';

/**
 * An entity whose name has a word of seven letters or more, and that word with its fourth letter dropped:
 * no name starts with it, so only the typeahead's typo pass finds the entity.
 */
export function nameTypo(entities: Bundle['entities']): { target: Bundle['entities'][number]; typo: string } {
  const target = entities.find((e) => e.name.split(' ').some((w) => w.length >= 7))!;
  const word = target.name
    .split(' ')
    .find((w) => w.length >= 7)!
    .toLowerCase();
  return { target, typo: word.slice(0, 3) + word.slice(4) };
}
