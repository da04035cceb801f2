/** How each entity type and status looks, shared by the canvas, the legend, search results and exports. */
import type { EntityType, Status } from '../core/vocabulary';

export interface EntityLook {
  label: string;
  color: string;
  /** A Cytoscape node shape. */
  shape: string;
  /** A 24×24 SVG path (even-odd fill), drawn in white on the node and in colour in panels. */
  icon: string;
}

export const ENTITY_LOOKS: Record<EntityType, EntityLook> = {
  person: {
    label: 'Person',
    color: '#3b6fd8',
    shape: 'ellipse',
    icon: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4.5 21a7.5 7.5 0 0 1 15 0z',
  },
  country: {
    label: 'Country',
    color: '#2f9e6e',
    shape: 'round-hexagon',
    icon: 'M5 3h2v18H5zM8.5 4H20l-2.5 4.5L20 13H8.5z',
  },
  organization: {
    label: 'Organization',
    color: '#7a5af8',
    shape: 'round-rectangle',
    icon: 'M4 21V6l8-4 8 4v15h-6v-5h-4v5zM7 8h2v2H7zm8 0h2v2h-2zM7 12h2v2H7zm8 0h2v2h-2z',
  },
  event: {
    label: 'Event',
    color: '#e8590c',
    shape: 'round-diamond',
    icon: 'M3 5h18v16H3zM5 10v9h14v-9zM7 2h2v4H7zm8 0h2v4h-2zM7 12h4v4H7z',
  },
  financial: {
    label: 'Financial',
    color: '#b7860b',
    shape: 'octagon',
    icon: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm-1 3h2v1.6c1.6.3 2.7 1.3 2.8 2.8h-2c-.1-.7-.7-1.1-1.8-1.1-1 0-1.6.4-1.6 1s.6.9 2.1 1.3c2 .5 3.4 1.2 3.4 3 0 1.5-1.1 2.5-2.9 2.8V18h-2v-1.6c-1.8-.3-3-1.4-3-3h2c.1.8.8 1.3 2 1.3s1.8-.4 1.8-1.1-.6-1-2.2-1.4c-1.9-.5-3.2-1.2-3.2-2.9 0-1.4 1-2.4 2.6-2.7z',
  },
  document: {
    label: 'Document',
    color: '#5c6773',
    shape: 'cut-rectangle',
    icon: 'M5 2h9l5 5v15H5zM13 3v5h5M8 11h8v1.6H8zm0 3.5h8v1.6H8zm0 3.5h5v1.6H8z',
  },
  place: {
    label: 'Place',
    color: '#d6336c',
    shape: 'round-triangle',
    icon: 'M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 4.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5z',
  },
  media: {
    label: 'Media',
    color: '#1098ad',
    shape: 'barrel',
    icon: 'M2 5h20v13H2zM4 7v9h16V7zM8 20h8v2H8zM10 9l5 2.5-5 2.5z',
  },
};

export interface StatusLook {
  label: string;
  color: string;
  line: 'solid' | 'dashed' | 'dotted';
}

// Each colour is also a badge's text on white, so each keeps at least 4.5:1 contrast there (WCAG AA).
export const STATUS_LOOKS: Record<Status, StatusLook> = {
  fact: { label: 'Fact', color: '#343a40', line: 'solid' },
  reported: { label: 'Reported', color: '#5f6b7a', line: 'solid' },
  claim: { label: 'Claim', color: '#1864ab', line: 'dashed' },
  allegation: { label: 'Allegation', color: '#a61e4d', line: 'dashed' },
  denial: { label: 'Denial', color: '#c92a2a', line: 'solid' },
  opinion: { label: 'Opinion', color: '#6741d9', line: 'dotted' },
  // Brown, far from the denial's red and the allegation's crimson, so a debunked claim is not read as either.
  refuted: { label: 'Refuted', color: '#a05a00', line: 'dotted' },
};

/** The icon as an SVG data URI, for Cytoscape's background-image. */
export function iconDataUri(type: EntityType, fill = '#ffffff'): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="${fill}" fill-rule="evenodd" d="${ENTITY_LOOKS[type].icon}"/></svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}
