/**
 * A relation put into words, with how its source presents it. Every surface that states a relation (inspector,
 * lists, paths, timeline, canvas labels, image footers, data exports) words it here, so a denied or alleged
 * relation never reads as established anywhere: "Denied: A acted on behalf of B", an edge "acted on behalf of (denied)".
 * A fact is stated plainly.
 *
 * The status is not attributed ("Claimed by X: …"): who said it belongs to each quote, and a relation may rest on
 * several quotes by different speakers, or on quotes a compact dataset has not loaded yet; the quote lines that
 * follow a sentence everywhere name the speaker.
 */
import type { Model } from './model';
import type { RelationRecord, RelationType } from '../format/schema';
import type { Status } from './vocabulary';

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
