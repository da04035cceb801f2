/**
 * Which lane of the timeline a dated item goes in. Dated entities (events, investigations, documents…) have a
 * lane per base type; a relation goes in the lane of what its sentence is about (its subject's base type), so
 * "People · relations" reads as what people did and said, "Organizations · relations" what organisations did.
 */
import { baseTypeOf } from '../core/entity-types';
import type { Model } from '../core/model';
import { ENTITY_TYPES, type EntityType } from '../core/vocabulary';
import type { TimelineItem } from './timeline';

export interface LaneInfo {
  key: string;
  /** The lane's name: "Events", "People". */
  label: string;
  /** Under the name, for relation lanes: "relations". */
  sub: string | null;
  /** Sorts the lanes: entity lanes first, events at the top; then relation lanes, people first. */
  order: number;
}

const PLURAL: Record<EntityType, string> = {
  person: 'People',
  country: 'Countries',
  organization: 'Organizations',
  event: 'Events',
  financial: 'Financial',
  document: 'Documents',
  place: 'Places',
  media: 'Media',
};

/** What happens is read first; then who did it. */
const ENTITY_ORDER: readonly EntityType[] = [
  'event',
  'document',
  'financial',
  'organization',
  'person',
  'country',
  'place',
  'media',
];
const RELATION_ORDER: readonly EntityType[] = [
  'person',
  'organization',
  'country',
  'event',
  'document',
  'financial',
  'place',
  'media',
];

function rank(order: readonly EntityType[], type: EntityType): number {
  const i = order.indexOf(type);
  return i < 0 ? ENTITY_TYPES.length : i;
}

/** An entity id's base type; a subject unknown to the model (never in validated data) counts as a document. */
function baseOf(model: Model, id: string | null): EntityType {
  const type = id === null ? undefined : model.entities.get(id)?.type;
  return type === undefined ? 'document' : baseTypeOf(model, type);
}

export function laneOf(model: Model, item: TimelineItem): LaneInfo {
  if (item.kind === 'entity') {
    const type = baseOf(model, item.id);
    return { key: `entities:${type}`, label: PLURAL[type], sub: null, order: rank(ENTITY_ORDER, type) };
  }
  const type = baseOf(model, item.subject);
  return {
    key: `relations:${type}`,
    label: PLURAL[type],
    sub: 'relations',
    order: 100 + rank(RELATION_ORDER, type),
  };
}
