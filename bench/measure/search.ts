/** Typeahead latency of the app's search index, beside a linear scan of every name. */
import type { EntitySearch } from '../../src/model/search/search';
import { summarize, timeEach, type Latency } from '../stats';

export interface SearchFigures {
  latency: Latency;
  /** Floor: case-insensitive substring test over all names and aliases, per query. */
  scan: Latency;
  /** Share of queries that found nothing, typos included. */
  emptyResults: number;
}

export function measureSearch(
  search: EntitySearch,
  entities: ReadonlyArray<{ name: string; aliases?: string[] }>,
  queries: readonly string[],
): SearchFigures {
  const latency = summarize(timeEach(queries, (q) => search.search(q)));
  const names = entities.map((e) => [e.name, ...(e.aliases ?? [])].join(' | ').toLowerCase());
  const scan = summarize(
    timeEach(queries, (q) => {
      const needle = q.toLowerCase();
      let hits = 0;
      for (const name of names) if (name.includes(needle)) hits++;
      return hits;
    }),
  );
  const empty = queries.filter((q) => search.search(q).length === 0).length;
  return { latency, scan, emptyResults: empty / queries.length };
}
