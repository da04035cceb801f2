/** Relation records with their quotes, and the source texts the quotes are taken from verbatim. */
import type { DateSpec, EntityRecord, QuoteRecord, RelationFileRecord } from '../../src/model/format/schema';
import type { Status } from '../../src/model/core/vocabulary';
import { randomDateSpec } from './dates';
import type { Rng } from '../../src/model/core/prng';
import type { Edge } from './relations';
import { claimSentence, fillerSentence, token } from './sentences';
import { weightedPool } from './weighted';

/** How often each status occurs: mostly firm footing, with a tail of contested statements. */
const STATUS_MIX: Array<[Status, number]> = [
  ['fact', 35],
  ['reported', 25],
  ['claim', 15],
  ['allegation', 10],
  ['denial', 5],
  ['opinion', 10],
  ['refuted', 3],
];
const SPEAKER_TYPES = new Set<EntityRecord['type']>(['person', 'organization', 'country', 'media']);
const DATED_SHARE = 0.4;
/** Share of relations that a second, independent source corroborates. */
const SECOND_QUOTE_SHARE = 0.08;

export interface EvidenceOptions {
  /** Rough size of one source text in bytes; sizes vary around it tenfold. */
  sourceBytes: number;
  minSources: number;
}

export interface Evidence {
  relations: RelationFileRecord[];
  quotes: QuoteRecord[];
  /** Text of each source, in order; quotes name them as `source-001` etc. */
  texts: string[];
}

export const sourceId = (n: number): string => `source-${String(n + 1).padStart(3, '0')}`;

export function generateEvidence(
  entities: readonly EntityRecord[],
  edges: readonly Edge[],
  rng: Rng,
  options: EvidenceOptions,
): Evidence {
  const statuses = weightedPool(STATUS_MIX, ([, w]) => w);
  const people = entities.map((e, i) => [e, i] as const).filter(([e]) => e.type === 'person');
  // When a dataset has nobody, a body speaks: every claim names who makes it.
  const voices =
    people.length > 0
      ? people
      : entities.map((e, i) => [e, i] as const).filter(([e]) => SPEAKER_TYPES.has(e.type));
  const relations: RelationFileRecord[] = [];
  const sentences: Array<{ quote: QuoteRecord; sentence: string }> = [];

  const quoteFor = (edge: Edge, status: Status, date: DateSpec | undefined): string => {
    const source = entities[edge.source]!;
    const target = entities[edge.target]!;
    // A claim or allegation names who makes it (the validator warns otherwise); a denial, who denies.
    const attributed = status === 'claim' || status === 'allegation' || status === 'denial';
    // The subject speaks for itself when it can; otherwise someone else is quoted about it.
    const speaker = !attributed
      ? undefined
      : SPEAKER_TYPES.has(source.type) && rng.chance(0.6)
        ? source
        : voices.length > 0
          ? rng.pick(voices)[0]
          : undefined;
    const n = sentences.length;
    const id = `q-${token(n)}`;
    const sentence = claimSentence({
      status,
      source: source.name,
      verb: edge.type.verb,
      target: target.name,
      ...(date === undefined ? {} : { date }),
      ...(speaker ? { speaker: speaker.name } : {}),
      token: token(n),
    });
    const occasion = speaker && target.type === 'event' && rng.chance(0.5) ? target.id : undefined;
    sentences.push({
      quote: {
        id,
        source: '',
        exact: sentence,
        ...(speaker ? { speaker: speaker.id } : {}),
        ...(occasion ? { occasion } : {}),
      },
      sentence,
    });
    return id;
  };

  edges.forEach((edge, i) => {
    const status = statuses.draw(rng)[0];
    const target = entities[edge.target]!;
    const date =
      target.type === 'event' && target.date !== undefined && rng.chance(0.7)
        ? target.date
        : rng.chance(DATED_SHARE)
          ? randomDateSpec(rng)
          : undefined;
    const evidence: RelationFileRecord['evidence'] = [quoteFor(edge, status, date)];
    if (rng.chance(SECOND_QUOTE_SHARE)) {
      // The second source has its own voice: it states or reports what the first may only allege.
      const second = rng.chance(0.5) ? 'fact' : 'reported';
      const quote = quoteFor(edge, second, date);
      evidence.push(second === status ? quote : { quote, status: second });
    }
    relations.push({
      id: `${edge.type.id.replace(/_/g, '-')}-${token(i)}`,
      source: entities[edge.source]!.id,
      target: target.id,
      type: edge.type.id,
      status,
      ...(date === undefined ? {} : { date }),
      evidence,
    });
  });

  const texts = layOutSources(sentences, rng, options);
  return { relations, quotes: sentences.map((s) => s.quote), texts };
}

/** Spreads sentences over sources of varying size, with filler prose between them, and records which source holds each quote. */
function layOutSources(
  sentences: Array<{ quote: QuoteRecord; sentence: string }>,
  rng: Rng,
  { sourceBytes, minSources }: EvidenceOptions,
): string[] {
  const total = sentences.reduce((n, s) => n + s.sentence.length + 1, 0) * 1.3;
  const count = Math.max(minSources, Math.round(total / sourceBytes));
  // Log-uniform weights over a tenfold range: a few large files among many mid-sized ones.
  const sources = weightedPool(
    Array.from({ length: count }, (_, i) => i),
    () => Math.exp(rng.next() * Math.log(10)),
  );
  const parts: string[][] = Array.from({ length: count }, (_, i) => [`Synthetic source ${i + 1}\n\n`]);
  const sinceBreak = new Uint16Array(count);
  for (const s of sentences) {
    const n = sources.draw(rng);
    s.quote.source = sourceId(n);
    const part = parts[n]!;
    part.push(s.sentence);
    if (rng.chance(0.3)) part.push(` ${fillerSentence(rng)}`);
    sinceBreak[n]!++;
    if (sinceBreak[n]! >= 4 + rng.int(5)) {
      part.push('\n\n');
      sinceBreak[n] = 0;
    } else part.push(' ');
  }
  return parts.map((p) => `${p.join('').trimEnd()}\n`);
}
