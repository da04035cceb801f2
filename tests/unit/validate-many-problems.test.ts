import { describe, expect, it } from 'vitest';
import { formatProblemList } from '../../src/model/format/problems';
import { fixtureFiles, validateFiles } from './fixtures';

/** Well past the ~125,000 arguments at which spreading an array into a call overflows V8's stack. */
const MANY = 200_000;

describe('a dataset with very many problems', () => {
  it('validates a valid dataset with 200,000 unused entities, warning about each', () => {
    const files = fixtureFiles('valid-minimal');
    const entities = JSON.parse(files.get('entities.json')!) as { entities: unknown[] };
    for (let i = 0; i < MANY; i++)
      entities.entities.push({ id: `unused-${i}`, type: 'person', name: `P ${i}`, description: 'x' });
    files.set('entities.json', JSON.stringify(entities));
    const { problems, bundle } = validateFiles('many', files);
    expect(bundle?.entities).toHaveLength(MANY + 2);
    expect(problems.filter((p) => p.code === 'unused-entity')).toHaveLength(MANY);
  });

  it('reports 200,000 schema errors in one file and prints a capped list with the total', () => {
    const files = fixtureFiles('valid-minimal');
    const entities = JSON.parse(files.get('entities.json')!) as { entities: unknown[] };
    for (let i = 0; i < MANY; i++) entities.entities.push({ id: `Bad ${i}` });
    files.set('entities.json', JSON.stringify(entities));
    const { problems, bundle } = validateFiles('bad', files);
    expect(bundle).toBeUndefined();
    expect(problems.length).toBeGreaterThanOrEqual(MANY);
    const lines = formatProblemList(problems, 100);
    expect(lines).toHaveLength(101);
    expect(lines[100]).toMatch(
      new RegExp(
        `^… and ${(problems.length - 100).toLocaleString('en')} more \\(${problems.length.toLocaleString('en')} problems in all\\)$`,
      ),
    );
  });
});
