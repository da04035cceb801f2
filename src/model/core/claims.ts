/**
 * What each source says about a relation. A relation rests on quotes, possibly from several sources, and each
 * quote presents it in its own way (the report states as fact what the article relays as a claim; a subject
 * denies it): a claim is one quote's voice. Read straight from the columns, per relation; nothing here builds a
 * relation record.
 */
import type { Model } from './model';
import { SAME_STATUS } from './model-data';
import { NEGATING_STATUSES, STATUSES, type Status } from './vocabulary';

export interface Claim {
  quoteId: string;
  sourceId: string;
  /** How this quote presents the relation. */
  status: Status;
  /** Who makes the claim: the claim's own asserters, else its quote's speakers; empty when the source itself. */
  assertedBy: string[];
  /** For a denial or refutation: the quote (of the same relation) or relation it answers. */
  answers?: string;
}

export interface SourceVoice {
  sourceId: string;
  claims: Claim[];
  /** Distinct, firmest first. */
  statuses: Status[];
}

export interface Dispute {
  relationId: string;
  /** Claims that the relation holds (any status but denial and refuted). */
  affirming: Claim[];
  /** Denials and refutations, on the relation itself or on relations that answer it. */
  negating: Claim[];
}

const statusAtSlot = (model: Model, k: number, slot: number): number => {
  const s = model.data.relations.claimStatus[slot]!;
  return s === SAME_STATUS ? model.data.relations.status[k]! : s;
};

const isNegating = (status: number) => NEGATING_STATUSES.has(STATUSES[status]!);

function claimsAt(model: Model, k: number): Claim[] {
  const { data } = model;
  const ev = data.evidence;
  if (!ev) return [];
  const r = data.relations;
  const entityId = (e: number) => data.entities[e]!.id;
  const claims: Claim[] = [];
  for (let j = r.evidenceStart[k]!; j < r.evidenceStart[k + 1]!; j++) {
    const q = r.evidence[j]!;
    const own = r.claimAssertedBy.get(j);
    const joint = ev.quotes.speakers.get(q);
    const speaker = ev.quotes.speaker[q]!;
    const claim: Claim = {
      quoteId: data.quoteIds[q]!,
      sourceId: data.sources[ev.quotes.source[q]!]!.id,
      status: STATUSES[statusAtSlot(model, k, j)]!,
      assertedBy: Array.from(own ?? joint ?? (speaker >= 0 ? [speaker] : []), entityId),
    };
    const answers = r.claimAnswers.get(j);
    if (answers !== undefined) claim.answers = answers;
    claims.push(claim);
  }
  return claims;
}

/** The relation's claims, one per evidence quote in its order; [] until the evidence is loaded. */
export function claimsOf(model: Model, relationId: string): Claim[] {
  const k = model.index.relation.get(relationId);
  return k === undefined ? [] : claimsAt(model, k);
}

/** The relation's claims grouped by source, in the dataset's source order. */
export function voicesOf(model: Model, relationId: string): SourceVoice[] {
  const bySource = new Map<string, Claim[]>();
  for (const c of claimsOf(model, relationId)) {
    const list = bySource.get(c.sourceId);
    if (list) list.push(c);
    else bySource.set(c.sourceId, [c]);
  }
  return model.data.sources.flatMap(({ id }) => {
    const claims = bySource.get(id);
    if (!claims) return [];
    const statuses = STATUSES.filter((s) => claims.some((c) => c.status === s));
    return [{ sourceId: id, claims, statuses }];
  });
}

/** Independent sources the relation rests on: two quotes from one source are one source. 0 until the evidence is loaded. */
export function corroborationOf(model: Model, relationId: string): number {
  const k = model.index.relation.get(relationId);
  const ev = model.data.evidence;
  if (k === undefined || !ev) return 0;
  const r = model.data.relations;
  const seen = new Set<number>();
  for (let j = r.evidenceStart[k]!; j < r.evidenceStart[k + 1]!; j++)
    seen.add(ev.quotes.source[r.evidence[j]!]!);
  return seen.size;
}

/** Target relation index → indices of the relations that answer it; built once per model, on first use. */
const answerIndex = new WeakMap<Model, Map<number, number[]>>();

