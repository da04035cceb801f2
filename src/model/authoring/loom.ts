/**
 * The relationship loom: every sentence in which two of the draft's entities are named, as a candidate
 * relation with its proposed type and status, best first. A sentence that already is evidence of the
 * pair's relation is not asked again; one the author skipped is left out.
 */
import type { EntityRecord, RelationFileRecord } from '../format/schema';
import { evidenceIds, type Draft } from './draft';
import { entityMatcher } from './entity-matcher';
import { namedInSentences, type Named } from './references';
import { proposeFor, proposeRelationTypes, type Proposal } from './proposals';
import { splitSentences, type Span } from './sentences';
import { anchorQuote } from '../format/anchor';

export interface LoomCandidate {
  sourceId: string;
  sentence: Span;
  /** The pair, in the direction of the proposed type (else in the order the text names them). */
  a: string;
  b: string;
  /** 0–1: higher when the two are named close together, by name, in a sentence about few others. */
  score: number;
  proposedType?: string;
  proposal: Proposal;
  /** The relation the pair already has, to which the sentence would add evidence. */
  existingRelation?: string;
}

/** The key a skipped candidate is remembered by: the sentence and the pair, either way round. */
export function loomKey(c: Pick<LoomCandidate, 'sourceId' | 'sentence' | 'a' | 'b'>): string {
  const [x, y] = [c.a, c.b].sort();
  return `${c.sourceId}@${c.sentence.start}-${c.sentence.end}:${x}+${y}`;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Spans of the quotes of each relation in one source, by pair. */
function evidenceByPair(
  draft: Draft,
  sourceId: string,
  text: string,
): Map<string, { relation: RelationFileRecord; spans: Span[] }> {
  const quotes = new Map(draft.quotes.filter((q) => q.source === sourceId).map((q) => [q.id, q]));
  const out = new Map<string, { relation: RelationFileRecord; spans: Span[] }>();
  for (const r of draft.relations) {
    const key = pairKey(r.source, r.target);
    const entry = out.get(key) ?? { relation: r, spans: [] };
    for (const id of evidenceIds(r)) {
      const q = quotes.get(id);
      if (!q) continue;
      const at = anchorQuote(text, q.exact, q.prefix, q.suffix);
      if (at.ok) entry.spans.push({ start: at.start, end: at.end });
    }
    out.set(key, entry);
  }
  return out;
}

function score(a: Named, b: Named, names: number, hasType: boolean): number {
  const gap = Math.max(0, Math.max(a.span.start, b.span.start) - Math.min(a.span.end, b.span.end));
  let s = 1 / (1 + gap / 60);
  if (a.implied || b.implied) s *= 0.6;
  s *= 1 / (1 + 0.15 * Math.max(0, names - 2));
  return hasType ? 0.8 * s + 0.2 : 0.8 * s;
}

/** A pair met across two sentences ranks below any pair named in one (see loomCandidates). */
const ACROSS = 0.5;

/** Whether two sentences of a text stand in one paragraph: no line break between them. */
const sameParagraph = (text: string, a: Span, b: Span) => !text.slice(a.end, b.start).includes('\n');

export function loomCandidates(draft: Draft, skipped: ReadonlySet<string> = new Set()): LoomCandidate[] {
  if (draft.entities.length < 2) return [];
  const matcher = entityMatcher(draft.entities);
  const byId = new Map<string, EntityRecord>(draft.entities.map((e) => [e.id, e]));
  const out: LoomCandidate[] = [];
  for (const source of draft.sources) {
    const text = draft.texts[source.id];
    if (!text) continue;
    const sentences = splitSentences(text);
    const existing = evidenceByPair(draft, source.id, text);
    const namedBySentence = namedInSentences(text, sentences, matcher, draft.entities);
    const proposals = new Map<string, Proposal>();
    const proposal = (span: Span) => {
      const key = `${span.start}-${span.end}`;
      let p = proposals.get(key);
      if (!p) {
        p = proposeFor(text, span, draft.entities, source.date, {
          matcher,
          sentences,
          named: namedBySentence,
        });
        proposals.set(key, p);
      }
      return p;
    };
    const consider = (x: Named, y: Named, sentence: Span, names: number, weight: number) => {
      let [a, b] = [x, y].sort((p, q) => p.span.start - q.span.start) as [Named, Named];
      const ea = byId.get(a.entityId)!;
      const eb = byId.get(b.entityId)!;
      const words = text.slice(sentence.start, sentence.end);
      let types = proposeRelationTypes(draft.relationTypes, ea.type, eb.type, words);
      if (types.length === 0) {
        const reversed = proposeRelationTypes(draft.relationTypes, eb.type, ea.type, words);
        if (reversed.length > 0) {
          types = reversed;
          [a, b] = [b, a];
        }
      }
      const ids = { sourceId: source.id, sentence, a: a.entityId, b: b.entityId };
      if (skipped.has(loomKey(ids))) return;
      const prior = existing.get(pairKey(a.entityId, b.entityId));
      if (prior?.spans.some((s) => s.start < sentence.end && s.end > sentence.start)) return;
      out.push({
        ...ids,
        score: Math.round(weight * score(a, b, names, types.length > 0) * 1000) / 1000,
        ...(types[0] ? { proposedType: types[0].id } : {}),
        proposal: proposal(sentence),
        ...(prior ? { existingRelation: prior.relation.id } : {}),
      });
    };
    sentences.forEach((sentence, index) => {
      const named = namedBySentence[index]!;
      for (let i = 0; i < named.length; i++)
        for (let j = i + 1; j < named.length; j++) consider(named[i]!, named[j]!, sentence, named.length, 1);
      // An article names one side and, in the next sentence, says what happened to it: the entity of
      // the sentence before in the same paragraph meets this one's, as the two sentences together,
      // ranked below. Neither may be a mere pronoun: across a sentence boundary "he" is too unsure.
      const before = sentences[index - 1];
      if (!before || !sameParagraph(text, before, sentence)) return;
      const earlier = namedBySentence[index - 1]!;
      const here = new Set(named.map((n) => n.entityId));
      const there = new Set(earlier.map((n) => n.entityId));
      const both = { start: before.start, end: sentence.end };
      for (const x of named)
        for (const y of earlier)
          if (!there.has(x.entityId) && !here.has(y.entityId) && !(x.via || y.via))
            consider(x, y, both, named.length + earlier.length, ACROSS);
    });
  }
  const sourceOrder = new Map(draft.sources.map((s, i) => [s.id, i]));
  return out.sort(
    (x, y) =>
      y.score - x.score ||
      sourceOrder.get(x.sourceId)! - sourceOrder.get(y.sourceId)! ||
      x.sentence.start - y.sentence.start,
  );
}
