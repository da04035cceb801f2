import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/model/format/problems';
import { validateDatasetFolder } from '../../src/model/format/validate-folder';
import { folderReader } from '../../scripts/dataset-files';
import { FIXTURES, validateFixture } from './fixtures';
import { join } from 'node:path';

/** One fixture per class of error: each must be reported with its code, file, line and pointer. */
const CASES: Array<[fixture: string, code: string, file: string, line: number, pointer: string]> = [
  ['malformed-json', 'json-syntax', 'relations.json', 10, ''],
  ['unknown-entity-type', 'unknown-entity-type', 'entities.json', 12, '/entities/1/type'],
  ['dangling-id', 'dangling-reference', 'relations.json', 7, '/relations/0/target'],
  ['quote-not-in-source', 'quote-not-found', 'quotes.json', 7, '/quotes/0/exact'],
  ['ambiguous-quote', 'quote-ambiguous', 'quotes.json', 7, '/quotes/0/exact'],
  ['relation-without-evidence', 'no-evidence', 'relations.json', 10, '/relations/0/evidence'],
  ['domain-violation', 'domain-violation', 'relations.json', 6, '/relations/0/source'],
  ['duplicate-id', 'duplicate-id', 'entities.json', 20, '/entities/2/id'],
  ['invalid-date', 'invalid-date', 'relations.json', 13, '/relations/0/date'],
  ['source-file-missing', 'file-missing', 'dataset.json', 9, '/sources/0/file'],
  ['id-shared-by-entity-and-relation', 'duplicate-id', 'relations.json', 5, '/relations/0/id'],
  // The evidence model of many sources: each is the two-sources dataset with one mistake.
  ['dangling-answer', 'dangling-answer', 'relations.json', 105, '/relations/7/evidence/1/answers'],
  ['answer-not-negating', 'answer-not-negating', 'relations.json', 101, '/relations/7/evidence/0/answers'],
  ['unknown-asserter', 'unknown-asserter', 'relations.json', 99, '/relations/7/evidence/0/assertedBy/0'],
  ['status-not-in-vocabulary', 'schema', 'relations.json', 18, '/relations/0/evidence/1/status'],
  ['speaker-and-speakers', 'speaker-and-speakers', 'quotes.json', 54, '/quotes/8/speaker'],
  ['undeclared-entity-type', 'unknown-entity-type', 'entities.json', 40, '/entities/5/type'],
];

describe('validator on fixture datasets', () => {
  it('accepts the minimal dataset with no problems and compiles resolved offsets', () => {
    const { problems, bundle } = validateFixture('valid-minimal');
    expect(problems).toEqual([]);
    const quote = bundle!.quotes[0]!;
    expect(bundle!.sources[0]!.text.slice(quote.start, quote.end)).toBe(quote.exact);
  });

  it.each(CASES)('%s is reported as %s at %s:%d %s', (fixture, code, file, line, pointer) => {
    const { problems, bundle } = validateFixture(fixture);
    expect(bundle).toBeUndefined();
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code, file: `${fixture}/${file}`, line, pointer });
    expect(formatProblem(errors[0]!)).toMatch(
      new RegExp(`^${fixture}/${file}:${line} ${pointer || '/'}: ${code}: `),
    );
  });

  it('accepts the two-sources dataset with no problems: claims, answers, joint speakers, declared types, relative dates', () => {
    expect(validateFixture('two-sources').problems).toEqual([]);
  });

  it('keeps a relative date whose source has no date, unresolved and as written, with a located warning', () => {
    const { problems, bundle } = validateFixture('relative-date-without-source-date');
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'unresolved-relative-date',
        file: 'relative-date-without-source-date/relations.json',
        line: 10,
        pointer: '/relations/0/date/asWritten',
      }),
    ]);
    const met = bundle!.relations.find((r) => r.id === 'mercer-met-volkov')!;
    expect(met.date).toBeUndefined();
    expect(met.dateWritten).toEqual({ asWritten: 'Tuesday', sourceId: 'the-article', sourceDate: null });
  });

  it('names the line and column of a JSON syntax error', () => {
    const [problem] = validateFixture('malformed-json').problems;
    expect(problem!.message).toMatch(/line 10, column \d+/);
  });

  it('does not pile usage warnings on top of errors', () => {
    expect(
      validateFixture('relation-without-evidence').problems.filter((p) => p.severity === 'warning'),
    ).toEqual([]);
  });

  it('refuses huge files and binary source texts with a message instead of reading them', () => {
    const real = folderReader(join(FIXTURES, 'valid-minimal'));
    const huge = validateDatasetFolder('big', (f) => (f === 'entities.json' ? { tooLarge: 5e9 } : real(f)));
    expect(huge.problems).toContainEqual(
      expect.objectContaining({ code: 'too-large', file: 'big/entities.json' }),
    );
    const binary = validateDatasetFolder('bin', (f) =>
      f.startsWith('sources/') ? 'PK\u0003\u0004\u0000\u0000' : real(f),
    );
    expect(binary.problems[0]).toMatchObject({
      code: 'binary-input',
      file: 'bin/dataset.json',
      pointer: '/sources/0/file',
    });
  });
});
