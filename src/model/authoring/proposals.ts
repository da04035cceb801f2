/**
 * What the "Cite as evidence" form proposes for a passage: its status from cue words, the speaker the
 * attribution names, the dates it mentions, the entities in and around it, and the relation types that
 * fit two entities' types.
 */
import type { EntityType, Status } from '../core/vocabulary';
import type { EntityRecord, PartialDate, RelationType } from '../format/schema';
import { quotedSpans, statusCue } from './cues';
import { datesIn } from './dates';
import { entityMatcher, type EntityMatcher } from './entity-matcher';
import { namedInSentences, type Named } from './references';
import { sentenceIndexAt, splitSentences, type Span } from './sentences';

export interface Proposal {
  status: Status;
  /** The cue word the status was read from; none for fact. */
  cue?: string;
  /** Who the attribution names: an entity's name when it is one of the draft's, else the words of the text. */
  speakerName?: string;
  speakerId?: string;
  dates: Array<{ text: string; date: PartialDate; precision: 'day' | 'month' | 'year' }>;
  /** Entities mentioned in or around the selection, closest first. */
  entityIds: string[];
}

/** Entity types whose words can be quoted. */
const SPEAKERS: ReadonlySet<EntityType> = new Set(['person', 'organization', 'country', 'media']);

/** The sentences a selection touches, as one span. */
function sentencesAround(sentences: readonly Span[], sel: Span): { span: Span; first: number; last: number } {
  const first = Math.min(sentenceIndexAt(sentences, sel.start), Math.max(0, sentences.length - 1));
  let last = first;
  while (last + 1 < sentences.length && sentences[last + 1]!.start < sel.end) last++;
  const a = sentences[first] ?? sel;
  const b = sentences[last] ?? sel;
  return { span: { start: Math.min(a.start, sel.start), end: Math.max(b.end, sel.end) }, first, last };
}

const distance = (hit: Span, sel: Span) =>
  hit.end <= sel.start ? sel.start - hit.end : hit.start >= sel.end ? hit.start - sel.end : 0;

/** Pronouns that name an owner or an object, never who speaks ("his son, Donald Jr., admitted"). */
const NOT_SUBJECT = new Set(['his', 'her', 'him', 'their', 'them']);

/**
 * Who speaks in the passage. With a cue word, the first person named (or "he") before it outside
 * quotation marks ("Trump said", "He praises Trump’s reaction…, saying"), else another speaker before
 * it, else the first one after it (“…,” said Trump; according to NBC). Without a cue, a passage that
 * quotes someone's words gets the first person named outside the quotation marks of its sentence.
 */
