import { describe, expect, it } from 'vitest';
import { facetCounts } from '../../src/model/analysis/facet-counts';
import { buildModel } from '../../src/model/core/model-builder';
import { NO_FILTERS, type Filters } from '../../src/model/core/filters';
import { filteredRelationsOf, subgraphOf } from '../../src/model/core/subgraph';
import { drawRelations } from '../../src/model/core/parallel-relations';
import { toElements } from '../../src/graph-view/elements';
import {
  onlySource,
  setContestedOnly,
  setMinSources,
  statusesFrom,
} from '../../src/features/filters/filter-edits';
import { fixtureBundle } from './fixtures';

// The report and the article on the Port Ash affair (tests/fixtures/datasets/two-sources).
const model = buildModel(fixtureBundle('two-sources'));
const everyone = model.data.entities.map((e) => e.id);
const SOURCES = ['the-report', 'the-article'];
const drawn = (f: Filters) =>
  Object.fromEntries(subgraphOf(model, everyone, f).relations.map((r) => [r.id, r.status]));

describe('what is drawn when sources disagree', () => {
  it('"the report only" hides what only the article says and draws the rest as the report presents it', () => {
    const all = drawn(NO_FILTERS);
    expect(all['sea-falcon-never-docked']).toBe('denial');
    expect(all['northwind-fronts-for-volkov']).toBe('opinion');
    expect(all['volkov-controls-sea-falcon']).toBe('refuted');
    const report = drawn(onlySource(NO_FILTERS, SOURCES, 'the-report'));
    expect(report['sea-falcon-never-docked']).toBeUndefined();
    expect(report['northwind-fronts-for-volkov']).toBeUndefined();
    // The report relays the memo's allegation; the article calls it debunked.
    expect(report['volkov-controls-sea-falcon']).toBe('allegation');
    expect(report['mercer-met-volkov']).toBe('fact');
    const article = drawn(onlySource(NO_FILTERS, SOURCES, 'the-article'));
    expect(article['volkov-controls-sea-falcon']).toBe('refuted');
    expect(article['mercer-met-volkov']).toBe('claim');
    expect(article['mercer-attended-meeting']).toBeUndefined();
  });

  it("keeps the model's record (the inspector's) untouched while the drawn copy carries the source's status", () => {
    const report = subgraphOf(model, everyone, onlySource(NO_FILTERS, SOURCES, 'the-report'));
    const copy = report.relations.find((r) => r.id === 'volkov-controls-sea-falcon')!;
    expect(copy.status).toBe('allegation');
    expect(model.relations.get('volkov-controls-sea-falcon')!.status).toBe('refuted');
    // The inspector's list of an entity's relations says the same.
    const ofVolkov = filteredRelationsOf(
      model,
      onlySource(NO_FILTERS, SOURCES, 'the-report'),
      'boris-volkov',
    );
    expect(ofVolkov.find((r) => r.id === 'volkov-controls-sea-falcon')!.status).toBe('allegation');
    // Unchanged relations stay the model's own records.
    expect(report.relations.find((r) => r.id === 'mercer-met-volkov')).toBe(
      model.relations.get('mercer-met-volkov'),
    );
  });

  it('"the article only" with "facts only" keeps nothing the article merely claims', () => {
    const f = statusesFrom(onlySource(NO_FILTERS, SOURCES, 'the-article'), 'fact');
    expect(drawn(f)).toEqual({});
  });

  it('filters by independent sources and by dispute', () => {
    // Two quotes of the report behind the meeting are one source.
    expect(Object.keys(drawn(setMinSources(NO_FILTERS, 2))).sort()).toEqual([
      'mercer-met-volkov',
      'volkov-controls-sea-falcon',
    ]);
    expect(Object.keys(drawn(setContestedOnly(NO_FILTERS, true))).sort()).toEqual([
      'sea-falcon-docked-port-ash',
      'volkov-controls-sea-falcon',
      'volkov-paid-mercer',
    ]);
  });

  it('counts per source what it states under the other filters, and statuses as the shown sources give them', () => {
    const counts = facetCounts(model, onlySource(NO_FILTERS, SOURCES, 'the-report'));
    expect(counts.sources.get('the-report')).toBe(8);
    expect(counts.sources.get('the-article')).toBe(4);
    expect(counts.passing.relations).toBe(8);
    expect(counts.statuses.get('refuted') ?? 0).toBe(0);
    expect(counts.statuses.get('allegation')).toBe(2);
  });
});

describe('the canvas elements of many sources', () => {
  const elements = (f: Filters = NO_FILTERS) => {
    const sub = subgraphOf(model, everyone, f);
    return toElements(model, sub, drawRelations(sub.relations, false), false);
  };
  const data = (id: string, f?: Filters) => elements(f).find((e) => e.data.id === id)!.data;

  it('give each relation its independent sources and say which are contested', () => {
    expect(data('mercer-met-volkov')).toMatchObject({ sources: 2, contested: false, label: 'met' });
    expect(data('mercer-attended-meeting')).toMatchObject({ sources: 1 });
    expect(data('volkov-paid-mercer')).toMatchObject({
      contested: true,
      label: 'paid (alleged) · contested',
    });
    expect(data('sea-falcon-docked-port-ash')).toMatchObject({ contested: true });
  });

  it('draw a declared entity type as its base type', () => {
    expect(data('sea-falcon')).toMatchObject({ type: 'organization', label: 'Sea Falcon' });
  });

  it('colour and word an edge as the shown source presents it', () => {
    expect(data('mercer-met-volkov', onlySource(NO_FILTERS, SOURCES, 'the-article'))).toMatchObject({
      status: 'claim',
      label: 'met (claimed)',
    });
  });
});
