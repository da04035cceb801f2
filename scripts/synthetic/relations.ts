/** Relation endpoints: every entity takes part at least once, the rest are drawn in proportion to hub weight. */
import type { GeneratedEntities } from './entities';
import type { Rng } from '../../src/model/core/prng';
import type { SyntheticRelationType } from './relation-types';
import { weightedPool, type WeightedPool } from './weighted';

export interface Edge {
  type: SyntheticRelationType;
  source: number;
  target: number;
}

/** Draws entities of the allowed types: first a type in proportion to its total weight, then an entity. */
type Sampler = (rng: Rng) => number;

function samplers(entities: GeneratedEntities) {
  const byType = new Map<string, number[]>();
  entities.records.forEach((e, i) => {
    const list = byType.get(e.type) ?? [];
    list.push(i);
    byType.set(e.type, list);
  });
  const pools = new Map<string, WeightedPool<number>>();
  for (const [type, list] of byType)
    pools.set(
      type,
      weightedPool(list, (i) => entities.weights[i]!),
    );
  return (types: readonly string[]): Sampler | undefined => {
    const present = types.filter((t) => pools.has(t));
    if (present.length === 0) return undefined;
    const pick = weightedPool(present, (t) => pools.get(t)!.total);
    return (rng) => pools.get(pick.draw(rng))!.draw(rng);
  };
}

export function generateEdges(
  entities: GeneratedEntities,
  types: readonly SyntheticRelationType[],
  count: number,
  rng: Rng,
): Edge[] {
  const samplerFor = samplers(entities);
  const sides = types.flatMap((type) => {
    const domain = samplerFor(type.domain);
    const range = samplerFor(type.range);
    return domain && range ? [{ type, domain, range }] : [];
  });
  if (sides.length === 0) throw new Error('no relation type has entities at both ends');
  const edges: Edge[] = [];
  // Drawing the far end again avoids self-loops, which read oddly ("A met A"); a few tries always suffice.
  const other = (sampler: Sampler, not: number) => {
    for (let tries = 0; tries < 20; tries++) {
      const x = sampler(rng);
      if (x !== not) return x;
    }
    return undefined;
  };

  const used = new Uint8Array(entities.records.length);
  const mark = (e: Edge) => {
    used[e.source] = 1;
    used[e.target] = 1;
    edges.push(e);
  };
  const optionsOf = (entityType: string) =>
    sides.flatMap((s) => [
      ...(s.type.domain.includes(entityType) ? [{ s, asSource: true }] : []),
      ...(s.type.range.includes(entityType) ? [{ s, asSource: false }] : []),
    ]);
  const options = new Map([...new Set(entities.records.map((e) => e.type))].map((t) => [t, optionsOf(t)]));
  for (let i = 0; i < entities.records.length && edges.length < count; i++) {
    const mine = options.get(entities.records[i]!.type)!;
    if (used[i] || mine.length === 0) continue;
    const { s, asSource } = rng.pick(mine);
    const far = other(asSource ? s.range : s.domain, i);
    if (far === undefined) continue;
    mark(asSource ? { type: s.type, source: i, target: far } : { type: s.type, source: far, target: i });
  }
  while (edges.length < count) {
    const s = rng.pick(sides);
    const source = s.domain(rng);
    const target = other(s.range, source);
    if (target !== undefined) mark({ type: s.type, source, target });
  }
  return edges;
}
