/**
 * The explorer's expand-to-painted against a Threadline server, in Chromium: the page served by the server
 * opens the dataset through the server graph source; each sample double-clicks nothing but calls the same
 * store action a double-click does, and times from it to the new neighbours painted — the neighbour page and
 * what it adds fetched (one `…/expand`), the model grown, the step taken and the canvas drawn. Each sample starts
 * from a fresh page (nothing cached), as the first expansion of a session.
 */
import { launchBrowser, newContext } from '../scripts/chromium';
import { NAME_SHIM } from './browser/in-page';
import { summarize, type Latency } from './stats';

export interface ExplorerExpand {
  latency: Latency;
  /** Bytes of the answers the explorer read: its opening's sub-bundle, and each timed expansion's (median, largest). */
  bytes?: { opening: number; expandP50: number; expandMax: number };
  /**
   * The timed expansions' `…/expand` from request sent to answer read (the server's work and the transfer),
   * beside expand-to-painted: the rest is the browser's.
   */
  answer?: Latency;
  /** Samples that added nothing (every neighbour already drawn) or asked the hub question. */
  misses: number;
  /** Entities the samples added, median. */
  added: number;
}

/** In the page: expand `id` and wait until what it added is drawn; null when it added nothing. */
async function timeServerExpand(id: string): Promise<{ ms: number; added: number; prompted: boolean }> {
  const t = window.threadline!;
  const before = new Set(t.getState().view.visible);
  const t0 = performance.now();
  t.actions.expand(id, { limit: 50 });
  const cy = t.cy!;
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  while (t.getState().fetching !== null) await frame();
  const fresh = [...t.getState().view.visible].filter((v) => !before.has(v));
  while (fresh.some((v) => cy.getElementById(v).empty())) await frame();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return { ms: performance.now() - t0, added: fresh.length, prompted: t.getState().hubPrompt !== null };
}

export async function measureExplorerExpand(
  appBase: string,
  dataset: string,
  ids: readonly string[],
  samples: number,
): Promise<ExplorerExpand> {
  const browser = await launchBrowser();
  try {
    const times: number[] = [];
    const added: number[] = [];
    const expandBytes: number[] = [];
    const answerMs: number[] = [];
    let openingBytes = 0;
    let misses = 0;
    // One sample first, not counted, so the code paths involved are compiled and the server warm.
    for (let i = -1; i < samples; i++) {
      const context = await newContext(browser);
      await context.addInitScript(NAME_SHIM);
      const page = await context.newPage();
      // The answers' sizes as the browser read them (the server does not compress).
      const sizes: Array<Promise<void>> = [];
      let expanded = 0;
      let answered = 0;
      page.on('response', (res) => {
        const path = new URL(res.url()).pathname;
        if (!path.endsWith('/loaded') && !path.endsWith('/expand')) return;
        sizes.push(
          res.body().then(
            (b) => {
              if (path.endsWith('/loaded')) openingBytes = b.length;
              else {
                expanded = b.length;
                const t = res.request().timing();
                answered = t.responseEnd - t.requestStart;
              }
            },
            () => undefined,
          ),
        );
      });
      await page.goto(`${appBase}?server=${encodeURIComponent(dataset)}`);
      await page.waitForFunction(
        () => {
          const t = window.threadline;
          return !!t?.cy && t.cy.nodes().length > 0 && t.settled();
        },
        null,
        { timeout: 120_000 },
      );
      const r = await page.evaluate(timeServerExpand, ids[(i + 1) % ids.length]!);
      await Promise.all(sizes);
      await context.close();
      if (i < 0) continue;
      if (r.added === 0 || r.prompted) misses++;
      else {
        times.push(r.ms);
        added.push(r.added);
        expandBytes.push(expanded);
        answerMs.push(answered);
      }
    }
    const b = summarize(expandBytes);
    return {
      latency: summarize(times),
      answer: summarize(answerMs),
      bytes: { opening: openingBytes, expandP50: b.p50, expandMax: Math.max(0, ...expandBytes) },
      misses,
      added: summarize(added).p50,
    };
  } finally {
    await browser.close();
  }
}

/**
 * The explorer's expand-to-painted on a database already imported (`npm run bench -- --explorer-db URL`):
 * nothing is imported or written, so a shared 5M database is timed as it is. Expands entities drawn
 * uniformly from the dataset's rows by the seed.
 */
export async function measureExplorerOnDatabase(options: {
  url: string;
  dataset: string;
  samples: number;
  seed: number;
  distDir: string;
}): Promise<ExplorerExpand & { entities: number }> {
  const { serve } = await import('@hono/node-server');
  const { createApp } = await import('../src/server/app');
  const { openPg } = await import('../src/server/db-pg');
  const { resolveVersion } = await import('../src/server/queries');
  const { mulberry32 } = await import('../src/model/core/prng');
  // Every session read-only: the shared database is never written, whatever the server would do.
  const db = openPg(options.url, { max: 4, readOnly: true });
  try {
    const [first] = await db.query<{ dataset_id: string }>(
      'SELECT dataset_id FROM tl_versions ORDER BY version LIMIT 1',
    );
    const dataset = options.dataset || first?.dataset_id || '';
    const version = await resolveVersion(db, dataset, undefined);
    if (version === null) throw new Error(`no dataset "${dataset}" in the database`);
    const [count] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM tl_entities WHERE version = $1',
      [version],
    );
    const rng = mulberry32(options.seed ^ 0x5eed);
    const rows = Array.from({ length: options.samples + 1 }, () => rng.int(count!.n));
    const found = await db.query<{ row: number; id: string }>(
      'SELECT row, id FROM tl_entities WHERE version = $1 AND row = ANY($2::int[])',
      [version, rows],
    );
    const byRow = new Map(found.map((f) => [f.row, f.id]));
    const ids = rows.map((r) => byRow.get(r)!).filter(Boolean);
    const app = createApp({ db, distDir: options.distDir });
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as { port: number };
    try {
      const result = await measureExplorerExpand(`http://127.0.0.1:${port}/`, dataset, ids, options.samples);
      return { ...result, entities: count!.n };
    } finally {
      server.close();
    }
  } finally {
    await db.close();
  }
}
