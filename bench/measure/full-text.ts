/** Full-text search over what was said: index build time and memory, query latency for words the quotes hold. */
import type { Model } from '../../src/model/core/model';
import { mulberry32 } from '../../src/model/core/prng';
import { indexPassages } from '../../src/model/search/passage-index';
import { searchPassages } from '../../src/model/search/passage-search';
import { wordsOf } from '../../src/model/search/search-text';
import { summarize, timeEach, type Latency } from '../stats';
import { collect } from '../tasks/task';

export interface FullTextFigures {
  indexMs: number;
  /** Memory the index holds after a collection: heap plus its typed arrays' buffers. */
  indexBytes: number;
  passages: number;
  terms: number;
  latency: Latency;
  /** Share of queries that found nothing. */
  emptyResults: number;
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

export function measureFullText(model: Model, n: number, seed: number): FullTextFigures {
  const held = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  collect();
  const before = held();
  const t0 = performance.now();
  const index = indexPassages(model.data);
  const indexMs = performance.now() - t0;
  collect();
  const indexBytes = Math.max(0, held() - before);
  const asked = fullTextQueries(model, n, seed);
  const latency = summarize(timeEach(asked, (q) => searchPassages(model.data, index, q, 6)));
  const empty = asked.filter((q) => searchPassages(model.data, index, q, 6).length === 0).length;
  return {
    indexMs,
    indexBytes,
    passages: index.kind.length,
    terms: index.terms.length,
    latency,
    emptyResults: empty / asked.length,
  };
}
