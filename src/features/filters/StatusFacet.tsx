/** Statuses: presets for the common readings ("facts only", "no opinions") and one checkbox per status. */
import { StatusBadge } from '../../components/StatusBadge';
import type { FacetCounts } from '../../model/analysis/facet-counts';
import type { Filters } from '../../model/core/filters';
import { STATUSES, type Status } from '../../model/core/vocabulary';
import { showOnly, statusesFrom, toggleHidden } from './filter-edits';

const PRESETS: Array<{ label: string; title: string; apply(f: Filters): Filters }> = [
  {
    label: 'All',
    title: 'Show every status',
    apply: (f) => showOnly(f, 'hiddenStatuses', STATUSES, STATUSES),
  },
  {
    label: 'Facts only',
    title: 'Only what the source states as fact',
    apply: (f) => statusesFrom(f, 'fact'),
  },
  {
    label: 'Fact + reported',
    title: 'What the source states or reports',
    apply: (f) => statusesFrom(f, 'reported'),
  },
  {
    label: 'No opinions',
    title: "Hide the author's opinions",
    apply: (f) =>
      showOnly(
        f,
        'hiddenStatuses',
        STATUSES,
        STATUSES.filter((s) => s !== 'opinion'),
      ),
  },
];

const same = (a: ReadonlySet<Status>, b: ReadonlySet<Status>) =>
  a.size === b.size && [...a].every((s) => b.has(s));

export function StatusFacet({
  filters,
  counts,
  onChange,
}: {
  filters: Filters;
  counts: FacetCounts;
  onChange(f: Filters): void;
}) {
  return (
    <section className="facet" aria-labelledby="facet-status">
      <h3 id="facet-status">Status</h3>
      <div className="presets" role="group" aria-label="Status presets">
        {PRESETS.map((p) => (
          <button
            key={p.label}
            type="button"
            title={p.title}
            aria-pressed={same(p.apply(filters).hiddenStatuses, filters.hiddenStatuses)}
            onClick={() => onChange(p.apply(filters))}
          >
            {p.label}
          </button>
        ))}
      </div>
      <ul className="facet-list">
        {STATUSES.map((s) => (
          <li key={s}>
            <label className={`facet-row${(counts.statuses.get(s) ?? 0) === 0 ? ' is-empty' : ''}`}>
              <input
                type="checkbox"
                checked={!filters.hiddenStatuses.has(s)}
                onChange={() => onChange(toggleHidden(filters, 'hiddenStatuses', s))}
              />
              <StatusBadge status={s} />
              <span className="count">{counts.statuses.get(s) ?? 0}</span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
