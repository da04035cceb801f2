import { describe, expect, it } from 'vitest';
import { communities } from '../../src/model/analysis/communities';
import { importanceScores, rawImportance } from '../../src/model/analysis/importance';
import { runAnalysis } from '../../src/model/analysis/requests';
import { DEFAULT_PATH_OPTIONS } from '../../src/model/analysis/paths';
import { tinyModel, trumpPutin } from './analysis-graphs';

describe('importance and communities', () => {
  const star = () => tinyModel(['h a fact', 'h b fact', 'h c fact', 'a b fact', 'x y fact']);

  it('ranks the hub first by degree and by PageRank, scaled to 0..1', () => {
    const m = star();
    expect(Object.fromEntries(rawImportance(m, 'degree'))).toMatchObject({ h: 3, a: 2, c: 1, x: 1 });
    for (const measure of ['degree', 'pagerank'] as const) {
      const s = importanceScores(m, measure);
      expect(s.get('h')).toBe(1);
      expect(Math.max(...s.values())).toBe(1);
      expect(s.get('a')!).toBeGreaterThan(s.get('c')!);
      expect(Math.min(...s.values())).toBeGreaterThan(0);
    }
  });

  it('puts Donald Trump on top of the Trump–Putin dataset by PageRank', () => {
    const s = importanceScores(trumpPutin(), 'pagerank');
    const top = [...s].sort((a, b) => b[1] - a[1])[0]![0];
    expect(top).toBe('donald-trump');
  });

  it('finds two communities in two cliques joined by one bridge, stably, largest first', () => {
    const m = tinyModel([
      'a b fact',
      'a c fact',
      'b c fact',
      'a d fact',
      'b d fact',
      'c d fact',
      'x y fact',
      'y z fact',
      'x z fact',
      'd x fact',
    ]);
    const c = communities(m);
    expect(new Set(['a', 'b', 'c', 'd'].map((id) => c.get(id))).size).toBe(1);
    expect(new Set(['x', 'y', 'z'].map((id) => c.get(id))).size).toBe(1);
    expect(c.get('a')).toBe(0);
    expect(c.get('x')).toBe(1);
    expect(communities(m)).toEqual(c);
  });
});

describe('analysis requests (what the worker answers)', () => {
  it('answers each kind with plain, structured-cloneable data', () => {
    const m = tinyModel(['a b fact', 'b c fact']);
    const paths = runAnalysis(m, { kind: 'paths', from: 'a', to: 'c', options: DEFAULT_PATH_OPTIONS });
    expect(structuredClone(paths)).toEqual(paths);
    expect(paths.paths[0]!.entityIds).toEqual(['a', 'b', 'c']);
    const degree = runAnalysis(m, { kind: 'importance', measure: 'degree' });
    expect(structuredClone(degree)).toEqual(degree);
    expect(degree.get('b')).toBe(1);
    expect(runAnalysis(m, { kind: 'communities' }).size).toBe(3);
  });
});
