/** How the graph is drawn: node size by connections or PageRank, colour by type or Louvain community, parallel relations bundled or apart. */
import { BUNDLE_AT } from '../../model/core/parallel-relations';
import { useActions, useThreadline } from '../../store/context';
import type { DisplayOptions } from '../../store/analysis-state';

const SIZES: Array<Choice<DisplayOptions['nodeSize']>> = [
  { value: 'uniform', label: 'Same', title: 'Every node the same size' },
  { value: 'degree', label: 'Connections', title: 'Size by the number of relations' },
  { value: 'pagerank', label: 'PageRank', title: 'Size by PageRank: connected to well-connected entities' },
];
const COLOURS: Array<Choice<DisplayOptions['colour']>> = [
  { value: 'type', label: 'Type', title: 'Colour by entity type' },
  {
    value: 'community',
    label: 'Community',
    title: 'Colour by Louvain community: groups more linked to each other',
  },
];

const PARALLEL: Array<Choice<DisplayOptions['parallel']>> = [
  {
    value: 'bundle',
    label: 'One edge',
    title: `${BUNDLE_AT} or more relations between two entities drawn as one edge with a count`,
  },
  { value: 'separate', label: 'Apart', title: 'Every relation drawn as its own edge' },
];

interface Choice<V> {
  value: V;
  label: string;
  title: string;
}

/** One row of mutually exclusive choices, shown as pressed/unpressed buttons. */
function ChoiceRow<V extends string>(props: {
  name: string;
  label: string;
  choices: Array<Choice<V>>;
  value: V;
  onChoose: (value: V) => void;
}) {
  return (
    <div className="display-row" role="group" aria-label={props.name}>
      <span className="muted">{props.label}</span>
      {props.choices.map((o) => (
        <button
          key={o.value}
          type="button"
          title={o.title}
          aria-pressed={props.value === o.value}
          onClick={() => props.onChoose(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

export function DisplayOptionsForm() {
  const display = useThreadline((s) => s.display);
  const { setDisplay } = useActions();
  return (
    <section className="facet" aria-labelledby="facet-display">
      <h3 id="facet-display">Display</h3>
      <ChoiceRow
        name="Node size"
        label="Size"
        choices={SIZES}
        value={display.nodeSize}
        onChoose={(nodeSize) => setDisplay({ nodeSize })}
      />
      <ChoiceRow
        name="Node colour"
        label="Colour"
        choices={COLOURS}
        value={display.colour}
        onChoose={(colour) => setDisplay({ colour })}
      />
      <ChoiceRow
        name="Parallel relations"
        label="Parallel"
        choices={PARALLEL}
        value={display.parallel}
        onChoose={(parallel) => setDisplay({ parallel })}
      />
      {display.colour === 'community' && (
        <p className="hint muted">Colours now show communities; shapes and icons still show entity types.</p>
      )}
    </section>
  );
}
