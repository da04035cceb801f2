/** The visible subgraph as plain records with their evidence resolved: the one input every export format writes from. */
import { ENTITY_LOOKS, STATUS_LOOKS } from '../style/entity-style';
import {
  communityColour,
  ENTITY_DIAMETER,
  importanceDiameter,
  type CommunityColouring,
} from '../style/community-palette';
import { claimsOf, corroborationOf, isContested, voicesOf, type Claim } from '../core/claims';
import { resolveDate } from '../core/dates';
import { baseTypeOf } from '../core/entity-types';
import type { Model } from '../core/model';
import { groupByPair } from '../core/parallel-relations';
import {
  claimSentence,
  relationSentence,
  relationVerb,
  sourceVoiceName,
  statement,
  verbWithStatus,
  voicesSentence,
} from '../core/relation-wording';
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
  /** How this quote's source presents the relation here. */
  status: Status;
  /** The claim as a sentence, with its status and who asserts it: "Denied by Donald Trump: …". */
  sentence: string;
  /** Who asserts it (names): the claim's asserters, else the quote's speakers; empty for the source's own voice. */
  assertedBy: string[];
  /** The quote or relation this one denies or refutes, when it answers one. */
  answers?: string;
  speakerId?: string;
  /** The first speaker's name; `speakers` has them all when a claim is made jointly. */
  speaker?: string;
  speakers: string[];
  occasion?: string;
  sourceId: string;
  sourceTitle: string;
  publisher: string | null;
  sourceDate: string | null;
  url: string | null;
  start: number;
  end: number;
}

/** A source cited by the export, listed once and numbered in the order the relations first cite it. */
export interface ExportSource {
  id: string;
  number: number;
  title: string;
  author: string | null;
  publisher: string | null;
  date: string | null;
  url: string | null;
}

/** One source's say on a relation. */
export interface ExportVoice {
  sourceId: string;
  /** The source's number in ExportGraph.sources. */
  number: number;
  sourceTitle: string;
  url: string | null;
  /** The distinct ways this source presents the relation, firmest first. */
  statuses: Status[];
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
  /** The entity's type as the dataset declares it ("vessel"), or a base type. */
  type: string;
  /** The declared type's label ("Vessel"), or the base type's ("Person"). */
  typeLabel: string;
  /** The base type it is drawn as: colour, shape and icon. */
  baseType: EntityType;
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
  /** A date the source gives relative to its own ("Tuesday"), as written, and the source that writes it. */
  dateWritten?: { asWritten: string; source: string };
  note?: string;
  /** The relation this one denies or refutes as a whole. */
  answers?: string;
  quotes: ExportQuote[];
  /** Every source that presents the relation, once each, in the dataset's source order. */
  voices: ExportVoice[];
  /** "Stated as fact by the report; denied by Donald Trump"; empty when no claim is loaded. */
  voicesText: string;
  /** Independent sources: distinct sources among the quotes. */
  corroboration: number;
  /** Affirmed and denied or refuted, by sources or claims, or answered by another relation. */
  contested: boolean;
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
  /** Every source the edges cite, once each. */
  sources: ExportSource[];
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
    const baseType = baseTypeOf(model, e.type);
    return [
      {
        id,
        name: e.name,
        type: e.type,
        typeLabel: model.entityTypes.get(e.type)?.label ?? ENTITY_LOOKS[baseType].label,
        baseType,
        ...(e.role ? { role: e.role } : {}),
        description: e.description,
        aliases: e.aliases ?? [],
        ...(date ? { date } : {}),
        ...(position ? { position: { x: position.x, y: position.y } } : {}),
        color: community === undefined ? ENTITY_LOOKS[baseType].color : communityColour(community),
        size: score === undefined ? ENTITY_DIAMETER : importanceDiameter(score),
        ...(community === undefined ? {} : { community }),
      },
    ];
  });
  const sources = new Map<string, ExportSource>();
  const numberOf = (sourceId: string): number => {
    let known = sources.get(sourceId);
    const src = known ? undefined : model.sources.get(sourceId);
    if (!known && src) {
      known = {
        id: src.id,
        number: sources.size + 1,
        title: src.title,
        author: src.author,
        publisher: src.publisher,
        date: src.date,
        url: src.url,
      };
      sources.set(sourceId, known);
    }
    return known?.number ?? 0;
  };
  // Relations of one pair side by side, so an edge drawn for several has citation numbers that run on.
  const edges: ExportEdge[] = [...groupByPair(subgraph.relations).values()].flat().map((r, i) => {
    const type = model.relationTypes.get(r.type);
    const date = exportDate(r.date);
    const verb = relationVerb(type, r.type);
    const claims = new Map<string, Claim>(claimsOf(model, r.id).map((c) => [c.quoteId, c]));
    const quotes = r.evidence.flatMap((qid): ExportQuote[] => {
      const q = model.quotes.get(qid);
      const source = q && model.sources.get(q.sourceId);
      if (!q || !source) return [];
      const claim = claims.get(qid);
      const speakerIds = q.speakers ?? (q.speaker ? [q.speaker] : []);
      numberOf(source.id);
      return [
        {
          id: q.id,
          exact: q.exact,
          status: claim?.status ?? r.status,
          sentence: claim ? claimSentence(model, r, claim) : relationSentence(model, r),
          assertedBy: (claim?.assertedBy ?? speakerIds).map(name),
          ...(claim?.answers ? { answers: claim.answers } : {}),
          ...(speakerIds[0] ? { speakerId: speakerIds[0], speaker: name(speakerIds[0]) } : {}),
          speakers: speakerIds.map(name),
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
    });
    const voices = voicesOf(model, r.id).map((v) => ({
      sourceId: v.sourceId,
      number: numberOf(v.sourceId),
      sourceTitle: model.sources.get(v.sourceId)?.title ?? v.sourceId,
      url: model.sources.get(v.sourceId)?.url ?? null,
      statuses: v.statuses,
    }));
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
      ...(r.dateWritten
        ? {
            dateWritten: {
              asWritten: r.dateWritten.asWritten,
              source: sourceVoiceName(model, r.dateWritten.sourceId),
            },
          }
        : {}),
      ...(r.note ? { note: r.note } : {}),
      ...(r.answers ? { answers: r.answers } : {}),
      quotes,
      voices,
      voicesText: voices.length > 0 ? voicesSentence(model, r) : '',
      corroboration: corroborationOf(model, r.id),
      contested: isContested(model, r.id),
      color: STATUS_LOOKS[r.status].color,
    };
  });
  return {
    dataset: { id: model.dataset.id, title: model.dataset.title },
    focus: options.focus ?? null,
    ...(options.communities ? { communities: options.communities } : {}),
    nodes,
    edges,
    sources: [...sources.values()],
  };
}
