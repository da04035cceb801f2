import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { afterEach, describe, expect, it } from 'vitest';
import { stylesheet } from '../../src/graph-view/stylesheet';
import {
  CONTESTED_LINE,
  CORROBORATION_WIDTHS,
  corroborationWidth,
} from '../../src/model/style/corroboration-style';
import { STATUS_LOOKS } from '../../src/model/style/entity-style';
import { sourceLook } from '../../src/model/style/source-palette';

const rgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16},${(n >> 8) & 255},${n & 255})`;
};

let cy: Core | undefined;
afterEach(() => cy?.destroy());

const ends: ElementDefinition[] = ['a', 'b'].map((id) => ({
  group: 'nodes',
  data: { id, kind: 'entity', type: 'person', label: id },
}));
const relation = (
  id: string,
  sources: number,
  contested = false,
  status = 'allegation',
): ElementDefinition => ({
  group: 'edges',
  data: { id, source: 'a', target: 'b', kind: 'relation', type: 't', status, label: id, sources, contested },
});
const styled = (edges: ElementDefinition[]) => {
  cy = cytoscape({ headless: true, styleEnabled: true, style: stylesheet(), elements: [...ends, ...edges] });
  return cy;
};
const width = (c: Core, id: string) => parseFloat(String(c.$id(id).style('width')));

describe('corroboration and dispute on the canvas', () => {
  it('draws a relation wider the more independent sources state it, up to a limit the legend names', () => {
    const c = styled([1, 2, 3, 4, 7].map((n) => relation(`s${n}`, n)));
    const widths = [1, 2, 3, 4, 7].map((n) => width(c, `s${n}`));
    expect(widths[0]).toBeCloseTo(CORROBORATION_WIDTHS.min);
    expect(widths[1]!).toBeGreaterThan(widths[0]!);
    expect(widths[2]!).toBeGreaterThan(widths[1]!);
    expect(widths[3]).toBeCloseTo(CORROBORATION_WIDTHS.max);
    expect(widths[4]).toBeCloseTo(CORROBORATION_WIDTHS.max);
    // The legend's samples use the same widths.
    [1, 2, 3, 4].forEach((n, i) => expect(corroborationWidth(n)).toBeCloseTo(widths[i]!));
  });

  it('draws a contested relation as a double line: two rails in its status colour around a white core', () => {
    const c = styled([
      relation('plain', 1),
      relation('disputed', 1, true),
      relation('denied', 2, true, 'denial'),
    ]);
    expect(parseFloat(String(c.$id('plain').style('line-outline-width')))).toBe(0);
    const d = c.$id('disputed');
    expect(d.style('line-color')).toBe('rgb(255,255,255)');
    expect(parseFloat(String(d.style('line-outline-width')))).toBe(CONTESTED_LINE.rails);
    expect(d.style('line-outline-color')).toBe(rgb(STATUS_LOOKS.allegation.color));
    // Still dashed like any allegation, its arrow still in the status colour.
    expect(d.style('line-style')).toBe('dashed');
    expect(d.style('target-arrow-color')).toBe(rgb(STATUS_LOOKS.allegation.color));
    expect(c.$id('denied').style('line-outline-color')).toBe(rgb(STATUS_LOOKS.denial.color));
    expect(width(c, 'denied')).toBeGreaterThan(width(c, 'disputed'));
  });

  it('keeps the selected relation at least as wide as it is drawn', () => {
    const c = styled([relation('wide', 4)]);
    const before = width(c, 'wide');
    c.$id('wide').addClass('is-selected');
    expect(width(c, 'wide')).toBeGreaterThan(before);
  });

  it("gives each of a dataset's first six sources its own highlight, the first the familiar yellow", () => {
    expect(sourceLook(0).mark).toBe('#fff3bf');
    expect(new Set([0, 1, 2, 3, 4, 5].map((i) => sourceLook(i).mark)).size).toBe(6);
    expect(sourceLook(6)).toEqual(sourceLook(0));
  });
});

describe('a contested relation in an image export', () => {
  it('keeps its status colour in the scene the SVG is written from, not the white core', async () => {
    const { sceneFromCy } = await import('../../src/graph-view/scene-from-cy');
    const c = styled([relation('disputed', 1, true, 'denial')]);
    const scene = sceneFromCy(c, { x1: 0, y1: 0, x2: 10, y2: 10 }, () => []);
    expect(scene.edges[0]!.color).toBe(rgb(STATUS_LOOKS.denial.color));
  });
});
