/** The finder's answer: the paths as cards, or why there are none and what to change. */
import { useState } from 'react';
import { pathAsText } from '../../model/analysis/path-narrative';
import type { FoundPath, PathSearchResult } from '../../model/analysis/paths';
import type { Model } from '../../model/core/model';
import { useActions, useThreadline } from '../../store/context';
import { copyText } from './copy-text';
import { PathCard } from './PathCard';
import type { PathSearch } from './use-path-search';

const samePath = (a: readonly string[] | undefined, b: readonly string[]) =>
  a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);

function whyNone(model: Model, result: PathSearchResult, ends: [string, string], maxLength: number): string {
  const name = (id: string) => model.entities.get(id)?.name ?? id;
  switch (result.reason) {
    case 'same-entity':
      return 'Pick two different entities.';
    case 'unknown-entity':
      return 'One of the two entities is not in this dataset.';
    case 'endpoint-filtered':
      return `${name(ends[0])} or ${name(ends[1])} is hidden by the active filters.`;
    case 'too-far':
      return `No connection within ${maxLength} steps; the shortest one takes ${result.shortestLength}.`;
    case 'cut-by-options':
      return 'The active filters or options cut every connection between them. Loosen them to see paths.';
    default:
      return `${name(ends[0])} and ${name(ends[1])} are not connected in this dataset.`;
  }
}

interface Props {
  model: Model;
  search: PathSearch;
  ends: [string, string];
  maxLength: number;
  onLonger(steps: number): void;
}

export function PathResults({ model, search, ends, maxLength, onLonger }: Props) {
  const highlighted = useThreadline((s) => s.highlightedPath);
  const { addEntities, highlightPath, notify } = useActions();
  const [expanded, setExpanded] = useState<number | null>(0);
  if (search.state === 'idle') return null;
  if (search.state === 'searching') return <p className="muted">Searching…</p>;
  if (search.state === 'failed') return <p className="notice-error">The search failed: {search.error}</p>;
  const { result } = search;
  if (result.paths.length === 0)
    return (
      <div className="path-none" role="status">
        <p>{whyNone(model, result, ends, maxLength)}</p>
        {result.reason === 'too-far' && result.shortestLength !== undefined && (
          <button type="button" onClick={() => onLonger(result.shortestLength!)}>
            Allow {result.shortestLength} steps
          </button>
        )}
      </div>
    );
  const show = (path: FoundPath) => {
    if (samePath(highlighted?.entityIds, path.entityIds)) return highlightPath(null);
    addEntities(path.entityIds);
    highlightPath({ entityIds: path.entityIds, relationIds: path.steps.map((s) => s.relationIds[0]!) });
  };
  const copy = (path: FoundPath) =>
    copyText(pathAsText(model, path)).then(
      () => notify('info', 'Path copied with its quotes and sources.'),
      (err: unknown) => notify('error', `Could not copy: ${String(err)}`),
    );
  const shortest = result.paths[0]!.steps.length;
  return (
    <section className="path-results" aria-label="Paths found">
      <p className="path-count muted" role="status">
        {result.paths.length} path{result.paths.length === 1 ? '' : 's'}, shortest {shortest} step
        {shortest === 1 ? '' : 's'}
        {result.more ? ' (more exist: raise the limit)' : ''}
        {highlighted && (
          <>
            {' · '}
            <button type="button" className="link" onClick={() => highlightPath(null)}>
              clear highlight
            </button>
          </>
        )}
      </p>
      <ol className="path-list">
        {result.paths.map((p, i) => (
          <PathCard
            key={p.entityIds.join('>')}
            model={model}
            path={p}
            index={i}
            expanded={expanded === i}
            highlighted={samePath(highlighted?.entityIds, p.entityIds)}
            onToggle={() => setExpanded(expanded === i ? null : i)}
            onShow={() => show(p)}
            onCopy={() => void copy(p)}
          />
        ))}
      </ol>
    </section>
  );
}
