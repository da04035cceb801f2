import { afterEach, describe, expect, it, vi } from 'vitest';
import { anchorQuotes, type QuoteSelector } from '../../src/model/format/anchor';
import { indexOccurrences, type IndexWork } from '../../src/model/format/occurrence-index';

/**
 * Near-linear anchoring, shown by counting work rather than timing it: character-for-character
 * comparisons (each `startsWith` at a candidate reads up to a whole quote) and candidate checks.
 */
afterEach(() => vi.restoreAllMocks());

function fullComparisons(run: () => void): number {
  const spy = vi.spyOn(String.prototype, 'startsWith');
  run();
  const calls = spy.mock.calls.length;
  spy.mockRestore();
  return calls;
}

const SENTENCE = 'The minister said the payment was lawful. ';
const TEXTS: Record<string, (n: number) => string> = {
  'one repeated letter': (n) => 'a'.repeat(n),
  'one repeated sentence': (n) => SENTENCE.repeat(Math.ceil(n / SENTENCE.length)).slice(0, n),
};
/** Quotes that occur everywhere, nowhere (a typo between the sampled windows) and with a prefix/suffix. */
const SELECTORS: Record<string, QuoteSelector[]> = {
  'one repeated letter': [
    { exact: 'a'.repeat(200) },
    { exact: 'a'.repeat(30) + 'b' + 'a'.repeat(169) },
    { exact: 'aaaa', prefix: 'aa', suffix: 'aaa' },
    { exact: 'a' },
  ],
  'one repeated sentence': [
    { exact: SENTENCE.repeat(3) },
    { exact: SENTENCE.repeat(3).replace('lawful. The', 'lawful. A') },
    { exact: 'said the payment', prefix: 'minister ' },
    { exact: 'payment was lawful' },
  ],
};

describe('anchoring in degenerate, repetitive text', () => {
  it.each(Object.keys(TEXTS))('%s: every quote stops at its second occurrence', (kind) => {
    const text = TEXTS[kind]!(200_000);
    let results: ReturnType<typeof anchorQuotes> = [];
    const compared = fullComparisons(() => (results = anchorQuotes(text, SELECTORS[kind]!)));
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
      'ambiguous',
      'not-found',
      'ambiguous',
      'ambiguous',
    ]);
    // At most two confirmed occurrences and two misses per quote, plus the odd hash collision: not one per position.
    expect(compared).toBeLessThanOrEqual(SELECTORS[kind]!.length * 4 + 4);
  });

  it.each(Object.keys(TEXTS))('%s: the index does work proportional to the text', (kind) => {
    const work = (n: number) => {
      const meter: IndexWork = { candidates: 0, compared: 0 };
      const text = TEXTS[kind]!(n);
      const selectors = SELECTORS[kind]!;
      const index = indexOccurrences(
        text,
        selectors.map((s) => (s.prefix ?? '') + s.exact + (s.suffix ?? '')),
        meter,
      );
      selectors.forEach((_, i) => index.occurrences(i, 2));
      return meter.candidates + meter.compared;
    };
    const small = work(100_000);
    const large = work(400_000);
    // Four times the text, at most about four times the work; a quadratic search does sixteen.
    expect(small).toBeGreaterThan(0);
    expect(large).toBeLessThanOrEqual(small * 4.5);
    // And a few units of work per character of text for each quote, not a quote's length per character.
    expect(large).toBeLessThanOrEqual(400_000 * SELECTORS[kind]!.length * 2);
  });
});
