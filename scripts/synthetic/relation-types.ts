/** The synthetic vocabulary of relation types: every entity type can start or end at least one of them. */
import type { RelationType } from '../../src/model/format/schema';
import { ENTITY_TYPES, type EntityType } from '../../src/model/core/vocabulary';

export interface SyntheticRelationType extends RelationType {
  /** How a sentence says it, past tense: "A <verb> B". */
  verb: string;
}

const ACTORS: EntityType[] = ['person', 'organization', 'country'];
const ANY: EntityType[] = [...ENTITY_TYPES];

type Spec = [
  id: string,
  label: string,
  inverse: string,
  verb: string,
  directed: boolean,
  domain: EntityType[],
  range: EntityType[],
];

const SPECS: Spec[] = [
  ['met', 'met', 'met', 'met', false, ['person'], ['person']],
  [
    'employed_by',
    'worked for',
    'employed',
    'worked for',
    true,
    ['person'],
    ['organization', 'media', 'country'],
  ],
  [
    'member_of',
    'is a member of',
    'has member',
    'joined',
    true,
    ['person', 'organization', 'country'],
    ['organization'],
  ],
  ['citizen_of', 'is a citizen of', 'has citizen', 'held citizenship of', true, ['person'], ['country']],
  [
    'funded',
    'funded',
    'funded by',
    'funded',
    true,
    [...ACTORS, 'financial'],
    ['person', 'organization', 'event', 'media'],
  ],
  ['paid', 'paid', 'was paid by', 'paid', true, ACTORS, ['person', 'organization']],
  [
    'owns',
    'owns',
    'owned by',
    'acquired',
    true,
    ['person', 'organization'],
    ['organization', 'financial', 'media', 'place'],
  ],
  [
    'attended',
    'attended',
    'was attended by',
    'attended',
    true,
    ['person', 'organization', 'country', 'media'],
    ['event'],
  ],
  ['held_in', 'was held in', 'hosted', 'took place in', true, ['event'], ['place', 'country']],
  [
    'located_in',
    'is located in',
    'contains',
    'was based in',
    true,
    ['organization', 'place', 'financial'],
    ['place', 'country'],
  ],
  ['authored', 'authored', 'authored by', 'wrote', true, ACTORS, ['document']],
  ['mentions', 'mentions', 'mentioned in', 'named', true, ['document', 'media'], ANY],
  [
    'reported_on',
    'reported on',
    'covered by',
    'reported on',
    true,
    ['media'],
    ['event', 'person', 'organization', 'financial'],
  ],
  [
    'allied_with',
    'is allied with',
    'is allied with',
    'formed an alliance with',
    false,
    ['country'],
    ['country'],
  ],
  [
    'sanctioned',
    'sanctioned',
    'was sanctioned by',
    'imposed sanctions on',
    true,
    ['country', 'organization'],
    ['person', 'organization', 'country'],
  ],
  [
    'praised',
    'praised',
    'praised by',
    'praised',
    true,
    ['person', 'country', 'media'],
    ['person', 'organization', 'country', 'event'],
  ],
  [
    'criticized',
    'criticized',
    'criticized by',
    'criticized',
    true,
    ['person', 'country', 'media', 'organization'],
    ['person', 'organization', 'country', 'document'],
  ],
  [
    'sued',
    'sued',
    'was sued by',
    'filed a suit against',
    true,
    ['person', 'organization'],
    ['person', 'organization', 'media'],
  ],
];

export const SYNTHETIC_RELATION_TYPES: readonly SyntheticRelationType[] = SPECS.map(
  ([id, label, inverseLabel, verb, directed, domain, range]) => ({
    id,
    label,
    inverseLabel,
    directed,
    domain,
    range,
    verb,
  }),
);

/** The dataset file form: the sentence verb is a generator detail, not part of the format. */
export const relationTypeRecord = ({ verb: _verb, ...type }: SyntheticRelationType): RelationType => type;
