/**
 * Building a draft from a spreadsheet: the documented template (docs/authoring.md) of an entities sheet
 * and a relations sheet with a quote column. Each quote is found in the source leniently (curly or
 * straight quotes, dashes, whitespace, case) and stored as the source writes it; a row that cannot be
 * imported is listed with why (and, for a quote, the closest sentence), never dropped in silence.
 */
import Papa from 'papaparse';
import { ENTITY_TYPES, STATUSES, type EntityType, type Status } from '../core/vocabulary';
import type { EntityRecord, QuoteRecord, RelationFileRecord } from '../format/schema';
import type { Draft } from './draft';
import { findLenient } from './lenient';
import { mentionKey } from './names';
import { selectorFor } from './selector';

export interface CsvProblem {
  file: 'entities' | 'relations';
  /** The spreadsheet row: the header is row 1. */
  row: number;
  message: string;
  /** For a quote not found: the sentence of the source closest to it. */
  closest?: string;
}

export interface CsvImport {
  draft: Draft;
  added: { entities: number; relations: number; quotes: number };
  problems: CsvProblem[];
}

const COLUMNS = {
  entities: { required: ['type', 'name'], optional: ['id', 'aliases', 'description', 'role'] },
  relations: {
    required: ['source', 'target', 'type', 'status', 'quote'],
    optional: ['date', 'speaker', 'note'],
  },
} as const;

/** The two sheets as an author downloads them: headers and one example row each. */
export const CSV_TEMPLATE = {
  entities: [
    'id,type,name,aliases,description,role',
    'jane-doe,person,Jane Doe,Doe; J. Doe,Mayor of Springfield,Mayor',
    'springfield-council,organization,Springfield City Council,the council,The city council of Springfield,',
  ].join('\n'),
  relations: [
    'source,target,type,status,date,quote,speaker,note',
    'jane-doe,springfield-council,member_of,fact,2024-05,"Jane Doe, who joined the council in May 2024, said she would ""fight for every street.""",,',
  ].join('\n'),
};

const PARTIAL_DATE = /^(?:\d{3}0s|\d{4}(?:-\d{2}(?:-\d{2})?)?)$/;

function slugify(s: string, fallback: string): string {
  const slug = s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || fallback;
}

