/**
 * `npm run serve -- [--host H] [--port P] [--db URL] [--answer-context CHARS]`: the built explorer and the
 * JSON API over PostgreSQL (docs/server.md). Without --db or DATABASE_URL it runs the embedded PGlite in .threadline-db/ and, while
 * that holds no dataset, imports the ones in graph-data/, so it works on a fresh machine.
 */
import { serve } from '@hono/node-server';
import { resolve } from 'node:path';
import { formatProblemList, hasErrors } from '../src/model/format/problems';
import { createApp } from '../src/server/app';
import { importBundle } from '../src/server/import';
import { openDb, shownUrl, DEFAULT_PGLITE_DIR } from '../src/server/open-db';
import { listDatasets } from '../src/server/queries';
import { ensureSchema, isReadOnly } from '../src/server/schema';
import { foldNames } from '../src/server/fold-names';
import { analyseParents, parentsAnalysed } from '../src/server/parent-stats';
import { bundledDatasets, displayPath } from './dataset-files';
import { readDatasetInput } from './dataset-input';

const USAGE = 'usage: npm run serve -- [--host 127.0.0.1] [--port 5180] [--db URL] [--answer-context 200000]';
const args = process.argv.slice(2).filter((a) => a !== '--');
const flag = (name: string) => {
  const at = args.indexOf(`--${name}`);
  if (at < 0) return undefined;
  const v = args[at + 1];
  if (!v || v.startsWith('--')) {
    console.error(`--${name} needs a value\n${USAGE}`);
    process.exit(2);
  }
  return v;
};
const host = flag('host') ?? '127.0.0.1';
const port = Number(flag('port') ?? process.env.PORT ?? 5180);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port needs a port number\n${USAGE}`);
  process.exit(2);
}
// Characters of text around quotes one explorer answer carries; the rest is asked for when shown.
const answerContext = flag('answer-context');
const answerContextChars = answerContext === undefined ? undefined : Number(answerContext);
if (answerContextChars !== undefined && !(Number.isInteger(answerContextChars) && answerContextChars >= 0)) {
  console.error(`--answer-context needs a number of characters (0 or more)\n${USAGE}`);
  process.exit(2);
}
const url = flag('db') ?? process.env.DATABASE_URL;
const db = await openDb(url, {
  statementTimeoutMs: Number(process.env.THREADLINE_STATEMENT_TIMEOUT_MS ?? 10_000),
});
try {
  await ensureSchema(db, (line) => console.log(line));
} catch (e) {
  console.error(
    `Cannot open the database ${url ? shownUrl(url) : DEFAULT_PGLITE_DIR}: ${(e as Error).message}`,
  );
  process.exit(1);
}

// A replica cannot take the bundled datasets; it serves what the primary's imports replayed to it.
const readOnly = await isReadOnly(db);
if (!readOnly && (await listDatasets(db)).length === 0)
  for (const dir of bundledDatasets()) {
    const { problems, bundle } = readDatasetInput(dir);
    if (hasErrors(problems) || !bundle) {
      for (const line of formatProblemList(problems.filter((p) => p.severity === 'error')))
        console.error(line);
      console.error(`${displayPath(dir)}: not imported`);
      continue;
    }
    const r = await importBundle(db, bundle);
    console.log(`Imported ${r.dataset} (${r.counts.relations} relations) into the empty database`);
  }

// On a replica, ensureSchema refused one whose primary has not folded them yet.
if (!readOnly) await foldNames(db, (line) => console.log(line));

// Gathered by every import since they were found missing; a database imported before then gets them once here.
if (!readOnly && (await listDatasets(db)).length > 0 && !(await parentsAnalysed(db))) {
  console.log('Gathering the planner statistics this database lacks (once)…');
  await analyseParents(db);
}

const app = createApp({
  db,
  writeToken: process.env.THREADLINE_WRITE_TOKEN || undefined,
  corsOrigin: process.env.THREADLINE_CORS_ORIGIN || undefined,
  ...(answerContextChars !== undefined ? { answerContextChars } : {}),
  distDir: resolve(import.meta.dirname, '..', 'dist'),
});
const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
  console.log(
    `Threadline server on http://${host}:${info.port}/ (API: /api, database: ${url ? shownUrl(url) : `PGlite in ${DEFAULT_PGLITE_DIR}/`})`,
  );
});
const stop = () => {
  server.close();
  void db.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
