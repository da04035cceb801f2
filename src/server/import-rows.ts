/**
 * A validated bundle as the rows of each table, with what the server precomputes per version: degree,
 * PageRank, relation counts per entity and type (the hub guard), quotes per speaker, facet counts and the
 * timeline overview. Pure: no database here. The counts are made here rather than grouped in SQL after the
 * copy: Node holds the relations' ends already, and at 5M the grouping cost PostgreSQL 7 s of the CPU the
 * full-text index needs (docs/performance.md).
 */
import type { Bundle } from '../model/format/bundle';
import type { DateSpec } from '../model/format/schema';
import { resolveDate } from '../model/core/dates';
import { DateTally } from '../model/core/date-overview';
import { STATUSES, type Status } from '../model/core/vocabulary';
import { foldAccents } from '../model/search/search-text';
import { copyField, copyText } from './copy-text';
import { pagerank } from './pagerank';
import { textParts } from './source-parts';
import type { CopiedTable } from './schema';

export const COLUMNS: Record<CopiedTable, readonly string[]> = {
  tl_relation_types: ['version', 'row', 'id', 'label', 'inverse_label', 'directed', 'domain', 'range'],
  tl_sources: ['version', 'row', 'id', 'meta', 'chars'],
  tl_source_parts: ['version', 'source', 'start', 'text'],
  tl_entities: [
    'version',
    'row',
    'id',
    'type',
    'name',
    'aliases',
    'description',
    'role',
    'date',
    'date_start',
    'date_end',
    'search',
    'degree',
    'pagerank',
  ],
  tl_quotes: [
    'version',
    'row',
    'id',
    'source',
    'span_start',
    'span_end',
    'exact',
    'prefix',
    'suffix',
    'speakers',
    'occasion',
  ],
  tl_relations: [
    'version',
    'row',
    'id',
    'source',
    'target',
    'type',
    'status',
    'date',
    'date_start',
    'date_end',
    'note',
    'answers',
    'date_written',
  ],
  tl_evidence: ['version', 'relation', 'ord', 'quote', 'status', 'asserted_by', 'answers'],
  tl_name_words: ['version', 'word', 'entity', 'degree', 'whole'],
  tl_type_counts: ['version', 'entity', 'type', 'n'],
  tl_speakers: ['version', 'entity', 'quotes'],
};

/**
 * The words of a name or a typed text, as the typeahead's word table holds them: accents folded as the local
 * search folds them (search-text.ts), lower-cased, cut at anything not a letter or a digit, so punctuation
 * and operators never reach a pattern. Import and query cut the same way.
 */