function fresh(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

type Row = Record<string, string>;

function parse(csv: string, file: CsvProblem['file'], problems: CsvProblem[]): Row[] | null {
  const result = Papa.parse<Row>(csv.replace(/^\ufeff/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
    transform: (v) => v.trim(),
  });
  const headers = result.meta.fields ?? [];
  const { required, optional } = COLUMNS[file];
  const missing = required.filter((c) => !headers.includes(c));
  if (missing.length > 0) {
    problems.push({
      file,
      row: 1,
      message: `${file}.csv is missing the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}; the template's columns are ${[...required, ...optional].join(', ')}`,
    });
    return null;
  }
  for (const e of result.errors)
    if (e.code !== 'UndetectableDelimiter' && e.row !== undefined)
      problems.push({ file, row: e.row + 2, message: `${file}.csv row ${e.row + 2}: ${e.message}` });
  return result.data;
}

export function importCsv(
  draft: Draft,
  files: { entities?: string; relations?: string },
  sourceId: string,
  now: Date = new Date(),
): CsvImport {
  const problems: CsvProblem[] = [];
  const added = { entities: 0, relations: 0, quotes: 0 };
  const entityRows = files.entities !== undefined ? parse(files.entities, 'entities', problems) : [];
  const relationRows = files.relations !== undefined ? parse(files.relations, 'relations', problems) : [];
  const text = draft.texts[sourceId];
  if (relationRows && relationRows.length > 0 && text === undefined)
    problems.push({
      file: 'relations',
      row: 1,
      message: `the draft has no source "${sourceId}" to find the quotes in`,
    });
  // A sheet with missing columns or no source text changes nothing: half an import is harder to fix than none.
  if (!entityRows || !relationRows || problems.some((p) => p.row === 1)) return { draft, added, problems };

  const taken = new Set([
    ...draft.entities.map((e) => e.id),
    ...draft.quotes.map((q) => q.id),
    ...draft.relations.map((r) => r.id),
    ...draft.sources.map((s) => s.id),
  ]);
  const entities: EntityRecord[] = [...draft.entities];
  const quotes: QuoteRecord[] = [...draft.quotes];
  const relations: RelationFileRecord[] = [...draft.relations];
  const byKey = new Map<string, EntityRecord>();
  const index = (e: EntityRecord) => {
    for (const n of [e.name, ...(e.aliases ?? [])])
      if (!byKey.has(mentionKey(n))) byKey.set(mentionKey(n), e);
  };
  entities.forEach(index);
  const resolve = (ref: string) => entities.find((e) => e.id === ref) ?? byKey.get(mentionKey(ref));

  entityRows.forEach((row, i) => {
    const at = i + 2;
    const problem = (message: string) =>
      problems.push({ file: 'entities', row: at, message: `row ${at}: ${message}` });
    const name = row.name ?? '';
    const type = (row.type ?? '').toLowerCase();
    if (!name) return problem('the name is empty');
    if (!ENTITY_TYPES.includes(type as EntityType))
      return problem(`"${row.type}" is not an entity type (${ENTITY_TYPES.join(', ')})`);
    const id = row.id ? row.id : undefined;
    if (id !== undefined && id !== slugify(id, ''))
      return problem(`"${id}" is not an id (lowercase letters, digits, hyphens)`);
    const same = (id && entities.find((e) => e.id === id)) || byKey.get(mentionKey(name));
    if (same) {
      if (id && same.id === id && mentionKey(same.name) !== mentionKey(name))
        return problem(`the id "${id}" is already “${same.name}”`);
      return; // already in the draft: importing the sheet again adds nothing twice
    }
    const aliases = (row.aliases ?? '')
      .split(';')
      .map((a) => a.trim())
      .filter((a) => a && a !== name);
    const entity: EntityRecord = {
      id: fresh(id ?? slugify(name, type), taken),
      type: type as EntityType,
      name,
      ...(aliases.length > 0 ? { aliases } : {}),
      description: row.description || name,
      ...(row.role ? { role: row.role } : {}),
    };
    entities.push(entity);
    index(entity);
    added.entities++;
  });

  const types = draft.relationTypes;
  relationRows.forEach((row, i) => {
    const at = i + 2;
    const problem = (message: string, closest?: string) =>
      problems.push({
        file: 'relations',
        row: at,
        message: `row ${at}: ${message}`,
        ...(closest ? { closest } : {}),
      });
    const source = resolve(row.source ?? '');
    const target = resolve(row.target ?? '');
    if (!source) return problem(`no entity "${row.source}" (source): give an id, name or alias`);
    if (!target) return problem(`no entity "${row.target}" (target): give an id, name or alias`);
    const wanted = (row.type ?? '').toLowerCase();
    const type = types.find(
      (t) => t.id === wanted.replace(/[\s-]+/g, '_') || t.label.toLowerCase() === wanted,
    );
    if (!type)
      return problem(
        `"${row.type}" is not a relation type of the draft (${types.map((t) => t.id).join(', ') || 'none yet'})`,
      );
    const status = (row.status ?? '').toLowerCase();
    if (!STATUSES.includes(status as Status))
      return problem(`"${row.status}" is not a status (${STATUSES.join(', ')})`);
    if (row.date && !PARTIAL_DATE.test(row.date))
      return problem(`"${row.date}" is not a date ("2018", "2018-07" or "2018-07-16")`);
    const speaker = row.speaker ? resolve(row.speaker) : undefined;
    if (row.speaker && !speaker) return problem(`no entity "${row.speaker}" (speaker)`);
    if (!row.quote) return problem('the quote is empty: every relation rests on a quote');
    const match = findLenient(text!, row.quote);
    if (!match.found) {
      const closest = match.closest
        ? text!.slice(match.closest.span.start, match.closest.span.end)
        : undefined;
      return problem(
        `the quote is not in the source${match.closest ? ` (${match.closest.hint})` : ' and no sentence of it is close'}`,
        closest,
      );
    }
    const selector = selectorFor(text!, match.found);
    let quote = quotes.find(
      (q) =>
        q.source === sourceId &&
        q.exact === selector.exact &&
        q.prefix === selector.prefix &&
        q.suffix === selector.suffix &&
        (q.speaker ?? undefined) === speaker?.id,
    );
    if (!quote) {
      quote = {
        id: fresh(`q-${slugify(selector.exact.split(/\s+/).slice(0, 6).join(' '), 'quote')}`, taken),
        source: sourceId,
        ...selector,
        ...(speaker ? { speaker: speaker.id } : {}),
      };
      quotes.push(quote);
      added.quotes++;
    }
    const existing = relations.findIndex(
      (r) => r.source === source.id && r.target === target.id && r.type === type.id,
    );
    if (existing !== -1) {
      const r = relations[existing]!;
      if (!r.evidence.includes(quote.id)) relations[existing] = { ...r, evidence: [...r.evidence, quote.id] };
      return;
    }
    relations.push({
      id: fresh(slugify(`${source.id}-${type.id}-${target.id}`, 'relation'), taken),
      source: source.id,
      target: target.id,
      type: type.id,
      status: status as Status,
      ...(row.date ? { date: row.date } : {}),
      evidence: [quote.id],
      ...(row.note ? { note: row.note } : {}),
    });
    added.relations++;
  });
  const changed =
    added.entities + added.relations + added.quotes > 0 || relations.some((r, i) => r !== draft.relations[i]);
  return {
    draft: changed ? { ...draft, entities, quotes, relations, updatedAt: now.toISOString() } : draft,
    added,
    problems,
  };
}
