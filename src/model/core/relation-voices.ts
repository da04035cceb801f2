/** A relation's sources as the filters read them: its claims, its corroboration and whether it is contested. */
import { claimsOf, corroborationOf, isContested } from './claims';
import type { RelationVoices } from './filters';
import type { Model } from './model';

export function voicesAt(model: Model, k: number): RelationVoices {
  const id = model.data.relations.id[k]!;
  return {
    claims: claimsOf(model, id),
    corroboration: corroborationOf(model, id),
    contested: isContested(model, id),
  };
}
