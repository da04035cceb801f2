/**
 * The status a passage's own words suggest, read from cue words the author (not a quoted speaker) uses:
 * debunked/false claim → refuted; denied/rejected/dismissed → denial; alleged/accused/suspected →
 * allegation; reportedly/according to → reported; said/insisted/admitted/called → claim; the author's
 * evaluative language → opinion; a quoted sentence with none of these → claim; otherwise fact.
 * The lists are in docs/authoring.md; they were checked on the bundled article only.
 */
import type { Status } from '../core/vocabulary';
import type { Span } from './sentences';

export interface Cue {
  status: Status;
  /** The cue as written. */
  text: string;
  span: Span;
}

/** A word list as one pattern; a word after a hyphen is part of a compound ("so-called"), not a cue. */
const words = (list: readonly string[]) => new RegExp(`(?<![\\p{L}\\p{N}‐-])(?:${list.join('|')})\\b`, 'giu');

/**
 * Checked in this order: a refutation outranks the claim it refutes ("the false claim"), a denial or an
 * allegation the "said" that reports it.
 */
const CUES: Array<[Exclude<Status, 'fact'>, RegExp]> = [
  [
    'refuted',
    words([
      'debunk(?:s|ed|ing)?',
      'disprov(?:e|es|ed|en|ing)',
      'refut(?:e|es|ed|ing)',
      'discredited',
      'false(?:ly)? claim(?:s|ed)?',
      'falsely',
      'found no',
      'finds no',
      'contradicted by',
    ]),
  ],
  [
    'denial',
    words([
      'den(?:y|ies|ied|ying|ial|ials)',
      'reject(?:s|ed|ing)?',
      'dismiss(?:es|ed|ing)?',
      'disput(?:e|es|ed|ing)',
      'rebut(?:s|ted|ting)?',
      'brush(?:es|ed|ing)? (?:off|aside)',
      'no evidence',
    ]),
  ],
  [
    'allegation',
    words([
      'alleg(?:e|es|ed|edly|ing|ation|ations)',
      'accus(?:e|es|ed|ing|ation|ations)',
      'charged with',
      'suspect(?:s|ed)?',
      'suspicions?',
      'purported(?:ly)?',
    ]),
  ],
  ['reported', words(['reportedly', 'according to', 'reported', '(?:is|are|was|were) said to'])],
  [
    'claim',
    words([
      'say',
      'says',
      'said',
      'saying',
      'claim(?:s|ed|ing)?',
      'tell(?:s|ing)?',
      'told',
      'insist(?:s|ed|ing)?',
      'admit(?:s|ted|ting)?',
      'argu(?:e|es|ed|ing)',
      'maintain(?:s|ed|ing)?',
      'assert(?:s|ed|ing)?',
      'declar(?:e|es|ed|ing)',
      'describ(?:e|es|ed|ing)',
      'called',
      'calling',
      'indicat(?:e|es|ed|ing)',
      'acknowledg(?:es|ed)',
      'conced(?:e|es|ed|ing)',
      'boast(?:s|ed|ing)?',
      'vow(?:s|ed|ing)?',
      'warn(?:s|ed|ing)?',
      'wrote',
      'tweeted',
    ]),
  ],
  [
    'opinion',
    words([
      // hedges and judgements only the author can make
      'perhaps',
      'seems?',
      'seemingly',
      'apparently',
      'arguably',
      'clearly',
      'obviously',
      'surely',
      'undoubtedly',
      'presumably',
      'probably',
      'likely',
      'no doubt',
      'no wonder',
      'hardly',
      'simply',
      'merely',
      'ultimately',
      'in other words',
      'at (?:the very )?least',
      'it looks like',
      'might',
      'could',
      'should',
      'not necessarily',
      'of course',
      'ironically',
      'unfortunately',
      'remarkably',
      'surprisingly',
      'worryingly',
      // evaluative adjectives and adverbs
      'strange',
      'bizarre',
      'absurd',
      'extravagant',
      'humiliating',
      'reassuring',
      'troubling',
      'alarming',
      'shameful',
      'desperate(?:ly)?',
      'baseless',
      'shady',
      'logical',
      'complicated',
      'aggressive',
    ]),
  ],
];

/**
 * A quotation is someone's statement, not a phrase held at arm's length ("a “hoax”") or words on a sign,
 * when it is a sentence: four words or more, closed by its own full stop, question or exclamation mark,
 * or the comma before an attribution (“…,” he said).
 */
const CLAUSE_WORDS = 4;
const CLOSES_SENTENCE = /[.!?…,]\s*$/u;

/** Spans of the text inside quotation marks: words there are the speaker's, not cues for the author's stance. */
export function quotedSpans(text: string): Span[] {
  const out: Span[] = [];
  const pairs: Array<[string, string]> = [
    ['“', '”'],
    ['"', '"'],
    ['«', '»'],
  ];
  for (const [open, close] of pairs) {
    let from = 0;
    for (;;) {
      const s = text.indexOf(open, from);
      if (s === -1) break;
      const e = text.indexOf(close, s + 1);
      if (e === -1) break;
      out.push({ start: s, end: e + 1 });
      from = e + 1;
    }
  }
  return out;
}

const inside = (spans: readonly Span[], at: number) => spans.some((s) => at >= s.start && at < s.end);

/**
 * The first cue of the strongest status present in [span], outside quotation marks; else a quoted
 * sentence, someone's words the author reports (a claim, its first words the cue); none means fact.
 */
export function statusCue(text: string, span: Span): Cue | null {
  const part = text.slice(span.start, span.end);
  const quoted = quotedSpans(part);
  for (const [status, re] of CUES) {
    re.lastIndex = 0;
    for (const m of part.matchAll(re)) {
      if (inside(quoted, m.index)) continue;
      const start = span.start + m.index;
      return { status, text: m[0], span: { start, end: start + m[0].length } };
    }
  }
  for (const q of quoted.sort((a, b) => a.start - b.start)) {
    const inner = part.slice(q.start + 1, q.end - 1);
    const said = [...inner.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)];
    if (said.length < CLAUSE_WORDS || !CLOSES_SENTENCE.test(inner)) continue;
    const shown = said[CLAUSE_WORDS - 1]!;
    const start = span.start + q.start;
    const end = span.start + q.start + 1 + shown.index + shown[0].length;
    return { status: 'claim', text: `${text.slice(start, end)}…`, span: { start, end } };
  }
  return null;
}
