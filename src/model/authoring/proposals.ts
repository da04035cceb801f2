/**
 * What the "Cite as evidence" form proposes for a passage: its status from cue words, the speaker the
 * attribution names, the dates it mentions, the entities in and around it, and the relation types that
 * fit two entities' types.
 */
import type { EntityType, Status } from '../core/vocabulary';
import type { EntityRecord, PartialDate, RelationType } from '../format/schema';
import { quotedSpans, statusCue } from './cues';
import { datesIn } from './dates';
import { entityMatcher, type EntityHit, type EntityMatcher } from './entity-matcher';
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
const PRONOUN = /\b(?:he|she|they)\b/giu;

/** The sentences a selection touches, as one span. */
function sentencesAround(sentences: readonly Span[], sel: Span): { span: Span; first: number } {
  const first = Math.min(sentenceIndexAt(sentences, sel.start), Math.max(0, sentences.length - 1));
  let last = first;
  while (last + 1 < sentences.length && sentences[last + 1]!.start < sel.end) last++;
  const a = sentences[first] ?? sel;
  const b = sentences[last] ?? sel;
  return { span: { start: Math.min(a.start, sel.start), end: Math.max(b.end, sel.end) }, first };
}

const distance = (hit: Span, sel: Span) =>
  hit.end <= sel.start ? sel.start - hit.end : hit.start >= sel.end ? hit.start - sel.end : 0;

interface Context {
  text: string;
  sentences: Span[];
  matcher: EntityMatcher;
  byId: Map<string, EntityRecord>;
}

/** The person (or other speaker) named last before `at`, looking back up to three sentences. */
function antecedent(ctx: Context, at: number, sentenceIndex: number): EntityHit | undefined {
  const from = ctx.sentences[Math.max(0, sentenceIndex - 3)]?.start ?? 0;
  const hits = ctx.matcher.find(ctx.text, { start: from, end: at });
  for (let i = hits.length - 1; i >= 0; i--) {
    const e = ctx.byId.get(hits[i]!.entityId);
    if (e?.type === 'person') return hits[i];
  }
  return undefined;
}

/**
 * The speaker of an attribution: the speaker-like entity named nearest before the cue word outside
 * quotation marks ("Trump said"), a pronoun there resolved to the last person named ("he insisted"),
 * or the entity right after it ("…,” said Trump; according to NBC).
 */
function speakerFor(ctx: Context, sentence: Span, sentenceIndex: number, cue: Span) {
  const quoted = quotedSpans(ctx.text.slice(sentence.start, sentence.end)).map((q) => ({
    start: q.start + sentence.start,
    end: q.end + sentence.start,
  }));
  const outside = (s: Span) => !quoted.some((q) => s.start >= q.start && s.end <= q.end);
  const hits = ctx.matcher
    .find(ctx.text, sentence)
    .filter((h) => outside(h.span) && SPEAKERS.has(ctx.byId.get(h.entityId)?.type ?? 'event'));
  const before = hits.filter((h) => h.span.end <= cue.start);
  const pronouns = [...ctx.text.slice(sentence.start, cue.start).matchAll(PRONOUN)]
    .map((m) => ({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length }))
    .filter(outside);
  const lastName = before[before.length - 1];
  const lastPronoun = pronouns[pronouns.length - 1];
  if (lastPronoun && (!lastName || lastPronoun.start > lastName.span.end)) {
    const hit = antecedent(ctx, lastPronoun.start, sentenceIndex);
    if (hit) return hit;
  }
  if (lastName) return lastName;
  return hits.find((h) => h.span.start >= cue.end);
}

export function proposeFor(
  text: string,
  sel: Span,
  entities: readonly EntityRecord[],
  sourceDate: string | null,
  matcher: EntityMatcher = entityMatcher(entities),
  sentences: Span[] = splitSentences(text),
): Proposal {
  const ctx: Context = { text, sentences, matcher, byId: new Map(entities.map((e) => [e.id, e])) };
  const { span: around, first } = sentencesAround(sentences, sel);
  const cue = statusCue(text, around);
  const proposal: Proposal = { status: cue?.status ?? 'fact', dates: [], entityIds: [] };
  if (cue) proposal.cue = cue.text;
  if (cue && cue.status !== 'opinion') {
    const speaker = speakerFor(ctx, around, first, cue.span);
    if (speaker) {
      proposal.speakerId = speaker.entityId;
      proposal.speakerName = ctx.byId.get(speaker.entityId)!.name;
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
  const hits = matcher.find(text, wider);
  const order = hits
    .map((h) => ({ id: h.entityId, d: distance(h.span, sel) + (h.span.end <= around.start ? 10_000 : 0) }))
    .sort((a, b) => a.d - b.d);
  proposal.entityIds = [...new Set(order.map((o) => o.id))];
  return proposal;
}

/**
 * The vocabulary's types that allow an entity of `sourceType` as source and `targetType` as target
 * (either way round for an undirected type), in the vocabulary's order.
 */
export function proposeRelationTypes(
  types: readonly RelationType[],
  sourceType: EntityType,
  targetType: EntityType,
): RelationType[] {
  const fits = (t: RelationType, s: EntityType, o: EntityType) => t.domain.includes(s) && t.range.includes(o);
  return types.filter(
    (t) => fits(t, sourceType, targetType) || (!t.directed && fits(t, targetType, sourceType)),
  );
}
