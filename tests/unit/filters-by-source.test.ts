import { describe, expect, it } from 'vitest';
import {
  NO_FILTERS,
  isFiltering,
  relationStatusUnder,
  type Filters,
  type RelationVoices,
} from '../../src/model/core/filters';
import {
  activeFilterCount,
  onlySource,
  setContestedOnly,
  setMinSources,
  toggleHidden,
  toggleSource,
} from '../../src/features/filters/filter-edits';
import type { Status } from '../../src/model/core/vocabulary';

const voices = (claims: Array<[string, Status]>, contested: boolean): RelationVoices => ({
  eachClaim: (visit) => claims.forEach(([source, status]) => visit(source, status)),
  corroboration: () => new Set(claims.map(([source]) => source)).size,
  contested: () => contested,
});
// A relation the report states as fact, the article relays as a claim and its subject denies in the article.
const stated = voices(
  [
    ['report', 'fact'],
    ['article', 'claim'],
    ['article', 'denial'],
  ],
  true,
);
// Only the article says it, as an allegation.
const articleOnly = voices([['article', 'allegation']], false);
const relation = { type: 'funded', status: 'allegation' as const };
const under = (f: Filters, v: RelationVoices) => relationStatusUnder(f, relation, undefined, () => v);
const SOURCES = ['article', 'report'];

describe('filters by source', () => {
  it('with every source shown, the relation keeps its own status and the voices are not read', () => {
    let read = 0;
    const status = relationStatusUnder(NO_FILTERS, relation, undefined, () => {
      read++;
      return stated;
    });
    expect(status).toBe('allegation');
    expect(read).toBe(0);
    expect(under(toggleHidden(NO_FILTERS, 'hiddenStatuses', 'allegation'), stated)).toBeNull();
  });

  it('"the report only" keeps what the report states, with the report\'s status, and hides what only the article says', () => {
    const reportOnly = onlySource(NO_FILTERS, SOURCES, 'report');
    expect([...reportOnly.hiddenSources!]).toEqual(['article']);
    expect(under(reportOnly, stated)).toBe('fact');
    expect(under(reportOnly, articleOnly)).toBeNull();
    expect(under(onlySource(reportOnly, SOURCES, null), articleOnly)).toBe('allegation');
  });

  it("under a source filter the status filter reads each shown source's claims; the firmest one shown wins", () => {
    const articleOnlyFilter = toggleSource(NO_FILTERS, 'report');
    expect(under(articleOnlyFilter, stated)).toBe('claim');
    const noClaims = toggleHidden(articleOnlyFilter, 'hiddenStatuses', 'claim');
    expect(under(noClaims, stated)).toBe('denial');
    expect(under(toggleHidden(noClaims, 'hiddenStatuses', 'denial'), stated)).toBeNull();
  });

  it('a minimum of independent sources and "contested only" hide the rest', () => {
    const two = setMinSources(NO_FILTERS, 2);
    expect(under(two, stated)).toBe('allegation');
    expect(under(two, articleOnly)).toBeNull();
    const contested = setContestedOnly(NO_FILTERS, true);
    expect(under(contested, stated)).toBe('allegation');
    expect(under(contested, articleOnly)).toBeNull();
    // Type and time still apply first.
    expect(under(toggleHidden(contested, 'hiddenRelationTypes', 'funded'), stated)).toBeNull();
  });

  it('count as filtering, once each, and a relation without its quotes fails a filter that needs them', () => {
    expect(isFiltering(setMinSources(NO_FILTERS, 1))).toBe(false);
    expect(isFiltering(setContestedOnly(NO_FILTERS, false))).toBe(false);
    const all = setContestedOnly(setMinSources(onlySource(NO_FILTERS, SOURCES, 'report'), 2), true);
    expect(isFiltering(all)).toBe(true);
    expect(activeFilterCount(all)).toBe(3);
    expect(relationStatusUnder(setMinSources(NO_FILTERS, 2), relation)).toBeNull();
  });
});
