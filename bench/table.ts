/** Markdown tables of a run, printed to the terminal and pasted into docs/performance.md. */
import { sizeLabel } from './args';
import type { PeerResult } from './peers/engine';
import { TARGETS, type RunResult, type SizeResult } from './results';
import type { FullTextFigures } from './measure/full-text';
import { mb, type Latency } from './stats';

const ms = (x: number | undefined, digits = 1) =>
  x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits);
const s = (x: number | undefined) => (x === undefined ? '–' : (x / 1000).toFixed(2));
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || !b ? '–' : `${(a / b).toFixed(1)}×`;
const check = (value: number | undefined, limit: number) =>
  value === undefined ? '' : value <= limit ? ' ✓' : ' ✗';
const fine = (x: number | undefined) => ms(x, x !== undefined && x < 1 ? 3 : 2);

export function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => ' --- ').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export function mainTable(run: RunResult): string {
  return table(
    [
      'size',
      'validate+compile s',
      'bundle MB',
      'load s (floor s, ×)',
      'peak RSS MB (heap MB)',
      'search p50/p95 ms (scan p95, ×)',
      'expand p50/p95 ms (CSR p95, ×)',
      'path p50/p95 ms (CSR p95, ×)',
    ],
    run.sizes.map((r) => {
      // Load and memory are the app's large-dataset path (the compact files); the queries run on the
      // same model loaded from the bundle, beside their floors.
      const c = r.compact?.load;
      const l = r.load;
      return [
        sizeLabel(r.size),
        s(r.validate?.ms),
        ms(r.validate && mb(r.validate.bundleBytes)),
        `${s(c?.load.ms)}${check(c?.load.ms, TARGETS.loadMs)} (${s(r.floor?.ms)}, ${ratio(c?.load.ms, r.floor?.ms)})`,
        `${ms(c && mb(c.memory.peakRss), 0)}${check(c?.memory.peakRss, TARGETS.peakRssBytes)} (${ms(c && mb(c.memory.heapUsed), 0)})`,
        `${fine(l?.search.latency.p50)} / ${fine(l?.search.latency.p95)}${check(l?.search.latency.p95, TARGETS.searchP95Ms)} (${fine(l?.search.scan.p95)}, ${ratio(l?.search.latency.p95, l?.search.scan.p95)})`,
        `${fine(l?.expand.latency.p50)} / ${fine(l?.expand.latency.p95)}${check(l?.expand.latency.p95, TARGETS.expandP95Ms)} (${fine(l?.expand.csr.p95)}, ${ratio(l?.expand.latency.p95, l?.expand.csr.p95)})`,
        `${fine(l?.path.latency.p50)} / ${fine(l?.path.latency.p95)}${check(l?.path.latency.p95, TARGETS.pathP95Ms)} (${fine(l?.path.csr.p95)}, ${ratio(l?.path.latency.p95, l?.path.csr.p95)})`,
      ];
    }),
  );
}

const latencies = (l: Latency | undefined, target?: number) =>
  `${fine(l?.p50)} / ${fine(l?.p95)}${target === undefined ? '' : check(l?.p95, target)} / ${fine(l?.max)}`;

function fullTextCells(f: FullTextFigures | undefined): string[] {
  return [
    f ? String(f.passages) : '–',
    f ? String(f.terms) : '–',
    `${s(f?.indexMs)} (${s(f?.indexCpuMs)})`,
    ms(f && mb(f.indexBytes), 0),
    latencies(f?.latency, TARGETS.fullTextP95Ms),
    latencies(f?.hard, TARGETS.fullTextP95Ms),
    f ? `${(f.emptyResults * 100).toFixed(0)}%` : '–',
  ];
}

const FULL_TEXT_HEADER = [
  'passages',
  'terms',
  'index s (CPU s)',
  'index MB',
  'typed p50/p95/max ms',
  'hard p50/p95/max ms',
  'no result',
];

/** Full-text search: what indexing every quote, paragraph, note and description costs, and the typeahead's latency. */
export function fullTextTable(run: RunResult): string {
  return table(
    ['size', ...FULL_TEXT_HEADER],
    run.sizes.map((r) => [sizeLabel(r.size), ...fullTextCells(r.load?.fullText)]),
  );
}

