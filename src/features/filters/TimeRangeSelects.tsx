/**
 * The time filter as a year and a month at each end: the keyboard way to do what brushing the timeline does.
 * It shows the period as the store holds it ("Jun–Aug 2016") and edits only the picker changed
 * (period-edit.ts), so a month or a day brushed on the timeline survives an edit here.
 */
import { MONTH_NAMES, rangeWords } from '../../model/analysis/timeline-zoom';
import type { Filters } from '../../model/core/filters';
import { setTimeRange } from './filter-edits';
import { editPeriod, periodEnd, type PeriodPick, type PeriodSide } from './period-edit';

interface Props {
  filters: Filters;
  /** Whole years the timeline spans; the last year is domain.end - 1. */
  domain: { start: number; end: number };
  onChange(f: Filters): void;
}

export function TimeRangeSelects({ filters, domain, onChange }: Props) {
  const range = filters.timeRange;
  const ends = { from: range ? periodEnd(range.from) : null, to: range ? periodEnd(range.to) : null };
  // The domain's years, and a period's own when a link set one outside them: the pickers show what is held.
  const years = new Set<number>();
  for (let y = domain.start; y < domain.end; y++) years.add(y);
  if (ends.from) years.add(ends.from.year);
  if (ends.to) years.add(ends.to.year);
  const yearList = [...years].sort((a, b) => a - b);
  const edit = (side: PeriodSide, pick: PeriodPick) =>
    onChange(setTimeRange(filters, editPeriod(range, side, pick, domain)));
  const pickers = (side: PeriodSide, name: string) => {
    const end = ends[side];
    return (
      <>
        <select
          aria-label={`${name} year`}
          value={end?.year ?? ''}
          onChange={(e) => edit(side, { year: e.target.value === '' ? null : Number(e.target.value) })}
        >
          <option value="">any</option>
          {yearList.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <select
          aria-label={`${name} month`}
          value={end?.month ?? ''}
          disabled={!end}
          onChange={(e) => edit(side, { month: Number(e.target.value) })}
        >
          {!end && <option value="">–</option>}
          {MONTH_NAMES.map((m, i) => (
            <option key={m} value={i + 1}>
              {m}
            </option>
          ))}
        </select>
      </>
    );
  };
  return (
    <section className="facet" aria-labelledby="facet-time">
      <h3 id="facet-time">Time</h3>
      <p className="time-period" data-testid="time-period">
        {range ? rangeWords(range) : <span className="muted">Any time</span>}
      </p>
      <div className="time-range">
        <span aria-hidden="true">From</span>
        {pickers('from', 'From')}
        <button
          type="button"
          className="link"
          disabled={!range}
          onClick={() => onChange(setTimeRange(filters, null))}
        >
          clear
        </button>
        <span aria-hidden="true">to</span>
        {pickers('to', 'To')}
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
