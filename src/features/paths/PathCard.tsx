/** One found path: a one-line summary with its actions (show in graph, copy with citations) and, unfolded, its narrative. */
import { narratePath } from '../../model/analysis/path-narrative';
import type { FoundPath } from '../../model/analysis/paths';
import type { Model } from '../../model/core/model';
import { NarrativeStepItem } from './NarrativeStepItem';

interface Props {
  model: Model;
  path: FoundPath;
  index: number;
  expanded: boolean;
  highlighted: boolean;
  onToggle(): void;
  onShow(): void;
  onCopy(): void;
}

export function PathCard({ model, path, index, expanded, highlighted, onToggle, onShow, onCopy }: Props) {
  const steps = narratePath(model, path);
  const via = path.entityIds
    .slice(1, -1)
    .map((id) => model.entities.get(id)?.name ?? id)
    .join(' → ');
  const headId = `path-${index}-head`;
  return (
    <li className={`path-card${highlighted ? ' is-highlighted' : ''}`} data-path={path.entityIds.join('>')}>
      <div className="path-head">
        <button type="button" className="path-toggle" aria-expanded={expanded} id={headId} onClick={onToggle}>
          <span className="path-number">{index + 1}</span>
          <span className="path-summary">
            <strong>
              {path.steps.length} step{path.steps.length === 1 ? '' : 's'}
            </strong>
            {via ? ` via ${via}` : ' (directly related)'}
          </span>
        </button>
        <button
          type="button"
          aria-pressed={highlighted}
          onClick={onShow}
          title="Add this path to the graph and highlight it"
        >
          {highlighted ? 'Shown' : 'Show'}
        </button>
        <button type="button" onClick={onCopy} title="Copy the path as text, with its quotes and sources">
          Copy
        </button>
      </div>
      {expanded && (
        <ol className="narrative" aria-labelledby={headId}>
          {steps.map((s) => (
            <NarrativeStepItem key={`${s.from.id}>${s.to.id}`} model={model} step={s} />
          ))}
        </ol>
      )}
    </li>
  );
}
