/**
 * Inspector for a relation: the sentence, its status and date, who says it across the sources, the two sides
 * of a dispute, and every quote that backs it, grouped by source.
 */
import { useMemo } from 'react';
import { StatusBadge } from '../../components/StatusBadge';
import { dateLabel } from '../../components/date-label';
import { answersTo, claimsOf, isContested, voicesOf } from '../../model/core/claims';
import type { Model } from '../../model/core/model';
import { evidenceFor, relationSentence } from '../../model/core/queries';
import { voicesSentence } from '../../model/core/relation-wording';
import { useActions, useThreadline } from '../../store/context';
import { selectDrawing } from '../../store/selectors';
import { DisputeView } from './DisputeView';
import { SourceVoice } from './SourceVoice';
import './inspector.css';

export function RelationPanel({ model, id }: { model: Model; id: string }) {
  const relation = model.relations.get(id)!;
  const type = model.relationTypes.get(relation.type);
  const { selectEntity, selectPair, selectRelation } = useActions();
  const bundledWith = useThreadline((s) => selectDrawing(s).groupOf.get(id)?.relations.length ?? 0);
  // Subscribed so the quotes show when a compact dataset's evidence arrives.
  const evidenceVersion = useThreadline((s) => s.evidenceVersion);
  const date = dateLabel(relation.date);
  const { evidence, voices, claims, contested, answeredBy } = useMemo(
    () => ({
      evidence: new Map(evidenceFor(model, id).map((ev) => [ev.quote.id, ev])),
      voices: voicesOf(model, id),
      claims: claimsOf(model, id),
      contested: isContested(model, id),
      answeredBy: answersTo(model, id),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [model, id, evidenceVersion],
  );
  const answered = relation.answers ? model.relations.get(relation.answers) : undefined;
  return (
    <section className="relation-panel" aria-labelledby="inspector-title">
      <p className="muted kicker">Relation · {type?.label ?? relation.type}</p>
      <h2 id="inspector-title">{relationSentence(model, relation)}</h2>
      <p className="relation-facts">
        <StatusBadge status={relation.status} />
        {date && <span className="date">{date}</span>}
        {contested && (
          <span className="contested-badge" title="Affirmed and denied or refuted">
            Contested
          </span>
        )}
      </p>
      {voices.length > 0 && (voices.length > 1 || contested) && (
        <p className="voices-summary" data-testid="voices-summary">
          {voicesSentence(model, relation)}
        </p>
      )}
      {relation.note && <p className="description">{relation.note}</p>}
      <div className="actions" role="group" aria-label="Ends">
        {[relation.source, relation.target].map((e) => (
          <button type="button" key={e} className="link" onClick={() => selectEntity(e)}>
            {model.entities.get(e)?.name ?? e}
          </button>
        ))}
      </div>
      {answered && (
        <p className="answers-note">
          Answers{' '}
          <button type="button" className="link" onClick={() => selectRelation(answered.id)}>
            {relationSentence(model, answered)}
          </button>
        </p>
      )}
      {bundledWith > 1 && (
        <p className="bundle-note">
          Drawn as one edge with {bundledWith - 1} other relations between them.{' '}
          <button type="button" className="link" onClick={() => selectPair(relation.source, relation.target)}>
            List all {bundledWith}
          </button>
        </p>
      )}
      {(contested || answeredBy.length > 0) && (
        <DisputeView model={model} claims={claims} answeredBy={answeredBy} />
      )}
      <h3>
        Evidence <span className="count">{relation.evidence.length}</span>
        {voices.length > 1 && (
          <span className="muted voices-count"> · {voices.length} independent sources</span>
        )}
      </h3>
      {!model.data.evidence && (
        <p className="muted" role="status" data-testid="evidence-loading">
          Loading the quotes of this dataset…
        </p>
      )}
      <div className="evidence-list" id="evidence-list" tabIndex={-1}>
        {voices.map((v) => (
          <SourceVoice key={v.sourceId} model={model} voice={v} evidence={evidence} />
        ))}
      </div>
    </section>
  );
}
