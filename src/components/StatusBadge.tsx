/** A relation's status as a badge, explained on hover and to screen readers. */
import { STATUS_EXPLANATIONS, type Status } from '../model/core/vocabulary';
import { STATUS_LOOKS } from '../model/style/entity-style';

export function StatusBadge({ status }: { status: Status }) {
  const look = STATUS_LOOKS[status];
  return (
    <span
      className={`status-badge status-${status}`}
      style={{ borderColor: look.color, color: look.color }}
      title={STATUS_EXPLANATIONS[status]}
      aria-label={`Status: ${look.label}. ${STATUS_EXPLANATIONS[status]}`}
    >
      {look.label}
    </span>
  );
}
