/** The evidence contract's cross-record checks, shared by dataset folders and compiled bundles. */
import { anchorQuotes, type AnchorResult } from './anchor';
import { invisibleCharacter, splitsCharacter } from './invisible-text';
import { quoteHints } from './quote-hint';
import { resolveDate } from '../core/dates';
import { shown, type Problem, type ProblemCode, type Severity } from './problems';
import type { DateSpec, EntityRecord, RelationRecord, RelationType, SourceRecord } from './schema';

export interface QuoteInput {
  id: string;
  sourceId: string;
  exact: string;
  prefix?: string;
  suffix?: string;
  /** Offsets already resolved (bundles); checked against the text rather than trusted. */
  start?: number;
  end?: number;
  speaker?: string;
  occasion?: string;
}

export interface SourceInput extends SourceRecord {
  /** The verbatim text, or undefined when its file could not be read (already reported). */
  text: string | undefined;
}

/** Where a record (and optionally one of its fields) sits, for problem locations. */
export type Locator = (
  collection: 'sources' | 'relationTypes' | 'entities' | 'quotes' | 'relations',
  index: number,
  field?: ReadonlyArray<string | number>,
) => Pick<Problem, 'file' | 'line' | 'pointer'>;

export interface Indexed<T> {
  value: T;
  index: number;
}

export interface CheckInput {
  sources: Indexed<SourceInput>[];
  relationTypes: Indexed<RelationType>[];
  entities: Indexed<EntityRecord>[];
  quotes: Indexed<QuoteInput>[];
  relations: Indexed<RelationRecord>[];
  /** Ids of records rejected by the schema: they exist, so references to them are not dangling. */
  rejectedIds: ReadonlySet<string>;
  /** Dataset files name a quote's source "source"; bundles name it "sourceId". */
  quoteSourceField: 'source' | 'sourceId';
  /** Usage warnings are noise while records are missing for other reasons, so callers can turn them off. */
  usageWarnings?: boolean;
}

export interface CheckResult {
  problems: Problem[];
  /** Resolved offsets of every quote that anchored, by quote id. */
  offsets: Map<string, { start: number; end: number }>;
}

const SPEAKER_TYPES = new Set(['person', 'organization', 'country', 'media']);

