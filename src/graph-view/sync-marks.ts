/** Shows which entities are marked for acting on together and which are pinned, by classes only. */
import type { Core } from 'cytoscape';
import { drawnFrom } from '../store/selectors';
import type { ThreadlineStore } from '../store/store';
import { watch } from '../store/watch';
import { setClass } from './classes';

export function bindMarks(cy: Core, store: ThreadlineStore): () => void {
  const apply = () => {
    const { marked, pinned } = store.getState();
    const entities = cy.nodes('[kind = "entity"]');
    cy.batch(() => {
      setClass(
        entities,
        'is-marked',
        entities.filter((n) => marked.has(n.id())),
      );
      setClass(
        entities,
        'is-pinned',
        entities.filter((n) => pinned.has(n.id())),
      );
    });
  };
  apply();
  return watch(store, (s) => [s.marked, s.pinned, ...drawnFrom(s)], apply);
}
