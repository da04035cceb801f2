/** The evidence contract's cross-record checks, shared by dataset folders and compiled bundles. */
import { anchorQuotes, type AnchorResult } from './anchor';
import { invisibleCharacter, splitsCharacter } from './invisible-text';
import { quoteHints } from './quote-hint';
import { resolveDate } from '../core/dates';
import { entityTypeMap, typeAllowed } from '../core/entity-types';
import { NEGATING_STATUSES, type Status } from '../core/vocabulary';
import { resolveRelativeDate } from './relative-date';
import { shown, type Problem, type ProblemCode, type Severity } from './problems';
import type {
  DateSpec,
  DateWritten,
  EntityRecord,
  EntityTypeDeclaration,
  PartialDate,
  RelationType,
  RelativeDate,
  SourceRecord,
} from './schema';

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
  /** Joint speakers; in a dataset file never together with speaker, in a bundle starting with it. */
  speakers?: string[];
  occasion?: string;
}

/** One evidence quote of a relation, with what it says beyond the relation's status. */
export interface ClaimInput {
  quote: string;
  status?: Status;
  assertedBy?: string[];
  answers?: string;
  /** Where the quote id sits, and where the claim's other fields sit (null: a plain id, which has none). */
  quotePath: Array<string | number>;
  path: Array<string | number> | null;
}

/** A relation of a dataset file or a bundle, its evidence as claims. */
export interface RelationInput {
  id: string;
  source: string;
  target: string;
  type: string;
  status: Status;
  date?: DateSpec | RelativeDate;
  evidence: ClaimInput[];
  answers?: string;
}

export interface SourceInput extends SourceRecord {
  /** The verbatim text, or undefined when its file could not be read (already reported). */
  text: string | undefined;
}

/** Where a record (and optionally one of its fields) sits, for problem locations. */
export type Locator = (
  collection: 'sources' | 'entityTypes' | 'relationTypes' | 'entities' | 'quotes' | 'relations',
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
  /** The dataset's own entity types; none when it declares none. */
  entityTypes?: Indexed<EntityTypeDeclaration>[];
  entities: Indexed<EntityRecord>[];
  quotes: Indexed<QuoteInput>[];
  relations: Indexed<RelationInput>[];
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
  /** Relative dates by relation id. */
  relativeDates: Map<string, RelativeDateOutcome>;
}

/** What a relative date resolved to (nothing when it could not be) and how it was written. */
export interface RelativeDateOutcome {
  date?: PartialDate;
  written: DateWritten;
}

