/** The canvas's one declarative stylesheet, keyed by data(type), data(status) and emphasis classes. */
import type { StylesheetJson } from 'cytoscape';
import { CONTESTED_LINE as CONTESTED_CORE, CORROBORATION_WIDTHS } from '../model/style/corroboration-style';
import { ENTITY_LOOKS, STATUS_LOOKS, iconDataUri } from '../model/style/entity-style';
import { ENTITY_TYPES, STATUSES } from '../model/core/vocabulary';
import { analysisStyles } from './analysis-styles';
import { AWAITING_LAYOUT } from './layout';

/** Width from `lo` (one source) to `hi` (the most the width tells apart), by the edge's independent sources. */
const sourcesWidth = (lo: number, hi: number) =>
  `mapData(sources, 1, ${CORROBORATION_WIDTHS.sources}, ${lo}, ${hi})`;

export function stylesheet(): StylesheetJson {
  return [
    {
      selector: 'node[kind = "entity"]',
      style: {
        width: 34,
        height: 34,
        label: 'data(label)',
        'font-family': 'Inter, system-ui, sans-serif',
        'font-size': 11,
        color: '#1f2933',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '110px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 7,
        'background-fit': 'none',
        'background-width': '58%',
        'background-height': '58%',
        'border-width': 1.5,
        'border-color': '#ffffff',
      },
    },
    ...(ENTITY_TYPES.map((type) => ({
      selector: `node[type = "${type}"]`,
      style: {
        'background-color': ENTITY_LOOKS[type].color,
        shape: ENTITY_LOOKS[type].shape,
        'background-image': iconDataUri(type),
      },
    })) as StylesheetJson),
    {
      selector: 'edge[kind = "relation"]',
      style: {
        width: CORROBORATION_WIDTHS.min,
        'curve-style': 'bezier',
        'control-point-step-size': 36,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        label: 'data(label)',
        'font-size': 9,
        color: '#52606d',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 8,
      },
    },
    {
      // Only with more than one source: an edge with no count (drawn before its quotes) keeps the thin line.
      selector: 'edge[kind = "relation"][sources > 1]',
      style: { width: sourcesWidth(CORROBORATION_WIDTHS.min, CORROBORATION_WIDTHS.max) },
    },
    { selector: 'edge[?undirected]', style: { 'target-arrow-shape': 'none' } },
    ...(STATUSES.map((status) => ({
      selector: `edge[status = "${status}"]`,
      style: {
        'line-color': STATUS_LOOKS[status].color,
        'target-arrow-color': STATUS_LOOKS[status].color,
        'line-style': STATUS_LOOKS[status].line,
        ...(STATUS_LOOKS[status].line === 'dashed' ? { 'line-dash-pattern': [6, 4] } : {}),
      },
    })) as StylesheetJson),
    {
      // Two rails in the status colour around a white core: a disputed line, which keeps its status colour
      // and dash; the outline is drawn with the line's own dash pattern.
      selector: 'edge[?contested]',
      style: {
        width: CONTESTED_CORE.min,
        'line-color': '#ffffff',
        'line-outline-width': CONTESTED_CORE.rails,
      },
    },
    {
      selector: 'edge[?contested][sources > 1]',
      style: { width: sourcesWidth(CONTESTED_CORE.min, CONTESTED_CORE.max) },
    },
    ...(STATUSES.map((status) => ({
      selector: `edge[?contested][status = "${status}"]`,
      style: { 'line-outline-color': STATUS_LOOKS[status].color },
    })) as StylesheetJson),
    {
      // Thicker with more relations, up to a limit, and neutral: its members may differ in status.
      selector: 'edge[kind = "bundle"]',
      style: {
        width: 'mapData(count, 4, 40, 3.5, 8)',
        'line-color': '#7b8794',
        'line-opacity': 0.75,
        'curve-style': 'straight',
        'target-arrow-shape': 'none',
        label: 'data(label)',
        'font-size': 10,
        'font-weight': 'bold',
        color: '#323f4b',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.95,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'text-border-width': 1,
        'text-border-color': '#9aa5b1',
        'text-border-opacity': 1,
        'min-zoomed-font-size': 7,
      },
    },
    {
      selector: 'node[kind = "quote"]',
      style: {
        shape: 'round-rectangle',
        width: 14,
        height: 14,
        'background-color': '#f1f3f5',
        'border-color': '#adb5bd',
        'border-width': 1,
        label: 'data(label)',
        'font-size': 8,
        color: '#616e7c',
        'text-valign': 'bottom',
        'text-wrap': 'ellipsis',
        'text-max-width': '90px',
        'min-zoomed-font-size': 8,
      },
    },
    {
      selector: 'edge[kind = "evidence"]',
      style: {
        width: 0.8,
        'line-color': '#ced4da',
        'line-style': 'dotted',
        'curve-style': 'straight',
        'target-arrow-shape': 'none',
      },
    },
    // Until the layout worker answers: hidden, with their edges, but still measured for the layout.
    { selector: `.${AWAITING_LAYOUT}`, style: { visibility: 'hidden' } },
    { selector: '.is-faded', style: { opacity: 0.22 } },
    { selector: 'edge.is-faded', style: { 'text-opacity': 0 } },
    {
      selector: 'node.is-selected',
      style: { 'border-width': 4, 'border-color': '#ffd43b', 'font-weight': 'bold', 'z-index': 10 },
    },
    {
      selector: 'edge.is-selected',
      style: {
        width: 4,
        'z-index': 10,
        'font-size': 11,
        'font-weight': 'bold',
        color: '#1f2933',
      },
    },
    {
      selector: 'edge.is-selected[sources > 1]',
      style: { width: sourcesWidth(4, CORROBORATION_WIDTHS.max + 2) },
    },
    {
      selector: 'edge[kind = "bundle"].is-selected',
      style: { width: 'mapData(count, 4, 40, 5.5, 10)', 'line-color': '#52606d', 'line-opacity': 1 },
    },
    { selector: 'node.is-highlighted', style: { 'border-width': 3, 'border-color': '#ffd43b' } },
    // Marked for acting on together: a blue ring outside the node, apart from the inspected one's yellow.
    {
      selector: 'node.is-marked',
      style: { 'outline-width': 4, 'outline-color': '#2563eb', 'outline-offset': 3, 'outline-opacity': 0.9 },
    },
    // Pinned: a dark dashed border, so a reader sees which nodes a re-layout leaves in place.
    {
      selector: 'node.is-pinned',
      style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#1f2933' },
    },
    { selector: 'node.is-pinned.is-selected', style: { 'border-width': 4, 'border-color': '#ffd43b' } },
    { selector: 'edge.is-highlighted', style: { width: 3.5 } },
    { selector: ':active', style: { 'overlay-opacity': 0.08 } },
    ...analysisStyles(),
  ];
}
