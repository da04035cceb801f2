/** Who asserts a set of claims, by name, each once: the people and bodies a reader sees behind a status. */
import type { Claim } from '../../model/core/claims';
import type { Model } from '../../model/core/model';

export function assertersOf(model: Model, claims: readonly Claim[]): string[] {
  const ids = new Set(claims.flatMap((c) => c.assertedBy));
  return [...ids].map((id) => model.entities.get(id)?.name ?? id);
}
