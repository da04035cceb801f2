/** Lists why a file could not be opened (file:line pointer code message), over the untouched view, until dismissed. */
import { useEffect, useRef } from 'react';
import { formatProblem, PRINTED_PROBLEMS, type Problem } from '../../model/format/problems';

export function ProblemsDialog({
  title,
  problems,
  onClose,
}: {
  title: string;
  problems: Problem[];
  onClose(): void;
}) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeButton.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const errors = problems.filter((p) => p.severity === 'error');
  const shown = errors.length > 0 ? errors : problems;
  return (
    <div
      className="open-problems"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="open-problems-title"
    >
      <div className="open-problems-head">
        <h2 id="open-problems-title">{title}</h2>
        <button
          ref={closeButton}
          type="button"
          className="icon-button"
          aria-label="Dismiss"
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <p>
        {shown.length} problem{shown.length === 1 ? '' : 's'} found. The current view is unchanged.
      </p>
      <ol className="problem-list">
        {shown.slice(0, PRINTED_PROBLEMS).map((p, i) => (
          <li key={i}>
            <code>{formatProblem(p)}</code>
          </li>
        ))}
      </ol>
      {shown.length > PRINTED_PROBLEMS && (
        <p className="muted">…and {shown.length - PRINTED_PROBLEMS} more.</p>
      )}
    </div>
  );
}
