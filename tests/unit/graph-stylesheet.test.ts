import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { afterEach, describe, expect, it } from 'vitest';
import { AWAITING_LAYOUT } from '../../src/graph-view/layout';
import { stylesheet } from '../../src/graph-view/stylesheet';
import { ENTITY_TYPES, STATUSES } from '../../src/model/core/vocabulary';
import { ENTITY_LOOKS, STATUS_LOOKS } from '../../src/model/style/entity-style';

/** Cytoscape reports colours as rgb(r,g,b). */
const rgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16},${(n >> 8) & 255},${n & 255})`;
};

let cy: Core | undefined;
afterEach(() => cy?.destroy());

/** A headless Cytoscape with the canvas's own stylesheet: styles read back are the ones the canvas draws. */
function styled(elements: ElementDefinition[]): Core {
  cy = cytoscape({ headless: true, styleEnabled: true, style: stylesheet(), elements });
  return cy;
}

const entity = (id: string, type: string, extra: Record<string, unknown> = {}): ElementDefinition => ({
  group: 'nodes',
  data: { id, kind: 'entity', type, label: id, ...extra },
});
const relation = (id: string, status: string, extra: Record<string, unknown> = {}): ElementDefinition => ({
  group: 'edges',
  data: { id, source: 'a', target: 'b', kind: 'relation', type: 't', status, label: id, ...extra },
});
const ends = [entity('a', 'person'), entity('b', 'country')];

describe('the canvas stylesheet', () => {
  it('gives every entity type its own colour and shape, those of the legend', () => {
    const c = styled(ENTITY_TYPES.map((t) => entity(t, t)));
    const looks = ENTITY_TYPES.map((t) => {
      const n = c.$id(t);
      expect(n.style('background-color')).toBe(rgb(ENTITY_LOOKS[t].color));
      expect(n.style('shape')).toBe(ENTITY_LOOKS[t].shape);
      expect(String(n.style('background-image'))).toMatch(/^data:image\/svg\+xml/);
      return `${String(n.style('background-color'))} ${String(n.style('shape'))}`;
    });
    expect(new Set(looks).size).toBe(ENTITY_TYPES.length);
  });

  it('draws each status in its colour and line style, so a denial does not look like a fact', () => {
    const c = styled([...ends, ...STATUSES.map((s) => relation(s, s))]);
    for (const s of STATUSES) {
      expect(c.$id(s).style('line-color')).toBe(rgb(STATUS_LOOKS[s].color));
      expect(c.$id(s).style('target-arrow-color')).toBe(rgb(STATUS_LOOKS[s].color));
      expect(c.$id(s).style('line-style')).toBe(STATUS_LOOKS[s].line);
    }
    const look = (s: string) => [c.$id(s).style('line-color'), c.$id(s).style('line-style')].join(' ');
    expect(new Set(STATUSES.map(look)).size).toBe(STATUSES.length);
    expect(look('denial')).not.toBe(look('fact'));
    // Claims and allegations are dashed, opinions dotted: told apart without colour too.
    expect(c.$id('claim').style('line-style')).toBe('dashed');
    expect(c.$id('opinion').style('line-style')).toBe('dotted');
    // A refuted claim must not pass for a denial or an open allegation, even in grey.
    expect(c.$id('refuted').style('line-style')).toBe('dotted');
    expect(c.$id('refuted').style('line-color')).not.toBe(c.$id('opinion').style('line-color'));
  });

  it('gives a directed relation an arrow and an undirected one none', () => {
    const c = styled([
      ...ends,
      relation('directed', 'fact'),
      relation('mutual', 'fact', { undirected: true }),
    ]);
    expect(c.$id('directed').style('target-arrow-shape')).toBe('triangle');
    expect(c.$id('mutual').style('target-arrow-shape')).toBe('none');
  });

  it('draws a pair’s bundled relations as one neutral edge, thicker with more relations', () => {
    const bundle = (id: string, count: number): ElementDefinition => ({
      group: 'edges',
      data: { id, source: 'a', target: 'b', kind: 'bundle', count, label: `${count} relations` },
    });
    const c = styled([...ends, bundle('few', 4), bundle('many', 40), relation('fact', 'fact')]);
    expect(c.$id('many').numericStyle('width')).toBeGreaterThan(c.$id('few').numericStyle('width'));
    expect(c.$id('few').numericStyle('width')).toBeGreaterThan(c.$id('fact').numericStyle('width'));
    // Its members may differ in status, so it takes none of the status colours and has no arrow.
    const statusColours = STATUSES.map((s) => rgb(STATUS_LOOKS[s].color));
    expect(statusColours).not.toContain(c.$id('few').style('line-color'));
    expect(c.$id('few').style('target-arrow-shape')).toBe('none');
  });

  it('draws quotes as small grey cards joined to entities by dotted lines', () => {
    const c = styled([
      ...ends,
      { group: 'nodes', data: { id: 'q', kind: 'quote', quoteId: 'q', label: '“…”' } },
      { group: 'edges', data: { id: 'ev', source: 'q', target: 'a', kind: 'evidence', relationId: 'r' } },
    ]);
    expect(c.$id('q').style('shape')).toBe('round-rectangle');
    expect(c.$id('q').numericStyle('width')).toBeLessThan(c.$id('a').numericStyle('width'));
    expect(c.$id('ev').style('line-style')).toBe('dotted');
    expect(c.$id('ev').style('target-arrow-shape')).toBe('none');
  });

  it('marks the selection, fades the rest, and hides what waits for the layout', () => {
    const c = styled([...ends, relation('r', 'fact')]);
    c.$id('a').addClass('is-selected');
    c.$id('b').addClass('is-faded');
    c.$id('r').addClass(AWAITING_LAYOUT);
    expect(c.$id('a').numericStyle('border-width')).toBeGreaterThan(c.$id('b').numericStyle('border-width'));
    expect(c.$id('b').numericStyle('opacity')).toBeLessThan(0.5);
    expect(c.$id('a').numericStyle('opacity')).toBe(1);
    expect(c.$id('r').style('visibility')).toBe('hidden');
    expect(c.$id('a').style('visibility')).toBe('visible');
  });
});

describe('the analysis rules on the canvas', () => {
  it('sizes entities by importance, from small to large', () => {
    const c = styled([
      entity('low', 'person', { importance: 0 }),
      entity('high', 'person', { importance: 1 }),
    ]);
    expect(c.$id('low').numericStyle('width')).toBe(20);
    expect(c.$id('high').numericStyle('width')).toBe(66);
    expect(c.$id('high').numericStyle('height')).toBe(66);
  });

  it('colours entities by community over their type colour, keeping the type’s shape', () => {
    const c = styled([entity('x', 'country', { communityColor: '#1971c2' })]);
    expect(c.$id('x').style('background-color')).toBe(rgb('#1971c2'));
    expect(c.$id('x').style('shape')).toBe(ENTITY_LOOKS.country.shape);
  });

  it('keeps a highlighted path fully visible, even where the selection faded it, and dims the rest', () => {
    const c = styled([...ends, entity('c', 'event'), relation('r', 'claim'), relation('plain', 'claim')]);
    const plainWidth = c.$id('plain').numericStyle('width');
    c.elements().addClass('is-faded');
    c.$id('a').union(c.$id('b')).union(c.$id('r')).addClass('is-path');
    c.$id('c').addClass('is-off-path');
    expect(c.$id('a').numericStyle('opacity')).toBe(1);
    expect(c.$id('r').numericStyle('opacity')).toBe(1);
    expect(c.$id('r').numericStyle('text-opacity')).toBe(1);
    expect(c.$id('r').numericStyle('width')).toBeGreaterThan(plainWidth);
    expect(c.$id('c').numericStyle('opacity')).toBeLessThan(0.5);
    // The path glows in a colour of its own, not the selection's yellow.
    expect(c.$id('a').numericStyle('underlay-opacity')).toBeGreaterThan(0);
    expect(c.$id('a').style('underlay-color')).not.toBe(rgb('#ffd43b'));
  });
});
