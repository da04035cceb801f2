/** Top-bar toggles for the side panel: Filters (with how many are active) and Connect. */
import { useActions, useThreadline } from '../../store/context';
import { activeFilterCount } from './filter-edits';

export function AnalysisButtons() {
  const panel = useThreadline((s) => s.sidePanel);
  const active = useThreadline((s) => activeFilterCount(s.filters));
  const { setSidePanel } = useActions();
  const toggle = (p: 'filters' | 'paths') => setSidePanel(panel === p ? null : p);
  return (
    <>
      <button
        type="button"
        aria-pressed={panel === 'filters'}
        onClick={() => toggle('filters')}
        title="Filter by status, type and time; size nodes by importance"
      >
        Filters{active > 0 && <span className="count filter-count">{active}</span>}
      </button>
      <button
        type="button"
        aria-pressed={panel === 'paths'}
        onClick={() => toggle('paths')}
        title="Find how two entities are connected"
      >
        Connect
      </button>
    </>
  );
}
