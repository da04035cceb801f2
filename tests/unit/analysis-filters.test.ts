import { describe, expect, it } from 'vitest';
import { facetCounts } from '../../src/model/analysis/facet-counts';
import { NO_FILTERS, isFiltering } from '../../src/model/core/filters';
import { subgraphOf } from '../../src/model/core/subgraph';
import { STATUSES } from '../../src/model/core/vocabulary';
import {
  activeFilterCount,
  setTimeRange,
  showOnly,
  statusesFrom,
  toggleHidden,
} from '../../src/features/filters/filter-edits';
import { expansionCandidates } from '../../src/store/explore-ops';
import { tinyModel, trumpPutin } from './analysis-graphs';

const m = () =>
  tinyModel(['a b fact', 'a c opinion', 'b c claim 2016', 'c d fact 2018', 'a o fact'], {
    types: { o: 'organization' },
    dates: { d: '2018-07' },
  });
const ids = (f = NO_FILTERS, model = m()) => {
  const s = subgraphOf(model, ['a', 'b', 'c', 'd', 'o'], f);
  return {
    entities: s.entityIds.join(' '),
    relations: s.relations
      .map((r) => r.id)
      .sort()
      .join(' '),
  };
};

describe('filter edits', () => {
  it('toggle an option on and off, always returning new sets', () => {
    const once = toggleHidden(NO_FILTERS, 'hiddenStatuses', 'opinion');
    expect([...once.hiddenStatuses]).toEqual(['opinion']);
    expect(once.hiddenStatuses).not.toBe(NO_FILTERS.hiddenStatuses);
    expect(toggleHidden(once, 'hiddenStatuses', 'opinion').hiddenStatuses.size).toBe(0);
    expect(isFiltering(NO_FILTERS)).toBe(false);
    expect(activeFilterCount(setTimeRange(once, { from: '2018-01-01', to: '2018-12-31' }))).toBe(2);
  });

  it('"facts only" hides every weaker status; "fact or reported" keeps two', () => {
    expect([...statusesFrom(NO_FILTERS, 'fact').hiddenStatuses]).toEqual(STATUSES.slice(1));
    expect([...statusesFrom(NO_FILTERS, 'reported').hiddenStatuses]).toEqual(STATUSES.slice(2));
    const onlyKnows = showOnly(NO_FILTERS, 'hiddenRelationTypes', ['knows', 'allied'], ['knows']);
    expect([...onlyKnows.hiddenRelationTypes]).toEqual(['allied']);
  });
});

describe('filters applied to what is drawn', () => {
  it('hide relations by status and entities (with their relations) by type', () => {
    expect(ids()).toEqual({ entities: 'a b c d o', relations: 'a-b a-c a-o b-c c-d' });
    expect(ids(statusesFrom(NO_FILTERS, 'fact')).relations).toBe('a-b a-o c-d');
    expect(ids(toggleHidden(NO_FILTERS, 'hiddenEntityTypes', 'organization'))).toEqual({
      entities: 'a b c d',
      relations: 'a-b a-c b-c c-d',
    });
  });

  it('keep undated elements in a time range and drop dated ones outside it', () => {
    const f = setTimeRange(NO_FILTERS, { from: '2018-01-01', to: '2018-12-31' });
    expect(ids(f)).toEqual({ entities: 'a b c d o', relations: 'a-b a-c a-o c-d' });
    const f2016 = setTimeRange(NO_FILTERS, { from: '2016-01-01', to: '2016-12-31' });
    expect(ids(f2016)).toEqual({ entities: 'a b c o', relations: 'a-b a-c a-o b-c' });
  });

  it('leave the expand counts: filtered neighbours are not offered', () => {
    const view = { visible: new Set(['a']), addedBy: new Map(), positions: new Map() };
    expect(expansionCandidates(view, m(), NO_FILTERS, 'a').sort()).toEqual(['b', 'c', 'o']);
    const f = toggleHidden(statusesFrom(NO_FILTERS, 'fact'), 'hiddenEntityTypes', 'organization');
    expect(expansionCandidates(view, m(), f, 'a')).toEqual(['b']);
  });
});

describe('facet counts', () => {
  it('count each option with every other facet applied, and the totals that pass', () => {
    const f = toggleHidden(NO_FILTERS, 'hiddenStatuses', 'opinion');
    const c = facetCounts(m(), f);
    // The hidden status still shows what it holds, so the user knows what turning it back on brings.
    expect(Object.fromEntries(c.statuses)).toEqual({ fact: 3, opinion: 1, claim: 1 });
    expect(Object.fromEntries(c.entityTypes)).toEqual({ person: 4, organization: 1 });
    expect(c.passing).toEqual({ entities: 5, relations: 4 });
    expect(c.total).toEqual({ entities: 5, relations: 5 });
    const noOrg = facetCounts(m(), toggleHidden(f, 'hiddenEntityTypes', 'organization'));
    expect(noOrg.statuses.get('fact')).toBe(2);
    expect(noOrg.passing).toEqual({ entities: 4, relations: 3 });
  });

  it('facts only removes the Steele dossier’s allegations from the Trump–Putin dataset', () => {
    const model = trumpPutin();
    const all = facetCounts(model, NO_FILTERS);
    const facts = facetCounts(model, statusesFrom(NO_FILTERS, 'fact'));
    expect(facts.passing.relations).toBe(all.statuses.get('fact'));
    const dossier = subgraphOf(model, model.entities.keys(), statusesFrom(NO_FILTERS, 'fact'));
    const kept = dossier.relations.filter((r) => r.source === 'steele-dossier').map((r) => r.status);
    expect(kept).toEqual(['fact']);
  });
});
