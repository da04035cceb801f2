import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/model/limits';
import { formatProblem } from '../../src/model/problems';
import { validateBundleText } from '../../src/model/validate-bundle';
import { fixtureBundle, fixtureFiles, validateFiles } from './fixtures';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const oneLine = (s: string) => expect(s).not.toMatch(/[\r\n\u2028\u2029]/);

describe('JSON nested too deep', () => {
  it('in a dataset file is one located line, not a stack overflow', () => {
    const files = fixtureFiles('valid-minimal');
    files.set('entities.json', `{\n  "entities": [\n    ${nested(200_000)}\n  ]\n}`);
    const { problems } = validateFiles('deep', files);
    const p = problems.find((q) => q.code === 'too-deep')!;
    expect(p).toMatchObject({ file: 'deep/entities.json', line: 3 });
    expect(p.message).toBe(
      `arrays and objects are nested more than ${MAX_JSON_DEPTH} deep at line 3, column 67`,
    );
  });

  it('in a bundle, even when the JSON is also broken', () => {
    const bundle = JSON.stringify(fixtureBundle('valid-minimal'));
    const deep = bundle.replace('"entities":[', `"entities":[${nested(100_000)},`);
    expect(validateBundleText(deep, 'b.json').problems.map((p) => p.code)).toEqual(['too-deep']);
    const broken = bundle.replace('"entities":[', `"entities":[${'['.repeat(100_000)}`);
    expect(validateBundleText(broken, 'b.json').problems.map((p) => p.code)).toEqual(['too-deep']);
  });

  it('leaves brackets inside strings alone', () => {
    const bundle = fixtureBundle('valid-minimal');
    bundle.entities[0]!.description = `[{"\\"${'['.repeat(500)}`;
    expect(validateBundleText(JSON.stringify(bundle), 'b.json').problems).toEqual([]);
  });
});

describe('huge or multi-line strings', () => {
  it('are clipped and escaped in messages, which stay one line', () => {
    const files = fixtureFiles('valid-minimal');
    const type = `praised\n${'x'.repeat(1_000_000)}`;
    files.set(
      'relations.json',
      files.get('relations.json')!.replace('"type": "praised"', `"type": ${JSON.stringify(type)}`),
    );
    const { problems } = validateFiles('huge', files);
    const p = problems.find((q) => q.code === 'unknown-relation-type')!;
    oneLine(formatProblem(p));
    expect(formatProblem(p).length).toBeLessThan(300);
    expect(p.message).toMatch(/^no relation type "praised\\nxxx/);
  });
});
