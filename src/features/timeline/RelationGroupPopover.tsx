/** The relations behind one grouped timeline mark, to pick one; opens above the strip and closes on Escape or outside click. */
import { useEffect, useRef } from 'react';
import { StatusBadge } from '../../components/StatusBadge';
import type { Model } from '../../model/core/model';
import { relationSentence } from '../../model/core/queries';
import type { Mark } from './timeline-layout';

interface Props {
  model: Model;
  mark: Mark;
  left: number;
  onPick(relationId: string): void;
  onClose(): void;
}

export function RelationGroupPopover({ model, mark, left, onPick, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onDown);
    };
  }, [onClose]);
  return (
    <div
      ref={ref}
      className="tl-popover"
      style={{ left }}
      role="dialog"
      aria-label={`Relations dated ${mark.date.label}`}
      // Inside the plot, a press would otherwise start a brush.
      onPointerDown={(e) => e.stopPropagation()}
    >
      <p className="tl-popover-head muted">
        {mark.ids.length} relations · {mark.date.label}
      </p>
      <ul>
        {mark.ids.map((id) => {
          const r = model.relations.get(id);
          if (!r) return null;
          return (
            <li key={id}>
              <button type="button" className="tl-popover-item" onClick={() => onPick(id)}>
                <span>{relationSentence(model, r)}</span>
                <StatusBadge status={r.status} />
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
