/**
 * The status a passage's own words suggest, read from cue words the author (not a quoted speaker) uses:
 * alleged/accused → allegation; denied/rejected → denial; reportedly/according to → reported;
 * said/claimed/told → claim; the author's evaluative language → opinion; otherwise fact.
 */
import type { Status } from '../core/vocabulary';
import type { Span } from './sentences';

export interface Cue {
  status: Status;
  /** The cue as written. */
  text: string;
  span: Span;
}

/** Checked in this order: a denial or an allegation outranks the "said" that reports it. */
const CUES: Array<[Exclude<Status, 'fact' | 'refuted'>, RegExp]> = [
  ['denial', /\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?)\b/giu],
  ['allegation', /\b(?:alleg(?:e|es|ed|edly|ing|ation|ations)|accus(?:e|es|ed|ing|ation|ations))\b/giu],
  ['reported', /\b(?:reportedly|according to)\b/giu],
  ['claim', /\b(?:say|says|said|saying|claim|claims|claimed|claiming|tell|tells|told|telling)\b/giu],
  [
    'opinion',
    new RegExp(
      '\\b(?:' +
        [
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
        ].join('|') +
        ')\\b',
      'giu',
    ),
  ],
];

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

/** The first cue of the strongest status present in [span], outside quotation marks; none means fact. */
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
  return null;
}
