/**
 * The marks of both bands, each told only its own state, so a change re-renders just the marks it touches.
 * They sit in a positioned container of their own rather than straight in the plot: the plot's other
 * positioned children (the caption above all, which changes with every selection) are then laid out again
 * without the thousands of marks being laid out with them.
 */
import { memo, useMemo } from 'react';
import type { Model } from '../../model/core/model';
import { NO_MARKS, NO_SELECTION_MARKS, type SelectionMarks } from './mark-flags';
import { runsHolding, splitIntoRuns, type MarkRun } from './mark-runs';
import type { Mark, TimelineLayout } from './timeline-layout';
import { TimelineMark } from './TimelineMark';

interface Common {
  model: Model;
  selection: SelectionMarks;
  onPath: ReadonlySet<string>;
  filtered: ReadonlySet<string>;
  onChoose(mark: Mark, anchorX: number): void;
  onHover(mark: Mark | null): void;
}

interface Props extends Common {
  layout: TimelineLayout;
  eventTop: number;
  /** Pitch of a lane; a mark is two pixels less tall. */
  eventLane: number;
  relationTop: number;
  relationLane: number;
}

// Memoised so that what only the strip around the marks shows (hover caption, brush, popover) passes them by.
export const TimelineMarks = memo(function TimelineMarks(props: Props) {
  const { layout, eventTop, eventLane, relationTop, relationLane, selection, onPath } = props;
  const runs = useMemo(
    () =>
      splitIntoRuns([
        { name: 'events', marks: layout.events, top: eventTop, lane: eventLane },
        { name: 'relations', marks: layout.relations, top: relationTop, lane: relationLane },
      ]),
    [layout, eventTop, eventLane, relationTop, relationLane],
  );
  // A run without any selected, related or on-path mark gets the shared empty sets, so its props stay equal.
  const withSelection = runsHolding(runs, selection.selected, selection.related);
  const withPath = runsHolding(runs, onPath);
  return (
    <div className="tl-marks">
      {runs.runs.map((run, i) => (
        <Run
          key={run.key}
          run={run}
          model={props.model}
          selection={withSelection.has(i) ? selection : NO_SELECTION_MARKS}
          onPath={withPath.has(i) ? onPath : NO_MARKS}
          filtered={props.filtered}
          onChoose={props.onChoose}
          onHover={props.onHover}
        />
      ))}
    </div>
  );
});

const Run = memo(function Run(props: Common & { run: MarkRun }) {
  const { run, model, selection, onPath, filtered, onChoose, onHover } = props;
  return run.marks.map((m) => (
    <TimelineMark
      key={m.key}
      model={model}
      mark={m}
      selected={selection.selected.has(m.key)}
      related={selection.related.has(m.key)}
      onPath={onPath.has(m.key)}
      filtered={filtered.has(m.key)}
      top={run.top + m.lane * run.lane}
      height={run.lane - 2}
      onChoose={onChoose}
      onHover={onHover}
    />
  ));
});