function speakerOf(
  text: string,
  named: readonly Named[],
  around: Span,
  cue: Span | null,
  byId: Map<string, EntityRecord>,
) {
  const quoted = quotedSpans(text.slice(around.start, around.end)).map((q) => ({
    start: q.start + around.start,
    end: q.end + around.start,
  }));
  const outside = (s: Span) => !quoted.some((q) => s.start >= q.start && s.end <= q.end);
  const possessive = (n: Named) =>
    n.via ? NOT_SUBJECT.has(n.via) : /^['’]s?\b/u.test(text.slice(n.span.end, n.span.end + 2));
  const speakers = named.filter(
    (n) => outside(n.span) && !possessive(n) && SPEAKERS.has(byId.get(n.entityId)?.type ?? 'event'),
  );
  const person = (n: Named) => byId.get(n.entityId)?.type === 'person';
  if (cue) {
    const before = speakers.filter((n) => n.span.end <= cue.start);
    return before.find(person) ?? before[0] ?? speakers.find((n) => n.span.start >= cue.end);
  }
  const quote = quoted.find((q) => q.end - q.start > 3);
  if (!quote) return undefined;
  return speakers.find(person);
}

/** What a caller proposing for many passages of one text (the loom) computes once and passes in. */
export interface Prepared {
  matcher?: EntityMatcher;
  sentences?: Span[];
  /** namedInSentences over all of `sentences`. */
  named?: readonly Named[][];
}

export function proposeFor(
  text: string,
  sel: Span,
  entities: readonly EntityRecord[],
  sourceDate: string | null,
  prepared: Prepared = {},
): Proposal {
  const matcher = prepared.matcher ?? entityMatcher(entities);
  const sentences = prepared.sentences ?? splitSentences(text);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const { span: around, first, last } = sentencesAround(sentences, sel);
  const cue = statusCue(text, around);
  const proposal: Proposal = { status: cue?.status ?? 'fact', dates: [], entityIds: [] };
  if (cue) proposal.cue = cue.text;
  if (cue?.status !== 'opinion') {
    // References look back three sentences at most, so a few before the selection are enough.
    const from = Math.max(0, first - 4);
    const named = prepared.named
      ? prepared.named.slice(first, last + 1).flat()
      : namedInSentences(text, sentences.slice(from, last + 1), matcher, entities)
          .slice(first - from)
          .flat();
    const speaker = speakerOf(text, named, around, cue?.span ?? null, byId);
    if (speaker) {
      proposal.speakerId = speaker.entityId;
      proposal.speakerName = byId.get(speaker.entityId)!.name;
    }
  }
  proposal.dates = datesIn(text.slice(around.start, around.end), sourceDate).map(
    ({ text, date, precision }) => ({
      text,
      date,
      precision,
    }),
  );
  // In the selection first, then the rest of its sentences, then the sentence before (for "he", "it").
  const wider = { start: sentences[first - 1]?.start ?? around.start, end: around.end };
  // Words that could be several entities ("the summit") are left to the author.
  const hits = matcher.find(text, wider).filter((h) => !h.candidates);
  const order = hits
    .map((h) => ({ id: h.entityId, d: distance(h.span, sel) + (h.span.end <= around.start ? 10_000 : 0) }))
    .sort((a, b) => a.d - b.d);
  proposal.entityIds = [...new Set(order.map((o) => o.id))];
  return proposal;
}

/** Words that say nothing about which relation a sentence states. */
const PLAIN = new Set(
  (
    'that this with from have been were their there which about into over other also more than when what ' +
    'they them then some such only just even very will would could should source target entity entities ' +
    'type types relation between after before where while does said says the and for was his her but ' +
    'not are has had who its one two any all can out our you she him per how why now new'
  ).split(' '),
);

/** A crude stem, enough to meet "praised" with "praise" and "leads" with "leader". */
const stem = (w: string) => w.replace(/(?:ing|ed|es|er|ly|s)$/, '').slice(0, 5);
const stems = (s: string) =>
  new Set((s.toLowerCase().match(/\p{L}{3,}/gu) ?? []).filter((w) => !PLAIN.has(w)).map(stem));

// The loom ranks types for every candidate; a type's words are read once.
const TYPE_WORDS = new WeakMap<RelationType, { label: Set<string>; description: Set<string> }>();
function typeWords(t: RelationType) {
  let words = TYPE_WORDS.get(t);
  if (!words) {
    words = {
      label: stems(`${t.id.replace(/_/g, ' ')} ${t.label} ${t.inverseLabel}`),
      description: stems(t.description ?? ''),
    };
    TYPE_WORDS.set(t, words);
  }
  return words;
}

/**
 * The vocabulary's types that allow an entity of `sourceType` as source and `targetType` as target
 * (either way round for an undirected type). With the words of the passage, those whose id, labels
 * (counted twice) and description share most words with it come first; otherwise, and among equals,
 * the vocabulary's order.
 */
export function proposeRelationTypes(
  types: readonly RelationType[],
  sourceType: EntityType,
  targetType: EntityType,
  context?: string,
): RelationType[] {
  const fits = (t: RelationType, s: EntityType, o: EntityType) => t.domain.includes(s) && t.range.includes(o);
  const fitting = types.filter(
    (t) => fits(t, sourceType, targetType) || (!t.directed && fits(t, targetType, sourceType)),
  );
  if (!context) return fitting;
  const words = stems(context);
  const score = (t: RelationType) => {
    const own = typeWords(t);
    let n = 0;
    for (const w of own.label) if (words.has(w)) n += 2;
    for (const w of own.description) if (words.has(w)) n += 1;
    return n;
  };
  const scored = fitting.map((t, i) => ({ t, i, n: score(t) }));
  return scored.sort((a, b) => b.n - a.n || a.i - b.i).map((x) => x.t);
}
