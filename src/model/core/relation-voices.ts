/**
 * A relation's sources as the filters read them: each evidence slot's source and status, its corroboration
 * and whether it is contested. Read from the columns, each part only when asked: the filters ask this of every
 * relation of a large dataset on each change, so it builds no claim records (claims.ts does, for the panels).
 */
import { isContested } from './claims';
import type { RelationVoices } from './filters';
import type { Model } from './model';
import { SAME_STATUS } from './model-data';
import { STATUSES } from './vocabulary';

/** Visits the distinct sources (by index) of the relation at column index `k`; none before the evidence. */
export function forEachSourceAt(model: Model, k: number, visit: (source: number) => void): void {
  const ev = model.data.evidence;
  if (!ev) return;
  const r = model.data.relations;
  const start = r.evidenceStart[k]!;
  const end = r.evidenceStart[k + 1]!;
  for (let j = start; j < end; j++) {
    const source = ev.quotes.source[r.evidence[j]!]!;
    // Evidence lists are short: looking back beats a set here.
    let again = false;
    for (let i = start; i < j && !again; i++) again = ev.quotes.source[r.evidence[i]!]! === source;
    if (!again) visit(source);
  }
}

export function voicesAt(model: Model, k: number): RelationVoices {
  const { data } = model;
  const r = data.relations;
  return {
    eachClaim(visit) {
      // Until a compact dataset's evidence arrives, no quote names its source.
      const ev = data.evidence;
      if (!ev) return;
      for (let j = r.evidenceStart[k]!; j < r.evidenceStart[k + 1]!; j++) {
        const status = r.claimStatus[j]!;
        visit(
          data.sources[ev.quotes.source[r.evidence[j]!]!]!.id,
          STATUSES[status === SAME_STATUS ? r.status[k]! : status]!,
        );
      }
    },
    corroboration() {
      let n = 0;
      forEachSourceAt(model, k, () => n++);
      return n;
    },
    contested: () => isContested(model, r.id[k]!),
  };
}
