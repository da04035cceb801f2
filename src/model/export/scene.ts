/** Plain, positioned drawing data for image exports: what the canvas shows, read out so SVG can be written without a DOM. */
import type { Point } from './export-graph';

export type { Point };

/** Width of a run of text at a font size, in the same units as positions. */
export type Measure = (text: string, fontSize: number, bold?: boolean) => number;

/** A fallback when no font metrics are at hand (Node): roughly the average advance of a sans-serif face. */
export const approxMeasure: Measure = (text, fontSize, bold = false) =>
  [...text].length * fontSize * (bold ? 0.58 : 0.54);

export interface Bounds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface SceneNode {
  id: string;
  kind: 'entity' | 'quote';
  /** Entity type or "quote", used as a class so the SVG can be restyled. */
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** A Cytoscape shape name ("ellipse", "round-hexagon", …). */
  shape: string;
  fill: string;
  stroke: string;
  strokeWidth: number;
  label: string;
  fontSize: number;
  labelColor: string;
  labelMaxWidth: number;
  /** A 24×24 SVG path drawn in white in the middle of the node. */
  icon?: string;
}

export interface SceneEdge {
  id: string;
  /** A bundle is one edge drawn for several relations between a pair. */
  kind: 'relation' | 'evidence' | 'bundle';
  source: string;
  target: string;
  /** Where the edge leaves the source node, its control points (quadratic Béziers, as Cytoscape draws them), and where it meets the target node. */
  points: Point[];
  color: string;
  width: number;
  dash?: number[];
  arrow: boolean;
  label?: string;
  fontSize: number;
  labelColor: string;
  status?: string;
}

export interface Scene {
  bounds: Bounds;
  nodes: SceneNode[];
  edges: SceneEdge[];
}

export type DrawOp =
  /** y is the baseline. */
  | {
      op: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      color: string;
      bold?: boolean;
      italic?: boolean;
    }
  | { op: 'rect'; x: number; y: number; w: number; h: number; fill: string; stroke?: string }
  | {
      op: 'line';
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      color: string;
      width: number;
      dash?: number[];
    }
  /** A node-shape swatch centred on (x, y). */
  | { op: 'shape'; shape: string; x: number; y: number; w: number; h: number; fill: string };
