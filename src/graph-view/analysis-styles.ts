/** Canvas rules for the analysis features: importance sizing, community colours and the highlighted path. Appended last, so they win. */
import type { StylesheetJson } from 'cytoscape';
import { IMPORTANCE_DIAMETERS } from '../model/style/community-palette';

/** The path's glow: a green distinct from the selection's yellow and from every entity-type colour. */
const PATH_COLOUR = '#0ca678';

export function analysisStyles(): StylesheetJson {
  // Cast as the existing rules are: @types/cytoscape lacks the underlay properties Cytoscape 3.34 supports.
  return [
    {
      selector: 'node[kind = "entity"][importance]',
      style: {
        width: `mapData(importance, 0, 1, ${IMPORTANCE_DIAMETERS.min}, ${IMPORTANCE_DIAMETERS.max})`,
        height: `mapData(importance, 0, 1, ${IMPORTANCE_DIAMETERS.min}, ${IMPORTANCE_DIAMETERS.max})`,
      },
    },
    {
      selector: 'node[kind = "entity"][communityColor]',
      style: { 'background-color': 'data(communityColor)' },
    },
    { selector: '.is-off-path', style: { opacity: 0.25 } },
    { selector: 'edge.is-off-path', style: { 'text-opacity': 0 } },
    {
      selector: 'node.is-path',
      style: {
        opacity: 1,
        'underlay-color': PATH_COLOUR,
        'underlay-opacity': 0.4,
        'underlay-padding': 8,
        'underlay-shape': 'ellipse',
        'font-weight': 'bold',
        'z-index': 20,
      },
    },
    {
      selector: 'edge.is-path',
      style: {
        opacity: 1,
        width: 4,
        'text-opacity': 1,
        'font-size': 11,
        'font-weight': 'bold',
        color: '#087f5b',
        'underlay-color': PATH_COLOUR,
        'underlay-opacity': 0.3,
        'underlay-padding': 5,
        'z-index': 20,
      },
    },
  ] as StylesheetJson;
}
