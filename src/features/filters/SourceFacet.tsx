/** Who says it: which sources speak ("what does the report say?"), how many must agree, and contested only. */
import type { FacetCounts } from '../../model/analysis/facet-counts';
import type { Filters } from '../../model/core/filters';
import type { Model } from '../../model/core/model';
import { sourceLook } from '../../model/style/source-palette';
import { onlySource, setContestedOnly, setMinSources, toggleSource } from './filter-edits';

/** A longer list of sources folds away, as relation types do: a large dataset has dozens. */
const FOLD_PAST = 6;
/** Minimums offered; agreement among more sources than this is rare enough to leave to a link. */
const MAX_MINIMUM = 10;

interface Props {
  model: Model;
  filters: Filters;
  counts: FacetCounts;
  onChange(f: Filters): void;
}

export function SourceFacet({ model, filters, counts, onChange }: Props) {
  const sources = model.data.sources;
  const ids = sources.map((s) => s.id);
  const several = sources.length > 1;
  const hidden = filters.hiddenSources ?? new Set<string>();
  const min = filters.minSources ?? 1;
  const list = (
    <ul className="facet-list">
      {sources.map((s, i) => {
        const count = counts.sources.get(s.id) ?? 0;
        return (
          <li key={s.id} className="source-row">
            <label className={`facet-row${count === 0 ? ' is-empty' : ''}`}>
              <input
                type="checkbox"
                checked={!hidden.has(s.id)}
                onChange={() => onChange(toggleSource(filters, s.id))}
              />
              <span
                className="source-swatch"
                style={{ background: sourceLook(i).swatch }}
                aria-hidden="true"
              />
              <span className="facet-label" title={s.title}>
                {s.title}
              </span>
              <span className="count">{count}</span>
            </label>
            <button
              type="button"
              className="link only"
              aria-label={`Only ${s.title}`}
              title={`What does ${s.title} say? Hide what only the other sources state`}
              onClick={() => onChange(onlySource(filters, ids, s.id))}
            >
              only
            </button>
          </li>
        );
      })}
    </ul>
  );
  return (
    <section className="facet" aria-labelledby="facet-sources" data-testid="source-facet">
      <h3 id="facet-sources">Sources</h3>
      {several && (
        <>
          <div className="presets" role="group" aria-label="Source presets">
            <button
              type="button"
              aria-pressed={hidden.size === 0}
              title="Every source speaks; each relation keeps the dataset's status"
              onClick={() => onChange(onlySource(filters, ids, null))}
            >
              All sources
            </button>
          </div>
          {sources.length > FOLD_PAST ? (
            <details className="source-fold">
              <summary>
                {hidden.size > 0
                  ? `${hidden.size} of ${sources.length} set aside`
                  : `${sources.length} sources`}
              </summary>
              {list}
            </details>
          ) : (
            list
          )}
          <label className="min-sources">
            At least{' '}
            <select
              aria-label="Minimum independent sources"
              value={min}
              onChange={(e) => onChange(setMinSources(filters, Number(e.target.value)))}
            >
              {Array.from({ length: Math.min(sources.length, MAX_MINIMUM) }, (_, i) => (
                <option key={i} value={i + 1}>
                  {i + 1}
                </option>
              ))}
            </select>{' '}
            independent {min === 1 ? 'source' : 'sources'}
          </label>
        </>
      )}
      <label className="facet-row contested-only">
        <input
          type="checkbox"
          checked={filters.contestedOnly === true}
          onChange={(e) => onChange(setContestedOnly(filters, e.target.checked))}
        />
        <span className="facet-label">Contested only</span>
      </label>
      <p className="hint muted">
        {several ? 'With a source set aside, each relation shows the status the shown sources give it. ' : ''}
        Contested: affirmed and denied or refuted.
      </p>
    </section>
  );
}