/** Who can speak or assert: a body makes claims too. */
const SPEAKER_TYPES = new Set(['person', 'organization', 'country', 'document', 'media']);
const SPEAKER_TYPE_WORDS = 'a person, organization, country, document or media outlet';

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
  const declaredTypes = uniqueIds('entityTypes', input.entityTypes ?? [], 'entity type');
  const entityTypes = entityTypeMap([...declaredTypes.values()].map((d) => d.value));
  for (const { value: d, index } of declaredTypes.values())
    if (entityTypes.get(d.id)?.base === d.id)
      report(
        'error',
        'duplicate-id',
        ['entityTypes', index, ['id']],
        `${shown(d.id)} is a base type already; a declared type needs a name of its own`,
      );
  const knownType = (type: string) => entityTypes.has(type) || input.rejectedIds.has(type);
  const typeWords = `one of the base types${declaredTypes.size > 0 ? ' or those declared in entity-types' : ' (declare others in entity-types.json)'}`;
  const baseOf = (type: string) => entityTypes.get(type)?.base ?? type;
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

  for (const { value: e, index } of input.entities) {
    checkDate('entities', index, e.date);
    if (!knownType(e.type))
      report(
        'error',
        'unknown-entity-type',
        ['entities', index, ['type']],
        `no entity type ${shown(e.type)}: an entity's type is ${typeWords}`,
      );
  }
  for (const { value: t, index } of input.relationTypes)
    for (const field of ['domain', 'range'] as const)
      t[field].forEach((type, i) => {
        if (!knownType(type))
          report(
            'error',
            'unknown-entity-type',
            ['relationTypes', index, [field, i]],
            `no entity type ${shown(type)}: a ${field} names ${typeWords}`,
          );
      });

  /** Asserters and joint speakers: entities that can make a claim. */
  const checkVoices = (
    collection: 'quotes' | 'relations',
    index: number,
    path: Array<string | number>,
    ids: readonly string[],
  ) =>
    ids.forEach((id, i) => {
      usedEntities.add(id);
      const entity = entities.get(id)?.value;
      if (!exists(entities, id))
        report(
          'error',
          'unknown-asserter',
          [collection, index, [...path, i]],
          `no entity with id ${shown(id)}`,
        );
      else if (entity && knownType(entity.type) && !SPEAKER_TYPES.has(baseOf(entity.type)))
        report(
          'error',
          'speaker-not-person',
          [collection, index, [...path, i]],
          `${shown(id)} is a ${entity.type}; who makes a claim is ${SPEAKER_TYPE_WORDS}`,
        );
    });

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

  const usedEntities = new Set<string>();
  const offsets = new Map<string, { start: number; end: number }>();
  const searched = searchQuotes(input.quotes, sources);
  const hints = hintsForMissing(input.quotes, sources, searched);
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
      else if (entity && !knownType(entity.type)) continue;
      else if (field === 'speaker' && entity && !SPEAKER_TYPES.has(baseOf(entity.type)))
        report(
          'error',
          'speaker-not-person',
          ['quotes', index, [field]],
          `speaker ${shown(id)} is a ${entity.type}; a speaker is ${SPEAKER_TYPE_WORDS}`,
        );
      else if (entity && field === 'occasion' && baseOf(entity.type) !== 'event')
        report(
          'error',
          'occasion-not-event',
          ['quotes', index, [field]],
          `occasion ${shown(id)} is a ${entity.type}, not an event`,
        );
    }
    if (q.speakers !== undefined) {
      checkVoices('quotes', index, ['speakers'], q.speakers);
      // A bundle keeps speaker as the first of them, for readers of version 1.
      const bundle = input.quoteSourceField === 'sourceId';
      if (bundle ? q.speaker !== q.speakers[0] : q.speaker !== undefined)
        report(
          'error',
          'speaker-and-speakers',
          ['quotes', index, ['speaker']],
          bundle
            ? `speaker ${shown(q.speaker ?? 'none')} is not the first of speakers`
            : 'a quote has either one speaker or several speakers, not both',
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
  const relationIds = new Set(input.relations.map((r) => r.value.id));
  const quoteSpeakers = (id: string): readonly string[] => {
    const q = quotes.get(id)?.value;
    return q?.speakers ?? (q?.speaker !== undefined ? [q.speaker] : []);
  };
  const relativeDates: CheckResult['relativeDates'] = new Map();
  for (const { value: r, index } of input.relations) {
    if (r.date !== undefined && typeof r.date === 'object' && 'asWritten' in r.date)
      checkRelativeDate(r.id, index, r.date);
    else checkDate('relations', index, r.date);
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
        // An unknown type, in the entity or in the relation type, is reported once where it is written.
        const known = knownType(entity.type) && allowed.every(knownType);
        if (known && !typeAllowed(entityTypes, entity.type, allowed))
          report(
            'error',
            end === 'source' ? 'domain-violation' : 'range-violation',
            ['relations', index, [end]],
            `${shown(r.type)} ${end === 'source' ? 'starts from' : 'points to'} ${allowed.join(', ')}; ${shown(id)} is a ${entity.type}`,
          );
      }
    }
    if (r.answers !== undefined) checkAnswer(r, index, ['answers'], r.status, r.answers);
    for (const claim of r.evidence) {
      const qid = claim.quote;
      usedQuotes.add(qid);
      if (!exists(quotes, qid))
        report(
          'error',
          'dangling-reference',
          ['relations', index, claim.quotePath],
          `no quote with id ${shown(qid)}`,
        );
      const status = claim.status ?? r.status;
      if (claim.assertedBy !== undefined)
        checkVoices('relations', index, [...claim.path!, 'assertedBy'], claim.assertedBy);
      if (claim.answers !== undefined)
        checkAnswer(r, index, [...claim.path!, 'answers'], status, claim.answers, claim);
      if (
        (status === 'allegation' || status === 'claim') &&
        claim.assertedBy === undefined &&
        quotes.has(qid) &&
        quoteSpeakers(qid).length === 0
      )
        report(
          'warning',
          'unattributed-claim',
          ['relations', index, claim.path ?? claim.quotePath],
          `the ${status === 'claim' ? 'claim' : 'allegation'} resting on quote ${shown(qid)} names nobody who makes it: give the quote a speaker or the claim "assertedBy"`,
        );
    }
  }

  /** A denial or refutation may name what it answers: a quote of the same relation, or another relation. */
  function checkAnswer(
    r: RelationInput,
    index: number,
    path: Array<string | number>,
    status: Status,
    target: string,
    /** The claim that answers; none when the whole relation does. */
    claim?: ClaimInput,
  ) {
    const what = claim ? 'claim' : 'relation';
    if (!NEGATING_STATUSES.has(status))
      report(
        'error',
        'answer-not-negating',
        ['relations', index, path],
        `only a denial or a refutation answers something; this ${what} is a${status === 'allegation' || status === 'opinion' ? 'n' : ''} ${status}`,
      );
    const ownQuote = claim !== undefined && r.evidence.some((c) => c.quote === target);
    if (target === r.id || claim?.quote === target)
      report(
        'error',
        'dangling-answer',
        ['relations', index, path],
        target === r.id ? `a ${what} cannot answer its own relation` : 'a claim cannot answer its own quote',
      );
    else if (!ownQuote && !relationIds.has(target) && !input.rejectedIds.has(target))
      report(
        'error',
        'dangling-answer',
        ['relations', index, path],
        what === 'claim'
          ? `${shown(target)} is neither a quote of this relation nor a relation`
          : `no relation with id ${shown(target)}`,
      );
  }

  function checkRelativeDate(relationId: string, index: number, date: RelativeDate) {
    const source = sources.get(date.source)?.value;
    if (!source) {
      if (!input.rejectedIds.has(date.source))
        report(
          'error',
          'dangling-reference',
          ['relations', index, ['date', 'source']],
          `no source with id ${shown(date.source)}`,
        );
      return;
    }
    const written: DateWritten = { asWritten: date.asWritten, sourceId: source.id, sourceDate: source.date };
    const resolved = resolveRelativeDate(date.asWritten, source.date);
    if ('unresolved' in resolved) {
      report(
        'warning',
        'unresolved-relative-date',
        ['relations', index, ['date', 'asWritten']],
        `${resolved.unresolved}; it is kept as written and left off the timeline`,
      );
      relativeDates.set(relationId, { written });
    } else relativeDates.set(relationId, { date: resolved.date, written });
  }

  if (input.usageWarnings === false) return { problems, offsets, relativeDates };
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

  return { problems, offsets, relativeDates };
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