export function checkDataset(input: CheckInput, locate: Locator): CheckResult {
  const problems: Problem[] = [];
  const report = (severity: Severity, code: ProblemCode, at: Parameters<Locator>, message: string) =>
    problems.push({ severity, code, ...locate(...at), message });

  const uniqueIds = <T extends { id: string }>(
    collection: Parameters<Locator>[0],
    records: Indexed<T>[],
    what: string,
  ): Map<string, Indexed<T>> => {
    const seen = new Map<string, Indexed<T>>();
    for (const r of records) {
      const first = seen.get(r.value.id);
      if (first) {
        const where = locate(collection, first.index);
        report(
          'error',
          'duplicate-id',
          [collection, r.index, ['id']],
          `${what} id ${shown(r.value.id)} is already used at ${where.file}:${where.line ?? '?'} ${where.pointer}`,
        );
      } else seen.set(r.value.id, r);
    }
    return seen;
  };

  const sources = uniqueIds('sources', input.sources, 'source');
  const types = uniqueIds('relationTypes', input.relationTypes, 'relation type');
  const entities = uniqueIds('entities', input.entities, 'entity');
  const quotes = uniqueIds('quotes', input.quotes, 'quote');
  uniqueIds('relations', input.relations, 'relation');
  // Entities and relations are elements of one graph in the view, where one id cannot name both.
  for (const { value: r, index } of input.relations) {
    const entity = entities.get(r.id);
    if (!entity) continue;
    const where = locate('entities', entity.index);
    report(
      'error',
      'duplicate-id',
      ['relations', index, ['id']],
      `relation id ${shown(r.id)} is also the id of the entity at ${where.file}:${where.line ?? '?'} ${where.pointer}; entities and relations need distinct ids`,
    );
  }

  const exists = (map: Map<string, unknown>, id: string) => map.has(id) || input.rejectedIds.has(id);
  const checkDate = (collection: Parameters<Locator>[0], index: number, date: DateSpec | undefined) => {
    if (date === undefined) return;
    const r = resolveDate(date);
    if ('error' in r) report('error', 'invalid-date', [collection, index, ['date']], r.error);
  };

  for (const { value: e, index } of input.entities) checkDate('entities', index, e.date);

  // Text a reader sees as something else: direction overrides (the "Trojan Source" trick), controls,
  // invisible spaces. In a quote too: its source must be cleaned, not the evidence hidden in it.
  const visible = (
    collection: Parameters<Locator>[0],
    index: number,
    fields: Array<[Array<string | number>, string | undefined | null]>,
  ) => {
    for (const [field, text] of fields) {
      const found = text ? invisibleCharacter(text) : undefined;
      if (found)
        report(
          'error',
          'invisible-character',
          [collection, index, field],
          `${found.name} at character ${found.at + 1}; it changes how the text reads without being seen`,
        );
    }
  };
  for (const { value: e, index } of input.entities)
    visible('entities', index, [
      [['name'], e.name],
      [['role'], e.role],
      ...(e.aliases ?? []).map((a, i): [Array<string | number>, string] => [['aliases', i], a]),
    ]);
  for (const { value: t, index } of input.relationTypes)
    visible('relationTypes', index, [
      [['label'], t.label],
      [['inverseLabel'], t.inverseLabel],
    ]);
  for (const { value: s, index } of input.sources)
    visible('sources', index, [
      [['title'], s.title],
      [['publisher'], s.publisher],
      [['author'], s.author],
    ]);
  for (const { value: q, index } of input.quotes)
    visible('quotes', index, [
      [['exact'], q.exact],
      [['prefix'], q.prefix],
      [['suffix'], q.suffix],
    ]);

  const offsets = new Map<string, { start: number; end: number }>();
  const searched = searchQuotes(input.quotes, sources);
  const hints = hintsForMissing(input.quotes, sources, searched);
  const usedEntities = new Set<string>();
  input.quotes.forEach(({ value: q, index }, at) => {
    const source = sources.get(q.sourceId)?.value;
    if (!source) {
      if (!input.rejectedIds.has(q.sourceId))
        report(
          'error',
          'dangling-reference',
          ['quotes', index, [input.quoteSourceField]],
          `no source with id ${shown(q.sourceId)}`,
        );
    } else if (source.text !== undefined) {
      checkAnchor(q, index, searched[at], source.text, hints.get(at));
    }
    for (const [field, id] of [
      ['speaker', q.speaker],
      ['occasion', q.occasion],
    ] as const) {
      if (id === undefined) continue;
      usedEntities.add(id);
      const entity = entities.get(id)?.value;
      if (!exists(entities, id))
        report('error', 'dangling-reference', ['quotes', index, [field]], `no entity with id ${shown(id)}`);
      else if (entity && field === 'speaker' && !SPEAKER_TYPES.has(entity.type))
        report(
          'error',
          'speaker-not-person',
          ['quotes', index, [field]],
          `speaker ${shown(id)} is a ${entity.type}; a speaker is a person, organization, country or media outlet`,
        );
      else if (entity && field === 'occasion' && entity.type !== 'event')
        report(
          'error',
          'occasion-not-event',
          ['quotes', index, [field]],
          `occasion ${shown(id)} is a ${entity.type}, not an event`,
        );
    }
  });

  /** `anchored` is the search's result, absent when the quote's compiled offsets hold its exact text. */
  function checkAnchor(
    q: QuoteInput,
    index: number,
    anchored: AnchorResult | undefined,
    text: string,
    hint?: string,
  ) {
    if (!anchored) {
      if (splitsCharacter(text, q.start!) || splitsCharacter(text, q.end!))
        report(
          'error',
          'quote-splits-character',
          ['quotes', index, ['start']],
          `offsets ${q.start}–${q.end} cut a character of source ${shown(q.sourceId)} in two (between the halves of a surrogate pair)`,
        );
      else offsets.set(q.id, { start: q.start!, end: q.end! });
      return;
    }
    if (q.start !== undefined && q.end !== undefined) {
      const hint = anchored.ok ? ` (the quote is found at ${anchored.start}–${anchored.end})` : '';
      report(
        'error',
        'quote-offset-mismatch',
        ['quotes', index, ['start']],
        `offsets ${q.start}–${q.end} do not hold the quote's exact text in source ${shown(q.sourceId)}${hint}`,
      );
      return;
    }
    if (anchored.ok && (splitsCharacter(text, anchored.start) || splitsCharacter(text, anchored.end)))
      report(
        'error',
        'quote-splits-character',
        ['quotes', index, ['exact']],
        `the quote starts or ends between the two halves of a character (a surrogate pair) in source ${shown(q.sourceId)}`,
      );
    else if (anchored.ok) offsets.set(q.id, { start: anchored.start, end: anchored.end });
    else if (anchored.reason === 'not-found') {
      report(
        'error',
        'quote-not-found',
        ['quotes', index, ['exact']],
        `${shown(q.exact, 60)} does not occur verbatim in source ${shown(q.sourceId)}${q.prefix || q.suffix ? ' with the given prefix/suffix' : ''}${hint ? `; ${hint}` : ''}`,
      );
    } else
      report(
        'error',
        'quote-ambiguous',
        ['quotes', index, ['exact']],
        `${shown(q.exact, 60)} occurs more than once in source ${shown(q.sourceId)}${q.prefix || q.suffix ? ' with the given prefix/suffix; lengthen them' : '; add a prefix or suffix'} to pick one`,
      );
  }

  const usedQuotes = new Set<string>();
  for (const { value: r, index } of input.relations) {
    checkDate('relations', index, r.date);
    const type = types.get(r.type)?.value;
    if (!type && !input.rejectedIds.has(r.type))
      report(
        'error',
        'unknown-relation-type',
        ['relations', index, ['type']],
        `no relation type ${shown(r.type)} in relation-types`,
      );
    for (const end of ['source', 'target'] as const) {
      const id = r[end];
      usedEntities.add(id);
      const entity = entities.get(id)?.value;
      if (!exists(entities, id)) {
        report('error', 'dangling-reference', ['relations', index, [end]], `no entity with id ${shown(id)}`);
      } else if (entity && type) {
        const allowed = end === 'source' ? type.domain : type.range;
        if (!allowed.includes(entity.type))
          report(
            'error',
            end === 'source' ? 'domain-violation' : 'range-violation',
            ['relations', index, [end]],
            `${shown(r.type)} ${end === 'source' ? 'starts from' : 'points to'} ${allowed.join(', ')}; ${shown(id)} is a ${entity.type}`,
          );
      }
    }
    r.evidence.forEach((qid, i) => {
      usedQuotes.add(qid);
      if (!exists(quotes, qid))
        report(
          'error',
          'dangling-reference',
          ['relations', index, ['evidence', i]],
          `no quote with id ${shown(qid)}`,
        );
    });
  }

  if (input.usageWarnings === false) return { problems, offsets };
  for (const { value: e, index } of input.entities)
    if (!usedEntities.has(e.id))
      report(
        'warning',
        'unused-entity',
        ['entities', index],
        `entity ${shown(e.id)} takes part in no relation and speaks no quote`,
      );
  for (const { value: q, index } of input.quotes)
    if (!usedQuotes.has(q.id))
      report(
        'warning',
        'unused-quote',
        ['quotes', index],
        `quote ${shown(q.id)} is evidence for no relation`,
      );

  return { problems, offsets };
}

