import { describe, expect, it } from 'vitest';
import { anchorQuotes, type AnchorResult, type QuoteSelector } from '../../src/model/format/anchor';
import { indexOccurrences } from '../../src/model/format/occurrence-index';

/** Each needle's occurrences, by needle. */
function findOccurrences(text: string, needles: string[]): Map<string, number[]> {
  const index = indexOccurrences(text, needles);
  return new Map(needles.map((needle, i) => [needle, index.occurrences(i)]));
}

/** The reference the index must agree with: every offset indexOf visits. */
function naive(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

function expectSameAsNaive(text: string, needles: string[]) {
  const found = findOccurrences(text, needles);
  for (const needle of needles)
    expect(found.get(needle), JSON.stringify(needle)).toEqual(naive(text, needle));
}

/** A small deterministic generator, so a failing case can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('occurrence index', () => {
  it('finds each quote once when it occurs once, and none when it does not occur', () => {
    const text = 'The commission met in March. It adjourned without a vote. Nobody objected.';
    const found = findOccurrences(text, ['It adjourned without a vote.', 'It adjourned with a vote.']);
    expect(found.get('It adjourned without a vote.')).toEqual([29]);
    expect(found.get('It adjourned with a vote.')).toEqual([]);
  });

  it('finds quotes that overlap each other in the text', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve';
    expectSameAsNaive(text, [
      'one two three four five six',
      'three four five six seven eight',
      'five six seven eight nine ten eleven',
      'six seven',
    ]);
  });

  it('finds occurrences that overlap themselves ("aa" twice in "aaa")', () => {
    expect(findOccurrences('aaa', ['aa']).get('aa')).toEqual([0, 1]);
    const long = 'ab'.repeat(40);
    expectSameAsNaive(long, ['abababababababababab', 'babababababababababa', 'ab'.repeat(40)]);
    expectSameAsNaive('a'.repeat(100), ['a'.repeat(16), 'a'.repeat(17), 'a'.repeat(50), 'a'.repeat(101)]);
  });

  it('finds quotes at the very start and end of the text, and the whole text', () => {
    const text = 'Start of the record, middle of the record, end of the record';
    expectSameAsNaive(text, ['Start of the record,', 'end of the record', text, `${text}.`, 'S', 'd']);
  });

  it('handles quotes shorter than the window, down to one character', () => {
    const text = 'a, b; a. b? c!';
    expectSameAsNaive(text, ['a', 'b', ' ', 'a,', 'b?', 'c!', 'z', 'a, b; a. b? c', 'a, b; a. b? c!!']);
  });

  it('finds nothing in a text shorter than the quote, and nothing in an empty text', () => {
    expect(
      findOccurrences('short', ['a longer quote than the text']).get('a longer quote than the text'),
    ).toEqual([]);
    expect(findOccurrences('', ['x', 'a quote of some length']).get('x')).toEqual([]);
  });

  it('counts in UTF-16 code units, as indexOf does, across surrogate pairs and combining marks', () => {
    const text = 'Zoë said 😀 twice 😀, then “Ελλάδα” — e\u0301 and é are not the same text. 𝒳𝒴𝒵 end 😀';
    expectSameAsNaive(text, [
      '😀',
      '😀, then “Ελλάδα” — e\u0301',
      '𝒳𝒴𝒵 end 😀',
      'é are not',
      'e\u0301 and',
      'é and',
      // Half of a surrogate pair is a code unit of its own to indexOf, and so it is here.
      '\ud83d',
      '\ude00, then',
    ]);
    expect(findOccurrences(text, ['😀']).get('😀')).toEqual([9, 18, text.length - 2]);
  });

  it('stays exact when the first characters of a quote occur many times', () => {
    const lead = 'According to people familiar with the matter, ';
    const names = Array.from({ length: 2000 }, (_, i) => `person ${i} met person ${i + 1}.`);
    const text = names.map((n) => lead + n).join(' ');
    const needles = [
      `${lead}person 1234 met person 1235.`,
      `${lead}person 77 met person 78.`,
      `${lead}person 9`,
    ];
    expectSameAsNaive(text, [...needles, `${lead}person 5 met person 7.`, lead, lead.slice(0, 16)]);
    expect(findOccurrences(text, [needles[0]!]).get(needles[0]!)).toHaveLength(1);
    expect(findOccurrences(text, [lead]).get(lead)).toHaveLength(2000);
  });

  it('does not report a quote whose windows occur but not together', () => {
    // Start, middle and end windows each occur somewhere, but never as one run of text.
    const quote = 'ABCDEFGHIJKLMNOP-qrstuvwxyzabcdef-QRSTUVWXYZ012345';
    const text = `ABCDEFGHIJKLMNOP...qrstuvwxyzabcdef...QRSTUVWXYZ012345 ${quote.slice(0, -1)}`;
    expect(findOccurrences(text, [quote]).get(quote)).toEqual([]);
  });

  it('does not place a quote before the start of the text', () => {
    // The quote's last 16 characters also occur at its offset 3, so that window is seen at text offset 3,
    // which would put the quote at -13; the other windows are made commoner so this one is searched by.
    const window = 'ABCDEFGHIJKLMABC';
    const quote = `xyz${window}${window.slice(3)}`;
    const text = `${quote} ${quote.slice(0, 16)} ${quote.slice(8, 24)} ${quote.slice(0, 16)} ${quote.slice(8, 24)}`;
    expect(findOccurrences(text, [quote]).get(quote)).toEqual([0]);
  });

  it('answers every copy of a quote given many times', () => {
    const index = indexOccurrences('x yes y yes z', ['yes', 'no', 'yes', 'yes']);
    expect([0, 1, 2, 3].map((i) => index.occurrences(i))).toEqual([[2, 8], [], [2, 8], [2, 8]]);
  });

  it('agrees with indexOf on random texts over small alphabets', () => {
    const next = random(42);
    for (let round = 0; round < 300; round++) {
      const alphabet = ['ab', 'abc', 'ab😀', 'a b.'][round % 4]!;
      const chars = [...alphabet];
      const pickChar = () => chars[Math.floor(next() * chars.length)]!;
      const text = Array.from({ length: Math.floor(next() * 400) }, pickChar).join('');
      const needles = Array.from({ length: 20 }, () => {
        const length = 1 + Math.floor(next() * 40);
        // Half the needles are cut from the text (so they occur), half are random (so most do not).
        if (next() < 0.5 && text.length > 0) {
          const from = Math.floor(next() * text.length);
          return text.slice(from, from + length);
        }
        return Array.from({ length }, pickChar).join('');
      }).filter((n) => n.length > 0);
      expectSameAsNaive(text, needles);
    }
  });
});

/** The reference anchoring: every occurrence of exact, filtered by the text before and after it. */
function anchorQuote(text: string, exact: string, prefix?: string, suffix?: string): AnchorResult {
  const hits = naive(text, exact).filter(
    (i) =>
      (prefix === undefined || text.slice(Math.max(0, i - prefix.length), i) === prefix) &&
      (suffix === undefined || text.startsWith(suffix, i + exact.length)),
  );
  if (hits.length === 1) return { ok: true, start: hits[0]!, end: hits[0]! + exact.length };
  return { ok: false, reason: hits.length === 0 ? 'not-found' : 'ambiguous' };
}

describe('anchoring many quotes at once', () => {
  it('gives what searching each quote alone gives, prefixes and suffixes included', () => {
    const text = 'He said no. She said no. They said yes. He said no, again. No.';
    const selectors: QuoteSelector[] = [
      { exact: 'said no' },
      { exact: 'said no', prefix: 'She ' },
      { exact: 'said no', suffix: ', again' },
      { exact: 'said no', prefix: 'He ' },
      { exact: 'said no', prefix: 'He ', suffix: '.' },
      { exact: 'He', prefix: 'x' },
      { exact: 'He said', suffix: ' no' },
      { exact: 'They said yes.' },
      { exact: 'They said maybe.' },
      { exact: 'No.', suffix: ' more' },
      { exact: 'He said no.', prefix: 'start ' },
    ];
    expect(anchorQuotes(text, selectors)).toEqual(
      selectors.map((s) => anchorQuote(text, s.exact, s.prefix, s.suffix)),
    );
    expect(anchorQuotes(text, selectors).slice(0, 3)).toEqual([
      { ok: false, reason: 'ambiguous' },
      { ok: true, start: 16, end: 23 },
      { ok: true, start: 43, end: 50 },
    ]);
  });

  it('agrees with a plain search on random quotes, prefixes and suffixes', () => {
    const next = random(7);
    const text = Array.from({ length: 3000 }, () => 'ab c.'[Math.floor(next() * 5)]).join('');
    const piece = (length: number) => {
      const from = Math.floor(next() * text.length);
      return text.slice(from, from + length) || 'a';
    };
    const selectors: QuoteSelector[] = Array.from({ length: 400 }, () => ({
      exact: piece(1 + Math.floor(next() * 30)),
      ...(next() < 0.4 ? { prefix: piece(1 + Math.floor(next() * 4)) } : {}),
      ...(next() < 0.4 ? { suffix: piece(1 + Math.floor(next() * 4)) } : {}),
    }));
    expect(anchorQuotes(text, selectors)).toEqual(
      selectors.map((s) => anchorQuote(text, s.exact, s.prefix, s.suffix)),
    );
  });
});
