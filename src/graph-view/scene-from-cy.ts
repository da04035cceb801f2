/** Reads what Cytoscape draws (positions, sizes, resolved styles, edge endpoints and control points) into a plain Scene for the SVG writer. */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { ENTITY_LOOKS } from '../model/style/entity-style';
import { DASHES } from '../model/export/legend';
import type { Bounds, Point, Scene, SceneEdge, SceneNode } from '../model/export/scene';
import { ENTITY_TYPES, type EntityType } from '../model/core/vocabulary';

const num = (value: unknown, fallback = 0): number => {
  const n = Number.parseFloat(String(value));
  return Number.isFinite(n) ? n : fallback;
};
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const isEntityType = (t: unknown): t is EntityType => ENTITY_TYPES.includes(t as EntityType);

function sceneNode(n: NodeSingular): SceneNode {
  const type: unknown = n.data('type');
  const kind = n.data('kind') === 'quote' ? 'quote' : 'entity';
  const p = n.position();
  return {
    id: n.id(),
    kind,
    type: isEntityType(type) ? type : kind,
    x: p.x,
    y: p.y,
    width: n.width(),
    height: n.height(),
    shape: str(n.style('shape')) || 'ellipse',
    fill: str(n.style('background-color')) || '#999999',
    stroke: str(n.style('border-color')) || '#ffffff',
    strokeWidth: num(n.style('border-width')),
    label: str(n.style('label')),
    fontSize: num(n.style('font-size'), 11),
    labelColor: str(n.style('color')) || '#1f2933',
    labelMaxWidth: num(n.style('text-max-width'), 110),
    ...(kind === 'entity' && isEntityType(type) ? { icon: ENTITY_LOOKS[type].icon } : {}),
  };
}

/** An edge's drawn course: its endpoints at the nodes' borders and the control points between (the renderer's). */
export const drawnEdgePoints = (e: EdgeSingular): Point[] =>
  [e.sourceEndpoint(), ...(e.controlPoints() ?? []), e.targetEndpoint()].map((p) => ({ x: p.x, y: p.y }));

function sceneEdge(e: EdgeSingular, points: Point[]): SceneEdge {
  const line = str(e.style('line-style'));
  const dash = line === 'dashed' || line === 'dotted' ? DASHES[line] : undefined;
  const label = str(e.style('label'));
  const status: unknown = e.data('status');
  const outlined = num(e.style('line-outline-width')) > 0;
  return {
    id: e.id(),
    kind: sceneEdgeKind(e.data('kind')),
    source: e.source().id(),
    target: e.target().id(),
    points,
    // A contested edge's line is its white core; its colour (the status's) is on the rails around it.
    color: (outlined ? str(e.style('line-outline-color')) : str(e.style('line-color'))) || '#555555',
    width: num(e.style('width'), 1),
    ...(dash ? { dash } : {}),
    arrow: str(e.style('target-arrow-shape')) !== 'none',
    ...(label ? { label } : {}),
    fontSize: num(e.style('font-size'), 9),
    labelColor: str(e.style('color')) || '#52606d',
    ...(typeof status === 'string' ? { status } : {}),
  };
}

/**
 * Everything drawn, in model coordinates; `bounds` is the box Cytoscape's full-graph PNG covers. Edge courses
 * come from the renderer; a headless Cytoscape (Node) has none, so there `edgePoints` is given.
 */
export function sceneFromCy(
  cy: Core,
  bounds: Bounds,
  edgePoints: (e: EdgeSingular) => Point[] = drawnEdgePoints,
): Scene {
  return {
    bounds,
    nodes: cy.nodes(':visible').map(sceneNode),
    edges: cy.edges(':visible').map((e) => sceneEdge(e, edgePoints(e))),
  };
}

const sceneEdgeKind = (kind: unknown): SceneEdge['kind'] =>
  kind === 'evidence' || kind === 'bundle' ? kind : 'relation';
