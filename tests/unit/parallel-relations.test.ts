import { describe, expect, it } from 'vitest';
import { citationRanges } from '../../src/model/export/citation-ranges';
import {
  BUNDLE_AT,
  drawRelations,
  drawnEdgeId,
  pairEnds,
  pairId,
} from '../../src/model/core/parallel-relations';
import type { RelationRecord } from '../../src/model/format/schema';

const rel = (id: string, source: string, target: string): RelationRecord => ({
  id,
  source,
  target,
  type: 'met',
  status: 'fact',
  evidence: ['q'],
});

const many = (n: number, a: string, b: string) =>
  Array.from({ length: n }, (_, i) => (i % 2 ? rel(`${a}-${b}-${i}`, b, a) : rel(`${a}-${b}-${i}`, a, b)));

describe('parallel relations', () => {
  it('draws a pair with fewer than the threshold apart, and one edge for a pair at or above it', () => {
    const few = many(BUNDLE_AT - 1, 'ann', 'bob');
    const lots = many(BUNDLE_AT + 13, 'trump', 'putin');
    const drawing = drawRelations([...few, ...lots], true);
    expect(drawing.single.map((r) => r.id)).toEqual(few.map((r) => r.id));
    expect(drawing.bundles).toHaveLength(1);
    const [group] = drawing.bundles;
    // Both directions land in one group, whose ends are in id order.
    expect(group!.relations).toHaveLength(lots.length);
    expect([group!.a, group!.b]).toEqual(['putin', 'trump']);
    expect(drawnEdgeId(drawing, lots[3]!.id)).toBe('pair:putin~trump');
    expect(drawnEdgeId(drawing, few[0]!.id)).toBe(few[0]!.id);
  });

  it('draws everything apart when bundling is off', () => {
    const lots = many(20, 'a', 'b');
    const drawing = drawRelations(lots, false);
    expect(drawing.single).toHaveLength(20);
    expect(drawing.bundles).toEqual([]);
  });

  it('names a pair the same way from either end and reads it back', () => {
    expect(pairId('b', 'a')).toBe(pairId('a', 'b'));
    expect(pairEnds(pairId('vladimir-putin', 'donald-trump'))).toEqual(['donald-trump', 'vladimir-putin']);
    expect(pairEnds('no-separator')).toBeNull();
    expect(pairEnds('a~b~c')).toBeNull();
  });

  it('lists citation numbers as ranges', () => {
    expect(citationRanges([5, 3, 4, 9, 12, 11])).toBe('3–5, 9, 11–12');
    expect(citationRanges([7])).toBe('7');
    expect(citationRanges([])).toBe('');
  });
});