export function nameWords(text: string): string[] {
  return foldAccents(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

type Named = { name: string; aliases?: readonly string[] | null | undefined };

/** What the typeahead's prefix pass matches of an entity: its name and aliases, folded as a query is. */
export const searchText = (e: Named): string =>
  foldAccents(e.aliases?.length ? [e.name, ...e.aliases].join(' | ') : e.name).toLowerCase();

/**
 * An entity's rows of the word table: each word of its name and aliases once, with whether it is itself a
 * whole name or alias ("Manafort"), which a search for exactly it lists first.
 */
export function entityWords(e: Named): Array<[word: string, whole: boolean]> {
  const names = [e.name, ...(e.aliases ?? [])].map(nameWords);
  const whole = new Set(names.filter((w) => w.length === 1).map((w) => w[0]!));
  return [...new Set(names.flat())].map((w) => [w, whole.has(w)]);
}

/** One evidence item: a quote id, or (issue #18) a claim with its own status, asserters and what it answers. */
export interface ClaimLike {
  quote: string;
  status?: Status;
  assertedBy?: string[];
  answers?: string;
}

export interface Facets {
  entityTypes: Record<string, number>;
  relationTypes: Record<string, number>;
  statuses: Record<string, number>;
}

export interface TimelineOverview {
  count: number;
  min: number | null;
  max: number | null;
  perYear: Array<{ year: number; n: number }>;
}

export interface VersionRows {
  /**
   * Each copied table's rows as COPY text, in chunks (copy-text.ts), in the column order of COLUMNS; those
   * of the bundle's items `from` to `to` only when given (a part of the quotes, schema.ts).
   */
  tables: Record<CopiedTable, (from?: number, to?: number) => Iterable<string>>;
  /**
   * Told that a table's rows are written: with `consume`, a list of the bundle that no table left to write
   * reads is emptied, so the rest is written in a smaller heap.
   */
  written(table: CopiedTable): void;
  counts: { entities: number; relations: number; quotes: number; sources: number };
  facets: Facets;
  timeline: TimelineOverview;
}

/**
 * A date's three columns as COPY text: the spec as JSON, then its resolved start and end. Remembered by
 * spec: a dataset repeats the same dates many times, and resolving each one again showed in the profile.
 */
function dateText(): (spec: DateSpec | undefined) => string {
  const seen = new Map<string, string>();
  return (spec) => {
    if (spec === undefined) return '\\N\t\\N\t\\N';
    // jsonb: a date as written may be a bare string, which COPY must receive as JSON.
    const json = JSON.stringify(spec);
    let text = seen.get(json);
    if (text === undefined) {
      const d = resolveDate(spec);
      text =
        'error' in d
          ? `${copyField(json)}\t\\N\t\\N`
          : `${copyField(json)}\t${copyField(d.start)}\t${copyField(d.end ?? null)}`;
      seen.set(json, text);
    }
    return text;
  };
}

/** A relation's evidence items, whether the bundle lists quote ids or (issue #18's bundles) claims. */
export function claimsOfRelation(relation: Bundle['relations'][number]): ClaimLike[] {
  return relation.claims ?? relation.evidence.map((quote) => ({ quote }));
}

const tally = (into: Record<string, number>, key: string) => {
  into[key] = (into[key] ?? 0) + 1;
};

/**
 * Each entity's number of distinct neighbours, as the explorer's connection finder counts a hub: several
 * relations between the same two entities are one link. Pairs are sorted as numbers, not kept in sets, so a
 * million relations cost one sort of two million numbers.
 */
function distinctNeighbours(source: Int32Array, target: Int32Array, degree: Int32Array): void {
  const n = degree.length;
  const pairs = new Float64Array(source.length * 2);
  let k = 0;
  for (let i = 0; i < source.length; i++) {
    const [a, b] = [source[i]!, target[i]!];
    pairs[k++] = a * n + b;
    if (a !== b) pairs[k++] = b * n + a;
  }
  const sorted = pairs.subarray(0, k).sort();
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) continue;
    const a = Math.floor(sorted[i]! / n);
    degree[a] = degree[a]! + 1;
  }
}

/**
 * Relations per entity and type, as the hub guard reads them: each relation counted at both ends, once at a
 * relation of an entity to itself. Sorted keys, as distinctNeighbours does, so 5M relations cost one sort.
 * Returned as parallel columns in entity order, each entity's types in `types` order.
 */
function relationsPerType(
  source: Int32Array,
  target: Int32Array,
  type: Int32Array,
  types: number,
): { entity: Int32Array; type: Int32Array; n: Int32Array } {
  const keys = new Float64Array(source.length * 2);
  let k = 0;
  for (let i = 0; i < source.length; i++) {
    keys[k++] = source[i]! * types + type[i]!;
    if (target[i] !== source[i]) keys[k++] = target[i]! * types + type[i]!;
  }
  const sorted = keys.subarray(0, k).sort();
  let runs = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) runs++;
  const out = { entity: new Int32Array(runs), type: new Int32Array(runs), n: new Int32Array(runs) };
  let r = -1;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) {
      r++;
      out.entity[r] = Math.floor(sorted[i]! / types);
      out.type[r] = sorted[i]! - out.entity[r]! * types;
    }
    out.n[r] = out.n[r]! + 1;
  }
  return out;
}

/** The bundle's lists, and the tables whose rows read each one. */
const READ_BY = {
  quotes: ['tl_quotes'],
  relations: ['tl_relations', 'tl_evidence'],
  sources: ['tl_sources', 'tl_source_parts'],
  entities: ['tl_entities', 'tl_name_words'],
} as const satisfies Partial<Record<keyof Bundle, readonly CopiedTable[]>>;

