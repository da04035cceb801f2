/** The Browser table: one row per figure, printed after the Node tables and pasted into docs/performance.md. */
import { table } from '../table';
import { BROWSER_TARGETS as T } from './targets';
import type { BrowserResult, FrameStats, LevelLatency, LoadMeasure } from './types';

const num = (x: number | undefined, digits = 0) =>
  x === undefined || Number.isNaN(x)
    ? '–'
    : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const sec = (ms: number | undefined) => num(ms === undefined ? undefined : ms / 1000, 2);
const check = (value: number | undefined, limit: number, applies = true) =>
  !applies || value === undefined || Number.isNaN(value) ? '' : value <= limit ? ' ✓' : ' ✗';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const pair = (a: number | undefined, b: number | undefined, digits: number) =>
  `${num(a, digits)} / ${num(b, digits)}`;

function loadRows(l: LoadMeasure): string[][] {
  const article = l.dataset === 'article';
  if (l.failure && l.samples.length === 0) {
    const f = l.failure;
    const what =
      f.reason === 'timeout'
        ? `did not finish in ${Math.round(f.afterMs / 1000)} s`
        : f.reason === 'crash'
          ? `renderer crashed after ${sec(f.afterMs)} s`
          : f.reason === 'refused'
            ? `refused after ${sec(f.afterMs)} s`
            : `failed after ${sec(f.afterMs)} s`;
    const seen = [
      f.bundleReceivedMs !== undefined ? `bundle received at ${sec(f.bundleReceivedMs)} s` : '',
      f.longestTaskMs !== undefined ? `longest finished task ${num(f.longestTaskMs)} ms` : '',
      f.message,
    ]
      .filter(Boolean)
      .join('; ');
    return [
      [
        'navigation → default view painted, s',
        l.dataset,
        '–',
        what,
        seen,
        article ? `< ${T.articleInteractiveMs / 1000} s` : '–',
      ],
    ];
  }
  // Loading lasts until the evidence is in the model: for compact files that is after the first paint.
  const tasks = l.samples.map((s) => Math.max(s.longestTaskMs, s.longestTaskToEvidenceMs ?? 0));
  const evidence = l.samples.flatMap((s) => (s.evidenceMs === undefined ? [] : [s.evidenceMs]));
  const received = l.samples.flatMap((s) => (s.bundleReceivedMs === undefined ? [] : [s.bundleReceivedMs]));
  const elements = num(median(l.samples.map((s) => s.elements)));
  const worst = Math.max(...tasks);
  return [
    [
      'navigation → default view painted, s',
      l.dataset,
      elements,
      `${pair(l.ready && l.ready.p50 / 1000, l.ready && l.ready.p95 / 1000, 2)}${check(l.ready?.p50, T.articleInteractiveMs, article)}`,
      `n = ${l.samples.length}${received.length ? `; bundle received at ${sec(median(received))} s` : ''}${
        evidence.length && median(evidence)! > (l.ready?.p50 ?? 0) + 1
          ? `; evidence in at ${sec(median(evidence))} s`
          : ''
      }`,
      article ? `median < ${T.articleInteractiveMs / 1000} s` : '–',
    ],
    [
      'longest main-thread task while loading, ms',
      l.dataset,
      '',
      `${pair(median(tasks), worst, 0)}${check(worst, T.longestTaskMs, !article)}`,
      `worst of ${l.samples.length}: ${num(worst)} ms; ${num(median(l.samples.map((s) => s.longTasks)))} tasks > 50 ms`,
      article ? '–' : `none > ${T.longestTaskMs} ms`,
    ],
  ];
}

function levelRow(
  what: string,
  dataset: string,
  l: LevelLatency,
  limit: number | undefined,
  beside: string,
): string[] {
  const applies = limit !== undefined && l.target <= T.smallViewElements;
  return [
    what,
    dataset,
    num(l.elements),
    `${pair(l.latency.p50, l.latency.p95, 0)}${check(l.latency.p95, limit ?? Infinity, applies)}`,
    beside,
    limit === undefined ? '–' : `p95 < ${limit} ms up to ${T.smallViewElements} elements`,
  ];
}

