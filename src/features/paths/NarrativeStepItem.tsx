/** One step of a path explanation: the sentence with its status badge, the quote it rests on, and any further relations. */
import { StatusBadge } from '../../components/StatusBadge';
import { stepSentence, type NarrativeStep } from '../../model/analysis/path-narrative';
import type { Model } from '../../model/core/model';
import { relationSentence } from '../../model/core/queries';
import { useActions } from '../../store/context';

export function NarrativeStepItem({ model, step }: { model: Model; step: NarrativeStep }) {
  const { selectRelation, openReader } = useActions();
  const ev = step.evidence;
  return (
    <li className="narrative-step" data-relation-id={step.relation.id}>
      <div className="step-line">
        <button type="button" className="link step-sentence" onClick={() => selectRelation(step.relation.id)}>
          {stepSentence(step)}
        </button>
        <StatusBadge status={step.relation.status} />
      </div>
      {ev && (
        <figure className="step-evidence">
          <blockquote className="step-quote" data-quote-id={ev.quote.id}>
            “{ev.quote.exact}”
          </blockquote>
          <figcaption className="muted">
            {ev.speaker ? `${ev.speaker.name}, in ` : ''}
            <button type="button" className="link" onClick={() => openReader(ev.source.id, ev.quote.id)}>
              {ev.source.publisher ?? ev.source.title}
            </button>
          </figcaption>
        </figure>
      )}
      {step.others.length > 0 && (
        <details className="step-others">
          <summary>
            +{step.others.length} more relation{step.others.length === 1 ? '' : 's'} between them
          </summary>
          <ul>
            {step.others.map((r) => (
              <li key={r.id}>
                <button type="button" className="link" onClick={() => selectRelation(r.id)}>
                  {relationSentence(model, r)}
                </button>{' '}
                <StatusBadge status={r.status} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
