/**
 * The path search on a generated graph with hubs, against a breadth-first search in memory: every answer
 * is right (the shortest paths, how many there are, each step's relations, why there is none), and the
 * reads that made the search slow at millions of relations stay small: a wide layer is read for its
 * meetings, and a step's relations from its end with fewer relations.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db';
import {
  DEFAULT_SERVER_PATH_OPTIONS,
  findPaths,
  type PathLayer,
  type ServerPathOptions,
  type ServerPathResult,
} from '../../src/server/paths';
import { mulberry32 } from '../../src/model/core/prng';
import { STATUSES, type Status } from '../../src/model/core/vocabulary';
import { rowsRead, meteredDb } from './plan-reads';
import { importedOnce } from './server-db';
import { generatedBundle } from './generated-bundle';

const bundle = generatedBundle({ entities: 1500, relations: 9000, seed: 5, sourceBytes: 20_000 });
let db: Db;
let version: number;
importedOnce(
  'paths-generated',
  () => bundle,
  (opened) => ({ db, version } = opened),
);

const base: ServerPathOptions = DEFAULT_SERVER_PATH_OPTIONS;
const REFUTED = STATUSES.indexOf('refuted');
const pairKey = (a: string, b: string) => (a < b ? `${a}>${b}` : `${b}>${a}`);

/** Distinct neighbours and relations per entity over every relation: what the server precomputes. */
const degree = new Map<string, number>();
const relationCount = new Map<string, number>();
{
  const neighbours = new Map<string, Set<string>>();
  for (const r of bundle.relations)
    for (const [x, y] of [
      [r.source, r.target],
      [r.target, r.source],
    ] as const) {
      if (!neighbours.has(x)) neighbours.set(x, new Set());
      neighbours.get(x)!.add(y);
      relationCount.set(x, (relationCount.get(x) ?? 0) + 1);
    }
  for (const [id, s] of neighbours) degree.set(id, s.size);
}
const hubs = [...degree].sort((a, b) => b[1] - a[1]).map(([id]) => id);

/** The graph a search with these options walks: neighbours and each pair's relations, firmest first. */
function graphUnder(minStatus: Status | null) {
  const floor = minStatus === null ? REFUTED : Math.min(STATUSES.indexOf(minStatus), REFUTED - 1);
  const adjacent = new Map<string, Set<string>>();
  const relations = new Map<string, Array<{ id: string; status: number; row: number }>>();
  bundle.relations.forEach((r, row) => {
    const status = STATUSES.indexOf(r.status);
    if (status > floor) return;
    for (const [x, y] of [
      [r.source, r.target],
      [r.target, r.source],
    ] as const) {
      if (!adjacent.has(x)) adjacent.set(x, new Set());
      adjacent.get(x)!.add(y);
    }
    const key = pairKey(r.source, r.target);
    relations.set(key, [...(relations.get(key) ?? []), { id: r.id, status, row }]);
  });
  for (const list of relations.values()) list.sort((a, b) => a.status - b.status || a.row - b.row);
  return { adjacent, relations };
}

/** Checks one answer against a breadth-first search from `from`, counting the shortest paths. */
function expectRight(from: string, to: string, o: ServerPathOptions, got: ServerPathResult) {
  const { adjacent, relations } = graphUnder(o.minStatus);
  const passable = (v: string) =>
    v === from || v === to || o.maxHubDegree === null || degree.get(v)! <= o.maxHubDegree;
  const dist = new Map([[from, 0]]);
  const count = new Map([[from, 1]]);
  let frontier = [from];
  while (frontier.length > 0 && !dist.has(to)) {
    const next: string[] = [];
    for (const u of frontier) {
      // The far end is reached, never passed through: a hub there is the user's choice.
      for (const v of adjacent.get(u) ?? []) {
        if (!passable(v)) continue;
        if (!dist.has(v)) {
          dist.set(v, dist.get(u)! + 1);
          count.set(v, 0);
          next.push(v);
        }
        if (dist.get(v) === dist.get(u)! + 1) count.set(v, Math.min(1e9, count.get(v)! + count.get(u)!));
      }
    }
    frontier = next;
  }
  const d = dist.get(to);
  const label = `${from} → ${to} ${JSON.stringify({ ...o, onLayer: undefined })}`;
  if (d === undefined || d > o.maxLength) {
    expect(got.paths, label).toEqual([]);
    expect(d === undefined ? ['disconnected', 'too-far'] : ['too-far'], label).toContain(got.reason);
    return;
  }
  const shortest = count.get(to)!;
  expect(got.reason, label).toBeUndefined();
  expect(got.more, label).toBe(shortest > o.maxPaths);
  expect(got.paths.length, label).toBe(Math.min(shortest, o.maxPaths));
  expect(new Set(got.paths.map((p) => p.entityIds.join('>'))).size, label).toBe(got.paths.length);
  for (const p of got.paths) {
    expect(p.entityIds.length - 1, label).toBe(d);
    expect(p.entityIds[0]).toBe(from);
    expect(p.entityIds.at(-1)).toBe(to);
    p.entityIds.forEach((v, i) => {
      expect(dist.get(v), label).toBe(i);
      expect(passable(v), label).toBe(true);
    });
    p.steps.forEach((s, i) => {
      expect([s.from, s.to]).toEqual([p.entityIds[i], p.entityIds[i + 1]]);
      expect(s.relationIds, label).toEqual(relations.get(pairKey(s.from, s.to))!.map((r) => r.id));
    });
  }
}

