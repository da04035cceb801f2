/** How nodes are drawn: size by connections or PageRank, colour by type or Louvain community. */
import { useActions, useThreadline } from '../../store/context';
import type { DisplayOptions } from '../../store/analysis-state';

const SIZES: Array<{ value: DisplayOptions['nodeSize']; label: string; title: string }> = [
  { value: 'uniform', label: 'Same', title: 'Every node the same size' },
  { value: 'degree', label: 'Connections', title: 'Size by the number of relations' },
  { value: 'pagerank', label: 'PageRank', title: 'Size by PageRank: connected to well-connected entities' },
];
const COLOURS: Array<{ value: DisplayOptions['colour']; label: string; title: string }> = [
  { value: 'type', label: 'Type', title: 'Colour by entity type' },
  {
    value: 'community',
    label: 'Community',
    title: 'Colour by Louvain community: groups more linked to each other',
  },
];

export function DisplayOptionsForm() {
  const display = useThreadline((s) => s.display);
  const { setDisplay } = useActions();
  return (
    <section className="facet" aria-labelledby="facet-display">
      <h3 id="facet-display">Display</h3>
      <div className="display-row" role="group" aria-label="Node size">
        <span className="muted">Size</span>
        {SIZES.map((o) => (
          <button
            key={o.value}
            type="button"
            title={o.title}
            aria-pressed={display.nodeSize === o.value}
            onClick={() => setDisplay({ nodeSize: o.value })}
          >
            {o.label}
          </button>
        ))}
      </div>
      <div className="display-row" role="group" aria-label="Node colour">
        <span className="muted">Colour</span>
        {COLOURS.map((o) => (
          <button
            key={o.value}
            type="button"
            title={o.title}
            aria-pressed={display.colour === o.value}
            onClick={() => setDisplay({ colour: o.value })}
          >
            {o.label}
          </button>
        ))}
      </div>
      {display.colour === 'community' && (
        <p className="hint muted">Colours now show communities; shapes and icons still show entity types.</p>
      )}
    </section>
  );
}
