/**
 * A relation put into words, with how its source presents it. Every surface that states a relation (inspector,
 * lists, paths, timeline, canvas labels, image footers, data exports) words it here, so a denied or alleged
 * relation never reads as established anywhere: "Denied: A acted on behalf of B", an edge "acted on behalf of (denied)".
 * A fact is stated plainly.
 *
 * The relation's own sentence is not attributed: it carries the dataset's summary status, and a relation may rest
 * on several quotes by different speakers, or on quotes a compact dataset has not loaded yet. Each claim is
 * attributed in its own sentence (`claimSentence`: "Alleged by the Steele dossier: …"), and `voicesSentence` sums
 * up every source's voice on one line.
 */
import { answersTo, claimsOf, voicesOf, type Claim } from './claims';
import type { Model } from './model';
import type { RelationRecord, RelationType } from '../format/schema';
import { NEGATING_STATUSES, type Status } from './vocabulary';

/** Before a sentence ("Denied: …") and after a bare verb ("… (denied)"). */
const STATUS_WORDING: Record<Exclude<Status, 'fact'>, { prefix: string; suffix: string }> = {
  reported: { prefix: 'Reported', suffix: 'reported' },
  claim: { prefix: 'Claimed', suffix: 'claimed' },
  allegation: { prefix: 'Alleged', suffix: 'alleged' },
  denial: { prefix: 'Denied', suffix: 'denied' },
  opinion: { prefix: 'Opinion', suffix: 'opinion' },
  refuted: { prefix: 'Refuted', suffix: 'refuted' },
};

/** "Denied: Donald Trump acted on behalf of Vladimir Putin"; a fact unchanged. */
export const withStatus = (status: Status, sentence: string): string =>
  status === 'fact' ? sentence : `${STATUS_WORDING[status].prefix}: ${sentence}`;

/** "bribed (denied)"; a fact's verb unchanged. */
export const verbWithStatus = (verb: string, status: Status): string =>
  status === 'fact' ? verb : `${verb} (${STATUS_WORDING[status].suffix})`;

/** The type's wording read from the source (or, walked backwards, from the target); an unknown type's id as words. */
export function relationVerb(type: RelationType | undefined, typeId: string, forward = true): string {
  return (forward ? type?.label : type?.inverseLabel) ?? typeId.replace(/_/g, ' ');
}

export interface Statement {
  status: Status;
  source: string;
  verb: string;
  target: string;
  /** With an arrow, the row form "A — verb → B" ("—" for symmetric types); without, prose "A verb B". */
  arrow?: '→' | '—';
}

export function statement({ status, source, verb, target, arrow }: Statement): string {
  return withStatus(status, arrow ? `${source} — ${verb} ${arrow} ${target}` : `${source} ${verb} ${target}`);
}

function wordsOf(model: Model, relation: RelationRecord): Omit<Statement, 'arrow'> & { directed: boolean } {
  const type = model.relationTypes.get(relation.type);
  const name = (id: string) => model.entities.get(id)?.name ?? id;
  return {
    status: relation.status,
    source: name(relation.source),
    verb: relationVerb(type, relation.type),
    target: name(relation.target),
    directed: type?.directed ?? true,
  };
}

/** A relation as prose: "Denied: Donald Trump acted on behalf of Vladimir Putin". */
export function relationSentence(model: Model, relation: RelationRecord): string {
  return statement(wordsOf(model, relation));
}

/** A relation as a list row: "Denied: Donald Trump — acted on behalf of → Vladimir Putin". */
export function relationRowText(model: Model, relation: RelationRecord): string {
  const words = wordsOf(model, relation);
  return statement({ ...words, arrow: words.directed ? '→' : '—' });
}

/** A voice's verb per status: "Alleged by the Steele dossier", "Opinion of Gabriel Zucman". */
const VOICE_WORDING: Record<Status, string> = {
  fact: 'Stated as fact by',
  reported: 'Reported by',
  claim: 'Claimed by',
  allegation: 'Alleged by',
  denial: 'Denied by',
  opinion: 'Opinion of',
  refuted: 'Refuted by',
};

/** How a sentence names a source: its short title ("the article"), else its publisher, else its title. */
export function sourceVoiceName(model: Model, sourceId: string): string {
  const s = model.data.sources[model.index.source.get(sourceId) ?? -1];
  return s?.shortTitle ?? s?.publisher ?? s?.title ?? sourceId;
}

const listed = (names: string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/**
 * Who speaks in a claim: its asserters by name, or, when nobody is named, the source itself (for an opinion, the
 * source's author: the author's own judgement).
 */
function voiceOf(model: Model, claim: Claim): string {
  if (claim.assertedBy.length > 0)
    return listed(claim.assertedBy.map((id) => model.entities.get(id)?.name ?? id));
  if (claim.status === 'opinion') {
    const author = model.data.sources[model.index.source.get(claim.sourceId) ?? -1]?.author;
    if (author) return author;
  }
  return sourceVoiceName(model, claim.sourceId);
}

/** One claim on a relation as prose: "Denied by Donald Trump: Donald Trump acted on behalf of Vladimir Putin". */
export function claimSentence(model: Model, relation: RelationRecord, claim: Claim): string {
  const { source, verb, target } = wordsOf(model, relation);
  return `${VOICE_WORDING[claim.status]} ${voiceOf(model, claim)}: ${source} ${verb} ${target}`;
}

/** The lower-case phrase of a claim in a summary; the source's own relaying of a claim reads as such. */
function voicePhrase(model: Model, claim: Claim): string {
  const voice = voiceOf(model, claim);
  if (claim.status === 'claim' && claim.assertedBy.length === 0) return `relayed as a claim by ${voice}`;
  const wording = VOICE_WORDING[claim.status];
  return `${wording.charAt(0).toLowerCase()}${wording.slice(1)} ${voice}`;
}

/**
 * Every voice on a relation in one line, sources in dataset order, then the denials and refutations of relations
 * that answer it: "Stated as fact by the report; relayed as a claim by the article; denied by Donald Trump".
 * Empty until the evidence is loaded.
 */
export function voicesSentence(model: Model, relation: RelationRecord): string {
  const claims = voicesOf(model, relation.id).flatMap((v) => v.claims);
  for (const other of answersTo(model, relation.id))
    for (const c of claimsOf(model, other)) if (NEGATING_STATUSES.has(c.status)) claims.push(c);
  const phrases = [...new Set(claims.map((c) => voicePhrase(model, c)))];
  const line = phrases.join('; ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}
