/**
 * What one timeline mark or "+N" marker holds, to pick one: the relations of a grouped mark, or the entities
 * and relations of bars gathered for want of room. Opens above the strip; closes on Escape or outside click.
 */
import { useEffect, useRef } from 'react';
import { StatusBadge } from '../../components/StatusBadge';
import type { Model } from '../../model/core/model';
import { relationSentence } from '../../model/core/queries';
import { markWhen } from './describe-date';
import type { PlacedMark } from './timeline-layout';

export interface PickList {
  /** The dialog's name: "Relations dated July 2018", "12 more events, 2015–2017". */
  name: string;
  /** Its first line: "3 relations · July 2018". */
  head: string;
  marks: readonly PlacedMark[];
}

export interface Picked {
  kind: 'entity' | 'relation';
  id: string;
}

interface Props {
  model: Model;
  list: PickList;
  left: number;
  onPick(picked: Picked): void;
  onClose(): void;
}

export function PickPopover({ model, list, left, onPick, onClose }: Props) {
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
  // One group's relations need no date each; bars gathered from a span do.
  const dated = list.marks.length > 1;
  return (
    <div
      ref={ref}
      className="tl-popover"
      style={{ left }}
      role="dialog"
      aria-label={list.name}
      // Inside the plot, a press would otherwise start a brush.
      onPointerDown={(e) => e.stopPropagation()}
    >
      <p className="tl-popover-head muted">{list.head}</p>
      <ul>
        {list.marks.flatMap((mark) =>
          mark.kind === 'entity'
            ? [
                <li key={`e:${mark.key}`}>
                  <button
                    type="button"
                    className="tl-popover-item"
                    onClick={() => onPick({ kind: 'entity', id: mark.key })}
                  >
                    <span>{mark.label}</span>
                    {dated && !mark.label.includes(markWhen(model, mark)) && (
                      <span className="tl-popover-date muted">{markWhen(model, mark)}</span>
                    )}
                  </button>
                </li>,
              ]
            : mark.ids.map((id) => {
                const r = model.relations.get(id);
                if (!r) return null;
                return (
                  <li key={`r:${id}`}>
                    <button
                      type="button"
                      className="tl-popover-item"
                      onClick={() => onPick({ kind: 'relation', id })}
                    >
                      <span>
                        {relationSentence(model, r)}
                        {dated && <span className="tl-popover-date muted"> · {markWhen(model, mark)}</span>}
                      </span>
                      <StatusBadge status={r.status} />
                    </button>
                  </li>
                );
              }),
        )}
      </ul>
    </div>
  );
}
