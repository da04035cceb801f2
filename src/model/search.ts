/** Typeahead search over entity names and aliases, built once per dataset. */
import MiniSearch from 'minisearch';
import type { EntityRecord } from './schema';

export interface SearchHit {
  id: string;
  name: string;
  type: EntityRecord['type'];
  score: number;
}

interface Doc {
  id: string;
  name: string;
  aliases: string;
  type: EntityRecord['type'];
}

export interface EntitySearch {
  search(query: string, limit?: number): SearchHit[];
}

export function buildEntitySearch(entities: readonly EntityRecord[]): EntitySearch {
  const index = new MiniSearch<Doc>({
    fields: ['name', 'aliases'],
    storeFields: ['name', 'type'],
    searchOptions: {
      boost: { name: 2 },
      prefix: true,
      fuzzy: (term) => (term.length > 3 ? 0.25 : false),
      combineWith: 'AND',
    },
  });
  index.addAll(
    entities.map((e) => ({ id: e.id, name: e.name, aliases: (e.aliases ?? []).join(' | '), type: e.type })),
  );
  return {
    search(query, limit = 10) {
      const q = query.trim();
      if (!q) return [];
      let results = index.search(q);
      // "Don Jr" should still find "Donald Trump Jr." when one word is a poor match: fall back to any-word.
      if (results.length === 0) results = index.search(q, { combineWith: 'OR' });
      return results.slice(0, limit).map((r) => ({
        id: r.id as string,
        name: r['name'] as string,
        type: r['type'] as EntityRecord['type'],
        score: r.score,
      }));
    },
  };
}
