/**
 * Acting on several entities at once: shown over the canvas while entities are marked (Shift/Ctrl-click or
 * a box) or box mode is on. Every action is one undoable step.
 */
import { useMemo } from 'react';
import { ENTITY_TYPES, STATUSES, type EntityType, type Status } from '../../model/core/vocabulary';
import { ENTITY_LOOKS, STATUS_LOOKS } from '../../model/style/entity-style';
import { useActions, useThreadline } from '../../store/context';
import './selection.css';

export function SelectionBar() {
  const marked = useThreadline((s) => s.marked);
  const visible = useThreadline((s) => s.view.visible);
  const pinned = useThreadline((s) => s.pinned);
  const boxMode = useThreadline((s) => s.boxMode);
  const a = useActions();
  const ids = useMemo(() => [...marked].filter((id) => visible.has(id)), [marked, visible]);
  const allPinned = ids.length > 0 && ids.every((id) => pinned.has(id));

  const pickAll = (value: string) => {
    const [kind, name] = value.split(':') as ['type' | 'status', string];
    if (kind === 'type') a.markAll({ type: name as EntityType });
    else if (kind === 'status') a.markAll({ status: name as Status });
  };

  return (
    <div className="selection-bar" role="toolbar" aria-label="Selected entities">
      <button
        type="button"
        aria-pressed={boxMode}
        onClick={() => a.setBoxMode(!boxMode)}
        title="Drag on the canvas to select the entities in a box (or hold Shift while dragging)"
      >
        Select area
      </button>
      <select
        className="selection-all"
        value=""
        onChange={(e) => pickAll(e.target.value)}
        aria-label="Select all of a type or status"
      >
        <option value="">Select all…</option>
        <optgroup label="Entity type">
          {ENTITY_TYPES.map((t) => (
            <option key={t} value={`type:${t}`}>
              {ENTITY_LOOKS[t].label}
            </option>
          ))}
        </optgroup>
        <optgroup label="Relation status">
          {STATUSES.map((s) => (
            <option key={s} value={`status:${s}`}>
              {STATUS_LOOKS[s].label}
            </option>
          ))}
        </optgroup>
      </select>
      <button type="button" onClick={a.clearView} title="Empty the canvas, to build a view entity by entity">
        Clear canvas
      </button>
      {ids.length > 0 && (
        <>
          <span className="selection-count" aria-live="polite">
            {ids.length} selected
          </span>
          <button type="button" onClick={() => a.keepOnly(ids)}>
            Keep only
          </button>
          <button type="button" onClick={() => a.hide(ids)}>
            Hide
          </button>
          <button type="button" onClick={() => a.expandAll(ids)}>
            Expand
          </button>
          <button type="button" onClick={() => a.collapseAll(ids)}>
            Collapse
          </button>
          <button type="button" onClick={() => (allPinned ? a.unpin(ids) : a.pin(ids))}>
            {allPinned ? 'Unpin' : 'Pin'}
          </button>
          <button
            type="button"
            className="selection-clear"
            onClick={a.clearMarks}
            aria-label="Clear selection"
          >
            ×
          </button>
        </>
      )}
    </div>
  );
}
