/** Loads a compact index into a searchable, expandable model; evidence text stays out until asked for. */
import type { BundleQuote } from '../bundle';
import type { EntityRecord, RelationRecord } from '../schema';
import { buildEntitySearch, type EntitySearch } from '../search';
import { ENTITY_TYPES, STATUSES } from '../vocabulary';
import { bfsScratch, buildAdjacency, hopDistance, type Adjacency } from './adjacency';
import type { CompactEvidence, CompactIndex } from './format';

export interface CompactModel {
  index: CompactIndex;
  entities: EntityRecord[];
  entityIndex: Map<string, number>;
  adjacency: Adjacency;
  search: EntitySearch;
  relation(r: number): RelationRecord;
  /** Relations touching an entity and its distinct neighbours' ids. */
  expand(entityId: string): { relations: RelationRecord[]; neighbours: string[] };
  /** Hops between two entities over relations in either direction; null when unconnected. */
  distance(a: string, b: string): number | null;
}

export function loadCompact(index: CompactIndex): CompactModel {
  const e = index.entities;
  const entities = e.id.map((id, i): EntityRecord => ({
    id,
    type: ENTITY_TYPES[e.type[i]!]!,
    name: e.name[i]!,
    description: e.description[i]!,
    ...(e.aliases[i] ? { aliases: e.aliases[i] } : {}),
    ...(e.role[i] ? { role: e.role[i] } : {}),
    ...(e.date[i] ? { date: e.date[i] } : {}),
  }));
  const entityIndex = new Map(e.id.map((id, i) => [id, i]));
  const r = index.relations;
  const adjacency = buildAdjacency(entities.length, Int32Array.from(r.source), Int32Array.from(r.target));
  const scratch = bfsScratch(entities.length);

  // Records are built on demand: a relation object for each of 500k relations is most of the old model's heap.
  const relation = (k: number): RelationRecord => ({
    id: r.id[k]!,
    source: e.id[r.source[k]!]!,
    target: e.id[r.target[k]!]!,
    type: index.relationTypes[r.type[k]!]!.id,
    status: STATUSES[r.status[k]!]!,
    ...(r.date[k] ? { date: r.date[k] } : {}),
    ...(r.note[k] ? { note: r.note[k] } : {}),
    evidence: r.evidence.slice(r.evidenceStart[k]!, r.evidenceStart[k + 1]!).map((q) => index.quoteIds[q]!),
  });

  return {
    index,
    entities,
    entityIndex,
    adjacency,
    search: buildEntitySearch(entities),
    relation,
    expand(entityId) {
      const i = entityIndex.get(entityId);
      if (i === undefined) return { relations: [], neighbours: [] };
      const relations: RelationRecord[] = [];
      const seen = new Set<number>();
      for (let k = adjacency.offsets[i]!; k < adjacency.offsets[i + 1]!; k++) {
        relations.push(relation(adjacency.relationOf[k]!));
        if (adjacency.neighbours[k] !== i) seen.add(adjacency.neighbours[k]!);
      }
      return { relations, neighbours: [...seen].map((n) => e.id[n]!) };
    },
    distance(a, b) {
      const x = entityIndex.get(a);
      const y = entityIndex.get(b);
      return x === undefined || y === undefined ? null : hopDistance(adjacency, x, y, scratch);
    },
  };
}

/** A quote as the bundle has it, rebuilt from the evidence document; its text is a slice of the source. */
export function compactQuote(index: CompactIndex, evidence: CompactEvidence, q: number): BundleQuote {
  const c = evidence.quotes;
  const start = c.start[q]!;
  const end = c.end[q]!;
  const speaker = c.speaker[q]!;
  const occasion = c.occasion[q]!;
  return {
    id: index.quoteIds[q]!,
    sourceId: index.sources[c.source[q]!]!.id,
    exact: evidence.texts[c.source[q]!]!.slice(start, end),
    start,
    end,
    ...(c.prefix[q] ? { prefix: c.prefix[q] } : {}),
    ...(c.suffix[q] ? { suffix: c.suffix[q] } : {}),
    ...(speaker >= 0 ? { speaker: index.entities.id[speaker]! } : {}),
    ...(occasion >= 0 ? { occasion: index.entities.id[occasion]! } : {}),
  };
}
