import { describe, expect, it } from 'vitest';
import { IDLE, MIN_DRAG, move, press, release } from '../../src/features/timeline/brush-gesture';

describe('a press on the timeline: click or brush', () => {
  it('released where it started, or after jitter below the threshold, is a click', () => {
    expect(release(press(100), 100)).toEqual({ kind: 'click' });
    const jittered = move(move(press(100), 102), 98);
    expect(jittered.phase).toBe('pressed');
    expect(release(jittered, 101)).toEqual({ kind: 'click' });
  });

  it('moved past the threshold, it brushes from the press to the release', () => {
    const g = move(press(100), 100 + MIN_DRAG);
    expect(g).toEqual({ phase: 'brushing', x0: 100, x1: 100 + MIN_DRAG });
    expect(release(g, 40)).toEqual({ kind: 'brush', x0: 100, x1: 40 });
  });

  it('once a drag, never a click: brought back to where it started, it is called off', () => {
    const g = move(move(press(100), 130), 100);
    expect(g.phase).toBe('brushing');
    expect(release(g, 101)).toEqual({ kind: 'none' });
    expect(release(move(press(100), 130), 60)).toEqual({ kind: 'brush', x0: 100, x1: 60 });
  });

  it('a release with no press under way does nothing', () => {
    expect(move(IDLE, 50)).toBe(IDLE);
    expect(release(IDLE, 50)).toEqual({ kind: 'none' });
  });

  it('a release far from the press with no move in between still brushes', () => {
    expect(release(press(10), 200)).toEqual({ kind: 'brush', x0: 10, x1: 200 });
  });
});
