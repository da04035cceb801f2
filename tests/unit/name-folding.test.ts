/**
 * The server's typeahead cuts and folds names as the in-browser search does (search-text.ts), so a name
 * found by what is typed on a local dataset is found by the same text on a server dataset.
 */
import { describe, expect, it } from 'vitest';
import { foldAccents, wordsOf } from '../../src/model/search/search-text';
import { entityWords, nameWords, searchText } from '../../src/server/import-rows';

const NAMES = [
  'Tomas Dvořák',
  'Wilhelmina Jovanović',
  'Kai Grünwald',
  'Éric Dupont-Moretti',
  'Ｆｕｌｌ Ｗｉｄｔｈ', // compatibility forms fold to ASCII
  'ﬁnance oﬃce',
  'Seán Ó Briain',
  'Straße',
  'Paul Manafort',
  "Trump's Tower",
];

describe('folding names for the server typeahead', () => {
  it('gives the words the local search gives, accents off', () => {
    for (const name of NAMES) expect(nameWords(name), name).toEqual(wordsOf(name));
    expect(nameWords('Tomas Dvořák')).toEqual(['tomas', 'dvorak']);
    expect(nameWords('ＦＵＬＬ')).toEqual(['full']);
  });

  it('folds the prefix text and the word rows the same way, and leaves ASCII as it is', () => {
    expect(searchText({ name: 'Éric Dupont', aliases: ['Dupont-Moretti'] })).toBe(
      'eric dupont | dupont-moretti',
    );
    expect(entityWords({ name: 'Éric Dupont', aliases: ['Dupont'] })).toEqual([
      ['eric', false],
      ['dupont', true],
    ]);
    const ascii = 'Plain ASCII name';
    expect(foldAccents(ascii)).toBe(ascii);
  });
});