function answeringRelations(model: Model): Map<number, number[]> {
  let index = answerIndex.get(model);
  if (index) return index;
  index = new Map();
  const r = model.data.relations;
  const add = (target: string, k: number) => {
    const t = model.index.relation.get(target);
    if (t === undefined || t === k) return;
    const list = index!.get(t);
    if (!list) index!.set(t, [k]);
    else if (!list.includes(k)) list.push(k);
  };
  for (const [k, target] of r.answers) add(target, k);
  if (r.claimAnswers.size > 0) {
    // Slot to relation: evidenceStart is ascending, so a binary search finds the slot's relation.
    const relationOfSlot = (slot: number) => {
      let lo = 0;
      let hi = r.id.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (r.evidenceStart[mid]! <= slot) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    for (const [slot, target] of r.claimAnswers) add(target, relationOfSlot(slot));
  }
  for (const list of index.values()) list.sort((a, b) => a - b);
  answerIndex.set(model, index);
  return index;
}

/** Ids of the relations that answer this one (deny or refute it), in dataset order. */
export function answersTo(model: Model, relationId: string): string[] {
  const k = model.index.relation.get(relationId);
  if (k === undefined) return [];
  return (answeringRelations(model).get(k) ?? []).map((a) => model.data.relations.id[a]!);
}

/** Whether the relation carries claims that hold it and claims that negate it, or another relation answers it. */
function contestedAt(model: Model, k: number): boolean {
  if (answeringRelations(model).has(k)) return true;
  const r = model.data.relations;
  let affirming = false;
  let negating = false;
  for (let j = r.evidenceStart[k]!; j < r.evidenceStart[k + 1]!; j++) {
    if (isNegating(statusAtSlot(model, k, j))) negating = true;
    else affirming = true;
    if (affirming && negating) return true;
  }
  return false;
}

/** Read from the status columns: known before a compact dataset's evidence has arrived. */
export function isContested(model: Model, relationId: string): boolean {
  const k = model.index.relation.get(relationId);
  return k !== undefined && contestedAt(model, k);
}

/**
 * The relations on which sources (or the claims within one) disagree, in dataset order; with `sourceId`, those
 * where that source has a claim on either side. [] until the evidence is loaded.
 */
export function disputesOf(model: Model, sourceId?: string): Dispute[] {
  if (!model.data.evidence) return [];
  const r = model.data.relations;
  const answered = answeringRelations(model);
  const disputes: Dispute[] = [];
  for (let k = 0; k < r.id.length; k++) {
    if (!contestedAt(model, k)) continue;
    const affirming: Claim[] = [];
    const negating: Claim[] = [];
    for (const c of claimsAt(model, k)) (NEGATING_STATUSES.has(c.status) ? negating : affirming).push(c);
    for (const a of answered.get(k) ?? [])
      for (const c of claimsAt(model, a)) if (NEGATING_STATUSES.has(c.status)) negating.push(c);
    // A relation that only negates (a denial answering another) is part of that one's dispute, not one of its own.
    if (affirming.length === 0 || negating.length === 0) continue;
    if (sourceId !== undefined && !affirming.concat(negating).some((c) => c.sourceId === sourceId)) continue;
    disputes.push({ relationId: r.id[k]!, affirming, negating });
  }
  return disputes;
}

/** What one source says across the dataset: the relations it speaks to, and its claims by status. */
export interface SourceTally {
  sourceId: string;
  relations: number;
  claims: Record<Status, number>;
}

/**
 * Each source's share of the dataset, in source order, and how many relations rest on two sources or more and
 * how many are contested: the counts a dataset's notes give. One pass over the columns; [] sources until the
 * evidence is loaded.
 */
export function sourceTallies(model: Model): {
  sources: SourceTally[];
  corroborated: number;
  contested: number;
} {
  const { data } = model;
  const r = data.relations;
  const ev = data.evidence;
  const tallies = data.sources.map((s): SourceTally => ({
    sourceId: s.id,
    relations: 0,
    claims: Object.fromEntries(STATUSES.map((st) => [st, 0])) as Record<Status, number>,
  }));
  let corroborated = 0;
  let contested = 0;
  const seen = new Set<number>();
  for (let k = 0; k < r.id.length; k++) {
    if (contestedAt(model, k)) contested++;
    if (!ev) continue;
    seen.clear();
    for (let j = r.evidenceStart[k]!; j < r.evidenceStart[k + 1]!; j++) {
      const s = ev.quotes.source[r.evidence[j]!]!;
      tallies[s]!.claims[STATUSES[statusAtSlot(model, k, j)]!]++;
      if (!seen.has(s)) tallies[s]!.relations++;
      seen.add(s);
    }
    if (seen.size > 1) corroborated++;
  }
  return { sources: ev ? tallies : [], corroborated, contested };
}
