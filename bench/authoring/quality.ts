/**
 * How good the authoring suggestions are on a dataset someone built by hand: the mentions against its
 * entities, the loom against its relations, the proposed status against its statuses. Computed by the
 * app's own code on whatever the dataset holds now, so a change to the dataset or to the logic shows here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anchorQuote } from '../../src/model/format/anchor';
import type {
  DatasetFile,
  EntityRecord,
  QuoteRecord,
  RelationRecord,
  RelationType,
} from '../../src/model/format/schema';
import type { Draft } from '../../src/model/authoring/draft';
import { loomCandidates } from '../../src/model/authoring/loom';
import { findMentions, mentionKey, type Mention } from '../../src/model/authoring/mentions';
import { proposeFor } from '../../src/model/authoring/proposals';
import type { Span } from '../../src/model/authoring/sentences';
import { STATUSES, type Status } from '../../src/model/core/vocabulary';

export interface AuthoringQuality {
  dataset: string;
  source: string;
  words: number;
  mentions: {
    suggested: number;
    /** Suggestions whose name is one of an entity's names. */
    real: number;
    entities: number;
    found: number;
    /** Entities the text names with a proper name (every word capitalised), which a name finder can find. */
    named: number;
    namedFound: number;
    missed: string[];
    notEntities: string[];
  };
  /** typeAgreed: of the relations found, those whose candidate proposes the dataset's type. */
  loom: { relations: number; found: number; typeAgreed: number; candidates: number; missed: string[] };
  status: Array<{ status: Status; relations: number; agreed: number }>;
  speakers: { quotes: number; agreed: number };
}

interface Dataset {
  id: string;
  source: string;
  text: string;
  date: string | null;
  entities: EntityRecord[];
  quotes: QuoteRecord[];
  relations: RelationRecord[];
  relationTypes: RelationType[];
  draft: Draft;
}

const readJson = <T>(dir: string, file: string): T => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;

export function readDataset(dir: string, sourceId: string): Dataset {
  const dataset = readJson<DatasetFile>(dir, 'dataset.json');
  const source = dataset.sources.find((s) => s.id === sourceId);
  if (!source) throw new Error(`${dir}: no source "${sourceId}"`);
  const text = readFileSync(join(dir, source.file), 'utf8');
  const entities = readJson<{ entities: EntityRecord[] }>(dir, 'entities.json').entities;
  const quotes = readJson<{ quotes: QuoteRecord[] }>(dir, 'quotes.json').quotes;
  const relations = readJson<{ relations: RelationRecord[] }>(dir, 'relations.json').relations;
  const relationTypes = readJson<{ relationTypes: RelationType[] }>(dir, 'relation-types.json').relationTypes;
  // What an author has once the entities are accepted: no quote or relation yet.
  const draft: Draft = {
    key: 'bench',
    dataset: { id: dataset.id, title: dataset.title },
    sources: [source],
    texts: { [source.id]: text },
    relationTypes,
    entities,
    quotes: [],
    relations: [],
    ignoredMentions: [],
    updatedAt: new Date(0).toISOString(),
  };
  return {
    id: dataset.id,
    source: source.id,
    text,
    date: source.date,
    entities,
    quotes,
    relations,
    relationTypes,
    draft,
  };
}

