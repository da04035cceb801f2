/** The progress of a dataset load: one bar over the whole load and the four steps it goes through. */
import type { LoadProgress as Progress } from '../../data/load-bundle';
import { LOAD_STEPS } from '../../data/load-protocol';
import './load-progress.css';

export function LoadProgress({ progress, label }: { progress: Progress; label: string }) {
  const percent = Math.round(progress.fraction * 100);
  const current = LOAD_STEPS.indexOf(progress.step);
  return (
    <div className="load-progress">
      <div
        className="load-progress-bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${progress.step}, ${percent}%`}
      >
        <div className="load-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <ol className="load-progress-steps">
        {LOAD_STEPS.map((step, i) => (
          <li
            key={step}
            className={i < current ? 'done' : i === current ? 'current' : undefined}
            aria-current={i === current ? 'step' : undefined}
          >
            {step}
          </li>
        ))}
      </ol>
    </div>
  );
}
