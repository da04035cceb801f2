import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../scripts/synthetic/generate';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { folderReader } from '../../scripts/dataset-files';
import { filesReader, partFile, validateDatasetFolder } from '../../src/model/format/validate-folder';

const SIZE = { entities: 200, relations: 1000, seed: 3 };
const whole = generateDataset(SIZE);
const parted = generateDataset({ ...SIZE, partRecords: 300 });
const reader = (files: Map<string, string>) => (path: string) => files.get(path);

/** The parted dataset with one part's records changed by `edit`. */
function editPart(file: string, key: string, edit: (records: Array<Record<string, unknown>>) => void) {
  const files = new Map(parted.files);
  const doc = JSON.parse(files.get(file)!) as Record<string, Array<Record<string, unknown>>>;
  edit(doc[key]!);
  files.set(file, `{"${key}":[\n${doc[key]!.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`);
  return files;
}

describe('a dataset in parts', () => {
  it('is written in numbered parts past the part size, and none beyond', () => {
    expect(parted.files.has('relations.json')).toBe(false);
    expect([1, 2, 3, 4].map((n) => parted.files.has(partFile('relations.json', n)))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(parted.files.has(partFile('relations.json', 5))).toBe(false);
    // 200 entities fit one file.
    expect(parted.files.has('entities.json')).toBe(true);
  });

  it('validates to the same bundle as the dataset in one file', () => {
    const one = validateDatasetFolder('synthetic', reader(whole.files));
    const parts = validateDatasetFolder('synthetic', reader(parted.files));
    expect(parts.problems).toEqual([]);
    expect(parts.bundle).toEqual(one.bundle);
  });

  it('locates a broken reference in part 3 by its file, line and place in that part', () => {
    const file = partFile('relations.json', 3);
    const files = editPart(file, 'relations', (rs) => {
      rs[5]!.evidence = ['no-such-quote'];
    });
    const { problems, bundle } = validateDatasetFolder('synthetic', reader(files));
    expect(bundle).toBeUndefined();
    const found = problems.filter((p) => p.severity === 'error');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      file: 'synthetic/relations/part-0003.json',
      pointer: '/relations/5/evidence/0',
      // Line 1 is the opening brace; record k sits on line k + 2.
      line: 7,
    });
    expect(found[0]!.message).toContain('no-such-quote');
  });

  it('locates a schema problem in part 2 within that part', () => {
    const file = partFile('quotes.json', 2);
    const files = editPart(file, 'quotes', (qs) => {
      delete qs[2]!.exact;
    });
    const errors = validateDatasetFolder('synthetic', reader(files)).problems.filter(
      (p) => p.severity === 'error',
    );
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ file: 'synthetic/quotes/part-0002.json', line: 4 });
    expect(errors[0]!.pointer).toMatch(/^\/quotes\/2/);
  });

  it('refuses a collection given both as one file and in parts', () => {
    const files = new Map(parted.files);
    files.set('relations.json', '{"relations":[]}');
    const { problems } = validateDatasetFolder('synthetic', reader(files));
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'error', file: 'synthetic/relations.json' }),
    );
  });

  it('reports a part that is not JSON, naming that part', () => {
    const files = new Map(parted.files);
    files.set(partFile('relations.json', 2), '{"relations": [');
    const { problems, bundle } = validateDatasetFolder('synthetic', reader(files));
    expect(bundle).toBeUndefined();
    expect(problems[0]).toMatchObject({ code: 'json-syntax', file: 'synthetic/relations/part-0002.json' });
  });
});

describe('a gap in the numbering of parts', () => {
  const withGap = () => {
    const files = new Map(parted.files);
    files.delete(partFile('relations.json', 2));
    return Object.fromEntries(files);
  };

  it('is an error naming every part it strands, when the reader can list the folder', () => {
    const { problems, bundle } = validateDatasetFolder('synthetic', filesReader(withGap()));
    expect(bundle).toBeUndefined();
    const gaps = problems.filter((p) => p.code === 'part-gap');
    expect(gaps.map((p) => p.file)).toEqual([
      'synthetic/relations/part-0003.json',
      'synthetic/relations/part-0004.json',
    ]);
    expect(gaps[0]!.message).toContain('relations/part-0002.json is missing');
  });

  it('is found in a folder on disk too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parts-'));
    try {
      for (const [path, text] of Object.entries(withGap())) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const { problems } = validateDatasetFolder('synthetic', folderReader(dir));
      expect(problems.filter((p) => p.code === 'part-gap')).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a first part missing strands them all', () => {
    const files = new Map(parted.files);
    files.delete(partFile('relations.json', 1));
    const { problems } = validateDatasetFolder('synthetic', filesReader(Object.fromEntries(files)));
    expect(problems.filter((p) => p.code === 'part-gap')).toHaveLength(3);
  });
});
