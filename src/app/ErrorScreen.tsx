/** Shown instead of the explorer when a dataset cannot be loaded: every problem, where it is. */
import { formatProblem, type Problem } from '../model/format/problems';

export function ErrorScreen({ title, problems }: { title: string; problems: Problem[] }) {
  const errors = problems.filter((p) => p.severity === 'error');
  return (
    <main className="error-screen" role="alert">
      <h1>{title}</h1>
      <p>
        {errors.length} problem{errors.length === 1 ? '' : 's'} must be fixed before this dataset can be
        explored:
      </p>
      <ol className="problem-list">
        {errors.map((p, i) => (
          <li key={i}>
            <code>{formatProblem(p)}</code>
          </li>
        ))}
      </ol>
    </main>
  );
}
