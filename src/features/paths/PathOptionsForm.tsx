/** The connection finder's knobs: how long, how many, how firm every step must be, and whether to avoid hubs. */
import { STATUS_LOOKS } from '../../model/style/entity-style';
import type { PathOptions } from '../../model/analysis/paths';
import { STATUSES, type Status } from '../../model/core/vocabulary';

export type PathKnobs = Omit<PathOptions, 'filters'>;

/** The hub threshold offered first: around a tenth of a small dataset's relations. */
const DEFAULT_HUB_DEGREE = 20;

/** "Fact only", "Fact or reported", then "Claim or firmer" and so on down STATUSES. */
const floorLabel = (s: Status) => {
  const i = STATUSES.indexOf(s);
  if (i === 0) return `${STATUS_LOOKS[s].label} only`;
  if (i === 1) return `${STATUS_LOOKS[STATUSES[0]].label} or ${STATUS_LOOKS[s].label.toLowerCase()}`;
  return `${STATUS_LOOKS[s].label} or firmer`;
};

export function PathOptionsForm({ value, onChange }: { value: PathKnobs; onChange(v: PathKnobs): void }) {
  return (
    <fieldset className="path-options">
      <legend className="visually-hidden">Path options</legend>
      <label>
        Up to{' '}
        <select
          value={value.maxLength}
          onChange={(e) => onChange({ ...value, maxLength: Number(e.target.value) })}
        >
          {[1, 2, 3, 4, 5, 6].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>{' '}
        steps,{' '}
        <select
          value={value.maxPaths}
          onChange={(e) => onChange({ ...value, maxPaths: Number(e.target.value) })}
        >
          {[1, 3, 5, 10, 20].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>{' '}
        paths at most
      </label>
      <label title="A step counts when at least one source presents it this firmly, whatever the others say">
        Every step:{' '}
        <select
          aria-label="Weakest status allowed on every step"
          value={value.weakestStatus ?? ''}
          onChange={(e) => onChange({ ...value, weakestStatus: (e.target.value || null) as Status | null })}
        >
          <option value="">any status</option>
          {STATUSES.slice(0, -1).map((s) => (
            <option key={s} value={s}>
              {floorLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={value.maxHubDegree !== null}
          onChange={(e) => onChange({ ...value, maxHubDegree: e.target.checked ? DEFAULT_HUB_DEGREE : null })}
        />{' '}
        Avoid passing through hubs with more than{' '}
        <input
          type="number"
          className="hub-degree"
          aria-label="Hub threshold: number of relations"
          min={1}
          value={value.maxHubDegree ?? DEFAULT_HUB_DEGREE}
          disabled={value.maxHubDegree === null}
          onChange={(e) => onChange({ ...value, maxHubDegree: Math.max(1, Number(e.target.value) || 1) })}
        />{' '}
        relations
      </label>
    </fieldset>
  );
}
