/** GEXF 1.3 of the visible subgraph (Gephi's own format; networkx reads it), written by graphology-gexf with positions and colours. */
import { MultiDirectedGraph } from 'graphology';
import write from 'graphology-gexf/common/writer.js';
import type { ExportEdge, ExportGraph, ExportNode } from './export-graph';
import { EDGE_FIELDS, NODE_FIELDS, type FieldSpec, type FieldValue } from './fields';
import { xmlSafe } from './xml';
import { ENTITY_DIAMETER } from '../style/community-palette';

interface NodeAttrs {
  [key: string]: unknown;
  node: ExportNode;
}
interface EdgeAttrs {
  [key: string]: unknown;
  edge: ExportEdge;
}

/** The label is GEXF's own attribute; the rest become declared attributes. */
function attributesOf<T>(fields: FieldSpec<T>[], element: T): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const f of fields) {
    if (f.name === 'label') continue;
    const v = f.get(element);
    if (v !== undefined && v !== '') out[f.name] = typeof v === 'string' ? xmlSafe(v) : v;
  }
  return out;
}

export function toGEXF(data: ExportGraph): string {
  const graph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>();
  graph.replaceAttributes({
    creator: 'Threadline',
    description: xmlSafe(data.dataset.title),
  });
  for (const node of data.nodes) graph.addNode(node.id, { node });
  // Every edge is directed so networkx (which has no mixed graphs) reads the file; "directed" says which relations are symmetric.
  for (const edge of data.edges) graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, { edge });
  return write(graph, {
    version: '1.3',
    formatNode: (_key, { node }) => ({
      label: xmlSafe(node.name),
      attributes: attributesOf(NODE_FIELDS, node),
      viz: {
        color: rgb(node.color),
        // Gephi's default node is 10 across; the canvas's is 34, so sizes keep the canvas's proportions.
        size: round((node.size * 10) / ENTITY_DIAMETER),
        // Gephi's y axis points up, the canvas's down: flip it so the picture is not mirrored.
        ...(node.position ? { x: round(node.position.x), y: round(-node.position.y) } : {}),
      },
    }),
    formatEdge: (_key, { edge }) => ({
      label: xmlSafe(edge.label),
      weight: Math.max(1, edge.quotes.length),
      attributes: attributesOf(EDGE_FIELDS, edge),
      viz: { color: rgb(edge.color), thickness: 1.6 },
    }),
  });
}

const round = (n: number) => Math.round(n * 100) / 100;

/** "#3b6fd8" as "rgb(59,111,216)": the writer then emits r/g/b attributes, which networkx requires even in GEXF 1.3. */
function rgb(hex: string): string {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
}
