/** Command-line options of `npm run bench`. */

export interface Size {
  entities: number;
  relations: number;
}

export interface BenchOptions {
  sizes: Size[];
  seed: number;
  quick: boolean;
  peers: boolean;
  /** Sizes above this many entities skip the peers, which take minutes there. */
  peersMaxEntities: number;
  searchQueries: number;
  expandQueries: number;
  pathPairs: number;
  hopStarts: number;
  peerPairs: number;
  /** The Browser section: the built app in Chromium (on unless --no-browser). */
  browser: boolean;
  /** Skip the Node measurements and run only the Browser section (datasets are still generated if missing). */
  browserOnly: boolean;
  /** Only the Authoring section: the suggestions' quality on the bundled article and their time. */
  authoringOnly: boolean;
  /** Only the full-text search, the current code beside the code before the typed-array index. */
  fullTextOnly: boolean;
  /** Only the Server section (bench/server.ts): PostgreSQL and PGlite behind the API. */
  server: boolean;
  /** Largest dataset (relations) the server section also runs in the embedded PGlite. */
  pgliteMaxRelations: number;
  /** Only the import's floor (bench/import-floor.ts): Node's COPY text, psql's \copy, each index alone. */
  importFloor: boolean;
  /** The import floor's cluster with wal_level=minimal (docs/deployment.md says what that rules out). */
  walMinimal: boolean;
  /** Only the explorer's expand-to-painted on a database already imported (nothing imported or written). */
  explorerDb: { url: string; dataset: string; samples: number } | null;
}

export const USAGE = `usage: npm run bench -- [--quick] [--sizes 10000x50000,100000x500000] [--seed N] [--peers] [--peers-max N]
                          [--no-browser | --browser-only | --authoring-only | --full-text-only]

  --quick      about a minute: small sizes and fewer samples
  --sizes      entities x relations, comma-separated (k = thousand: 10kx50k)
  --peers      also run 1-3 hop and shortest-path queries in graphology, SQLite and lbug
  --peers-max  largest entity count the peers run at (default 100000)
  --browser    the Browser section: the built app in the system Chromium (the default)
  --no-browser skip the Browser section
  --browser-only
               only the Browser section (builds dist/ if missing or older than src/)
  --authoring-only
               only the Authoring section (quality of the suggestions on the bundled article; seconds)
  --full-text-only
               only the full-text search (index build, memory, typed and hard queries), the current code
               beside the code before the typed-array index, each in its own process
  --server     only the Server section: a throwaway PostgreSQL (installed if missing) and PGlite behind the
               API, and the explorer's expand-to-painted against it (default sizes 10kx50k,200kx1000k;
               not part of --quick; --server --quick runs the bundled dataset on PGlite only)
  --pglite-max largest relation count the Server section also runs in PGlite (default 500000)
  --import-floor
               only the import's floor in a throwaway PostgreSQL (default size 200000x1000000): Node's
               COPY text with no database, psql's \\copy into bare tables, each index built alone
  --explorer-db URL
               only the explorer's expand-to-painted in Chromium against a dataset already in that
               PostgreSQL (postgres://…), nothing imported: --dataset ID (default: the database's first),
               --samples N (default 40); builds nothing, serves dist/ as it is
  --wal-minimal
               with --import-floor: the cluster at wal_level=minimal (default: the server's default)`;

const parseCount = (s: string): number =>
  Number(s.trim().toLowerCase().replace(/_/g, '').replace(/k$/, '000'));

export function parseSize(spec: string): Size {
  const [e, r] = spec.split('x').map(parseCount);
  if (!e || !r || !Number.isInteger(e) || !Number.isInteger(r) || r < e)
    throw new Error(`bad size "${spec}": expected ENTITIESxRELATIONS with relations >= entities`);
  return { entities: e, relations: r };
}

export const sizeLabel = (s: Size): string => `${s.entities}x${s.relations}`;

export function parseArgs(argv: readonly string[]): BenchOptions {
  const args = argv.filter((a) => a !== '--');
  const value = (name: string) => {
    const at = args.indexOf(`--${name}`);
    if (at < 0) return undefined;
    const v = args[at + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`--${name} needs a value`);
    return v;
  };
  const known = new Set([
    '--quick',
    '--peers',
    '--sizes',
    '--seed',
    '--peers-max',
    '--help',
    '--browser',
    '--no-browser',
    '--browser-only',
    '--authoring-only',
    '--full-text-only',
    '--server',
    '--pglite-max',
    '--import-floor',
    '--wal-minimal',
    '--explorer-db',
    '--dataset',
    '--samples',
  ]);
  const unknown = args.filter(
    (a, i) =>
      a.startsWith('--') &&
      !known.has(a) &&
      !(
        i > 0 &&
        [
          '--sizes',
          '--seed',
          '--peers-max',
          '--pglite-max',
          '--explorer-db',
          '--dataset',
          '--samples',
        ].includes(args[i - 1]!)
      ),
  );
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')}`);
  const browserOnly = args.includes('--browser-only');
  const authoringOnly = args.includes('--authoring-only');
  if (authoringOnly && browserOnly) throw new Error('--authoring-only contradicts --browser-only');
  const fullTextOnly = args.includes('--full-text-only');
  if (fullTextOnly && (authoringOnly || browserOnly))
    throw new Error('--full-text-only contradicts --authoring-only and --browser-only');
  if (args.includes('--no-browser') && (browserOnly || args.includes('--browser')))
    throw new Error('--no-browser contradicts --browser and --browser-only');

  const quick = args.includes('--quick');
  const sizesArg = value('sizes');
  const server = args.includes('--server');
  const importFloor = args.includes('--import-floor');
  const sizes = sizesArg
    ? sizesArg.split(',').map(parseSize)
    : importFloor
      ? [parseSize('200000x1000000')]
      : server
        ? [parseSize('10000x50000'), parseSize('200000x1000000')]
        : quick
          ? [parseSize('2000x10000'), parseSize('10000x50000')]
          : [parseSize('10000x50000'), parseSize('100000x500000')];
  return {
    sizes,
    seed: Number(value('seed') ?? 1),
    quick,
    peers: args.includes('--peers'),
    peersMaxEntities: parseCount(value('peers-max') ?? '100000'),
    searchQueries: quick ? 300 : 1000,
    expandQueries: quick ? 300 : 1000,
    pathPairs: quick ? 50 : 200,
    hopStarts: quick ? 20 : 60,
    peerPairs: quick ? 20 : 60,
    browser: !args.includes('--no-browser'),
    browserOnly,
    authoringOnly,
    fullTextOnly,
    server,
    pgliteMaxRelations: parseCount(value('pglite-max') ?? '500000'),
    importFloor,
    walMinimal: args.includes('--wal-minimal'),
    explorerDb: explorerDbOf(value('explorer-db'), value('dataset'), value('samples')),
  };
}

function explorerDbOf(
  url: string | undefined,
  dataset: string | undefined,
  samples: string | undefined,
): BenchOptions['explorerDb'] {
  if (url === undefined) {
    if (dataset !== undefined || samples !== undefined)
      throw new Error('--dataset and --samples go with --explorer-db');
    return null;
  }
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new Error(`--explorer-db: expected a postgres:// URL, not "${url}"`);
  const n = samples === undefined ? 40 : Number(samples);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new Error(`--samples: expected 1 to 1000, not "${samples}"`);
  return { url, dataset: dataset ?? '', samples: n };
}
