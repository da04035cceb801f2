/** The path search grows the side whose frontier has fewer relations, so a hub at one end is read last. */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db';
import {
  DEFAULT_SERVER_PATH_OPTIONS,
  findPaths,
  type PathLayer,
  type ServerPathOptions,
} from '../../src/server/paths';
import { DEFAULT_PATH_OPTIONS, findPaths as findLocalPaths } from '../../src/model/analysis/paths';
import { buildModel } from '../../src/model/core/model-builder';
import { articleBundle } from '../unit/fixtures';
import { importedOnce } from './server-db';

const bundle = articleBundle();
let db: Db;
let version: number;
importedOnce(
  'paths-side',
  () => bundle,
  (opened) => ({ db, version } = opened),
);

const options: ServerPathOptions = { ...DEFAULT_SERVER_PATH_OPTIONS, maxPaths: 20 };

/** Distinct neighbours per entity, as the server's degree counts them. */
function neighbours(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (!out.has(a)) out.set(a, new Set());
    out.get(a)!.add(b);
  };
  for (const r of bundle.relations) {
    link(r.source, r.target);
    link(r.target, r.source);
  }
  return out;
}

describe('path search side', () => {
  it('grows from the end with fewer relations first, whichever end it is, and finds the same paths', async () => {
    const n = neighbours();
    const ranked = [...n].sort((a, b) => b[1].size - a[1].size);
    const hub = ranked[0]![0];
    // A leaf two steps or more from the hub.
    const leaf = ranked
      .filter(([id, s]) => s.size === 1 && !n.get(hub)!.has(id) && id !== hub)
      .map(([id]) => id)[0]!;
    expect(n.get(hub)!.size).toBeGreaterThan(10);
    for (const [from, to, first] of [
      [hub, leaf, 'to'],
      [leaf, hub, 'from'],
    ] as const) {
      const layers: PathLayer[] = [];
      const found = await findPaths(db, version, from, to, { ...options, onLayer: (l) => layers.push(l) });
      expect(layers[0]!.side).toBe(first);
      // The hub's relations are read once at most, in the last layer, narrowed to the entities met.
      expect(layers[0]!.rows).toBeLessThan(n.get(hub)!.size);
      // Every shortest chain the explorer finds, and only those.
      const local = findLocalPaths(buildModel(bundle), from, to, {
        ...DEFAULT_PATH_OPTIONS,
        maxLength: 4,
        maxPaths: 20,
      }).paths.map((p) => p.entityIds);
      const shortest = Math.min(...local.map((p) => p.length));
      expect(found.more).toBe(false);
      expect(found.paths.map((p) => p.entityIds.join('>')).sort()).toEqual(
        local
          .filter((p) => p.length === shortest)
          .map((p) => p.join('>'))
          .sort(),
      );
    }
  });
});
