import { describe, expect, it } from 'vitest';
import { NO_FILTERS, type Filters } from '../../src/model/core/filters';
import { resolveView } from '../../src/features/share/resolve-view';
import { decodeView, encodeView } from '../../src/features/share/view-codec';
import type { ViewState } from '../../src/store/view-state';
import { hostileModel } from './export-fixture';

// The hostile fixture has two sources, "notes" and "uncited".
const model = hostileModel();
const view: ViewState = { visible: new Set(['ann', 'bob']), addedBy: new Map(), positions: new Map() };
const restore = (fragment: string) => resolveView(decodeView(fragment)!, model)!;

describe('view links with the source filters', () => {
  it('carry the sources set aside, the minimum of sources and "contested only", and restore them', () => {
    const filters: Filters = {
      ...NO_FILTERS,
      hiddenSources: new Set(['uncited']),
      minSources: 2,
      contestedOnly: true,
    };
    const link = encodeView('hostile', view, null, filters);
    expect(link).toContain(';hx=uncited;ms=2;c=1;');
    const r = restore(link);
    expect(r.problems).toEqual([]);
    expect(r.filters).toEqual(filters);
  });

  it('written before the source filters, still open with every source and no minimum', () => {
    const old = 'v=1;d=hostile;s=e.bob;hs=opinion;e=ann,bob;z';
    const r = restore(old);
    expect(r.problems).toEqual([]);
    expect(r.filters).toEqual({ ...NO_FILTERS, hiddenStatuses: new Set(['opinion']) });
    expect(encodeView('hostile', view, null, NO_FILTERS)).toBe('v=1;d=hostile;e=ann,bob;z');
  });

  it('drop a source this dataset does not have, and a bad minimum or flag, saying so', () => {
    const r = restore('v=1;d=hostile;hx=notes,nowhere;ms=0;c=yes;e=ann,bob;z');
    expect([...r.filters.hiddenSources!]).toEqual(['notes']);
    expect(r.filters.minSources).toBeUndefined();
    expect(r.filters.contestedOnly).toBeUndefined();
    expect(r.problems).toEqual([
      'the minimum number of sources in the link is not valid',
      'the contested-only filter in the link is not valid',
      'the sources "nowhere" are not in this dataset',
    ]);
    expect(restore('v=1;d=hostile;ms=1000;hx=<b>;e=ann;z').problems).toEqual([
      '1 source in the filters could not be read',
      'the minimum number of sources in the link is not valid',
    ]);
  });
});
