/**
 * What a single-file embed carries: the drawn entities where they sit, the relations between them with
 * their sentences (status included, as the app words them), each quote with its source and the sentence
 * around it, and the story. Plain JSON: the embed's page reads it and nothing else.
 */
import { baseTypeOf, entityTypeLabel } from '../core/entity-types';
import type { Model } from '../core/model';
import { relationSentence } from '../core/relation-wording';
import { STATUS_EXPLANATIONS, type EntityType, type Status } from '../core/vocabulary';
import { QUOTE_CONTEXT_CHARS, quoteContext } from '../core/held-text';
import type { RelationRecord } from '../format/schema';
import type { Story } from '../story/story';

export interface EmbedQuote {
  exact: string;
  /** The sentence the quote sits in, split around it so the page can mark the quote. */
  before: string;
  after: string;
  speaker?: string;
  source: { title: string; publisher: string | null; date: string | null; url: string | null };
}

export interface EmbedData {
  format: 'threadline-embed';
  version: 1;
  title: string;
  description?: string;
  entities: Array<{
    id: string;
    name: string;
    /** The base type it is drawn as, and the dataset's own word for its type. */
    base: EntityType;
    typeLabel: string;
    description: string;
    x: number;
    y: number;
  }>;
  relations: Array<{
    id: string;
    source: string;
    target: string;
    sentence: string;
    status: Status;
    directed: boolean;
    quotes: EmbedQuote[];
  }>;
  statuses: Array<{ status: Status; explanation: string }>;
  story: Story | null;
  /** Where it came from, for the credit line. */
  credit: string;
}

/** Beyond these an embed stops being a page a reader can take in (and a file a host accepts). */
export const EMBED_LIMITS = { entities: 500, relations: 2_000 };

export type EmbedResult = { data: EmbedData } | { error: string };

export function embedData(
  model: Model,
  shown: { entityIds: readonly string[]; relations: readonly RelationRecord[] },
  positions: ReadonlyMap<string, { x: number; y: number }>,
  story: Story | null,
  credit: string,
): EmbedResult {
  if (shown.entityIds.length === 0) return { error: 'Nothing is drawn: there is nothing to embed.' };
  if (shown.entityIds.length > EMBED_LIMITS.entities || shown.relations.length > EMBED_LIMITS.relations)
    return {
      error: `The view is too large to embed (${shown.entityIds.length} entities, ${shown.relations.length} relations; at most ${EMBED_LIMITS.entities} and ${EMBED_LIMITS.relations}). Keep only part of it first.`,
    };
  const ids = new Set(shown.entityIds);
  const entities = shown.entityIds.map((id) => {
    const e = model.entities.get(id)!;
    const p = positions.get(id) ?? { x: 0, y: 0 };
    return {
      id,
      name: e.name,
      base: baseTypeOf(model, e.type),
      typeLabel: entityTypeLabel(model, e.type),
      description: e.description,
      x: Math.round(p.x),
      y: Math.round(p.y),
    };
  });
  const used = new Set<Status>();
  const relations = shown.relations.map((r) => {
    used.add(r.status);
    const quotes = r.evidence.flatMap((qid): EmbedQuote[] => {
      const q = model.quotes.get(qid);
      const s = q && model.sources.get(q.sourceId);
      if (!q || !s) return [];
      // A server's long source is held as windows wider than QUOTE_CONTEXT_CHARS (those of quotes it sent
      // alone are fetched before the export): the context is the same as whole.
      const around = quoteContext(s, q.start, q.end, QUOTE_CONTEXT_CHARS);
      const speaker = q.speaker ? model.entities.get(q.speaker)?.name : undefined;
      return [
        {
          exact: q.exact,
          before: around?.before ?? '',
          after: around?.after ?? '',
          ...(speaker ? { speaker } : {}),
          source: { title: s.title, publisher: s.publisher, date: s.date, url: s.url },
        },
      ];
    });
    return {
      id: r.id,
      source: r.source,
      target: r.target,
      sentence: relationSentence(model, r),
      status: r.status,
      directed: model.relationTypes.get(r.type)?.directed ?? true,
      quotes,
    };
  });
  const keptStory =
    story && story.steps.length > 0
      ? {
          ...story,
          steps: story.steps.map((step) => {
            const keep = step.entities.map((id) => ids.has(id));
            return {
              ...step,
              entities: step.entities.filter((_, i) => keep[i]),
              positions: step.positions.filter((_, i) => keep[i]),
              pinned: step.pinned.filter((id) => ids.has(id)),
            };
          }),
        }
      : null;
  return {
    data: {
      format: 'threadline-embed',
      version: 1,
      title: model.dataset.title,
      ...(model.dataset.description ? { description: model.dataset.description } : {}),
      entities,
      relations,
      statuses: [...used].map((status) => ({ status, explanation: STATUS_EXPLANATIONS[status] })),
      story: keptStory,
      credit,
    },
  };
}

/**
 * The data as it goes inside the page's `<script type="application/json">`: "<" is escaped so no text in
 * the dataset (a name such as "</script><script>…") can end the element and start markup.
 */
export const embedJson = (data: EmbedData): string =>
  JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
