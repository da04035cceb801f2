/**
 * Full-text search over what was said: index build time and memory, query latency for words the quotes hold
 * and for the hard cases (a very common word with a name, short prefixes, only common words).
 */
import type { Model } from '../../src/model/core/model';
import type { ModelData } from '../../src/model/core/model-data';
import { mulberry32 } from '../../src/model/core/prng';
import { deserialize, serialize } from 'node:v8';
import {
  indexPassageSource,
  indexPassages,
  passageSourceOf,
  type PassageSource,
} from '../../src/model/search/passage-index';
import { searchPassages } from '../../src/model/search/passage-search';
import { wordsOf } from '../../src/model/search/search-text';
import * as beforeIndex from './full-text-before/passage-index';
import * as beforeSearch from './full-text-before/passage-search';
import { summarize, timeEach, timed, type Latency } from '../stats';
import { collect } from '../tasks/task';

/** One implementation of the full-text search, as the bench drives it. */
export interface FullTextEngine<I> {
  build(data: ModelData): I;
  /** The messages the app posts to the search worker, and how the worker builds its index from its copies. */
  posted(data: ModelData): unknown[];
  buildPosted(copies: unknown[]): unknown;
  search(data: ModelData, index: I, query: string, limit: number): unknown[];
  size(index: I): { passages: number; terms: number };
}

export const CURRENT: FullTextEngine<ReturnType<typeof indexPassages>> = {
  build: indexPassages,
  // Everything but the texts, then one message per text (src/data/passage-search.ts).
  posted: (data) => {
    const { texts, ...rest } = passageSourceOf(data);
    return [rest, ...(texts ?? [])];
  },
  buildPosted: ([rest, ...texts]) =>
    indexPassageSource({ ...(rest as PassageSource), texts: texts as string[] }),
  search: searchPassages,
  size: (i) => ({ passages: i.kind.length, terms: i.terms.length }),
};

/** The code before the typed-array index (bench/measure/full-text-before), for a same-run comparison. */
export const BEFORE: FullTextEngine<beforeIndex.PassageIndex> = {
  build: beforeIndex.indexPassages,
  posted: (data) => [data],
  buildPosted: ([data]) => beforeIndex.indexPassages(data as ModelData),
  search: beforeSearch.searchPassages,
  size: (i) => ({ passages: i.kind.length, terms: i.terms.length }),
};

export interface FullTextFigures {
  indexMs: number;
  /** CPU time of the build, which a loaded machine does not inflate as it does the wall time. */
  indexCpuMs: number;
  /** Memory the index holds after a collection: heap plus its typed arrays' buffers. */
  indexBytes: number;
  passages: number;
  terms: number;
  /** Words from quotes as a reader types them. */
  latency: Latency;
  /** A very common word with a name or a prefix, two-letter prefixes, and only common words. */
  hard: Latency;
  /** The five slowest hard queries, to say what is left slow. */
  slowest: Array<{ query: string; ms: number }>;
  /** Share of typed queries that found nothing. */
  emptyResults: number;
  /** Serialising what the search worker is sent: what posting it costs the main thread, in all. */
  handoffMs?: number;
  /** The longest of those posts: the main thread's longest task for it. */
  longestPostMs?: number;
  /** What the search worker holds: its copy of the data it was sent and its index. */
  workerBytes?: number;
}

/** Queries as a reader types them: one or two words from a random quote, the last often cut short. */
export function fullTextQueries(model: Model, n: number, seed: number): string[] {
  const rng = mulberry32(seed ^ 0xf7e1);
  const ev = model.data.evidence!;
  const count = ev.quotes.source.length;
  return Array.from({ length: n }, () => {
    const q = Math.floor(rng.next() * count);
    const text = ev.texts[ev.quotes.source[q]!]!.slice(ev.quotes.start[q]!, ev.quotes.end[q]!);
    const words = wordsOf(text).filter((w) => w.length >= 4);
    if (words.length === 0) return 'the';
    const first = words[Math.floor(rng.next() * words.length)]!;
    const typed = rng.next() < 0.5 ? first.slice(0, 3 + Math.floor(rng.next() * (first.length - 2))) : first;
    if (rng.next() < 0.3 && words.length > 1)
      return `${words[Math.floor(rng.next() * words.length)]} ${typed}`;
    return typed;
  });
}

