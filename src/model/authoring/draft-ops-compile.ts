/**
 * A draft as the explorer and the validator see it. `checkDraft` runs the very checks `npm run validate`
 * runs, on the files the draft is exported as (draft-files.ts), and says which record each problem is about;
 * `compileDraft` builds the model the graph shows while authoring, leaving out what cannot be drawn yet
 * (a relation whose quote does not anchor, an end that does not exist) instead of refusing the whole draft.
 */
import type { Bundle } from '../format/bundle';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '../format/bundle';
import { anchorQuotes } from '../format/anchor';
import type { Problem } from '../format/problems';
import {
  entitySchema,
  relationFileSchema,
  relationTypeSchema,
  sourceSchema,
  type RelationRecord,
} from '../format/schema';
import { compileRelation } from '../format/validate-folder';
import { entityTypeMap, typeAllowed } from '../core/entity-types';
import { buildModel } from '../core/model-builder';
import type { Model } from '../core/model';
import { buildEntitySearch, type EntitySearch } from '../search/search';
import type { Draft } from './draft';
import { validateDraft } from './draft-files';

export type RecordKind = 'source' | 'relationType' | 'entity' | 'quote' | 'relation' | 'dataset';
export interface RecordRef {
  kind: RecordKind;
  id: string;
}
export interface DraftProblem extends Problem {
  /** The record the problem is about, when it names one. */
  record?: RecordRef;
}

const COLLECTIONS: Record<
  string,
  { key: string; kind: RecordKind; list: (d: Draft) => Array<{ id: string }> }
> = {
  'dataset.json': { key: 'sources', kind: 'source', list: (d) => d.sources },
  'relation-types.json': { key: 'relationTypes', kind: 'relationType', list: (d) => d.relationTypes },
  'entities.json': { key: 'entities', kind: 'entity', list: (d) => d.entities },
  'quotes.json': { key: 'quotes', kind: 'quote', list: (d) => d.quotes },
  'relations.json': { key: 'relations', kind: 'relation', list: (d) => d.relations },
};

function recordOf(draft: Draft, problem: Problem): RecordRef | undefined {
  const file = problem.file.slice(problem.file.lastIndexOf('/') + 1);
  const c = COLLECTIONS[file];
  if (!c) return undefined;
  const [, key, index] = problem.pointer.split('/');
  if (key !== c.key || index === undefined)
    return file === 'dataset.json' ? { kind: 'dataset', id: '' } : undefined;
  const record = c.list(draft)[Number(index)];
  return record ? { kind: c.kind, id: record.id } : undefined;
}

/** The problems `npm run validate` would report for the exported draft, errors first. */
export function checkDraft(draft: Draft): DraftProblem[] {
  const { problems } = validateDraft(draft);
  return problems
    .map((p): DraftProblem => {
      const record = recordOf(draft, p);
      return record ? { ...p, record } : p;
    })
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/**
 * Whether a record passes its schema, remembered by the record itself: an edit replaces only the records
 * it changes, so after the first compile only those are parsed again (jitless zod, as the page runs it,
 * took most of an edit's time on the article).
 */
const wellFormed = new WeakMap<object, boolean>();
function passes(schema: { safeParse(value: unknown): { success: boolean } }, record: object): boolean {
  let ok = wellFormed.get(record);
  if (ok === undefined) {
    ok = schema.safeParse(record).success;
    wellFormed.set(record, ok);
  }
  return ok;
}

/** The drawable part of a draft, as a bundle: every record that is well formed and whose references hold. */
export function drawableBundle(draft: Draft): Bundle {
  const unique = <T extends { id: string }>(records: readonly T[], ok: (r: T) => boolean): T[] => {
    const seen = new Set<string>();
    return records.filter((r) => ok(r) && !seen.has(r.id) && (seen.add(r.id), true));
  };
  const sources = unique(draft.sources, (s) => passes(sourceSchema, s) && draft.texts[s.id] !== undefined);
  const texts = new Map(sources.map((s) => [s.id, draft.texts[s.id]!]));
  const relationTypes = unique(draft.relationTypes, (t) => passes(relationTypeSchema, t));
  const entities = unique(draft.entities, (e) => passes(entitySchema, e));
  const entityById = new Map(entities.map((e) => [e.id, e]));

  const quotes: Bundle['quotes'] = [];
  for (const [sourceId, text] of texts) {
    const own = unique(
      draft.quotes.filter((q) => q.source === sourceId),
      (q) => q.exact.length > 0,
    );
    const found = anchorQuotes(text, own);
    own.forEach(({ source, speaker, speakers, occasion, ...q }, i) => {
      const at = found[i]!;
      if (!at.ok) return;
      const known = (speakers ?? (speaker ? [speaker] : [])).filter((e) => entityById.has(e));
      quotes.push({
        ...q,
        sourceId: source,
        start: at.start,
        end: at.end,
        ...(known.length > 0 ? { speaker: known[0]! } : {}),
        ...(known.length > 1 ? { speakers: known } : {}),
        ...(occasion && entityById.get(occasion)?.type === 'event' ? { occasion } : {}),
      });
    });
  }
  const quoteIds = new Set(quotes.map((q) => q.id));
  const typeById = new Map(relationTypes.map((t) => [t.id, t]));
  const declared = entityTypeMap(draft.entityTypes ?? []);
  const drawable = unique(draft.relations, (r) => {
    const type = typeById.get(r.type);
    const source = entityById.get(r.source);
    const target = entityById.get(r.target);
    return (
      passes(relationFileSchema, r) &&
      !entityById.has(r.id) &&
      !!type &&
      !!source &&
      !!target &&
      typeAllowed(declared, source.type, type.domain) &&
      typeAllowed(declared, target.type, type.range)
    );
  });
  // Compiled as `npm run compile` compiles them (claims with their status, a relative date left unresolved),
  // then only the quotes that anchor are kept, each claim with its quote.
  const compiled = drawable
    .map((r): RelationRecord => {
      const out = compileRelation(r, undefined);
      const keep = out.evidence.map((q) => quoteIds.has(q));
      out.evidence = out.evidence.filter((_, i) => keep[i]);
      if (out.claims) out.claims = out.claims.filter((_, i) => keep[i]);
      return out;
    })
    .filter((r) => r.evidence.length > 0);
  const relationIds = new Set(compiled.map((r) => r.id));
  const answered = (id: string | undefined) => id !== undefined && (relationIds.has(id) || quoteIds.has(id));
  const relations = compiled.map((r) => {
    const out = { ...r };
    if (out.answers !== undefined && !relationIds.has(out.answers)) delete out.answers;
    if (out.claims)
      out.claims = out.claims.map(({ answers, ...c }) => (answered(answers) ? { ...c, answers } : c));
    return out;
  });

  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    dataset: {
      id: draft.dataset.id,
      title: draft.dataset.title,
      ...(draft.dataset.description ? { description: draft.dataset.description } : {}),
    },
    relationTypes,
    ...(draft.entityTypes && draft.entityTypes.length > 0 ? { entityTypes: draft.entityTypes } : {}),
    sources: sources.map((s) => ({ ...s, text: texts.get(s.id)! })),
    entities,
    relations,
    quotes,
  };
}

export function compileDraft(draft: Draft): { model: Model; search: EntitySearch } {
  const bundle = drawableBundle(draft);
  return { model: buildModel(bundle), search: buildEntitySearch(bundle.entities) };
}
