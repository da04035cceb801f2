/** GraphML of the visible subgraph, with typed attributes and yFiles graphics so yEd shows the same picture; networkx and Gephi read it too. */
import { STATUS_LOOKS } from '../style/entity-style';
import type { EntityType } from '../core/vocabulary';
import type { ExportGraph, Point } from './export-graph';
import { EDGE_FIELDS, NODE_FIELDS, type FieldSpec } from './fields';
import { attrs, escapeXml, formatNumber } from './xml';

/** yEd's nearest shape to each canvas shape. */
const YED_SHAPES: Record<EntityType, string> = {
  person: 'ellipse',
  country: 'hexagon',
  organization: 'roundrectangle',
  event: 'diamond',
  financial: 'octagon',
  document: 'rectangle',
  place: 'triangle',
  media: 'roundrectangle',
};

const GRAPHML_TYPES = { string: 'string', int: 'int', boolean: 'boolean' } as const;

function keys<T>(fields: FieldSpec<T>[], target: 'node' | 'edge', prefix: string): string {
  return fields
    .map(
      (f) =>
        `  <key${attrs({ id: `${prefix}_${f.name}`, for: target, 'attr.name': f.name, 'attr.type': GRAPHML_TYPES[f.kind] })}/>`,
    )
    .join('\n');
}

function dataOf<T>(fields: FieldSpec<T>[], element: T, prefix: string): string[] {
  return fields.flatMap((f) => {
    const v = f.get(element);
    if (v === undefined || v === '') return [];
    return [`      <data key="${prefix}_${f.name}">${escapeXml(String(v))}</data>`];
  });
}

/** Where a node without a recorded position goes: a grid, so yEd does not stack them all at one point. */
const gridSpot = (i: number): Point => ({ x: (i % 8) * 120, y: Math.floor(i / 8) * 120 });

const upper = (hex: string) => hex.toUpperCase();

export function toGraphML(graph: ExportGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">',
    `  <key${attrs({ id: 'g_title', for: 'graph', 'attr.name': 'title', 'attr.type': 'string' })}/>`,
    keys(NODE_FIELDS, 'node', 'n'),
    keys(EDGE_FIELDS, 'edge', 'e'),
    '  <key id="n_graphics" for="node" yfiles.type="nodegraphics"/>',
    '  <key id="e_graphics" for="edge" yfiles.type="edgegraphics"/>',
    // Every edge is directed so networkx (which has no mixed graphs) reads the file; "directed" says which relations are symmetric.
    `  <graph${attrs({ id: graph.dataset.id, edgedefault: 'directed' })}>`,
    `    <data key="g_title">${escapeXml(graph.dataset.title)}</data>`,
  ];
  graph.nodes.forEach((n, i) => {
    const p = n.position ?? gridSpot(i);
    lines.push(
      `    <node${attrs({ id: n.id })}>`,
      ...dataOf(NODE_FIELDS, n, 'n'),
      '      <data key="n_graphics"><y:ShapeNode>' +
        `<y:Geometry${attrs({ x: p.x - n.size / 2, y: p.y - n.size / 2, width: n.size, height: n.size })}/>` +
        `<y:Fill${attrs({ color: upper(n.color), transparent: 'false' })}/>` +
        '<y:BorderStyle color="#FFFFFF" type="line" width="1.5"/>' +
        `<y:NodeLabel modelName="sides" modelPosition="s" fontSize="11">${escapeXml(n.name)}</y:NodeLabel>` +
        `<y:Shape${attrs({ type: YED_SHAPES[n.baseType] })}/>` +
        '</y:ShapeNode></data>',
      '    </node>',
    );
  });
  for (const e of graph.edges) {
    const look = STATUS_LOOKS[e.status];
    lines.push(
      `    <edge${attrs({ id: e.id, source: e.source, target: e.target })}>`,
      ...dataOf(EDGE_FIELDS, e, 'e'),
      '      <data key="e_graphics"><y:PolyLineEdge>' +
        `<y:LineStyle${attrs({ color: upper(look.color), type: look.line === 'solid' ? 'line' : look.line, width: formatNumber(1.6) })}/>` +
        `<y:Arrows${attrs({ source: 'none', target: e.directed ? 'standard' : 'none' })}/>` +
        `<y:EdgeLabel fontSize="9">${escapeXml(e.label)}</y:EdgeLabel>` +
        '</y:PolyLineEdge></data>',
      '    </edge>',
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
