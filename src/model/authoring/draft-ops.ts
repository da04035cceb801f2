/**
 * The edits the Build workspace makes to a Draft, as pure functions: each returns a new draft (never
 * mutating the old one, which undo keeps) or a one-line reason it refused. The evidence rule is enforced
 * here, below every form: a quote that is not verbatim, and unambiguous, in its source is never saved.
 */
import { anchorQuote } from '../format/anchor';
import { sourceSchema } from '../format/schema';
import type {
  DateSpec,
  EntityRecord,
  QuoteRecord,
  RelationFileRecord,
  RelationType,
  SourceRecord,
} from '../format/schema';
import type { EntityType, Status } from '../core/vocabulary';
import { entityTypeMap, typeAllowed } from '../core/entity-types';
import { evidenceIds, type Draft } from './draft';

export type OpResult = { ok: true; draft: Draft; id: string } | { ok: false; error: string };

const fail = (error: string): OpResult => ({ ok: false, error });
const done = (draft: Draft, id: string, now: Date): OpResult => ({
  ok: true,
  draft: { ...draft, updatedAt: now.toISOString() },
  id,
});

/** A lowercase slug of letters, digits and single hyphens, as the dataset format wants ids. */
export function slugify(name: string, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** Entities and relations share one namespace in the view, so new ids avoid every id in the draft. */
function takenIds(draft: Draft): Set<string> {
  return new Set([
    ...draft.sources.map((s) => s.id),
    ...draft.entities.map((e) => e.id),
    ...draft.relations.map((r) => r.id),
    ...draft.quotes.map((q) => q.id),
  ]);
}

function freshId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const entityNamed = (draft: Draft, id: string) => draft.entities.find((e) => e.id === id);

// ——— sources ———

export interface SourceInput {
  title: string;
  text: string;
  publisher?: string | null;
  author?: string | null;
  date?: string | null;
  url?: string | null;
  language?: string;
}

export function addSource(draft: Draft, input: SourceInput, now = new Date()): OpResult {
  const title = input.title.trim();
  if (!title) return fail('a source needs a title');
  if (!input.text.trim()) return fail(`source "${title}" has no text`);
  const id = freshId(slugify(title, 'source'), takenIds(draft));
  const source: SourceRecord = {
    id,
    title,
    file: `sources/${id}.txt`,
    publisher: input.publisher ?? null,
    author: input.author ?? null,
    language: input.language ?? 'en',
    date: input.date ?? null,
    url: input.url ?? null,
  };
  const problem = sourceProblem(source);
  if (problem) return fail(problem);
  return done(
    { ...draft, sources: [...draft.sources, source], texts: { ...draft.texts, [id]: input.text } },
    id,
    now,
  );
}

/** The first thing the dataset format refuses in a source's description, as one line. */
function sourceProblem(source: SourceRecord): string | null {
  const r = sourceSchema.safeParse(source);
  if (r.success) return null;
  const issue = r.error.issues[0]!;
  return `source "${source.title}": ${issue.path.join('.')}: ${issue.message}`;
}

/** The text is not editable here: quotes are anchored in it, and changing it would unanchor them. */
export function editSource(
  draft: Draft,
  id: string,
  patch: Partial<Omit<SourceRecord, 'id' | 'file'>>,
  now = new Date(),
): OpResult {
  const at = draft.sources.findIndex((s) => s.id === id);
  if (at < 0) return fail(`no source with id "${id}"`);
  if (patch.title !== undefined && !patch.title.trim()) return fail('a source needs a title');
  const next = { ...draft.sources[at]!, ...patch };
  const problem = sourceProblem(next);
  if (problem) return fail(problem);
  const sources = draft.sources.slice();
  sources[at] = next;
  return done({ ...draft, sources }, id, now);
}

// ——— what goes with a deletion ———

export interface Consequences {
  relations: string[];
  quotes: string[];
  /** Quotes that stay but lose this entity as speaker or occasion. */
  unattributed: string[];
}

/** Relations left without evidence go too, and quotes left backing nothing go with the relations. */
function cascade(draft: Draft, goneQuotes: Set<string>, goneRelations: Set<string>): void {
  for (const r of draft.relations)
    if (!goneRelations.has(r.id) && r.evidence.length > 0 && evidenceIds(r).every((q) => goneQuotes.has(q)))
      goneRelations.add(r.id);
  const kept = new Set(draft.relations.filter((r) => !goneRelations.has(r.id)).flatMap(evidenceIds));
  const cited = new Set(draft.relations.flatMap(evidenceIds));
  for (const r of draft.relations)
    if (goneRelations.has(r.id))
      for (const q of evidenceIds(r)) if (!kept.has(q) && cited.has(q)) goneQuotes.add(q);
}

function without(draft: Draft, c: Consequences, entity?: string): Draft {
  const relations = new Set(c.relations);
  const quotes = new Set(c.quotes);
  return {
    ...draft,
    entities: entity ? draft.entities.filter((e) => e.id !== entity) : draft.entities,
    relations: draft.relations
      .filter((r) => !relations.has(r.id))
      .map((r) =>
        evidenceIds(r).some((q) => quotes.has(q))
          ? { ...r, evidence: r.evidence.filter((e) => !quotes.has(typeof e === 'string' ? e : e.quote)) }
          : r,
      ),
    quotes: draft.quotes
      .filter((q) => !quotes.has(q.id))
      .map((q) => {
        if (!entity || (q.speaker !== entity && q.occasion !== entity)) return q;
        const { speaker, occasion, ...rest } = q;
        return {
          ...rest,
          ...(speaker !== undefined && speaker !== entity ? { speaker } : {}),
          ...(occasion !== undefined && occasion !== entity ? { occasion } : {}),
        };
      }),
  };
}

export function consequencesOfDeleting(
  draft: Draft,
  what: { kind: 'entity' | 'relation' | 'quote' | 'source' | 'relationType'; id: string },
): Consequences {
  const relations = new Set<string>();
  const quotes = new Set<string>();
  const unattributed: string[] = [];
  switch (what.kind) {
    case 'entity':
      for (const r of draft.relations) if (r.source === what.id || r.target === what.id) relations.add(r.id);
      for (const q of draft.quotes)
        if (q.speaker === what.id || q.occasion === what.id) unattributed.push(q.id);
      break;
    case 'relation':
      relations.add(what.id);
      break;
    case 'quote':
      quotes.add(what.id);
      break;
    case 'source':
      for (const q of draft.quotes) if (q.source === what.id) quotes.add(q.id);
      break;
    case 'relationType':
      for (const r of draft.relations) if (r.type === what.id) relations.add(r.id);
      break;
  }
  cascade(draft, quotes, relations);
  return {
    relations: [...relations].filter((id) => !(what.kind === 'relation' && id === what.id)),
    quotes: [...quotes].filter((id) => !(what.kind === 'quote' && id === what.id)),
    unattributed: unattributed.filter((q) => !quotes.has(q)),
  };
}

export function deleteEntity(draft: Draft, id: string, now = new Date()): OpResult {
  if (!entityNamed(draft, id)) return fail(`no entity with id "${id}"`);
  return done(without(draft, consequencesOfDeleting(draft, { kind: 'entity', id }), id), id, now);
}

export function deleteRelation(draft: Draft, id: string, now = new Date()): OpResult {
  if (!draft.relations.some((r) => r.id === id)) return fail(`no relation with id "${id}"`);
  const c = consequencesOfDeleting(draft, { kind: 'relation', id });
  return done(without(draft, { ...c, relations: [...c.relations, id] }), id, now);
}

export function deleteQuote(draft: Draft, id: string, now = new Date()): OpResult {
  if (!draft.quotes.some((q) => q.id === id)) return fail(`no quote with id "${id}"`);
  const c = consequencesOfDeleting(draft, { kind: 'quote', id });
  return done(without(draft, { ...c, quotes: [...c.quotes, id] }), id, now);
}

export function deleteSource(draft: Draft, id: string, now = new Date()): OpResult {
  if (!draft.sources.some((s) => s.id === id)) return fail(`no source with id "${id}"`);
  const next = without(draft, consequencesOfDeleting(draft, { kind: 'source', id }));
  const { [id]: _gone, ...texts } = next.texts;
  return done({ ...next, sources: next.sources.filter((s) => s.id !== id), texts }, id, now);
}

export function deleteRelationType(draft: Draft, id: string, now = new Date()): OpResult {
  if (!draft.relationTypes.some((t) => t.id === id)) return fail(`no relation type "${id}"`);
  const next = without(draft, consequencesOfDeleting(draft, { kind: 'relationType', id }));
  return done({ ...next, relationTypes: next.relationTypes.filter((t) => t.id !== id) }, id, now);
}

// ——— entities ———

export interface EntityInput {
  name: string;
  type: EntityType;
  aliases?: string[];
  description?: string;
  role?: string;
  date?: DateSpec;
}

export function addEntity(draft: Draft, input: EntityInput, now = new Date()): OpResult {
  const name = input.name.trim();
  if (!name) return fail('an entity needs a name');
  const id = freshId(slugify(name, input.type), takenIds(draft));
  const aliases = (input.aliases ?? []).map((a) => a.trim()).filter((a) => a && a !== name);
  const entity: EntityRecord = {
    id,
    type: input.type,
    name,
    ...(aliases.length ? { aliases: [...new Set(aliases)] } : {}),
    description: input.description?.trim() || name,
    ...(input.role ? { role: input.role } : {}),
    ...(input.date !== undefined ? { date: input.date } : {}),
  };
  return done({ ...draft, entities: [...draft.entities, entity] }, id, now);
}

export function editEntity(
  draft: Draft,
  id: string,
  patch: Partial<Omit<EntityRecord, 'id'>>,
  now = new Date(),
): OpResult {
  const at = draft.entities.findIndex((e) => e.id === id);
  if (at < 0) return fail(`no entity with id "${id}"`);
  if (patch.name !== undefined && !patch.name.trim()) return fail('an entity needs a name');
  const entities = draft.entities.slice();
  const next: EntityRecord = { ...entities[at]!, ...patch };
  if (next.aliases && next.aliases.length === 0) delete next.aliases;
  entities[at] = next;
  return done({ ...draft, entities }, id, now);
}

export function addAlias(draft: Draft, id: string, alias: string, now = new Date()): OpResult {
  const entity = entityNamed(draft, id);
  if (!entity) return fail(`no entity with id "${id}"`);
  const a = alias.trim();
  if (!a) return fail('an alias needs some text');
  if (a === entity.name || entity.aliases?.includes(a)) return done(draft, id, now);
  return editEntity(draft, id, { aliases: [...(entity.aliases ?? []), a] }, now);
}

/** `merge`'s names become aliases of `keep`, and everything that named `merge` names `keep`. */
export function mergeEntities(draft: Draft, keep: string, merge: string, now = new Date()): OpResult {
  const kept = entityNamed(draft, keep);
  const gone = entityNamed(draft, merge);
  if (!kept) return fail(`no entity with id "${keep}"`);
  if (!gone) return fail(`no entity with id "${merge}"`);
  if (keep === merge) return fail('an entity cannot be merged into itself');
  const names = [gone.name, ...(gone.aliases ?? [])].filter(
    (n) => n !== kept.name && !(kept.aliases ?? []).includes(n),
  );
  const to = (x: string | undefined) => (x === merge ? keep : x);
  const entities = draft.entities
    .filter((e) => e.id !== merge)
    .map((e) => (e.id === keep && names.length ? { ...e, aliases: [...(e.aliases ?? []), ...names] } : e));
  const relations = draft.relations.map((r) =>
    r.source === merge || r.target === merge ? { ...r, source: to(r.source)!, target: to(r.target)! } : r,
  );
  const quotes = draft.quotes.map((q) => {
    if (q.speaker !== merge && q.occasion !== merge) return q;
    return {
      ...q,
      ...(q.speaker !== undefined ? { speaker: to(q.speaker) } : {}),
      ...(q.occasion !== undefined ? { occasion: to(q.occasion) } : {}),
    };
  });
  return done({ ...draft, entities, relations, quotes }, keep, now);
}

export function ignoreMention(draft: Draft, key: string, now = new Date()): OpResult {
  if (draft.ignoredMentions.includes(key)) return done(draft, key, now);
  return done({ ...draft, ignoredMentions: [...draft.ignoredMentions, key] }, key, now);
}

// ——— relation types ———

export function addRelationType(
  draft: Draft,
  input: Omit<RelationType, 'id'> & { id?: string },
  now = new Date(),
): OpResult {
  const label = input.label.trim();
  if (!label) return fail('a relation type needs a label');
  if (input.domain.length === 0 || input.range.length === 0)
    return fail(`relation type "${label}" needs at least one entity type on each end`);
  const base = (input.id ?? label)
    .toLowerCase()
    .replace(/[^a-z]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!base) return fail(`relation type "${label}" needs a label with letters`);
  const taken = new Set(draft.relationTypes.map((t) => t.id));
  let id = base;
  // Relation type ids are letters and underscores only, so a repeat is told apart by a letter.
  for (let n = 1; taken.has(id); n++)
    id = `${base}_${String.fromCharCode(97 + (n % 26)).repeat(1 + Math.floor(n / 26))}`;
  const type: RelationType = { ...input, id, label, inverseLabel: input.inverseLabel.trim() || label };
  return done({ ...draft, relationTypes: [...draft.relationTypes, type] }, id, now);
}

export function editRelationType(
  draft: Draft,
  id: string,
  patch: Partial<Omit<RelationType, 'id'>>,
  now = new Date(),
): OpResult {
  const at = draft.relationTypes.findIndex((t) => t.id === id);
  if (at < 0) return fail(`no relation type "${id}"`);
  if (patch.label !== undefined && !patch.label.trim()) return fail('a relation type needs a label');
  if (patch.domain?.length === 0 || patch.range?.length === 0)
    return fail('a relation type needs at least one entity type on each end');
  const relationTypes = draft.relationTypes.slice();
  relationTypes[at] = { ...relationTypes[at]!, ...patch };
  return done({ ...draft, relationTypes }, id, now);
}

// ——— quotes ———

export interface QuoteInput {
  source: string;
  exact: string;
  prefix?: string;
  suffix?: string;
  speaker?: string;
  occasion?: string;
}

/** Why a quote cannot be saved in this draft, or null when it is verbatim and picks one place. */
export function quoteProblem(draft: Draft, q: QuoteInput): string | null {
  const text = draft.texts[q.source];
  if (text === undefined) return `no source with id "${q.source}"`;
  if (!q.exact) return 'a quote needs some text';
  const found = anchorQuote(text, q.exact, q.prefix || undefined, q.suffix || undefined);
  if (found.ok) return null;
  const shown = q.exact.length > 60 ? `${q.exact.slice(0, 59)}…` : q.exact;
  return found.reason === 'not-found'
    ? `"${shown}" is not verbatim in source "${q.source}"${q.prefix || q.suffix ? ' with that prefix and suffix' : ''}`
    : `"${shown}" occurs more than once in source "${q.source}"; a prefix or suffix must pick one`;
}

function checkedQuote(draft: Draft, q: QuoteInput): string | null {
  const problem = quoteProblem(draft, q);
  if (problem) return problem;
  for (const [field, id] of [
    ['speaker', q.speaker],
    ['occasion', q.occasion],
  ] as const)
    if (id !== undefined && !entityNamed(draft, id)) return `no entity with id "${id}" for the ${field}`;
  return null;
}

const sameSelector = (a: QuoteRecord, b: QuoteInput) =>
  a.source === b.source &&
  a.exact === b.exact &&
  (a.prefix ?? '') === (b.prefix ?? '') &&
  (a.suffix ?? '') === (b.suffix ?? '');

const clean = (q: QuoteInput): Omit<QuoteRecord, 'id'> => ({
  source: q.source,
  exact: q.exact,
  ...(q.prefix ? { prefix: q.prefix } : {}),
  ...(q.suffix ? { suffix: q.suffix } : {}),
  ...(q.speaker ? { speaker: q.speaker } : {}),
  ...(q.occasion ? { occasion: q.occasion } : {}),
});

/** Adds a quote, or returns the id of the same passage already quoted (with the same speaker). */
export function addQuote(draft: Draft, input: QuoteInput, now = new Date()): OpResult {
  const problem = checkedQuote(draft, input);
  if (problem) return fail(problem);
  const same = draft.quotes.find(
    (q) =>
      sameSelector(q, input) &&
      q.speaker === (input.speaker || undefined) &&
      q.occasion === (input.occasion || undefined),
  );
  if (same) return done(draft, same.id, now);
  const id = freshId(`${input.source}-q${draft.quotes.length + 1}`, takenIds(draft));
  return done({ ...draft, quotes: [...draft.quotes, { id, ...clean(input) }] }, id, now);
}

export function editQuote(draft: Draft, id: string, patch: Partial<QuoteInput>, now = new Date()): OpResult {
  const at = draft.quotes.findIndex((q) => q.id === id);
  if (at < 0) return fail(`no quote with id "${id}"`);
  const merged: QuoteInput = { ...draft.quotes[at]!, ...patch };
  const problem = checkedQuote(draft, merged);
  if (problem) return fail(problem);
  const quotes = draft.quotes.slice();
  quotes[at] = { id, ...clean(merged) };
  return done({ ...draft, quotes }, id, now);
}

// ——— relations ———

export interface RelationInput {
  source: string;
  target: string;
  type: string;
  status: Status;
  date?: RelationFileRecord['date'];
  note?: string;
}

function relationProblem(draft: Draft, r: RelationInput): string | null {
  const type = draft.relationTypes.find((t) => t.id === r.type);
  if (!type) return `no relation type "${r.type}"`;
  for (const end of ['source', 'target'] as const) {
    const entity = entityNamed(draft, r[end]);
    if (!entity) return `no entity with id "${r[end]}" as the ${end}`;
    const allowed = end === 'source' ? type.domain : type.range;
    if (!typeAllowed(entityTypeMap(draft.entityTypes ?? []), entity.type, allowed))
      return `"${type.label}" ${end === 'source' ? 'starts from' : 'points to'} ${allowed.join(', ')}; ${entity.name} is a ${entity.type}`;
  }
  return null;
}

/** The relation this one would duplicate: same ends, type and status. */
export function existingRelation(draft: Draft, r: RelationInput): RelationFileRecord | undefined {
  return draft.relations.find(
    (x) => x.source === r.source && x.target === r.target && x.type === r.type && x.status === r.status,
  );
}

/**
 * A passage cited as evidence for a relation: the quote is saved (or found), and the relation is created,
 * or, when the same relation exists, the quote is added to its evidence rather than duplicating it.
 * Returns the relation's id.
 */
export function cite(draft: Draft, relation: RelationInput, quote: QuoteInput, now = new Date()): OpResult {
  const problem = relationProblem(draft, relation);
  if (problem) return fail(problem);
  const q = addQuote(draft, quote, now);
  if (!q.ok) return q;
  const existing = existingRelation(q.draft, relation);
  if (existing) return addEvidence(q.draft, existing.id, q.id, now);
  const typeSlug = relation.type.replace(/_/g, '-');
  const id = freshId(
    slugify(`${relation.source}-${typeSlug}-${relation.target}`, 'relation'),
    takenIds(q.draft),
  );
  const record: RelationFileRecord = {
    id,
    source: relation.source,
    target: relation.target,
    type: relation.type,
    status: relation.status,
    ...(relation.date !== undefined ? { date: relation.date } : {}),
    evidence: [q.id],
    ...(relation.note ? { note: relation.note } : {}),
  };
  return done({ ...q.draft, relations: [...q.draft.relations, record] }, id, now);
}

export function addEvidence(draft: Draft, relationId: string, quoteId: string, now = new Date()): OpResult {
  const at = draft.relations.findIndex((r) => r.id === relationId);
  if (at < 0) return fail(`no relation with id "${relationId}"`);
  if (!draft.quotes.some((q) => q.id === quoteId)) return fail(`no quote with id "${quoteId}"`);
  const r = draft.relations[at]!;
  if (r.evidence.includes(quoteId)) return done(draft, relationId, now);
  const relations = draft.relations.slice();
  relations[at] = { ...r, evidence: [...r.evidence, quoteId] };
  return done({ ...draft, relations }, relationId, now);
}

export function editRelation(
  draft: Draft,
  id: string,
  patch: Partial<RelationInput>,
  now = new Date(),
): OpResult {
  const at = draft.relations.findIndex((r) => r.id === id);
  if (at < 0) return fail(`no relation with id "${id}"`);
  const next: RelationFileRecord = { ...draft.relations[at]!, ...patch };
  if (patch.date === undefined && 'date' in patch) delete next.date;
  const problem = relationProblem(draft, next);
  if (problem) return fail(problem);
  const relations = draft.relations.slice();
  relations[at] = next;
  return done({ ...draft, relations }, id, now);
}

export function editDataset(draft: Draft, patch: Partial<Draft['dataset']>, now = new Date()): OpResult {
  if (patch.title !== undefined && !patch.title.trim()) return fail('a dataset needs a title');
  if (patch.id !== undefined && patch.id !== slugify(patch.id, ''))
    return fail('a dataset id is a lowercase slug: letters, digits and single hyphens');
  // A new dataset is named by its title until its id is chosen: the export's folder is named by the id.
  const id =
    patch.id ??
    (patch.title && draft.dataset.id === 'untitled' ? slugify(patch.title, 'untitled') : undefined);
  return done(
    { ...draft, dataset: { ...draft.dataset, ...patch, ...(id ? { id } : {}) } },
    draft.dataset.id,
    now,
  );
}
