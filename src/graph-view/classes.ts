/**
 * Classes set by difference. Cytoscape restyles every element an addClass, removeClass or toggleClass
 * names, whether or not its classes change; the controllers cleared and set their classes on the whole
 * graph at every step, so adding fifty nodes restyled and re-measured all the hundreds already drawn.
 */
import type { Collection, EdgeCollection, NodeCollection } from 'cytoscape';

type Elements = Collection | NodeCollection | EdgeCollection;

/** Gives `cls` to exactly the elements of `scope` in `on`, touching only those that gain or lose it. */
export function setClass(scope: Elements, cls: string, on: Elements): void {
  const has = scope.filter(`.${cls}`);
  const wanted = scope.intersection(on);
  has.difference(wanted).removeClass(cls);
  wanted.difference(has).addClass(cls);
}
