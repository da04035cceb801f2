/**
 * Entity types: the eight base types, and those a dataset declares (a vessel, an aircraft, an economic sector),
 * each mapped onto a base type. Drawing, filters and exports go by the base type (colour, shape, icon); words
 * use the declared label.
 */
import type { EntityTypeDeclaration } from '../format/schema';
import { ENTITY_TYPE_LABELS, ENTITY_TYPES, type EntityType } from './vocabulary';

export interface EntityTypeInfo {
  id: string;
  label: string;
  base: EntityType;
}

const isBaseType = (type: string): type is EntityType => (ENTITY_TYPES as readonly string[]).includes(type);

/** Every type a dataset may use, base types first (each its own base), then its declarations in their order. */
export function entityTypeMap(
  declared: readonly EntityTypeDeclaration[],
): ReadonlyMap<string, EntityTypeInfo> {
  const map = new Map<string, EntityTypeInfo>(
    ENTITY_TYPES.map((t) => [t, { id: t, label: ENTITY_TYPE_LABELS[t], base: t }]),
  );
  for (const d of declared) if (!isBaseType(d.id)) map.set(d.id, { id: d.id, label: d.label, base: d.base });
  return map;
}

/** The base type a type is drawn and filtered as; an unknown type (never in validated data) falls back to document. */
export function baseTypeOf(
  model: { entityTypes: ReadonlyMap<string, EntityTypeInfo> },
  type: string,
): EntityType {
  return model.entityTypes.get(type)?.base ?? (isBaseType(type) ? type : 'document');
}

/** The type's name in words: the declared label, or the base type's. */
export function entityTypeLabel(
  model: { entityTypes: ReadonlyMap<string, EntityTypeInfo> },
  type: string,
): string {
  return model.entityTypes.get(type)?.label ?? type;
}

/** Whether an entity of `type` may stand where `allowed` types may: a base type admits its declared subtypes. */
export function typeAllowed(
  types: ReadonlyMap<string, EntityTypeInfo>,
  type: string,
  allowed: readonly string[],
): boolean {
  if (allowed.includes(type)) return true;
  const base = types.get(type)?.base;
  return base !== undefined && allowed.includes(base);
}
