/**
 * A validated bundle as the rows of each table, with what the server precomputes per version: degree,
 * PageRank, relation counts per entity and type (the hub guard), quotes per speaker, facet counts and the
 * timeline overview. Pure: no database here.
 */
import type { Bundle } from '../model/format/bundle';
import type { DateSpec } from '../model/format/schema';
import { resolveDate } from '../model/core/dates';
import { DateTally } from '../model/core/date-overview';
import { STATUSES, type Status } from '../model/core/vocabulary';
import type { CopyValue } from './db';
import { pagerank } from './pagerank';
import type { CopiedTable } from './schema';

export const COLUMNS: Record<CopiedTable, readonly string[]> = {
  tl_relation_types: ['version', 'row', 'id', 'label', 'inverse_label', 'directed', 'domain', 'range'],
  tl_sources: ['version', 'row', 'id', 'meta', 'text', 'astral'],
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
};

/**
 * The words of a name or a typed text, as the typeahead's word table holds them: lower-cased, cut at
 * anything not a letter or a digit, so punctuation and operators never reach a pattern. Import and query
 * cut the same way.
 */
export function nameWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
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
  tables: Record<CopiedTable, () => Iterable<readonly CopyValue[]>>;
  counts: { entities: number; relations: number; quotes: number; sources: number };
  facets: Facets;
  timeline: TimelineOverview;
}

const ASTRAL = /[\uD800-\uDFFF]/;

function dateColumns(spec: DateSpec | undefined): [CopyValue, CopyValue, CopyValue] {
  if (spec === undefined) return [null, null, null];
  const d = resolveDate(spec);
  // jsonb: a date as written may be a bare string, which COPY must receive as JSON.
  const json = JSON.stringify(spec);
  if ('error' in d) return [json, null, null];
  return [json, d.start, d.end ?? null];
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

export function versionRows(bundle: Bundle, version: number): VersionRows {
  const entityRow = new Map(bundle.entities.map((e, i) => [e.id, i]));
  const quoteRow = new Map(bundle.quotes.map((q, i) => [q.id, i]));
  const sourceRow = new Map(bundle.sources.map((s, i) => [s.id, i]));
  const n = bundle.entities.length;
  const source = new Int32Array(bundle.relations.length);
  const target = new Int32Array(bundle.relations.length);
  const degree = new Int32Array(n);
  const facets: Facets = { entityTypes: {}, relationTypes: {}, statuses: {} };
  const dates = new DateTally();
  bundle.relations.forEach((r, i) => {
    source[i] = entityRow.get(r.source)!;
    target[i] = entityRow.get(r.target)!;
    tally(facets.relationTypes, r.type);
    tally(facets.statuses, r.status);
    if (r.date !== undefined) dates.add(r.date);
  });
  distinctNeighbours(source, target, degree);
  for (const e of bundle.entities) {
    tally(facets.entityTypes, e.type);
    if (e.date !== undefined) dates.add(e.date);
  }
  const rank = pagerank(n, source, target);
  const statusIndex = (s: Status) => STATUSES.indexOf(s);

  const tables: VersionRows['tables'] = {
    *tl_relation_types() {
      for (const [i, t] of bundle.relationTypes.entries())
        yield [version, i, t.id, t.label, t.inverseLabel, t.directed, t.domain, t.range];
    },
    *tl_sources() {
      for (const [i, s] of bundle.sources.entries()) {
        const { text, ...meta } = s;
        yield [version, i, s.id, meta, text, ASTRAL.test(text)];
      }
    },
    *tl_entities() {
      for (const [i, e] of bundle.entities.entries()) {
        const search = [e.name, ...(e.aliases ?? [])].join(' | ').toLowerCase();
        yield [
          version,
          i,
          e.id,
          e.type,
          e.name,
          e.aliases ?? null,
          e.description,
          e.role ?? null,
          ...dateColumns(e.date),
          search,
          degree[i]!,
          rank[i]!,
        ];
      }
    },
    *tl_quotes() {
      for (const [i, q] of bundle.quotes.entries()) {
        const speakers = q.speakers ?? (q.speaker ? [q.speaker] : []);
        yield [
          version,
          i,
          q.id,
          sourceRow.get(q.sourceId)!,
          q.start,
          q.end,
          q.exact,
          q.prefix ?? null,
          q.suffix ?? null,
          speakers.map((s) => entityRow.get(s)!),
          q.occasion ? entityRow.get(q.occasion)! : null,
        ];
      }
    },
    *tl_relations() {
      for (const [i, r] of bundle.relations.entries())
        yield [
          version,
          i,
          r.id,
          source[i]!,
          target[i]!,
          r.type,
          statusIndex(r.status),
          ...dateColumns(r.date),
          r.note ?? null,
          r.answers ?? null,
          r.dateWritten ? JSON.stringify(r.dateWritten) : null,
        ];
    },
    *tl_name_words() {
      for (const [i, e] of bundle.entities.entries()) {
        const names = [e.name, ...(e.aliases ?? [])].map(nameWords);
        const whole = new Set(names.filter((w) => w.length === 1).map((w) => w[0]!));
        for (const word of new Set(names.flat())) yield [version, word, i, degree[i]!, whole.has(word)];
      }
    },
    *tl_evidence() {
      for (const [i, r] of bundle.relations.entries())
        for (const [ord, c] of claimsOfRelation(r).entries())
          yield [
            version,
            i,
            ord,
            quoteRow.get(c.quote)!,
            c.status ? statusIndex(c.status) : null,
            c.assertedBy ?? null,
            c.answers ?? null,
          ];
    },
  };
  const o = dates.overview;
  return {
    tables,
    counts: {
      entities: n,
      relations: bundle.relations.length,
      quotes: bundle.quotes.length,
      sources: bundle.sources.length,
    },
    facets,
    timeline: {
      count: o.count,
      min: Number.isFinite(o.min) ? o.min : null,
      max: Number.isFinite(o.max) ? o.max : null,
      perYear: [...o.perYear].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, n: count })),
    },
  };
}
