/** The right-hand panel: the selected entity or relation, or a summary of the dataset. */
import { useActions, useThreadline } from '../../store/context';
import { EntityPanel } from './EntityPanel';
import { PairPanel } from './PairPanel';
import { RelationPanel } from './RelationPanel';
import { counted } from '../../lib/counted';

export function Inspector() {
  const model = useThreadline((s) => s.model);
  const selection = useThreadline((s) => s.selection);
  const onServer = useThreadline((s) => s.source.datasets.find((d) => d.id === s.model?.dataset.id));
  const { showDefault } = useActions();
  if (!model) return null;
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector">
      {selection?.kind === 'entity' && model.entities.has(selection.id) && (
        <EntityPanel model={model} id={selection.id} />
      )}
      {selection?.kind === 'relation' && model.relations.has(selection.id) && (
        <RelationPanel model={model} id={selection.id} />
      )}
      {selection?.kind === 'pair' && <PairPanel model={model} id={selection.id} />}
      {!selection && (
        <section className="summary">
          <h2>{model.dataset.title}</h2>
          {model.dataset.description && <p className="description">{model.dataset.description}</p>}
          <p className="muted">
            {onServer
              ? `${counted(onServer.entities, 'entity', 'entities')} · ${counted(onServer.relations, 'relation')} on the server, of which ${counted(model.entities.size, 'entity', 'entities')} and ${counted(model.relations.size, 'relation')} are loaded`
              : `${counted(model.entities.size, 'entity', 'entities')} · ${counted(model.relations.size, 'relation')} · ${counted(model.quotes.size, 'quote')}`}
          </p>
          <p>
            Search for an entity, click a node to inspect it, double-click to expand it, or click an edge to
            read the quote behind it.
          </p>
          <button type="button" onClick={showDefault}>
            Reset view
          </button>
        </section>
      )}
    </aside>
  );
}