/** --full-text-only: the code before the typed-array index beside the current one, with the machine's load. */
export function fullTextCompareTable(run: RunResult): string {
  return table(
    ['size', 'code', ...FULL_TEXT_HEADER, 'post to worker ms (longest)', 'worker MB', 'load avg'],
    run.sizes.flatMap((r) =>
      (r.fullText ?? []).map((f) => [
        sizeLabel(r.size),
        f.engine,
        ...fullTextCells(f),
        `${ms(f.handoffMs, 0)} (${ms(f.longestPostMs, 0)})`,
        ms(f.workerBytes === undefined ? undefined : mb(f.workerBytes), 0),
        `${f.load[0].toFixed(1)} – ${f.load[1].toFixed(1)}`,
      ]),
    ),
  );
}

/** Where a load from the bundle JSON goes (what opening a bundle file costs), and the validator's memory. */
export function loadBreakdown(run: RunResult): string {
  return table(
    [
      'size',
      'read s',
      'JSON.parse s',
      'model s',
      'search index s',
      'load s',
      'peak RSS MB (heap MB)',
      'path view s',
      'validate peak RSS MB',
    ],
    run.sizes.flatMap((r) =>
      r.load
        ? [
            [
              sizeLabel(r.size),
              s(r.load.load.readMs),
              s(r.load.load.parseMs),
              s(r.load.load.modelMs),
              s(r.load.load.searchIndexMs),
              s(r.load.load.ms),
              `${ms(mb(r.load.memory.peakRss), 0)} (${ms(mb(r.load.memory.heapUsed), 0)})`,
              s(r.load.viewMs),
              ms(r.validate && mb(r.validate.peakRss), 0),
            ],
          ]
        : [],
    ),
  );
}

const isPeer = (p: SizeResult['peers'][number]): p is PeerResult => !('error' in p);

export function peerTable(run: RunResult): string {
  const rows = run.sizes.flatMap((r) =>
    r.peers.map((p) => {
      if (!isPeer(p)) return [sizeLabel(r.size), p.engine, '–', '–', '–', '–', '–', `error: ${p.error}`];
      const q = (c: PeerResult['path']) =>
        `${fine(c.latency.p50)} / ${fine(c.latency.p95)}${c.completed < c.total ? ` (${c.completed}/${c.total} in budget)` : ''}`;
      return [
        sizeLabel(r.size),
        p.engine,
        s(p.buildMs),
        q(p.hops['1']),
        q(p.hops['2']),
        q(p.hops['3']),
        q(p.path),
        String(r.peerMismatches[p.engine] ?? '–'),
      ];
    }),
  );
  return table(
    [
      'size',
      'engine',
      'build s',
      '1-hop p50/p95 ms',
      '2-hop p50/p95 ms',
      '3-hop p50/p95 ms',
      'path p50/p95 ms',
      'answers ≠ graphology',
    ],
    rows,
  );
}

/** The app's load of a large dataset from its compact files, step by step, and its queries on that model. */
export function compactTable(run: RunResult): string {
  return table(
    [
      'size',
      'index MB + evidence MB',
      'read s',
      'JSON.parse s',
      'check + model s',
      'load s',
      'search p50/p95 ms',
      'expand p50/p95 ms',
      'path p50/p95 ms',
      'first evidence s',
      'paths ≠ bundle model',
    ],
    run.sizes.flatMap((r) => {
      const c = r.compact;
      if (!c?.load) return [];
      const l = c.load;
      return [
        [
          sizeLabel(r.size),
          `${ms(mb(c.encode.indexBytes))} + ${ms(mb(c.encode.evidenceBytes))}`,
          s(l.load.readMs),
          s(l.load.parseMs),
          s(l.load.buildMs + l.load.searchIndexMs),
          `${s(l.load.ms)}${check(l.load.ms, TARGETS.loadMs)}`,
          `${fine(l.search.p50)} / ${fine(l.search.p95)}${check(l.search.p95, TARGETS.searchP95Ms)}`,
          `${fine(l.expand.p50)} / ${fine(l.expand.p95)}${check(l.expand.p95, TARGETS.expandP95Ms)}`,
          `${fine(l.path.p50)} / ${fine(l.path.p95)}${check(l.path.p95, TARGETS.pathP95Ms)}`,
          s(l.evidence.readMs + l.evidence.parseMs + l.evidence.quoteMs),
          String(c.pathMismatches ?? '–'),
        ],
      ];
    }),
  );
}
