/** The relations this source takes part in disputing or being disputed on, each opening the relation. */
import { useMemo } from 'react';
import { disputesOf } from '../../model/core/claims';
import type { Model } from '../../model/core/model';
import { relationSentence } from '../../model/core/queries';
import { voicesSentence } from '../../model/core/relation-wording';
import { useThreadline } from '../../store/context';

interface Props {
  model: Model;
  sourceId: string;
  /** Selects the relation and shows this source's quote of it, when it has one. */
  onOpen(relationId: string, quoteId: string | undefined): void;
}

export function Disputes({ model, sourceId, onOpen }: Props) {
  // Claims name their sources through the quotes: a compact dataset's arrive after its model.
  const evidenceVersion = useThreadline((s) => s.evidenceVersion);
  const disputes = useMemo(
    () => disputesOf(model, sourceId),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [model, sourceId, evidenceVersion],
  );
  const selected = useThreadline((s) => (s.selection?.kind === 'relation' ? s.selection.id : null));
  return (
    <details className="reader-disputes" data-testid="reader-disputes">
      <summary>
        Where the sources disagree <span className="count">{disputes.length}</span>
      </summary>
      {disputes.length === 0 ? (
        <p className="muted">No relation this source states is disputed.</p>
      ) : (
        <ul>
          {disputes.map((d) => {
            const relation = model.relations.get(d.relationId);
            if (!relation) return null;
            const own = [...d.affirming, ...d.negating].find((c) => c.sourceId === sourceId);
            return (
              <li key={d.relationId}>
                <button
                  type="button"
                  className="dispute-item"
                  aria-current={selected === d.relationId ? 'true' : undefined}
                  onClick={() => onOpen(d.relationId, own?.quoteId)}
                >
                  <span className="dispute-relation">{relationSentence(model, relation)}</span>
                  <span className="dispute-voices muted">{voicesSentence(model, relation)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </details>
  );
}