/** Frames drawn in the pan's 2 s (120 at 60 Hz) and Cytoscape's own mean draw time: the cost under the capped frame rate. */
const frames = (f: FrameStats) =>
  `${pair(f.median, f.p95, 1)} (${f.frames} frames${f.meanDrawMs !== undefined ? `, draw ${num(f.meanDrawMs, 1)} ms` : ''})`;

/** Which Chromium, how long, and which build of the app the figures are for. */
export function browserHeading(b: BrowserResult): string {
  const build = b.build.built
    ? `built for this run (${b.build.reason})`
    : `dist/ as found${b.build.buildError ? ` (the current sources do not build: ${b.build.buildError})` : ''}`;
  return `Browser: Chromium ${b.chromium}, ${b.viewport.width}×${b.viewport.height}, ${(b.ms / 60_000).toFixed(1)} min; app ${build}, built ${b.appState.distBuiltAt}; newest source ${b.appState.newestSource} at ${b.appState.newestSourceAt}`;
}

export function browserTable(b: BrowserResult): string {
  const rows = b.loads.flatMap(loadRows);
  const i = b.interactions;
  if (i) {
    const n = (l: LevelLatency) => `n = ${l.latency.n}${l.misses ? `, ${l.misses} missed` : ''}`;
    const expandRows = (what: string, list: LevelLatency[], limit: number | undefined) => {
      for (const l of list)
        rows.push(
          levelRow(
            what,
            i.dataset,
            l,
            limit,
            `${n(l)}; adds ${l.added ? pair(l.added.p50, l.added.max, 0) : '–'} elements (median / max); expand() returns at ${l.sync ? pair(l.sync.p50, l.sync.p95, 0) : '–'} ms`,
          ),
        );
    };
    expandRows('expand → painted, ms', i.expand, T.expandP95Ms);
    expandRows('expand bringing in a hub → painted, ms', i.expandHub, undefined);
    for (const l of i.edgeClick)
      rows.push(levelRow('edge click → quote shown, ms', i.dataset, l, T.edgeClickP95Ms, n(l)));
    for (const p of i.pan) {
      const applies = p.target <= T.panElements;
      rows.push([
        'frame time while panning a settled view, ms (median / p95)',
        i.dataset,
        num(p.elements),
        `${frames(p.app)}${check(p.app.median, T.panMedianMs, applies)}`,
        p.floor ? `bare Cytoscape, default style: ${frames(p.floor)}` : '–',
        `median < ${T.panMedianMs} ms at ${num(T.panElements)}`,
      ]);
      if (p.appChanged)
        rows.push([
          'frame time while panning just after a change, ms (median / p95)',
          i.dataset,
          num(p.elements),
          `${frames(p.appChanged)}${check(p.appChanged.median, T.panMedianMs, applies)}`,
          p.floorChanged ? `bare Cytoscape, first draw: ${frames(p.floorChanged)}` : '–',
          `median < ${T.panMedianMs} ms at ${num(T.panElements)}`,
        ]);
    }
    for (const e of i.exportPng)
      rows.push(
        levelRow(
          'PNG export (scale 1), ms',
          i.dataset,
          e,
          undefined,
          `${e.width}×${e.height} px at scale ${num(e.scale, 2)}, ${num(e.pngBytes / 1024)} KB`,
        ),
      );
  }
  for (const a of b.authoring ?? [])
    rows.push([
      `authoring: ${a.step}, longest main-thread task ms`,
      'article',
      '–',
      `${num(a.longestMs)}${check(a.longestMs, T.longestTaskMs)}`,
      `${a.longTasks} task${a.longTasks === 1 ? '' : 's'} over 50 ms`,
      `≤ ${T.longestTaskMs} ms`,
    ]);
  return table(['measure', 'dataset', 'elements drawn', 'p50 / p95', 'beside it', 'target'], rows);
}
