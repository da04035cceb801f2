import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/model/core/filters';
import { buildModel } from '../../src/model/core/model-builder';
import { addEntities } from '../../src/store/explore-ops';
import type { ViewState } from '../../src/store/view-state';
import { fixtureBundle } from './fixtures';

describe('adding an entity to a view that has placed very many', () => {
  it('places it beside the others instead of overflowing the stack', () => {
    const model = buildModel(fixtureBundle('valid-minimal'));
    // Far more positions than arguments a call can take (~125,000): a big view, or one restored from a link.
    const positions = new Map(Array.from({ length: 200_000 }, (_, i) => [`placed-${i}`, { x: i, y: -i }]));
    const view: ViewState = { visible: new Set(positions.keys()), addedBy: new Map(), positions };
    const next = addEntities(view, model, NO_FILTERS, ['ada-lovelace']);
    expect(next.visible.has('ada-lovelace')).toBe(true);
    const at = next.positions.get('ada-lovelace')!;
    expect(at.x).toBeGreaterThan(199_999);
    expect(at.y).toBe(-199_999);
  });
});
