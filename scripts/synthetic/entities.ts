/** Entities of every type, each with a hub weight that makes endpoint choice heavy-tailed. */
import type { EntityRecord } from '../../src/model/format/schema';
import { ENTITY_TYPES, type EntityType } from '../../src/model/core/vocabulary';
import { draftEntity, slugify } from './names';
import type { Rng } from '../../src/model/core/prng';

/** Share of each type; people dominate, as in the hand-made datasets. */
const TYPE_SHARE: Record<EntityType, number> = {
  person: 0.4,
  organization: 0.2,
  event: 0.1,
  place: 0.08,
  document: 0.08,
  financial: 0.06,
  media: 0.05,
  country: 0.03,
};

/**
 * Zipf exponent of the hub weights. Just under 1 gives the largest hub thousands of relations at 10k/50k
 * and tens of thousands at 100k/500k, while the median entity keeps a handful.
 */
const ZIPF_EXPONENT = 0.9;

function shuffle<T>(list: T[], rng: Rng): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

function typeCounts(total: number): Map<EntityType, number> {
  const counts = new Map<EntityType, number>();
  // Every type gets one before shares are applied, so even tiny datasets cover the whole vocabulary.
  const floor = total >= ENTITY_TYPES.length ? 1 : 0;
  let assigned = 0;
  for (const type of ENTITY_TYPES) {
    const n = Math.max(floor, Math.floor(total * TYPE_SHARE[type]));
    counts.set(type, n);
    assigned += n;
  }
  counts.set('person', counts.get('person')! + total - assigned);
  return counts;
}

export interface GeneratedEntities {
  records: EntityRecord[];
  /** Hub weight of each entity, by index into records. */
  weights: Float64Array;
}

export function generateEntities(total: number, rng: Rng): GeneratedEntities {
  const types: EntityType[] = [];
  for (const [type, n] of typeCounts(total)) for (let i = 0; i < n; i++) types.push(type);
  shuffle(types, rng);

  const ids = new Set<string>();
  const records = types.map((type): EntityRecord => {
    const draft = draftEntity(type, rng);
    const base = slugify(draft.name);
    // Namesakes are realistic; their ids stay unique with a counter.
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return { id, ...draft };
  });

  const ranks = shuffle(
    records.map((_, i) => i),
    rng,
  );
  const weights = new Float64Array(total);
  ranks.forEach((entity, rank) => (weights[entity] = 1 / Math.pow(rank + 1, ZIPF_EXPONENT)));
  return { records, weights };
}