/**
 * `consume`: the caller has no use for the bundle once its rows are written (db:import), so each list is
 * emptied as soon as the tables that read it are written.
 */
export function versionRows(bundle: Bundle, version: number, { consume = false } = {}): VersionRows {
  // Only what the quotes' rows need is read before they are written: the first COPY starts at once, and the
  // rest is prepared while the server indexes them.
  const entityRow = new Map(bundle.entities.map((e, i) => [e.id, i]));
  const sourceRow = new Map(bundle.sources.map((s, i) => [s.id, i]));
  const n = bundle.entities.length;
  const once = <T>(make: () => T): (() => T) => {
    let made: { value: T } | undefined;
    return () => (made ??= { value: make() }).value;
  };
  const quoteRows = once(() => new Map(bundle.quotes.map((q, i) => [q.id, i])));
  const ends = once(() => {
    const source = new Int32Array(bundle.relations.length);
    const target = new Int32Array(bundle.relations.length);
    const type = new Int32Array(bundle.relations.length);
    const typeIndex = new Map<string, number>();
    const facets: Facets = { entityTypes: {}, relationTypes: {}, statuses: {} };
    const dates = new DateTally();
    bundle.relations.forEach((r, i) => {
      source[i] = entityRow.get(r.source)!;
      target[i] = entityRow.get(r.target)!;
      let t = typeIndex.get(r.type);
      if (t === undefined) typeIndex.set(r.type, (t = typeIndex.size));
      type[i] = t;
      tally(facets.relationTypes, r.type);
      tally(facets.statuses, r.status);
      if (r.date !== undefined) dates.add(r.date);
    });
    for (const e of bundle.entities) {
      tally(facets.entityTypes, e.type);
      if (e.date !== undefined) dates.add(e.date);
    }
    const o = dates.overview;
    const timeline: TimelineOverview = {
      count: o.count,
      min: Number.isFinite(o.min) ? o.min : null,
      max: Number.isFinite(o.max) ? o.max : null,
      perYear: [...o.perYear].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, n: count })),
    };
    return { source, target, type, types: [...typeIndex.keys()], facets, timeline };
  });
  const typeCounts = once(() => {
    const { source, target, type, types } = ends();
    return { ...relationsPerType(source, target, type, Math.max(types.length, 1)), types };
  });
  // Quotes per speaker, counted while the quotes are still held (a speaker listed twice counts twice, as
  // unnesting the stored array would).
  const speakerQuotes = once(() => {
    const quotes = new Int32Array(n);
    for (const q of bundle.quotes)
      for (const s of q.speakers ?? (q.speaker ? [q.speaker] : [])) {
        const row = entityRow.get(s)!;
        quotes[row] = quotes[row]! + 1;
      }
    const entity = Int32Array.from(quotes.keys()).filter((e) => quotes[e]! > 0);
    return { entity, quotes: Int32Array.from(entity, (e) => quotes[e]!) };
  });
  // Degree and PageRank only when the entities' rows are written: the importer copies quotes and relations
  // first, so the server builds their indexes meanwhile.
  let ranked: { degree: Int32Array; rank: Float64Array } | undefined;
  const ranks = () => {
    if (!ranked) {
      const degree = new Int32Array(n);
      const { source, target } = ends();
      distinctNeighbours(source, target, degree);
      ranked = { degree, rank: pagerank(n, source, target) };
    }
    return ranked;
  };
  const statusIndex = (s: Status) => STATUSES.indexOf(s);

  const f = copyField;
  const date = dateText();
  const tables: VersionRows['tables'] = {
    tl_relation_types: (from, to) =>
      copyText(
        bundle.relationTypes,
        (t, i) =>
          [version, i, t.id, t.label, t.inverseLabel, t.directed, t.domain, t.range].map(f).join('\t'),
        from,
        to,
      ),
    tl_sources: (from, to) =>
      copyText(
        bundle.sources,
        (s, i) => {
          const { text, ...meta } = s;
          return `${version}\t${i}\t${f(s.id)}\t${f(meta)}\t${text.length}`;
        },
        from,
        to,
      ),
    tl_source_parts: (from, to) =>
      copyText(
        bundle.sources,
        (s, i) => textParts(s.text).map(([start, text]) => `${version}\t${i}\t${start}\t${f(text)}`),
        from,
        to,
      ),
    tl_entities: (from, to) => {
      const { degree, rank } = ranks();
      return copyText(
        bundle.entities,
        (e, i) => {
          const search = searchText(e);
          return (
            `${version}\t${i}\t${f(e.id)}\t${f(e.type)}\t${f(e.name)}\t${f(e.aliases ?? null)}\t${f(e.description)}\t` +
            `${f(e.role ?? null)}\t${date(e.date)}\t${f(search)}\t${degree[i]!}\t${f(rank[i]!)}`
          );
        },
        from,
        to,
      );
    },
    tl_quotes: (from, to) =>
      copyText(
        bundle.quotes,
        (q, i) => {
          const speakers = q.speakers ?? (q.speaker ? [q.speaker] : []);
          const occasion = q.occasion ? entityRow.get(q.occasion)! : null;
          return (
            `${version}\t${i}\t${f(q.id)}\t${sourceRow.get(q.sourceId)!}\t${q.start}\t${q.end}\t${f(q.exact)}\t` +
            `${f(q.prefix ?? null)}\t${f(q.suffix ?? null)}\t${f(speakers.map((s) => entityRow.get(s)!))}\t${f(occasion)}`
          );
        },
        from,
        to,
      ),
    tl_relations: (from, to) => {
      const { source, target } = ends();
      return copyText(
        bundle.relations,
        (r, i) =>
          `${version}\t${i}\t${f(r.id)}\t${source[i]!}\t${target[i]!}\t${f(r.type)}\t${statusIndex(r.status)}\t${date(r.date)}\t` +
          `${f(r.note ?? null)}\t${f(r.answers ?? null)}\t${f(r.dateWritten ? JSON.stringify(r.dateWritten) : null)}`,
        from,
        to,
      );
    },
    tl_name_words: (from, to) => {
      const { degree } = ranks();
      return copyText(
        bundle.entities,
        (e, i) =>
          entityWords(e).map(
            ([word, whole]) => `${version}\t${f(word)}\t${i}\t${degree[i]!}\t${whole ? 't' : 'f'}`,
          ),
        from,
        to,
      );
    },
    tl_type_counts: (from, to) => {
      const { entity, type, n: count, types } = typeCounts();
      const typeText = types.map(f);
      return copyText(entity, (e, i) => `${version}\t${e}\t${typeText[type[i]!]!}\t${count[i]!}`, from, to);
    },
    tl_speakers: (from, to) => {
      const { entity, quotes } = speakerQuotes();
      return copyText(entity, (e, i) => `${version}\t${e}\t${quotes[i]!}`, from, to);
    },
    tl_evidence: (from, to) => {
      const quoteRow = quoteRows();
      return copyText(
        bundle.relations,
        (r, i) =>
          r.claims
            ? r.claims.map(
                (c, ord) =>
                  `${version}\t${i}\t${ord}\t${quoteRow.get(c.quote)!}\t${c.status ? statusIndex(c.status) : '\\N'}\t` +
                  `${f(c.assertedBy ?? null)}\t${f(c.answers ?? null)}`,
              )
            : r.evidence.map(
                (quote, ord) => `${version}\t${i}\t${ord}\t${quoteRow.get(quote)!}\t\\N\t\\N\t\\N`,
              ),
        from,
        to,
      );
    },
  };
  const written = new Set<CopiedTable>();
  return {
    tables,
    written: (table) => {
      written.add(table);
      if (!consume) return;
      // What is prepared later reads every list: prepared before the first is emptied.
      ends();
      quoteRows();
      speakerQuotes();
      for (const [list, readers] of Object.entries(READ_BY) as [
        keyof typeof READ_BY,
        readonly CopiedTable[],
      ][])
        if (readers.every((t) => written.has(t))) bundle[list] = [];
    },
    counts: {
      entities: n,
      relations: bundle.relations.length,
      quotes: bundle.quotes.length,
      sources: bundle.sources.length,
    },
    get facets() {
      return ends().facets;
    },
    get timeline() {
      return ends().timeline;
    },
  };
}
