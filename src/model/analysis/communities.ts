/** Louvain communities over the entity graph, numbered by size so colours stay stable between runs. */
import louvain from 'graphology-communities-louvain';
import type { Model } from '../core/model';
import { buildEntityGraph } from './entity-graph';

/** A small seeded generator: Louvain visits nodes in random order and must give the same answer every time. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Community index per entity: 0 is the largest community; entities without relations get their own. */
export function communities(model: Model): Map<string, number> {
  const g = buildEntityGraph(model);
  const raw: Record<string, number> =
    g.size === 0 ? {} : louvain(g, { getEdgeWeight: 'weight', rng: seeded(7) });
  const members = new Map<number, string[]>();
  g.forEachNode((key, { id }) => {
    const c = (Object.hasOwn(raw, key) ? raw[key] : undefined) ?? -1 - members.size;
    members.set(c, [...(members.get(c) ?? []), id]);
  });
  const ordered = [...members.values()].sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
  const out = new Map<string, number>();
  ordered.forEach((ids, i) => ids.forEach((id) => out.set(id, i)));
  return out;
}
