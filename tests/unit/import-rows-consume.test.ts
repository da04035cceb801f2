/**
 * db:import's consuming load (import-rows.ts): each list of the bundle is emptied once every table that
 * reads it is written, never before, and the rows written are the same as without.
 */
import { describe, expect, it } from 'vitest';
import { versionRows } from '../../src/server/import-rows';
import { COPY_ORDER } from '../../src/server/import';
import { articleBundle } from './fixtures';

// The order the import writes them in.
const ORDER = COPY_ORDER;

describe('a consuming load', () => {
  it('empties each list once the tables that read it are written, and writes the same rows', () => {
    const kept = versionRows(articleBundle(), 3);
    const expected = ORDER.map((t) => [...kept.tables[t]()].join(''));
    const bundle = articleBundle();
    const rows = versionRows(bundle, 3, { consume: true });
    const lengths = () =>
      [bundle.quotes, bundle.relations, bundle.entities, bundle.sources].map((l) => l.length);
    const full = lengths();
    expect(full.every((n) => n > 0)).toBe(true);
    const seen: Record<string, number[]> = {};
    const written = ORDER.map((t) => {
      const text = [...rows.tables[t]()].join('');
      rows.written(t);
      seen[t] = lengths();
      return text;
    });
    expect(written).toEqual(expected);
    const [quotes, relations, entities, sources] = full;
    expect(seen.tl_quotes).toEqual([0, relations, entities, sources]);
    // Evidence still reads the relations after their own table is written.
    expect(seen.tl_relations).toEqual([0, relations, entities, sources]);
    expect(seen.tl_evidence).toEqual([0, 0, entities, sources]);
    // The typeahead's words read the entities after the entities' table.
    expect(seen.tl_entities).toEqual([0, 0, entities, sources]);
    // The texts' parts read the sources after their records' table.
    expect(seen.tl_sources).toEqual([0, 0, entities, sources]);
    expect(seen.tl_source_parts).toEqual([0, 0, entities, 0]);
    expect(seen.tl_name_words).toEqual([0, 0, 0, 0]);
    expect(quotes).toBeGreaterThan(0);
  });

  it('leaves the bundle whole when not asked to consume it', () => {
    const bundle = articleBundle();
    const rows = versionRows(bundle, 1);
    for (const t of ORDER) {
      for (const chunk of rows.tables[t]()) expect(typeof chunk).toBe('string');
      rows.written(t);
    }
    expect(bundle.relations.length).toBe(articleBundle().relations.length);
    expect(bundle.quotes.length).toBe(articleBundle().quotes.length);
  });
});
