/** Inspector for a relation: the sentence, its status and date, and every quote that backs it. */
import { StatusBadge } from '../../components/StatusBadge';
import { dateLabel } from '../../components/date-label';
import type { Model } from '../../model/core/model';
import { evidenceFor, relationSentence } from '../../model/core/queries';
import { useActions, useThreadline } from '../../store/context';
import { selectDrawing } from '../../store/selectors';
import { EvidenceItem } from './EvidenceItem';

export function RelationPanel({ model, id }: { model: Model; id: string }) {
  const relation = model.relations.get(id)!;
  const type = model.relationTypes.get(relation.type);
  const { selectEntity, selectPair } = useActions();
  const bundledWith = useThreadline((s) => selectDrawing(s).groupOf.get(id)?.relations.length ?? 0);
  // Subscribed so the quotes show when a compact dataset's evidence arrives.
  useThreadline((s) => s.evidenceVersion);
  const date = dateLabel(relation.date);
  const evidence = evidenceFor(model, id);
  return (
    <section className="relation-panel" aria-labelledby="inspector-title">
      <p className="muted kicker">Relation · {type?.label ?? relation.type}</p>
      <h2 id="inspector-title">{relationSentence(model, relation)}</h2>
      <p className="relation-facts">
        <StatusBadge status={relation.status} />
        {date && <span className="date">{date}</span>}
      </p>
      {relation.note && <p className="description">{relation.note}</p>}
      <div className="actions" role="group" aria-label="Ends">
        {[relation.source, relation.target].map((e) => (
          <button type="button" key={e} className="link" onClick={() => selectEntity(e)}>
            {model.entities.get(e)?.name ?? e}
          </button>
        ))}
      </div>
      {bundledWith > 1 && (
        <p className="bundle-note">
          Drawn as one edge with {bundledWith - 1} other relations between them.{' '}
          <button type="button" className="link" onClick={() => selectPair(relation.source, relation.target)}>
            List all {bundledWith}
          </button>
        </p>
      )}
      <h3>
        Evidence <span className="count">{relation.evidence.length}</span>
      </h3>
      {!model.data.evidence && (
        <p className="muted" role="status" data-testid="evidence-loading">
          Loading the quotes of this dataset…
        </p>
      )}
      <ul className="evidence-list" id="evidence-list" tabIndex={-1}>
        {evidence.map((ev) => (
          <EvidenceItem key={ev.quote.id} evidence={ev} />
        ))}
      </ul>
    </section>
  );
}
