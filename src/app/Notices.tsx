/** Notices (unknown ids, partial restores, failed opens), announced politely to screen readers; how they stack and fade is src/store/notices.ts; they wait while the pointer or focus is on them. */
import { useActions, useThreadline } from '../store/context';

export function Notices() {
  const notices = useThreadline((s) => s.notices);
  const { dismissNotice, holdNotices } = useActions();
  return (
    <div
      className="notices"
      role="status"
      aria-live="polite"
      onPointerEnter={() => holdNotices(true)}
      onPointerLeave={() => holdNotices(false)}
      onFocus={() => holdNotices(true)}
      onBlur={() => holdNotices(false)}
    >
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`}>
          <span>
            {n.text}
            {n.count > 1 && <span className="notice-count"> (×{n.count})</span>}
          </span>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss notice"
            onClick={() => dismissNotice(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
