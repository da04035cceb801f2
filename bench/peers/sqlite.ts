/** Peer (b): SQLite in memory through better-sqlite3, with k-hop and shortest path as recursive CTEs. */
import { peakRss, runTask } from '../tasks/task';
import { measureEngine, type Engine, type PeerResult } from './engine';
import { readPeerGraph, type PeerInput } from './peer-input';
import { peerPackageDir, requirePath, type Sqlite } from './peer-modules';

/** Paths longer than this are reported as none; the synthetic graphs' diameters are well under it. */
const SQL_PATH_CAP = 8;

await runTask(async (input: PeerInput): Promise<PeerResult> => {
  const Database = requirePath(peerPackageDir('better-sqlite3')) as Sqlite;
  const graph = readPeerGraph(input);
  const started = performance.now();
  const db = new Database(':memory:');
  db.exec(`
    CREATE TABLE entity (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE);
    -- Both directions stored, clustered by src: a neighbour lookup is one index range scan.
    CREATE TABLE adj (src INTEGER NOT NULL, dst INTEGER NOT NULL, PRIMARY KEY (src, dst)) WITHOUT ROWID;
  `);
  const addEntity = db.prepare('INSERT INTO entity (id, slug) VALUES (?, ?)');
  const addEdge = db.prepare('INSERT INTO adj (src, dst) VALUES (?, ?)');
  db.transaction(() => {
    graph.ids.forEach((id, i) => addEntity.run(i, id));
    for (const [a, b] of graph.pairs) {
      addEdge.run(a, b);
      addEdge.run(b, a);
    }
  })();
  db.exec('ANALYZE');
  const buildMs = performance.now() - started;

  // UNION (not UNION ALL) drops repeated (node, depth) rows; a node can still recur at a later depth.
  const reach = db.prepare(`
    WITH RECURSIVE r(id, d) AS (
      SELECT id, 0 FROM entity WHERE slug = @from
      UNION
      SELECT adj.dst, r.d + 1 FROM r JOIN adj ON adj.src = r.id WHERE r.d < @hops
    )
    SELECT COUNT(DISTINCT id) - 1 AS n FROM r`);
  // ORDER BY d makes the queue breadth-first, so the first row for the target is at its shortest distance
  // and LIMIT 1 stops the recursion there.
  const distance = db.prepare(`
    WITH RECURSIVE r(id, d) AS (
      SELECT id, 0 FROM entity WHERE slug = @from
      UNION
      SELECT adj.dst, r.d + 1 FROM r JOIN adj ON adj.src = r.id WHERE r.d < ${SQL_PATH_CAP} ORDER BY 2
    )
    SELECT r.d AS d FROM r JOIN entity ON entity.id = r.id WHERE entity.slug = @to LIMIT 1`);
  const engine: Engine = {
    reach: (start, hops) => (reach.get({ from: start, hops }) as { n: number }).n,
    distance: (a, b) => (distance.get({ from: a, to: b }) as { d: number } | undefined)?.d ?? null,
    close: () => void db.close(),
  };
  const measured = await measureEngine(engine, graph.workload, input.budgetMs);
  await engine.close();
  return {
    engine: 'sqlite',
    buildMs,
    peakRss: peakRss(),
    ...measured,
    notes: [`better-sqlite3, in-memory; recursive CTE; path = distance only, capped at ${SQL_PATH_CAP} hops`],
  };
});
