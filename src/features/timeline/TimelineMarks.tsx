/**
 * The marks of every lane, each told only its own state, so a change re-renders just the marks it touches.
 * They sit in a positioned container of their own rather than straight in the plot: the plot's other
 * positioned children (the brush, the range) are then laid out again without the marks being laid out with them.
 */
import { memo, useMemo } from 'react';
import type { Model } from '../../model/core/model';
import { NO_MARKS, NO_SELECTION_MARKS, type SelectionMarks } from './mark-flags';
import { runsHolding, splitIntoRuns, type MarkRun } from './mark-runs';
import type { Mark } from './timeline-layout';
import { TimelineMark } from './TimelineMark';

interface Common {
  model: Model;
  selection: SelectionMarks;
  onPath: ReadonlySet<string>;
  filtered: ReadonlySet<string>;
  /** Height of a bar, px. */
  height: number;
  onChoose(mark: Mark, anchorX: number): void;
  onHover(mark: Mark | null): void;
}

interface Props extends Common {
  marks: readonly Mark[];
  /** Top of the lanes' area in the plot, px. */
  top: number;
}

// Memoised so that what only the strip around the marks shows (hover caption, brush, popover) passes them by.
export const TimelineMarks = memo(function TimelineMarks(props: Props) {
  const { marks, selection, onPath, top } = props;
  const runs = useMemo(() => splitIntoRuns([{ name: 'marks', marks }]), [marks]);
  // A run without any selected, related or on-path mark gets the shared empty sets, so its props stay equal.
  const withSelection = runsHolding(runs, selection.selected, selection.related);
  const withPath = runsHolding(runs, onPath);
  return (
    <div className="tl-marks" style={{ top }}>
      {runs.runs.map((run, i) => (
        <Run
          key={run.key}
          run={run}
          model={props.model}
          selection={withSelection.has(i) ? selection : NO_SELECTION_MARKS}
          onPath={withPath.has(i) ? onPath : NO_MARKS}
          filtered={props.filtered}
          height={props.height}
          onChoose={props.onChoose}
          onHover={props.onHover}
        />
      ))}
    </div>
  );
});

const Run = memo(function Run(props: Common & { run: MarkRun }) {
  const { run, model, selection, onPath, filtered, height, onChoose, onHover } = props;
  return run.marks.map((m) => (
    <TimelineMark
      key={m.key}
      model={model}
      mark={m}
      selected={selection.selected.has(m.key)}
      related={selection.related.has(m.key)}
      onPath={onPath.has(m.key)}
      filtered={filtered.has(m.key)}
      height={height}
      onChoose={onChoose}
      onHover={onHover}
    />
  ));
});
