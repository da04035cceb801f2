import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/model/format/limits';
import { formatProblem } from '../../src/model/format/problems';
import { validateBundleText } from '../../src/model/format/validate-bundle';
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
  it.each([
    [
      'an entity id',
      'entities.json',
      (n: number) =>
        `{"entities": [{"id": "${'a-'.repeat(n)}a", "type": "person", "name": "x", "description": "y"}]}`,
      '/entities/0/id',
    ],
    [
      'a relation type id',
      'relation-types.json',
      (n: number) =>
        `{"relationTypes": [{"id": "${'a_'.repeat(n)}a", "label": "x", "inverseLabel": "y", "directed": true, "domain": ["person"], "range": ["person"]}]}`,
      '/relationTypes/0/id',
    ],
  ])(
    '%s of 20 million characters is a located schema error, not a stack overflow',
    (_what, file, text, pointer) => {
      const files = fixtureFiles('valid-minimal');
      files.set(file, text(10_000_000));
      const { problems } = validateFiles('huge', files);
      expect(problems[0]).toMatchObject({ code: 'schema', file: `huge/${file}`, pointer });
      expect(problems[0]!.message).toMatch(/120/);
    },
  );

  it('a source link of 40 million characters is refused', () => {
    const files = fixtureFiles('valid-minimal');
    files.set(
      'dataset.json',
      files
        .get('dataset.json')!
        .replace('"url": null', `"url": "https://example.org/${'a/'.repeat(20_000_000)}"`),
    );
    expect(validateFiles('huge', files).problems[0]).toMatchObject({
      code: 'schema',
      pointer: '/sources/0/url',
    });
  });

  it('are clipped and escaped in messages, which stay one line', () => {
    const files = fixtureFiles('valid-minimal');
    const type = `praised\n${'x'.repeat(110)}`;
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
