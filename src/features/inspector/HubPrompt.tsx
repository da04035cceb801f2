/** Asked before expanding a hub: add one relation type, the top N by importance, or everything. */
import { useMemo, useState } from 'react';
import type { Model } from '../../model/core/model';
import { relationTypeCounts } from '../../model/core/queries';
import { useActions, useThreadline } from '../../store/context';

export function HubPrompt({ model, id, count }: { model: Model; id: string; count: number }) {
  const { expand, dismissHubPrompt } = useActions();
  // A server dataset knows every relation of the hub; the model holds only the pages fetched.
  const source = useThreadline((s) => s.source);
  const known = useMemo(() => source.relationCounts(id), [source, id]);
  const types = useMemo(() => known ?? relationTypeCounts(model, id), [known, model, id]);
  // The neighbours counted here are those of the pages fetched; the server's total is its relations.
  const total = known ? known.reduce((n, t) => n + t.count, 0) : count;
  const [top, setTop] = useState(20);
  return (
    <div className="hub-prompt" role="alertdialog" aria-label="Large expansion">
      {/* Some of the server's relations may join entities already shown: it says what it has, not what is added. */}
      <p>
        {known ? (
          <>
            It has <strong>{total}</strong> relations on the server. Choose what to show:
          </>
        ) : (
          <>
            <strong>{total}</strong> neighbours would be added. Choose what to show:
          </>
        )}
      </p>
      <ul>
        {types.map((t) => (
          <li key={t.type}>
            <button type="button" className="link" onClick={() => expand(id, { relationType: t.type })}>
              {model.relationTypes.get(t.type)?.label ?? t.type} ({t.count})
            </button>
          </li>
        ))}
      </ul>
      <div className="actions">
        <label>
          Top{' '}
          <input
            type="number"
            min={1}
            max={count}
            value={top}
            onChange={(e) => setTop(Math.max(1, Number(e.target.value) || 1))}
          />
        </label>
        <button type="button" onClick={() => expand(id, { limit: top })}>
          Add top {top}
        </button>
        <button type="button" onClick={() => expand(id, { force: true })}>
          Add all {count}
        </button>
        <button type="button" className="link" onClick={dismissHubPrompt}>
          Cancel
        </button>
      </div>
      <p className="muted">
        {Math.max(0, total - top)} more stay hidden if you add the top {top}.
      </p>
    </div>
  );
}
