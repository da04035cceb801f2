/** A sentence of the loom accepted: the step that makes it a relation, or more evidence for the pair's. */
import type { Draft } from './draft';
import { addEvidence, addQuote, cite, type OpResult } from './draft-ops';
import type { LoomCandidate } from './loom';
import { selectorFor } from './selector';
import { speakerFor } from './draft-ops-speaker';

/** The step that turns a candidate into evidence: more for the pair's relation, or a new relation. */
export function acceptCandidate(draft: Draft, c: LoomCandidate): OpResult {
  const text = draft.texts[c.sourceId] ?? '';
  const speaker = c.proposal.speakerId ?? speakerFor(c.proposal.speakerName, draft.entities);
  const quote = { source: c.sourceId, ...selectorFor(text, c.sentence), ...(speaker ? { speaker } : {}) };
  if (c.existingRelation) {
    const q = addQuote(draft, quote);
    return q.ok ? addEvidence(q.draft, c.existingRelation, q.id) : q;
  }
  if (!c.proposedType)
    return {
      ok: false,
      error: 'no relation type of the draft fits these two; cite the sentence from the reader to define one',
    };
  const date = c.proposal.dates[0]?.date;
  return cite(
    draft,
    { source: c.a, target: c.b, type: c.proposedType, status: c.proposal.status, ...(date ? { date } : {}) },
    quote,
  );
}
