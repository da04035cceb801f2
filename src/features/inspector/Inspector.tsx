/** The right-hand panel: the selected entity or relation, or a summary of the dataset. */
import { useActions, useThreadline } from '../../store/context';
import { EntityPanel } from './EntityPanel';
import { PairPanel } from './PairPanel';
import { RelationPanel } from './RelationPanel';

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
              ? `${onServer.entities.toLocaleString('en')} entities · ${onServer.relations.toLocaleString('en')} relations on the server, of which ${model.entities.size} entities and ${model.relations.size} relations are loaded`
              : `${model.entities.size} entities · ${model.relations.size} relations · ${model.quotes.size} quotes`}
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