/** The names an entity goes by: name, aliases, and each without a parenthesis or a leading "the". */
function namesOf(e: EntityRecord): string[] {
  return [e.name, ...(e.aliases ?? [])].flatMap((n) => {
    const plain = n.replace(/\s*\([^)]*\)/g, '').trim();
    return [n, plain];
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whether the text writes this name, case and all, as a proper name: each word capitalised (or a number). */
function namedInText(text: string, name: string): boolean {
  const plain = name.replace(/^the\s+/i, '');
  const words = plain.split(/\s+/).filter((w) => !/^(?:of|the|and|de|von|van)$/.test(w));
  if (!words.every((w) => /^[\p{Lu}\p{N}]/u.test(w))) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(plain)}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

const mentionKeys = (m: Mention) => new Set([m.key, ...m.forms.map(mentionKey)]);

function mentionQuality(d: Dataset): AuthoringQuality['mentions'] {
  const mentions = findMentions(d.text);
  const keysOf = new Map(d.entities.map((e) => [e.id, new Set(namesOf(e).map(mentionKey))]));
  const allEntityKeys = new Set([...keysOf.values()].flatMap((k) => [...k]));
  const foundBy = (e: EntityRecord) =>
    mentions.some((m) => [...mentionKeys(m)].some((k) => keysOf.get(e.id)!.has(k)));
  const named = d.entities.filter((e) => namesOf(e).some((n) => namedInText(d.text, n)));
  const real = mentions.filter((m) => [...mentionKeys(m)].some((k) => allEntityKeys.has(k)));
  return {
    suggested: mentions.length,
    real: real.length,
    entities: d.entities.length,
    found: d.entities.filter(foundBy).length,
    named: named.length,
    namedFound: named.filter(foundBy).length,
    missed: named.filter((e) => !foundBy(e)).map((e) => e.name),
    notEntities: mentions.filter((m) => !real.includes(m)).map((m) => m.label),
  };
}

function quoteSpan(d: Dataset, id: string): Span | undefined {
  const q = d.quotes.find((x) => x.id === id);
  if (!q || q.source !== d.source) return undefined;
  const at = anchorQuote(d.text, q.exact, q.prefix, q.suffix);
  return at.ok ? { start: at.start, end: at.end } : undefined;
}

function loomQuality(d: Dataset): AuthoringQuality['loom'] {
  const candidates = loomCandidates(d.draft);
  const relations = d.relations.filter((r) => r.evidence.some((q) => quoteSpan(d, q)));
  const candidatesFor = (r: RelationRecord) =>
    r.evidence.flatMap((id) => {
      const span = quoteSpan(d, id);
      if (!span) return [];
      return candidates.filter(
        (c) =>
          ((c.a === r.source && c.b === r.target) || (c.a === r.target && c.b === r.source)) &&
          c.sentence.start < span.end &&
          c.sentence.end > span.start,
      );
    });
  const missed = relations.filter((r) => candidatesFor(r).length === 0);
  return {
    relations: relations.length,
    found: relations.length - missed.length,
    typeAgreed: relations.filter((r) => candidatesFor(r).some((c) => c.proposedType === r.type)).length,
    candidates: candidates.length,
    missed: missed.map((r) => r.id),
  };
}

/** Each relation's status against the one proposed for its first quote, as if the author selected it. */
function statusQuality(d: Dataset): Pick<AuthoringQuality, 'status' | 'speakers'> {
  const per = new Map<Status, { relations: number; agreed: number }>(
    STATUSES.map((s) => [s, { relations: 0, agreed: 0 }]),
  );
  for (const r of d.relations) {
    const span = quoteSpan(d, r.evidence[0]!);
    if (!span) continue;
    const p = proposeFor(d.text, span, d.entities, d.date);
    const entry = per.get(r.status)!;
    entry.relations++;
    if (p.status === r.status) entry.agreed++;
  }
  const spoken = d.quotes.filter((q) => q.speaker && q.source === d.source);
  let agreed = 0;
  for (const q of spoken) {
    const span = quoteSpan(d, q.id);
    if (span && proposeFor(d.text, span, d.entities, d.date).speakerId === q.speaker) agreed++;
  }
  return {
    status: [...per].filter(([, v]) => v.relations > 0).map(([status, v]) => ({ status, ...v })),
    speakers: { quotes: spoken.length, agreed },
  };
}

export function authoringQuality(dir: string, sourceId: string): AuthoringQuality {
  const d = readDataset(dir, sourceId);
  return {
    dataset: d.id,
    source: d.source,
    words: d.text.split(/\s+/).filter(Boolean).length,
    mentions: mentionQuality(d),
    loom: loomQuality(d),
    ...statusQuality(d),
  };
}
