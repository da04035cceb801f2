/** Peer (c): lbug, the maintained fork of the Kùzu embedded graph database, queried in Cypher. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { peakRss, runTask } from '../tasks/task';
import { measureEngine, type Engine, type PeerResult } from './engine';
import { readPeerGraph, type PeerInput } from './peer-input';
import { requirePath, type Lbug, type LbugQueryResult } from './peer-modules';

/** Same cap as the SQL peer, so both answer the same question. */
const PATH_CAP = 8;

interface Input extends PeerInput {
  /** The installed lbug package's folder, or the compatibility copy that lbug-compat.ts prepared. */
  module: string;
}

const rows = (r: LbugQueryResult | LbugQueryResult[]) =>
  (Array.isArray(r) ? r[r.length - 1]! : r).getAllSync();

await runTask(async (input: Input): Promise<PeerResult> => {
  const lbug = requirePath(input.module) as Lbug;
  const graph = readPeerGraph(input);
  const dir = join(input.scratch, 'lbug');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // Bulk COPY from CSV is lbug's fast load path; slugs contain no commas or quotes.
  writeFileSync(join(dir, 'entities.csv'), `${graph.ids.join('\n')}\n`);
  writeFileSync(
    join(dir, 'relations.csv'),
    `${graph.pairs.map(([a, b]) => `${graph.ids[a]},${graph.ids[b]}`).join('\n')}\n`,
  );

  const started = performance.now();
  const db = new lbug.Database(':memory:');
  const conn = new lbug.Connection(db);
  conn.querySync('CREATE NODE TABLE E(slug STRING, PRIMARY KEY(slug))');
  conn.querySync('CREATE REL TABLE R(FROM E TO E)');
  conn.querySync(`COPY E FROM '${join(dir, 'entities.csv')}' (HEADER=false)`);
  conn.querySync(`COPY R FROM '${join(dir, 'relations.csv')}' (HEADER=false)`);
  const buildMs = performance.now() - started;

  // SHORTEST visits each reachable node once (breadth-first), which is what a k-hop neighbourhood needs;
  // a plain variable-length pattern would enumerate every walk instead.
  const reach = [1, 2, 3].map((k) =>
    conn.prepareSync(`MATCH (a:E {slug: $s})-[:R* SHORTEST 1..${k}]-(b:E) RETURN count(DISTINCT b) AS n`),
  );
  const distance = conn.prepareSync(
    `MATCH p = (a:E {slug: $a})-[:R* SHORTEST 1..${PATH_CAP}]-(b:E {slug: $b}) RETURN length(p) AS d`,
  );
  const engine: Engine = {
    reach: (start, hops) => Number(rows(conn.executeSync(reach[hops - 1]!, { s: start }))[0]?.['n'] ?? 0),
    distance: (a, b) => {
      const d = rows(conn.executeSync(distance, { a, b }))[0]?.['d'];
      return d === undefined || d === null ? null : Number(d);
    },
    close: async () => {
      conn.closeSync();
      await db.close();
    },
  };
  const measured = await measureEngine(engine, graph.workload, input.budgetMs);
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    engine: 'lbug',
    buildMs,
    peakRss: peakRss(),
    ...measured,
    notes: [
      `lbug ${lbug.Database.getVersion()}, in-memory database, COPY FROM CSV; Cypher SHORTEST; path = length only, capped at ${PATH_CAP} hops`,
    ],
  };
});
