/** The entity type's icon in its colour, for lists and panels. */
import type { EntityType } from '../model/core/vocabulary';
import { ENTITY_LOOKS } from '../model/style/entity-style';

export function EntityIcon({ type, size = 16 }: { type: EntityType; size?: number }) {
  const look = ENTITY_LOOKS[type];
  return (
    <svg className="entity-icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
      <path fill={look.color} fillRule="evenodd" d={look.icon} />
    </svg>
  );
}
