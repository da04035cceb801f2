import { describe, expect, it } from 'vitest';
import { NO_FILTERS, type Filters } from '../../src/model/core/filters';
import { subgraphOf } from '../../src/model/core/subgraph';
import { decodeView, encodeView } from '../../src/features/share/view-codec';
import { resolveView } from '../../src/features/share/resolve-view';
import { trumpPutin } from './analysis-graphs';

/** "Hide undated while a period is brushed": only what is known to fall in the period stays. */
describe('undated items under a time filter', () => {
  const model = trumpPutin();
  const all = [...model.entities.keys()];
  const period: Filters = { ...NO_FILTERS, timeRange: { from: '2018-01-01', to: '2018-12-31' } };

  it('stay by default, and go when asked, leaving only dated relations of the period', () => {
    const kept = subgraphOf(model, all, period);
    const strict = subgraphOf(model, all, { ...period, hideUndated: true });
    expect(kept.relations.some((r) => r.date === undefined)).toBe(true);
    expect(strict.relations.length).toBeGreaterThan(0);
    expect(strict.relations.every((r) => r.date !== undefined)).toBe(true);
    expect(strict.relations.length).toBeLessThan(kept.relations.length);
  });

  it('does nothing without a period', () => {
    const none = subgraphOf(model, all, { ...NO_FILTERS, hideUndated: true });
    expect(none.relations.length).toBe(subgraphOf(model, all, NO_FILTERS).relations.length);
  });

  it('travels in a share link, and an old link keeps undated items', () => {
    const view = { visible: new Set(['donald-trump']), addedBy: new Map(), positions: new Map() };
    const fragment = encodeView(model.dataset.id, view, null, { ...period, hideUndated: true });
    expect(fragment).toContain(';tu=1;');
    expect(resolveView(decodeView(fragment)!, model)!.filters.hideUndated).toBe(true);
    const old = fragment.replace(';tu=1', '');
    expect(resolveView(decodeView(old)!, model)!.filters.hideUndated).toBeUndefined();
  });
});
