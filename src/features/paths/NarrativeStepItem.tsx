/**
 * One step of a path explanation: the sentence with its status badge, how each source presents it, every quote it
 * rests on with its status and asserter, and any further relations.
 */
import { StatusBadge } from '../../components/StatusBadge';
import { claimAttribution, stepSentence, type NarrativeStep } from '../../model/analysis/path-narrative';
import type { Model } from '../../model/core/model';
import { relationSentence } from '../../model/core/queries';
import { useActions } from '../../store/context';

export function NarrativeStepItem({ model, step }: { model: Model; step: NarrativeStep }) {
  const { selectRelation, openReader } = useActions();
  return (
    <li className="narrative-step" data-relation-id={step.relation.id}>
      <div className="step-line">
        <button type="button" className="link step-sentence" onClick={() => selectRelation(step.relation.id)}>
          {stepSentence(step)}
        </button>
        <StatusBadge status={step.relation.status} />
      </div>
      {step.voicesText && <p className="step-voices muted">{step.voicesText}</p>}
      {step.voices.map((voice) =>
        voice.claims.map((c) => (
          <figure
            key={c.claim.quoteId}
            className="step-evidence"
            data-source-id={voice.source.id}
            data-status={c.claim.status}
          >
            <blockquote className="step-quote" data-quote-id={c.evidence.quote.id}>
              “{c.evidence.quote.exact}”
            </blockquote>
            <figcaption className="muted">
              {claimAttribution(c)}, in{' '}
              <button
                type="button"
                className="link"
                onClick={() => openReader(voice.source.id, c.evidence.quote.id)}
              >
                {voice.source.publisher ?? voice.source.title}
              </button>
            </figcaption>
          </figure>
        )),
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
