/** The connection finder: two entities, the options, and the paths between them explained step by step. */
import { useRef, useState } from 'react';
import './paths.css';
import { DEFAULT_PATH_OPTIONS } from '../../model/analysis/paths';
import { isFiltering } from '../../model/core/filters';
import { useReturnFocus } from '../../components/use-return-focus';
import { useActions, useThreadline } from '../../store/context';
import { activeFilterCount } from '../filters/filter-edits';
import { EntityPicker } from './EntityPicker';
import { PathOptionsForm, type PathKnobs } from './PathOptionsForm';
import { PathResults } from './PathResults';
import { usePathSearch } from './use-path-search';

// The finder always searches under the store's filters, so its own knobs leave them out.
const { filters: _ignored, ...DEFAULT_KNOBS } = DEFAULT_PATH_OPTIONS;

export function PathsPanel() {
  const panel = useRef<HTMLElement>(null);
  useReturnFocus(panel);
  const model = useThreadline((s) => s.model);
  const { from, to } = useThreadline((s) => s.connect);
  const filters = useThreadline((s) => s.filters);
  const { setConnect, setSidePanel } = useActions();
  const [knobs, setKnobs] = useState<PathKnobs>(DEFAULT_KNOBS);
  const search = usePathSearch(model, from, to, knobs, filters);
  if (!model) return null;
  return (
    <aside
      ref={panel}
      className="side-panel paths-panel"
      aria-label="Connection finder"
      data-testid="paths-panel"
    >
      <header className="side-head">
        <h2>Connect</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close the connection finder"
          onClick={() => setSidePanel(null)}
        >
          ×
        </button>
      </header>
      <p className="hint muted">
        Shortest chains of relations between two entities, each step with how every source presents it.
      </p>
      <div className="pickers">
        <EntityPicker
          label="From"
          value={from}
          onChange={(id) => setConnect({ from: id })}
          autoFocus={!from}
        />
        <button
          type="button"
          className="icon-button swap"
          aria-label="Swap the two ends"
          title="Swap"
          disabled={!from && !to}
          onClick={() => setConnect({ from: to, to: from })}
        >
          ⇅
        </button>
        <EntityPicker
          label="To"
          value={to}
          onChange={(id) => setConnect({ to: id })}
          autoFocus={!!from && !to}
        />
      </div>
      <PathOptionsForm value={knobs} onChange={setKnobs} />
      {isFiltering(filters) && (
        <p className="hint">
          Respecting {activeFilterCount(filters)} active filter{activeFilterCount(filters) === 1 ? '' : 's'}.
        </p>
      )}
      {from && to && (
        <PathResults
          model={model}
          search={search}
          ends={[from, to]}
          maxLength={knobs.maxLength}
          onLonger={(n) => setKnobs({ ...knobs, maxLength: n })}
        />
      )}
    </aside>
  );
}
