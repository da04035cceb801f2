/**
 * A contested relation's two sides next to each other: who affirms it and who denies or refutes it, in which
 * source ("Alleged by the dossier — denied by Donald Trump"), with the relations that answer it as links.
 */
import { StatusBadge } from '../../components/StatusBadge';
import type { Claim } from '../../model/core/claims';
import type { Model } from '../../model/core/model';
import { relationSentence } from '../../model/core/queries';
import { useActions } from '../../store/context';

const NEGATING = new Set(['denial', 'refuted']);

function Side({ model, title, claims }: { model: Model; title: string; claims: readonly Claim[] }) {
  const sourceTitle = (id: string) => model.data.sources[model.index.source.get(id) ?? -1]?.title ?? id;
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
              <span>
                {c.assertedBy.length > 0
                  ? `by ${c.assertedBy.map((id) => model.entities.get(id)?.name ?? id).join(', ')}`
                  : 'by the author'}
              </span>{' '}
              <span className="muted">in {sourceTitle(c.sourceId)}</span>
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
  const affirming = claims.filter((c) => !NEGATING.has(c.status));
  const negating = claims.filter((c) => NEGATING.has(c.status));
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