/**
 * The queries that were slow before: the most frequent words of the quotes with a word of an entity's name
 * (either first), a name with a common word cut short, two-letter prefixes, and three common words.
 */
export function hardQueries(model: Model, n: number, seed: number): string[] {
  const rng = mulberry32(seed ^ 0x5eed);
  const ev = model.data.evidence!;
  const freq = new Map<string, number>();
  const quotes = ev.quotes.source.length;
  for (let q = 0; q < quotes; q += Math.max(1, Math.floor(quotes / 20_000))) {
    const text = ev.texts[ev.quotes.source[q]!]!.slice(ev.quotes.start[q]!, ev.quotes.end[q]!);
    for (const w of new Set(wordsOf(text))) freq.set(w, (freq.get(w) ?? 0) + 1);
  }
  const common = [...freq]
    .filter(([w]) => w.length >= 2)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40)
    .map(([w]) => w);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
  const entities = model.data.entities;
  const nameWord = () => pick(wordsOf(pick(entities).name).filter((w) => w.length >= 3)) ?? 'the';
  return Array.from({ length: n }, (_, i) => {
    switch (i % 5) {
      case 0:
        return `${pick(common)} ${nameWord()}`;
      case 1:
        return `${nameWord()} ${pick(common)}`;
      case 2:
        return `${nameWord()} ${pick(common).slice(0, 2)}`;
      case 3:
        return pick(common).slice(0, 2);
      default:
        return `${pick(common)} ${pick(common)} ${pick(common)}`;
    }
  });
}

export function measureFullText<I>(
  model: Model,
  n: number,
  seed: number,
  engine: FullTextEngine<I>,
): FullTextFigures {
  const held = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  collect();
  const before = held();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const index = engine.build(model.data);
  const cpu = process.cpuUsage(cpu0);
  const indexMs = performance.now() - t0;
  collect();
  const indexBytes = Math.max(0, held() - before);
  const run = (q: string) => engine.search(model.data, index, q, 6);
  const asked = fullTextQueries(model, n, seed);
  const latency = summarize(timeEach(asked, run));
  const hardAsked = hardQueries(model, n, seed);
  const hardTimes = timeEach(hardAsked, run);
  const slowest = hardAsked
    .map((query, i) => ({ query, ms: hardTimes[i]! }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
  const empty = asked.filter((q) => run(q).length === 0).length;
  return {
    indexMs,
    indexCpuMs: (cpu.user + cpu.system) / 1000,
    indexBytes,
    ...engine.size(index),
    latency,
    hard: summarize(hardTimes),
    slowest,
    emptyResults: empty / asked.length,
  };
}

/**
 * The search worker's side of a large dataset: what posting its data costs the main thread (serialising
 * it, as postMessage does on the sender's side; the worker deserialises on its own thread), and what the
 * worker then holds: its copy of that data and the index built from it. The code before posted the whole
 * model's data in one message; the current code posts what a search reads, each source text on its own.
 */
export function measureWorker<I>(
  model: Model,
  engine: FullTextEngine<I>,
): { handoffMs: number; longestPostMs: number; workerBytes: number } {
  const held = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  // The fastest of three: on a loaded machine a single timing of a sub-millisecond post is mostly the wait
  // for a core.
  const posts = engine.posted(model.data).map((message) => {
    const tries = [0, 1, 2].map(() => timed(() => serialize(message)));
    return { value: tries[0]!.value, ms: Math.min(...tries.map((t) => t.ms)) };
  });
  collect();
  const before = held();
  const copies = posts.map((p) => deserialize(p.value) as unknown);
  const index = engine.buildPosted(copies);
  collect();
  const workerBytes = held() - before;
  return {
    handoffMs: posts.reduce((n, p) => n + p.ms, 0),
    longestPostMs: Math.max(...posts.map((p) => p.ms)),
    // Both stay reachable until measured.
    workerBytes: copies.length > 0 && index ? workerBytes : 0,
  };
}