/** Compiled offsets are checked in place: no search through the text unless they are wrong. */
const holdsExact = (q: QuoteInput, text: string) =>
  q.start !== undefined && q.end !== undefined && text.slice(q.start, q.end) === q.exact;

/**
 * The search result of each quote that needs one (by position in `quotes`), computed source by source so
 * each text is indexed once for all its quotes.
 */
function searchQuotes(
  quotes: Indexed<QuoteInput>[],
  sources: Map<string, Indexed<SourceInput>>,
): Array<AnchorResult | undefined> {
  const bySource = new Map<string, number[]>();
  quotes.forEach(({ value: q }, at) => {
    const text = sources.get(q.sourceId)?.value.text;
    if (text === undefined || holdsExact(q, text)) return;
    const list = bySource.get(q.sourceId);
    if (list) list.push(at);
    else bySource.set(q.sourceId, [at]);
  });
  const results = new Array<AnchorResult | undefined>(quotes.length);
  for (const [id, ats] of bySource) {
    const found = anchorQuotes(
      sources.get(id)!.value.text!,
      ats.map((at) => quotes[at]!.value),
    );
    ats.forEach((at, i) => (results[at] = found[i]));
  }
  return results;
}

/** Where each quote that was not found nearly occurs, by position in `quotes`, searched source by source. */
function hintsForMissing(
  quotes: Indexed<QuoteInput>[],
  sources: Map<string, Indexed<SourceInput>>,
  searched: Array<AnchorResult | undefined>,
): Map<number, string> {
  const bySource = new Map<string, number[]>();
  searched.forEach((r, at) => {
    const q = quotes[at]!.value;
    if (!r || r.ok || r.reason !== 'not-found' || q.start !== undefined) return;
    const list = bySource.get(q.sourceId);
    if (list) list.push(at);
    else bySource.set(q.sourceId, [at]);
  });
  const hints = new Map<number, string>();
  for (const [id, ats] of bySource) {
    const found = quoteHints(
      sources.get(id)!.value.text!,
      ats.map((at) => quotes[at]!.value.exact),
    );
    ats.forEach((at, i) => found[i] !== undefined && hints.set(at, found[i]));
  }
  return hints;
}