const rng = mulberry32(16);
const pick = () => bundle.entities[rng.int(bundle.entities.length)]!.id;
const pairs = [
  ...Array.from({ length: 30 }, (): [string, string] => [pick(), pick()]),
  // Hubs at either end and both.
  ...hubs.slice(0, 4).map((h): [string, string] => [h, pick()]),
  ...hubs.slice(0, 4).map((h): [string, string] => [pick(), h]),
  [hubs[0]!, hubs[1]!] as [string, string],
].filter(([a, b]) => a !== b);

describe('path search on a generated graph', () => {
  it('finds every shortest path the graph holds, up to the limit, with each step’s relations', async () => {
    expect(degree.get(hubs[0]!)).toBeGreaterThan(200);
    const variants: ServerPathOptions[] = [
      base,
      { ...base, maxPaths: 20 },
      { ...base, maxLength: 6, maxHubDegree: 40 },
      { ...base, maxLength: 5, minStatus: 'claim' },
      { ...base, maxLength: 2 },
    ];
    const found = new Set<number>();
    for (const o of variants)
      for (const [from, to] of pairs) {
        const got = await findPaths(db, version, from, to, o);
        expectRight(from, to, o, got);
        if (got.paths.length > 0) found.add(got.paths[0]!.entityIds.length);
        if (got.more) found.add(0);
      }
    // Paths of 2, 3 and 4 entities were found, and some searches had more than the limit.
    expect([...found].sort()).toEqual(expect.arrayContaining([0, 2, 3, 4]));
  });

  it('reads a wide layer for its meetings alone, and reads the whole layer only when it meets nothing', async () => {
    const o: ServerPathOptions = { ...base, maxLength: 6 };
    let narrow = 0;
    let whole = 0;
    for (const [from, to] of pairs) {
      const narrowLayers: PathLayer[] = [];
      const wholeLayers: PathLayer[] = [];
      const a = await findPaths(db, version, from, to, {
        ...o,
        wideLayer: 0,
        onLayer: (l) => narrowLayers.push(l),
      });
      const b = await findPaths(db, version, from, to, {
        ...o,
        wideLayer: Infinity,
        onLayer: (l) => wholeLayers.push(l),
      });
      expect(a).toEqual(b);
      expect(narrowLayers.map((l) => l.side)).toEqual(wholeLayers.map((l) => l.side));
      if (a.paths.length === 0) continue;
      // The layer that met: only the relations into the meetings, against all of the frontier's.
      narrow += narrowLayers.at(-1)!.rows;
      whole += wholeLayers.at(-1)!.rows;
      expect(narrowLayers.at(-1)!.rows).toBeLessThanOrEqual(wholeLayers.at(-1)!.rows);
    }
    expect(narrow).toBeLessThan(whole / 2);
  });

  it("reads each step's relations from its end with fewer relations, not a hub's", async () => {
    const reads = { steps: 0, bound: 0 };
    const metered = meteredDb(db, async (sql, params) => {
      if (/unnest/.test(sql)) reads.steps += await rowsRead(db, /^tl_relations/, sql, params);
    });
    for (const [from, to] of pairs) {
      const got = await findPaths(metered, version, from, to, { ...base, maxPaths: 20 });
      const steps = new Map<string, [string, string, number]>();
      for (const p of got.paths)
        for (const s of p.steps) steps.set(pairKey(s.from, s.to), [s.from, s.to, s.relationIds.length]);
      for (const [x, y, found] of steps.values()) {
        const [dx, dy] = [degree.get(x)!, degree.get(y)!];
        const [rx, ry] = [relationCount.get(x)!, relationCount.get(y)!];
        const near = dx < dy ? rx : dy < dx ? ry : Math.max(rx, ry);
        // The smaller end's relations in both indexes, then each relation found read for its id.
        reads.bound += near + 2 * found;
      }
    }
    expect(reads.bound).toBeGreaterThan(0);
    expect(reads.steps).toBeLessThanOrEqual(reads.bound);
  });
});
