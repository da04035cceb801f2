import { describe, expect, it } from 'vitest';
import { parseArgs, parseSize } from '../../bench/args';
import { frameIntervals, frameStats, longestTask } from '../../bench/browser/frame-stats';
import { allLevels, browserPlan } from '../../bench/browser/plan';
import {
  bundleGlob,
  entryFor,
  fileForRequest,
  indexWith,
  requestedPaths,
  streamUrl,
} from '../../bench/browser/routes';

describe('bench browser helpers', () => {
  it('turns rAF timestamps into frame intervals and their median and p95', () => {
    expect(frameIntervals([0, 16, 33, 50])).toEqual([16, 17, 17]);
    expect(() => frameIntervals([10, 5])).toThrow(/increasing/);
    // 19 smooth frames and one of 100 ms: the median stays at a frame, p95 (nearest rank) is the 19th.
    const stamps = [0];
    for (let i = 0; i < 19; i++) stamps.push(stamps[stamps.length - 1]! + 16);
    stamps.push(stamps[stamps.length - 1]! + 100);
    const s = frameStats(stamps);
    expect(s).toMatchObject({ frames: 20, median: 16, p95: 16, max: 100, durationMs: 19 * 16 + 100 });
    expect(frameStats([5])).toMatchObject({ frames: 0, durationMs: 0 });
  });

  it('takes the longest task that started before a moment', () => {
    const tasks = [
      { start: 10, duration: 80 },
      { start: 200, duration: 300 },
      { start: 900, duration: 1000 },
    ];
    expect(longestTask(tasks)).toBe(1000);
    expect(longestTask(tasks, 900)).toBe(300);
    expect(longestTask([], 900)).toBe(0);
  });

  it('adds generated datasets to the index and maps their requests to files', () => {
    const article = {
      id: 'trump-putin',
      title: 'Article',
      file: 'datasets/trump-putin.json',
      entities: 73,
      relations: 155,
    };
    const synthetic = {
      entry: entryFor('synthetic-10000x50000-s1', 'Synthetic', 10_000, 50_000),
      file: '/cache/bundle.json',
    };
    expect(synthetic.entry.file).toBe('datasets/synthetic-10000x50000-s1.json');
    expect(indexWith([article], [synthetic]).map((e) => e.id)).toEqual([
      'trump-putin',
      'synthetic-10000x50000-s1',
    ]);
    // A generated dataset with a built one's id replaces it rather than listing it twice.
    const clash = { entry: { ...article, title: 'Generated' }, file: '/cache/other.json' };
    expect(indexWith([article], [clash])).toEqual([clash.entry]);
    expect(bundleGlob(synthetic.entry.file)).toBe('**/datasets/synthetic-10000x50000-s1.json');
    const url = streamUrl('http://127.0.0.1:4173/', synthetic.entry.file);
    expect(url).toBe('http://127.0.0.1:4173/__bench/datasets/synthetic-10000x50000-s1.json');
    expect(fileForRequest(new URL(url).pathname, [synthetic])).toBe('/cache/bundle.json');
    expect(fileForRequest('/__bench/datasets/synthetic-10000x50000-s1.json?x=1', [synthetic])).toBe(
      '/cache/bundle.json',
    );
    expect(fileForRequest('/datasets/synthetic-10000x50000-s1.json', [synthetic])).toBeUndefined();
    expect(fileForRequest('/__bench/datasets/unknown.json', [synthetic])).toBeUndefined();

    // A compact dataset: its index at the entry's file, its evidence beside it.
    const compact = {
      entry: entryFor('synthetic-100000x500000-s1', 'Synthetic', 100_000, 500_000, true),
      file: '/cache/compact-index.json',
      evidenceFile: '/cache/compact-evidence.json',
    };
    expect(requestedPaths(compact.entry)).toEqual([
      'datasets/synthetic-100000x500000-s1.json',
      'datasets/synthetic-100000x500000-s1.evidence.json',
    ]);
    const paths = requestedPaths(compact.entry).map((p) => new URL(streamUrl('http://h/', p)).pathname);
    expect(paths.map((p) => fileForRequest(p, [synthetic, compact]))).toEqual([
      '/cache/compact-index.json',
      '/cache/compact-evidence.json',
    ]);
  });

  it('plans a reduced set with --quick and runs interactions on 10k/50k when it is there', () => {
    const full = browserPlan(parseArgs([]));
    const quick = browserPlan(parseArgs(['--quick']));
    expect(full.interactionSize).toEqual(parseSize('10kx50k'));
    expect(quick.interactionSize).toEqual(parseSize('10kx50k'));
    expect(allLevels(full)).toEqual([50, 300, 1000, 3000]);
    expect(allLevels(quick).length).toBeLessThan(allLevels(full).length);
    expect(full.loadSamples(parseSize('100kx500k'))).toBe(1);
    expect(browserPlan(parseArgs(['--sizes', '500x1000,2000x4000'])).interactionSize).toEqual(
      parseSize('500x1000'),
    );
  });

  it('has the browser section on by default, off with --no-browser, alone with --browser-only', () => {
    expect(parseArgs([])).toMatchObject({ browser: true, browserOnly: false });
    expect(parseArgs(['--no-browser'])).toMatchObject({ browser: false });
    expect(parseArgs(['--browser-only'])).toMatchObject({ browser: true, browserOnly: true });
    expect(() => parseArgs(['--no-browser', '--browser-only'])).toThrow(/contradicts/);
  });
});
