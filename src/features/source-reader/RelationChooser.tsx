/**
 * The relations one highlighted passage backs, to pick the one to select; opens under the highlight and
 * closes on Escape, on a press outside it, or when the text scrolls away from it.
 */
import { useEffect, useRef } from 'react';
import { StatusBadge } from '../../components/StatusBadge';
import type { Model } from '../../model/core/model';
import { relationSentence } from '../../model/core/queries';
import './source-reader.css';

export interface ChooserAnchor {
  /** The highlight's box in the viewport, to open beside it. */
  left: number;
  top: number;
  bottom: number;
}

interface Props {
  model: Model;
  relationIds: readonly string[];
  /** The relation selected now (e.g. the one "Show in source" came from): marked, and focused first. */
  currentId: string | null;
  anchor: ChooserAnchor;
  onPick(relationId: string): void;
  onClose(): void;
}

const WIDTH = 340;
const GAP = 6;

export function RelationChooser({ model, relationIds, currentId, anchor, onPick, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = ref.current;
    (box?.querySelector<HTMLElement>('[aria-current="true"]') ?? box?.querySelector('button'))?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    const onDown = (e: PointerEvent) => {
      if (!box?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown);
    };
  }, [onClose]);

  // Under the highlight, kept inside the window; above it when there is no room below.
  const left = Math.max(8, Math.min(anchor.left, window.innerWidth - WIDTH - 8));
  const below = anchor.bottom + GAP;
  const roomBelow = window.innerHeight - below;
  const place = roomBelow >= 160 ? { top: below } : { bottom: window.innerHeight - anchor.top + GAP };

  return (
    <div
      ref={ref}
      className="reader-chooser"
      style={{ left, width: WIDTH, ...place }}
      role="dialog"
      aria-label="Relations this quote backs"
      data-testid="reader-chooser"
      onKeyDown={(e) => {
        // Handled here so the explorer's own Escape (clear the selection) does not also fire.
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose();
      }}
    >
      <p className="reader-chooser-head muted">This passage backs {relationIds.length} relations</p>
      <ul>
        {relationIds.map((id) => {
          const r = model.relations.get(id);
          if (!r) return null;
          const current = id === currentId;
          return (
            <li key={id}>
              <button
                type="button"
                className="reader-chooser-item"
                data-relation-id={id}
                aria-current={current ? 'true' : undefined}
                onClick={() => onPick(id)}
              >
                <span>
                  {relationSentence(model, r)}
                  {current && <span className="muted"> (selected)</span>}
                </span>
                <StatusBadge status={r.status} />
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
