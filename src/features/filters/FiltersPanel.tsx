/** The filters panel: statuses, time, entity and relation types with live counts, and the display options. */
import { useMemo, useRef } from 'react';
import './filters.css';
import { EntityIcon } from '../../components/EntityIcon';
import { ENTITY_LOOKS } from '../../model/style/entity-style';
import { facetCounts } from '../../model/analysis/facet-counts';
import { axisDomain } from '../../model/analysis/timeline';
import { NO_FILTERS, isFiltering } from '../../model/core/filters';
import { ENTITY_TYPES } from '../../model/core/vocabulary';
import { useReturnFocus } from '../../components/use-return-focus';
import { useActions, useThreadline } from '../../store/context';
import { DisplayOptionsForm } from './DisplayOptionsForm';
import { FacetRow } from './FacetRow';
import { toggleHidden } from './filter-edits';
import { RelationTypeFacet } from './RelationTypeFacet';
import { SourceFacet } from './SourceFacet';
import { StatusFacet } from './StatusFacet';
import { TimeRangeSelects } from './TimeRangeSelects';

export function FiltersPanel() {
  const panel = useRef<HTMLElement>(null);
  useReturnFocus(panel);
  const model = useThreadline((s) => s.model);
  const filters = useThreadline((s) => s.filters);
  // A server dataset's counts, facets and dates are those of what was fetched; the panel says so.
  const scopeNote = useThreadline((s) => s.source.scopeNote);
  const { setFilters, setSidePanel } = useActions();
  const counts = useMemo(() => (model ? facetCounts(model, filters) : null), [model, filters]);
  // Gathered while the model was built: opening the panel does not walk every dated record.
  const domain = useMemo(() => (model ? axisDomain(model.dates.min, model.dates.max) : null), [model]);
  if (!model || !counts) return null;
  const types = ENTITY_TYPES.filter((t) => model.data.entities.some((e) => e.type === t));
  return (
    <aside ref={panel} className="side-panel filters-panel" aria-label="Filters" data-testid="filters-panel">
      <header className="side-head">
        <h2>Filters</h2>
        <button
          type="button"
          className="link"
          disabled={!isFiltering(filters)}
          onClick={() => setFilters(NO_FILTERS)}
        >
          Reset all
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Close filters"
          onClick={() => setSidePanel(null)}
        >
          ×
        </button>
      </header>
      {scopeNote && <p className="muted scope-note">{scopeNote}</p>}
      <p className="filter-summary" aria-live="polite">
        <strong>{counts.passing.entities}</strong> of {counts.total.entities} entities and{' '}
        <strong>{counts.passing.relations}</strong> of {counts.total.relations} relations pass. Search still
        finds the rest.
      </p>
      <StatusFacet filters={filters} counts={counts} onChange={setFilters} />
      <SourceFacet model={model} filters={filters} counts={counts} onChange={setFilters} />
      {domain && <TimeRangeSelects filters={filters} domain={domain} onChange={setFilters} />}
      <section className="facet" aria-labelledby="facet-types">
        <h3 id="facet-types">Entity types</h3>
        <ul className="facet-list">
          {types.map((t) => (
            <FacetRow
              key={t}
              label={ENTITY_LOOKS[t].label}
              icon={<EntityIcon type={t} size={14} />}
              count={counts.entityTypes.get(t) ?? 0}
              shown={!filters.hiddenEntityTypes.has(t)}
              onToggle={() => setFilters(toggleHidden(filters, 'hiddenEntityTypes', t))}
            />
          ))}
        </ul>
      </section>
      <RelationTypeFacet model={model} filters={filters} counts={counts} onChange={setFilters} />
      <DisplayOptionsForm />
    </aside>
  );
}
