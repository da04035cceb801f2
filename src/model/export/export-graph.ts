/** The visible subgraph as plain records with their evidence resolved: the one input every export format writes from. */
import { ENTITY_LOOKS, STATUS_LOOKS } from '../style/entity-style';
import {
  communityColour,
  ENTITY_DIAMETER,
  importanceDiameter,
  type CommunityColouring,
} from '../style/community-palette';
import { resolveDate } from '../core/dates';
import type { Model } from '../core/model';
import { baseTypeOf } from '../core/entity-types';
import { groupByPair } from '../core/parallel-relations';
import { relationVerb, statement, verbWithStatus } from '../core/relation-wording';
import type { DateSpec } from '../format/schema';
import type { Subgraph } from '../core/subgraph';
import type { EntityType, Status } from '../core/vocabulary';

export interface Point {
  x: number;
  y: number;
}

export interface ExportQuote {
  id: string;
  exact: string;
  speakerId?: string;
  speaker?: string;
  occasion?: string;
  sourceId: string;
  sourceTitle: string;
  publisher: string | null;
  sourceDate: string | null;
  url: string | null;
  start: number;
  end: number;
}

export interface ExportDate {
  /** As written in the data; intervals as ISO 8601 "start/end", open ends as "..", approximate ones end in "~". */
  text: string;
  /** First and last day covered, ISO; empty when open. */
  start: string;
  end: string;
}

export interface ExportNode {
  id: string;
  name: string;
  type: EntityType;
  role?: string;
  description: string;
  aliases: string[];
  date?: ExportDate;
  position?: Point;
  /** The fill drawn: the type's colour, or the community's when the view is coloured by community. */
  color: string;
  /** Diameter drawn, in the same units as positions: by importance when the view sizes nodes by it. */
  size: number;
  /** Community index (0 is the largest), when the view is coloured by community. */
  community?: number;
}

export interface ExportEdge {
  id: string;
  /** The citation number drawn on images and listed in their footer (1-based, in edge order). */
  number: number;
  source: string;
  target: string;
  sourceName: string;
  targetName: string;
  type: string;
  /** The type's wording alone: "acted on behalf of". */
  verb: string;
  /** The verb with the status unless a fact, as the canvas draws it: "acted on behalf of (denied)". */
  label: string;
  /** The relation as a sentence, status first unless a fact: "Denied: Donald Trump acted on behalf of Vladimir Putin". */
  sentence: string;
  status: Status;
  directed: boolean;
  date?: ExportDate;
  note?: string;
  quotes: ExportQuote[];
  color: string;
}

export interface ExportGraph {
  dataset: { id: string; title: string };
  /** The entity the export is about (the selection), or null for a whole view. */
  focus: string | null;
  /** How communities are coloured and named, when the nodes are coloured by community. */
  communities?: CommunityColouring;
  nodes: ExportNode[];
  edges: ExportEdge[];
}

function exportDate(spec: DateSpec | undefined): ExportDate | undefined {
  if (spec === undefined) return undefined;
  const resolved = resolveDate(spec);
  if ('error' in resolved) return undefined;
  const text =
    typeof spec === 'string'
      ? spec
      : `${spec.start ?? '..'}/${spec.end ?? '..'}${spec.approximate ? '~' : ''}`;
  // resolveDate fills an open start with year 1; data consumers should see it as open.
  const openStart = typeof spec !== 'string' && spec.start === undefined;
  return { text, start: openStart ? '' : resolved.start, end: resolved.end ?? '' };
}

export interface ExportGraphOptions {
  positions?: ReadonlyMap<string, Point>;
  focus?: string | null;
  /** Colour nodes by community, as the canvas does when asked to. */
  communities?: CommunityColouring;
  /** Size nodes by these 0..1 scores, as the canvas does when asked to. */
  importance?: ReadonlyMap<string, number>;
}

export function buildExportGraph(
  model: Model,
  subgraph: Subgraph,
  options: ExportGraphOptions = {},
): ExportGraph {
  const name = (id: string) => model.entities.get(id)?.name ?? id;
  const nodes: ExportNode[] = subgraph.entityIds.flatMap((id) => {
    const e = model.entities.get(id);
    if (!e) return [];
    const date = exportDate(e.date);
    const position = options.positions?.get(id);
    const community = options.communities?.of.get(id);
    const score = options.importance?.get(id);
    return [
      {
        id,
        name: e.name,
        type: baseTypeOf(model, e.type),
        ...(e.role ? { role: e.role } : {}),
        description: e.description,
        aliases: e.aliases ?? [],
        ...(date ? { date } : {}),
        ...(position ? { position: { x: position.x, y: position.y } } : {}),
        color:
          community === undefined
            ? ENTITY_LOOKS[baseTypeOf(model, e.type)].color
            : communityColour(community),
        size: score === undefined ? ENTITY_DIAMETER : importanceDiameter(score),
        ...(community === undefined ? {} : { community }),
      },
    ];
  });
  // Relations of one pair side by side, so an edge drawn for several has citation numbers that run on.
  const edges: ExportEdge[] = [...groupByPair(subgraph.relations).values()].flat().map((r, i) => {
    const type = model.relationTypes.get(r.type);
    const date = exportDate(r.date);
    const verb = relationVerb(type, r.type);
    return {
      id: r.id,
      number: i + 1,
      source: r.source,
      target: r.target,
      sourceName: name(r.source),
      targetName: name(r.target),
      type: r.type,
      verb,
      label: verbWithStatus(verb, r.status),
      sentence: statement({ status: r.status, source: name(r.source), verb, target: name(r.target) }),
      status: r.status,
      directed: type?.directed ?? true,
      ...(date ? { date } : {}),
      ...(r.note ? { note: r.note } : {}),
      quotes: r.evidence.flatMap((qid) => {
        const q = model.quotes.get(qid);
        const source = q && model.sources.get(q.sourceId);
        if (!q || !source) return [];
        return [
          {
            id: q.id,
            exact: q.exact,
            ...(q.speaker ? { speakerId: q.speaker, speaker: name(q.speaker) } : {}),
            ...(q.occasion ? { occasion: name(q.occasion) } : {}),
            sourceId: source.id,
            sourceTitle: source.title,
            publisher: source.publisher,
            sourceDate: source.date,
            url: source.url,
            start: q.start,
            end: q.end,
          },
        ];
      }),
      color: STATUS_LOOKS[r.status].color,
    };
  });
  return {
    dataset: { id: model.dataset.id, title: model.dataset.title },
    focus: options.focus ?? null,
    ...(options.communities ? { communities: options.communities } : {}),
    nodes,
    edges,
  };
}
