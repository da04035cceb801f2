import { describe, expect, it } from 'vitest';
import {
  checkDataset,
  type CheckInput,
  type QuoteInput,
  type SourceInput,
} from '../../src/model/format/check-dataset';

const source = (id: string, text: string | undefined): SourceInput => ({
  id,
  title: id,
  file: `sources/${id}.txt`,
  publisher: null,
  author: null,
  url: null,
  language: 'en',
  date: null,
  text,
});

function check(sources: SourceInput[], quotes: QuoteInput[]) {
  const indexed = <T>(list: T[]) => list.map((value, index) => ({ value, index }));
  const input: CheckInput = {
    sources: indexed(sources),
    relationTypes: [],
    entities: [],
    quotes: indexed(quotes),
    relations: [],
    rejectedIds: new Set(),
    quoteSourceField: 'source',
    usageWarnings: false,
  };
  return checkDataset(input, (collection, index, field = []) => ({
    file: collection,
    pointer: `/${[collection, index, ...field].join('/')}`,
  }));
}

/** Quotes are anchored source by source; what is reported must not depend on that order. */
describe('quote anchoring across sources', () => {
  const a = source('a', 'Alpha said yes. Alpha said no. Alpha left.');
  const b = source('b', 'Beta said yes. Beta said yes. Beta stayed.');

  it('reports in quote order, whatever the source, with the same codes and messages', () => {
    const { problems, offsets } = check(
      [a, b, source('c', undefined)],
      [
        { id: 'q0', sourceId: 'b', exact: 'Beta stayed.' },
        { id: 'q1', sourceId: 'a', exact: 'Alpha said' },
        { id: 'q2', sourceId: 'b', exact: 'Beta said yes.' },
        { id: 'q3', sourceId: 'a', exact: 'Alpha said no.' },
        { id: 'q4', sourceId: 'c', exact: 'anything' },
        { id: 'q5', sourceId: 'b', exact: 'Beta said yes.', prefix: 'yes. ' },
        { id: 'q6', sourceId: 'a', exact: 'Alpha said maybe.' },
        { id: 'q7', sourceId: 'zz', exact: 'x' },
        { id: 'q8', sourceId: 'a', exact: 'Alpha', suffix: ' said yes' },
        { id: 'q9', sourceId: 'a', exact: 'Alpha', prefix: 'nothing ' },
      ],
    );
    expect(problems.map((p) => [p.code, p.pointer, p.message])).toEqual([
      [
        'quote-ambiguous',
        '/quotes/1/exact',
        '"Alpha said" occurs more than once in source "a"; add a prefix or suffix to pick one',
      ],
      [
        'quote-ambiguous',
        '/quotes/2/exact',
        '"Beta said yes." occurs more than once in source "b"; add a prefix or suffix to pick one',
      ],
      [
        'quote-not-found',
        '/quotes/6/exact',
        '"Alpha said maybe." does not occur verbatim in source "a"; the closest match ends at line 1, column 12: the source has y (U+0079), the quote has m (U+006D)',
      ],
      ['dangling-reference', '/quotes/7/source', 'no source with id "zz"'],
      [
        'quote-not-found',
        '/quotes/9/exact',
        '"Alpha" does not occur verbatim in source "a" with the given prefix/suffix',
      ],
    ]);
    expect(Object.fromEntries(offsets)).toEqual({
      q0: { start: 30, end: 42 },
      q3: { start: 16, end: 30 },
      q5: { start: 15, end: 29 },
      q8: { start: 0, end: 5 },
    });
  });

  it('trusts compiled offsets that hold the quote and says where a misplaced one really is', () => {
    const { problems, offsets } = check(
      [a],
      [
        { id: 'q0', sourceId: 'a', exact: 'Alpha left.', start: 31, end: 42 },
        { id: 'q1', sourceId: 'a', exact: 'Alpha left.', start: 0, end: 11 },
        { id: 'q2', sourceId: 'a', exact: 'Alpha said', start: 1, end: 11 },
      ],
    );
    expect(offsets.get('q0')).toEqual({ start: 31, end: 42 });
    expect(problems.map((p) => p.message)).toEqual([
      'offsets 0–11 do not hold the quote\'s exact text in source "a" (the quote is found at 31–42)',
      'offsets 1–11 do not hold the quote\'s exact text in source "a"',
    ]);
  });
});
