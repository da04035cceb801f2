import { describe, expect, it } from 'vitest';
import { timelineData } from '../../src/model/analysis/timeline';
import { NO_FILTERS, type Filters } from '../../src/model/core/filters';
import type { Model } from '../../src/model/core/model';
import { entityVisibleUnder, relationVisibleUnder } from '../../src/model/core/subgraph';
import type { HighlightedPath } from '../../src/store/analysis-state';
import type { Selection } from '../../src/store/view-state';
import { filteredMarks, pathMarks, selectionMarks } from '../../src/features/timeline/mark-flags';
import { indexMarks } from '../../src/features/timeline/mark-index';
import { runsHolding, splitIntoRuns } from '../../src/features/timeline/mark-runs';
import { layoutTimeline, seedMarks, type Mark } from '../../src/features/timeline/timeline-layout';
import { laneOf } from '../../src/model/analysis/timeline-lanes';
import { trumpPutin } from './analysis-graphs';

/** The rule the strip applied to each mark on every render before the flags became sets: the reference. */
function flagsOf(
  model: Model,
  mark: Mark,
  selection: Selection,
  path: HighlightedPath | null,
  filters: Filters,
) {
  const relations = mark.kind === 'relations' ? mark.ids.flatMap((id) => model.relations.get(id) ?? []) : [];
  const selected = selection !== null && mark.ids.includes(selection.id);
  let related = false;
  if (selection?.kind === 'entity')
    related = relations.some((r) => r.source === selection.id || r.target === selection.id);
  else if (selection?.kind === 'relation' && mark.kind === 'entity') {
    const r = model.relations.get(selection.id);
    related = r !== undefined && (r.source === mark.key || r.target === mark.key);
  }
  const onPath =
    path !== null && mark.ids.some((id) => path.entityIds.includes(id) || path.relationIds.includes(id));
  const filtered =
    mark.kind === 'entity'
      ? !entityVisibleUnder(model, filters, mark.key)
      : relations.every(
          (r) =>
            !relationVisibleUnder(model, filters, r.id) ||
            !entityVisibleUnder(model, filters, r.source) ||
            !entityVisibleUnder(model, filters, r.target),
        );
  return { selected, related: related && !selected, onPath, filtered };
}

const article = () => {
  const model = trumpPutin();
  const { items, domain } = timelineData(model);
  const layout = layoutTimeline(
    seedMarks(items, (i) => laneOf(model, i)),
    {
      width: 900,
      window: domain!,
      domain: domain!,
      maxRows: 4,
      rowHeight: 18,
      laneGap: 6,
      measure: (text) => text.length * 6,
    },
  );
  const marks = layout.marks;
  return { model, layout, marks, index: indexMarks(marks) };
};

describe('timeline mark flags', () => {
  it('match the per-mark rule for every entity and relation selected', () => {
    const { model, marks, index } = article();
    const selections: Selection[] = [
      null,
      ...[...model.entities.keys()].map((id) => ({ kind: 'entity' as const, id })),
      ...[...model.relations.keys()].map((id) => ({ kind: 'relation' as const, id })),
    ];
    let flagged = 0;
    for (const selection of selections) {
      const s = selectionMarks(model, index, selection);
      for (const m of marks) {
        const want = flagsOf(model, m, selection, null, NO_FILTERS);
        expect([s.selected.has(m.key), s.related.has(m.key)], `${selection?.id} on ${m.key}`).toEqual([
          want.selected,
          want.related,
        ]);
        if (want.selected || want.related) flagged++;
      }
    }
    // The comparison means something only if selections do mark the strip.
    expect(flagged).toBeGreaterThan(100);
  });

  it('match the per-mark rule for a path and for filters', () => {
    const { model, marks, index } = article();
    const relation = [...model.relations.values()].find((r) => r.date)!;
    const path = { entityIds: [relation.source, relation.target], relationIds: [relation.id] };
    const filters: Filters[] = [
      NO_FILTERS,
      { ...NO_FILTERS, timeRange: { from: '2018-01-01', to: '2018-12-31' } },
      { ...NO_FILTERS, hiddenStatuses: new Set(['claim', 'opinion']) },
    ];
    const onPath = pathMarks(index, path);
    expect(onPath.size).toBeGreaterThan(0);
    for (const f of filters) {
      const hidden = filteredMarks(model, marks, f);
      for (const m of marks) {
        const want = flagsOf(model, m, null, path, f);
        expect([onPath.has(m.key), hidden.has(m.key)], m.key).toEqual([want.onPath, want.filtered]);
      }
    }
    expect(filteredMarks(model, marks, filters[1]!).size).toBeGreaterThan(0);
  });

  it('keep one empty set for no selection and no path, so memoised marks see no change', () => {
    const { model, index } = article();
    expect(selectionMarks(model, index, null)).toBe(selectionMarks(model, index, null));
    expect(pathMarks(index, null)).toBe(pathMarks(index, null));
  });
});

describe('timeline mark runs', () => {
  it('split each band into runs of a fixed length and find the runs holding given marks', () => {
    const { layout } = article();
    const events = layout.marks.filter((m) => m.kind === 'entity');
    const relations = layout.marks.filter((m) => m.kind === 'relations');
    const bands = [
      { name: 'events', marks: events },
      { name: 'relations', marks: relations },
    ];
    const runs = splitIntoRuns(bands, 4);
    expect(runs.runs.flatMap((r) => r.marks)).toEqual([...events, ...relations]);
    expect(runs.runs.every((r) => r.marks.length <= 4)).toBe(true);
    // A run never mixes bands.
    expect(runs.runs.filter((r) => r.key.startsWith('events')).flatMap((r) => r.marks)).toEqual(events);
    const last = relations[relations.length - 1]!;
    const first = events[0]!;
    expect([...runsHolding(runs, new Set([first.key]), new Set([last.key, 'no-such-mark']))]).toEqual([
      0,
      runs.runs.length - 1,
    ]);
  });
});
