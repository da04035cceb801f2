import { describe, expect, it } from 'vitest';
import { narratePath, pathAsText, stepSentence } from '../../src/model/analysis/path-narrative';
import { DEFAULT_PATH_OPTIONS, findPaths } from '../../src/model/analysis/paths';
import { tinyModel, trumpPutin } from './analysis-graphs';

describe('path narrative', () => {
  it('reads each step in the direction of travel, with the inverse label when walking a relation backwards', () => {
    const m = tinyModel(['b a fact', 'b c claim', 'c d fact - allied']);
    const [path] = findPaths(m, 'a', 'd', DEFAULT_PATH_OPTIONS).paths;
    const steps = narratePath(m, path!);
    expect(steps.map(stepSentence)).toEqual([
      'A — is known by → B',
      'Claimed: B — knows → C',
      'C — allied with — D',
    ]);
    expect(steps.map((s) => s.relation.status)).toEqual(['fact', 'claim', 'fact']);
    expect(steps[0]!.evidence?.quote.exact).toBe('b and a, b-a.');
  });

  it('copies as text with the status of every step that is not a fact and a numbered citation per step, and the sources listed once', () => {
    const m = tinyModel(['a b fact', 'a b opinion', 'b c claim']);
    const [path] = findPaths(m, 'a', 'c', DEFAULT_PATH_OPTIONS).paths;
    expect(pathAsText(m, path!)).toBe(
      [
        'A → C: 2 steps',
        '1. A — knows → B (+1 more between them)',
        '   “a and b, a-b.” [1]',
        '2. Claimed: B — knows → C',
        '   “b and c, b-c.” [1]',
        '',
        'Sources:',
        '[1] A tiny source. Tiny Press. 2020',
      ].join('\n'),
    );
  });

  it('quotes the article verbatim at every step from Eric Trump to Vladimir Putin', () => {
    const model = trumpPutin();
    const { paths } = findPaths(model, 'eric-trump', 'vladimir-putin', DEFAULT_PATH_OPTIONS);
    const text = [...model.sources.values()][0]!.text;
    for (const path of paths) {
      const steps = narratePath(model, path);
      expect(steps).toHaveLength(path.steps.length);
      for (const s of steps) expect(text).toContain(s.evidence!.quote.exact);
    }
  });
});
