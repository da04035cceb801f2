/**
 * A step's delta reads from the table only the relations it sends. The new entities' relations are picked
 * from the adjacency indexes, which hold each relation's far end: read whole while picking, an expansion at
 * 5M relations visited 60,000 relations in the table to send the 2,569 that joined the opening's hubs.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db';
import { explorerDelta } from '../../src/server/explorer-delta';
import { meteredDb, tableRowsVisited } from './plan-reads';
import { importedOnce } from './server-db';
import { generatedBundle } from './generated-bundle';

const bundle = generatedBundle({ entities: 1500, relations: 9000, seed: 5 });
let db: Db;
let version: number;
importedOnce(
  'delta-reads',
  () => bundle,
  (opened) => ({ db, version } = opened),
);

describe('a step’s delta', () => {
  it('visits in the table only the relations it sends, not every relation of the new entities', async () => {
    const degree = new Map<string, number>();
    for (const r of bundle.relations)
      for (const e of [r.source, r.target]) degree.set(e, (degree.get(e) ?? 0) + 1);
    const byDegree = [...degree.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    // A few held hubs, and well-connected new entities most of whose relations lead elsewhere.
    const known = byDegree.slice(0, 3);
    const added = byDegree.slice(3, 40);
    const theirs = bundle.relations.filter((r) => added.includes(r.source) || added.includes(r.target));
    let visited = 0;
    const metered = meteredDb(db, async (sql, params, on) => {
      if (!/FROM tl_relations\s+WHERE version = \$1 AND source = ANY/.test(sql)) return;
      // Planned as at scale, row by row through the indexes: a table this small would be read whole whatever
      // the query says.
      for (const plan of ['seqscan', 'bitmapscan', 'mergejoin', 'hashjoin'])
        await on.query(`SET LOCAL enable_${plan} = off`);
      visited += await tableRowsVisited(on, /^tl_relations/, sql, params);
    });
    const delta = await explorerDelta(metered, version, added, known, new Set());
    const joining = new Set([...known, ...added]);
    const sent = theirs.filter((r) => joining.has(r.source) && joining.has(r.target));
    expect(delta.relations.map((r) => r.id).sort()).toEqual(sent.map((r) => r.id).sort());
    expect(theirs.length).toBeGreaterThan(3 * sent.length);
    expect(visited).toBeGreaterThan(0);
    expect(visited).toBeLessThanOrEqual(sent.length);
  });
});
