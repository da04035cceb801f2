/** What one source says of a relation: its statuses, who asserts it, its date, and the quotes behind it. */
import type { CSSProperties } from 'react';
import { StatusBadge } from '../../components/StatusBadge';
import type { SourceVoice as Voice } from '../../model/core/claims';
import type { Model } from '../../model/core/model';
import type { Evidence } from '../../model/core/queries';
import { sourceLook } from '../../model/style/source-palette';
import { EvidenceItem } from './EvidenceItem';
import { assertersOf } from './asserters';

interface Props {
  model: Model;
  voice: Voice;
  /** The relation's evidence by quote id, as the model gives it. */
  evidence: ReadonlyMap<string, Evidence>;
}

export function SourceVoice({ model, voice, evidence }: Props) {
  const index = model.index.source.get(voice.sourceId) ?? 0;
  // The source's description, without its text (which a compact dataset loads later).
  const source = model.data.sources[index];
  const look = sourceLook(index);
  const names = assertersOf(model, voice.claims);
  const several = voice.statuses.length > 1;
  return (
    <section
      className="voice"
      data-source-id={voice.sourceId}
      aria-label={source?.title ?? voice.sourceId}
      style={
        { '--mark': look.mark, '--mark-strong': look.strong, '--source-swatch': look.swatch } as CSSProperties
      }
    >
      <header className="voice-head">
        <span className="source-swatch" aria-hidden="true" />
        <span className="voice-title">
          {source?.title ?? voice.sourceId}
          <span className="voice-source muted">
            {[source?.publisher, source?.date ?? 'date unknown'].filter(Boolean).join(' · ')}
          </span>
        </span>
      </header>
      <p className="voice-facts">
        {voice.statuses.map((s) => (
          <StatusBadge key={s} status={s} />
        ))}
        {names.length > 0 && <span className="voice-by">by {names.join(', ')}</span>}
      </p>
      <ul className="evidence-list">
        {voice.claims.map((claim) => {
          const ev = evidence.get(claim.quoteId);
          if (!ev) return null;
          return (
            <EvidenceItem key={claim.quoteId} evidence={ev} status={several ? claim.status : undefined} />
          );
        })}
      </ul>
    </section>
  );
}
