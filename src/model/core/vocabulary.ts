/** Closed vocabularies shared by the dataset format, the model and the UI. */

export const ENTITY_TYPES = [
  'person',
  'country',
  'organization',
  'event',
  'financial',
  'document',
  'place',
  'media',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * How the source presents a relation; ordered from firmest to weakest footing. The order is also the compact format's
 * status index, so a new status goes at the end; `refuted` belongs there anyway, as what the source calls false is
 * the weakest footing of all and no status floor may let it through.
 */
export const STATUSES = ['fact', 'reported', 'claim', 'allegation', 'denial', 'opinion', 'refuted'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_EXPLANATIONS: Record<Status, string> = {
  fact: 'The source states this as established fact.',
  reported: 'The source reports this (e.g. "reportedly") without asserting it itself.',
  claim: 'Someone named in the source asserts this; the source relays the claim.',
  allegation: 'An accusation or theory the source relays; not established.',
  denial: 'Someone denies this, as the source reports.',
  opinion: "The author's own judgement or interpretation.",
  refuted: 'The source presents this as false or debunked.',
};

export const DATE_PRECISIONS = ['decade', 'year', 'month', 'day'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** The base types' names in words; a dataset's declared types bring their own. */
export const ENTITY_TYPE_LABELS: Record<EntityType, string> = {
  person: 'Person',
  country: 'Country',
  organization: 'Organization',
  event: 'Event',
  financial: 'Financial',
  document: 'Document',
  place: 'Place',
  media: 'Media',
};

/** Statuses that say a relation does not hold: a claim with one of them may answer another. */
export const NEGATING_STATUSES: ReadonlySet<Status> = new Set<Status>(['denial', 'refuted']);
