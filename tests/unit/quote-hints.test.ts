import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/model/format/problems';
import { fixtureFiles, validateFiles } from './fixtures';

/** The minimal dataset with its source text and its one quote replaced. */
function notFound(source: string, exact: string): string {
  const files = fixtureFiles('valid-minimal');
  files.set('sources/letter.txt', source);
  const quotes = JSON.parse(files.get('quotes.json')!) as { quotes: Array<{ exact: string }> };
  quotes.quotes[0]!.exact = exact;
  files.set('quotes.json', JSON.stringify(quotes, null, 2));
  const problem = validateFiles('enc', files).problems.find((p) => p.code === 'quote-not-found');
  if (!problem) throw new Error('the quote was found');
  const line = formatProblem(problem);
  expect(line).not.toMatch(/[\r\n]/);
  return problem.message;
}

const PREAMBLE = 'First line of the letter.\nSecond line, then:\n';

describe('a quote that differs from its source only in encoding', () => {
  it.each([
    [
      'a curly apostrophe',
      `${PREAMBLE}Babbage’s engine was never built.`,
      "Babbage's engine was never built.",
      "line 3, column 8: the source has ’ (U+2019), the quote has ' (U+0027)",
    ],
    [
      'curly double quotes',
      `${PREAMBLE}She was “the Enchantress”.`,
      'She was "the Enchantress".',
      'line 3, column 9: the source has “ (U+201C), the quote has " (U+0022)',
    ],
    [
      'a non-breaking space',
      `${PREAMBLE}Charles\u00a0Babbage designed it.`,
      'Charles Babbage designed it.',
      'line 3, column 8: the source has U+00A0 NO-BREAK SPACE, the quote has U+0020 SPACE',
    ],
    [
      'a zero-width space',
      `${PREAMBLE}The Analytical\u200b Engine ran.`,
      'The Analytical Engine ran.',
      'line 3, column 15: the source has U+200B ZERO WIDTH SPACE, the quote has U+0020 SPACE',
    ],
    [
      'CRLF in the source',
      'One line.\r\nTwo lines of the letter.',
      'One line.\nTwo lines',
      'line 1, column 10: the source has U+000D CARRIAGE RETURN, the quote has U+000A LINE FEED',
    ],
    [
      'a composed accent against a decomposed one',
      `${PREAMBLE}The café was closed.`,
      'The cafe\u0301 was closed.',
      'line 3, column 8: the source has é (U+00E9), the quote has e\u0301 (U+0065 U+0301)',
    ],
    [
      'a byte order mark inside the quote',
      `${PREAMBLE}Numbers were her art.`,
      '\ufeffNumbers were her art.',
      'line 3, column 1: the source has N (U+004E), the quote has U+FEFF BYTE ORDER MARK',
    ],
  ])('%s says where and what differs', (_what, source, exact, hint) => {
    const message = notFound(source, exact);
    expect(message).toMatch(/^".*" does not occur verbatim in source "letter"; /);
    expect(message.slice(message.indexOf('; ') + 2)).toBe(hint);
  });

  it('names where the closest match ends when the words differ', () => {
    const message = notFound(
      `${PREAMBLE}Babbage called her the Enchantress of Numbers.`,
      'Babbage called her the Queen of Numbers.',
    );
    expect(message).toMatch(
      /; the closest match ends at line 3, column 24: the source has E \(U\+0045\), the quote has Q \(U\+0051\)$/,
    );
  });

  it('adds nothing when the quote is nowhere near the source', () => {
    expect(notFound(`${PREAMBLE}Nothing to see.`, 'Completely different words here.')).not.toContain(';');
  });
});
