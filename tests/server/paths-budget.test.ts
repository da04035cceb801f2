/** A path search stops at its time budget between layers, as it stops at its entity budget: with `budget`. */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db';
import { DEFAULT_SERVER_PATH_OPTIONS, findPaths, type ServerPathOptions } from '../../src/server/paths';
import { articleBundle } from '../unit/fixtures';
import { importedOnce } from './server-db';

let db: Db;
let version: number;
importedOnce(
  'paths-budget',
  () => articleBundle(),
  (opened) => ({ db, version } = opened),
);

const options: ServerPathOptions = DEFAULT_SERVER_PATH_OPTIONS;

describe('path search time budget', () => {
  it('finds a path of two steps or more with time to spare, and gives up with budget when time is out', async () => {
    // Two entities with no relation between them but a common neighbour.
    const bundle = articleBundle();
    const direct = new Set(
      bundle.relations.flatMap((r) => [`${r.source}>${r.target}`, `${r.target}>${r.source}`]),
    );
    const pair = bundle.relations
      .flatMap((r) => bundle.relations.map((s) => [r, s] as const))
      .map(([r, s]) => [r.source, s.target] as const)
      .find(([a, b]) => a !== b && !direct.has(`${a}>${b}`))!;
    const found = await findPaths(db, version, pair[0], pair[1], options);
    expect(found.paths.length).toBeGreaterThan(0);
    expect(found.paths[0]!.entityIds.length).toBeGreaterThan(2);
    const timedOut = await findPaths(db, version, pair[0], pair[1], { ...options, timeBudgetMs: 0 });
    expect(timedOut).toEqual({ paths: [], more: true, reason: 'budget' });
  });
});
