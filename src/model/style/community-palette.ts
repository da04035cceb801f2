/**
 * How communities are coloured and named, in one place, so the canvas, the legend and every export show
 * the same colour for the same community.
 */
import type { Model } from '../core/model';

/** Distinct, print-safe colours for the largest communities; the rest share a neutral grey. */
export const COMMUNITY_COLOURS = [
  '#1971c2',
  '#e8590c',
  '#2f9e44',
  '#c2255c',
  '#6741d9',
  '#0c8599',
  '#e67700',
  '#5c940d',
  '#862e9c',
  '#495057',
] as const;
export const OTHER_COMMUNITY_COLOUR = '#adb5bd';

export const communityColour = (index: number): string => COMMUNITY_COLOURS[index] ?? OTHER_COMMUNITY_COLOUR;

/** A community with a colour of its own, named after its most connected members. */
export interface CommunityLook {
  index: number;
  colour: string;
  label: string;
}

/** Community index per entity (0 is the largest) and the looks of the coloured ones, by index. */
export interface CommunityColouring {
  of: ReadonlyMap<string, number>;
  palette: readonly CommunityLook[];
}

/** A community is named after its most connected member, cut to this length, so ten fit a legend strip. */
const NAME_LENGTH = 22;
/** A cut name ends in "…", which also says the community has more members. */
const named = (name: string, members: number) =>
  name.length > NAME_LENGTH
    ? `${name.slice(0, NAME_LENGTH - 1).trimEnd()}…`
    : `${name}${members > 1 ? ', …' : ''}`;

/** Names the coloured communities after their most connected member: "Community 1 (Donald Trump, …)". */
export function communityColouring(model: Model, of: ReadonlyMap<string, number>): CommunityColouring {
  const coloured = COMMUNITY_COLOURS.length;
  const top: Array<{ name: string; degree: number } | undefined> = new Array(coloured);
  const size = new Array<number>(coloured).fill(0);
  const { offsets } = model.adjacency;
  model.data.entities.forEach((e, i) => {
    const c = of.get(e.id);
    if (c === undefined || c >= coloured) return;
    size[c]!++;
    const degree = offsets[i + 1]! - offsets[i]!;
    const best = top[c];
    // Most connected, then first by name, so the label is the same on every run.
    if (!best || degree > best.degree || (degree === best.degree && e.name.localeCompare(best.name) < 0))
      top[c] = { name: e.name, degree };
  });
  const palette: CommunityLook[] = [];
  top.forEach((best, index) => {
    if (!best) return;
    palette.push({
      index,
      colour: communityColour(index),
      label: `Community ${index + 1} (${named(best.name, size[index]!)})`,
    });
  });
  return { of, palette };
}

/** A legend row for communities: one per coloured community drawn, and one for all the grey ones. */
export interface CommunityLegendEntry {
  colour: string;
  label: string;
  /** How many of the given entities it colours. */
  count: number;
}

/** The communities the given entities belong to, largest community first, grey ones last as one row. */
export function communitiesDrawn(
  entityIds: Iterable<string>,
  colouring: CommunityColouring,
): CommunityLegendEntry[] {
  const counts = new Map<number, number>();
  let other = 0;
  const looks = new Map(colouring.palette.map((l) => [l.index, l]));
  for (const id of entityIds) {
    const c = colouring.of.get(id);
    if (c === undefined) continue;
    if (looks.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
    else other++;
  }
  const rows = [...counts]
    .sort(([a], [b]) => a - b)
    .map(([c, count]) => ({ colour: looks.get(c)!.colour, label: looks.get(c)!.label, count }));
  if (other > 0) rows.push({ colour: OTHER_COMMUNITY_COLOUR, label: 'Other communities', count: other });
  return rows;
}

/** An entity's drawn diameter: fixed, or by importance (0..1) between these two when nodes are sized by it. */
export const ENTITY_DIAMETER = 34;
export const IMPORTANCE_DIAMETERS = { min: 20, max: 66 } as const;

export const importanceDiameter = (score: number): number =>
  IMPORTANCE_DIAMETERS.min +
  Math.min(1, Math.max(0, score)) * (IMPORTANCE_DIAMETERS.max - IMPORTANCE_DIAMETERS.min);
