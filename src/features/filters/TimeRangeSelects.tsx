/** The time filter as two year pickers: the keyboard way to do what brushing the timeline does. */
import type { Filters } from '../../model/core/filters';
import { setTimeRange } from './filter-edits';

interface Props {
  filters: Filters;
  /** Whole years the timeline spans; the last year is domain.end - 1. */
  domain: { start: number; end: number };
  onChange(f: Filters): void;
}

export function TimeRangeSelects({ filters, domain, onChange }: Props) {
  const years: number[] = [];
  for (let y = domain.start; y < domain.end; y++) years.push(y);
  const range = filters.timeRange;
  const from = range ? Number(range.from.slice(0, 4)) : null;
  const to = range ? Number(range.to.slice(0, 4)) : null;
  const commit = (a: number | null, b: number | null) => {
    if (a === null && b === null) return onChange(setTimeRange(filters, null));
    const lo = a ?? domain.start;
    const hi = Math.max(lo, b ?? domain.end - 1);
    onChange(setTimeRange(filters, { from: `${lo}-01-01`, to: `${hi}-12-31` }));
  };
  const pick = (value: string) => (value === '' ? null : Number(value));
  return (
    <section className="facet" aria-labelledby="facet-time">
      <h3 id="facet-time">Time</h3>
      <div className="time-range">
        <label>
          From{' '}
          <select value={from ?? ''} onChange={(e) => commit(pick(e.target.value), to)}>
            <option value="">any</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          to{' '}
          <select value={to ?? ''} onChange={(e) => commit(from, pick(e.target.value))}>
            <option value="">any</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="link" disabled={!range} onClick={() => commit(null, null)}>
          clear
        </button>
      </div>
      <label className="time-undated">
        <input
          type="checkbox"
          checked={filters.hideUndated === true}
          onChange={(e) => onChange({ ...filters, hideUndated: e.target.checked })}
        />{' '}
        Hide undated relations while a period is set
      </label>
      <p className="hint muted">Or drag across the timeline.</p>
    </section>
  );
}
