/** Relation types, most common first, folded away by default because a dataset can define dozens. */
import type { FacetCounts } from '../../model/analysis/facet-counts';
import type { Filters } from '../../model/core/filters';
import type { Model } from '../../model/core/model';
import { FacetRow } from './FacetRow';
import { showOnly, toggleHidden } from './filter-edits';

interface Props {
  model: Model;
  filters: Filters;
  counts: FacetCounts;
  onChange(f: Filters): void;
}

export function RelationTypeFacet({ model, filters, counts, onChange }: Props) {
  const types = model.data.relationTypes
    .map((t) => ({ id: t.id, label: t.label, count: counts.relationTypes.get(t.id) ?? 0 }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const ids = types.map((t) => t.id);
  const hidden = filters.hiddenRelationTypes.size;
  return (
    <details className="facet facet-fold">
      <summary>
        <h3>Relation types</h3>
        <span className="muted">{hidden > 0 ? `${hidden} of ${ids.length} hidden` : `${ids.length}`}</span>
      </summary>
      <div className="presets">
        <button type="button" onClick={() => onChange(showOnly(filters, 'hiddenRelationTypes', ids, ids))}>
          Show all
        </button>
        <button type="button" onClick={() => onChange(showOnly(filters, 'hiddenRelationTypes', ids, []))}>
          Hide all
        </button>
      </div>
      <ul className="facet-list">
        {types.map((t) => (
          <FacetRow
            key={t.id}
            label={t.label}
            count={t.count}
            shown={!filters.hiddenRelationTypes.has(t.id)}
            onToggle={() => onChange(toggleHidden(filters, 'hiddenRelationTypes', t.id))}
          />
        ))}
      </ul>
    </details>
  );
}
