/**
 * A contested relation's two sides next to each other: who affirms it and who denies or refutes it, in which
 * source ("Alleged by the dossier — denied by Donald Trump"), with the relations that answer it as links.
 */
import { StatusBadge } from '../../components/StatusBadge';
import { claimsOf, type Claim } from '../../model/core/claims';
import type { Model } from '../../model/core/model';
import { relationSentence } from '../../model/core/queries';
import { sourceVoiceName } from '../../model/core/relation-wording';
import { NEGATING_STATUSES } from '../../model/core/vocabulary';
import { useActions } from '../../store/context';

function Side({ model, title, claims }: { model: Model; title: string; claims: readonly Claim[] }) {
  return (
    <div className="dispute-side">
      <h4>{title}</h4>
      {claims.length === 0 ? (
        <p className="muted">—</p>
      ) : (
        <ul>
          {claims.map((c) => (
            <li key={c.quoteId}>
              <StatusBadge status={c.status} />{' '}
              <span className="dispute-voice">
                {c.assertedBy.length > 0
                  ? `by ${c.assertedBy.map((id) => model.entities.get(id)?.name ?? id).join(' and ')}`
                  : `by ${sourceVoiceName(model, c.sourceId)}`}
              </span>
              {c.assertedBy.length > 0 && (
                <span className="muted"> · {sourceVoiceName(model, c.sourceId)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface Props {
  model: Model;
  claims: readonly Claim[];
  /** Relations that answer this one (a denial of it recorded as a relation of its own). */
  answeredBy: readonly string[];
}

export function DisputeView({ model, claims, answeredBy }: Props) {
  const { selectRelation } = useActions();
  const affirming = claims.filter((c) => !NEGATING_STATUSES.has(c.status));
  // A relation that answers this one (a denial recorded on its own) denies it too.
  const negating = claims
    .concat(answeredBy.flatMap((id) => claimsOf(model, id)))
    .filter((c) => NEGATING_STATUSES.has(c.status));
  return (
    <section className="dispute" aria-label="Dispute" data-testid="dispute">
      <div className="dispute-sides">
        <Side model={model} title="Affirmed" claims={affirming} />
        <Side model={model} title="Denied or refuted" claims={negating} />
      </div>
      {answeredBy.length > 0 && (
        <ul className="dispute-answers" aria-label="Answered by">
          {answeredBy.map((id) => {
            const r = model.relations.get(id);
            return (
              r && (
                <li key={id}>
                  Answered by{' '}
                  <button type="button" className="link" onClick={() => selectRelation(id)}>
                    {relationSentence(model, r)}
                  </button>
                </li>
              )
            );
          })}
        </ul>
      )}
    </section>
  );
}
