/** Shown instead of the explorer when a dataset cannot be loaded: its problems, where they are (the first 200). */
import { formatProblem, PRINTED_PROBLEMS as SHOWN, type Problem } from '../model/format/problems';

export function ErrorScreen({
  title,
  problems,
  total,
}: {
  title: string;
  problems: Problem[];
  total?: number;
}) {
  const errors = problems.filter((p) => p.severity === 'error');
  const count = Math.max(total ?? 0, errors.length);
  const shown = errors.slice(0, SHOWN);
  return (
    <main className="error-screen" role="alert">
      <h1>{title}</h1>
      <p>
        {count.toLocaleString('en')} problem{count === 1 ? '' : 's'} must be fixed before this dataset can be
        explored{count > shown.length ? ` (the first ${shown.length} are listed)` : ''}:
      </p>
      <ol className="problem-list">
        {shown.map((p, i) => (
          <li key={i}>
            <code>{formatProblem(p)}</code>
          </li>
        ))}
      </ol>
      {count > shown.length && (
        <p>
          … and {(count - shown.length).toLocaleString('en')} more; <code>npm run validate</code> lists them
          by kind.
        </p>
      )}
    </main>
  );
}
