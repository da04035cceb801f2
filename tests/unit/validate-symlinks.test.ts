import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folderReader } from '../../scripts/dataset-files';
import { validateDatasetFolder } from '../../src/model/format/validate-folder';
import { FIXTURES } from './fixtures';

/** Symlinks are made here by the test, never committed: a checkout must not carry a link to /etc. */
let dirs: string[] = [];
afterEach(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  dirs = [];
});

function copyOfMinimal(): string {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-symlink-'));
  dirs.push(dir);
  cpSync(join(FIXTURES, 'valid-minimal'), dir, { recursive: true });
  return dir;
}

const validate = (dir: string) => validateDatasetFolder('ds', folderReader(dir));

describe('files outside the dataset folder', () => {
  it.each(['/etc/passwd', '/proc/self/status'])('refuses a source text linked to %s', (target) => {
    const dir = copyOfMinimal();
    unlinkSync(join(dir, 'sources', 'letter.txt'));
    symlinkSync(target, join(dir, 'sources', 'letter.txt'));
    const { problems, bundle } = validate(dir);
    expect(bundle).toBeUndefined();
    expect(JSON.stringify(problems)).not.toContain('root:');
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'unsafe-file', file: 'ds/dataset.json', pointer: '/sources/0/file' }),
    );
  });

  it('refuses a sources/ folder that links outside the dataset', () => {
    const dir = copyOfMinimal();
    const elsewhere = mkdtempSync(join(tmpdir(), 'threadline-elsewhere-'));
    dirs.push(elsewhere);
    cpSync(join(dir, 'sources'), elsewhere, { recursive: true });
    rmSync(join(dir, 'sources'), { recursive: true });
    symlinkSync(elsewhere, join(dir, 'sources'));
    const { problems, bundle } = validate(dir);
    expect(bundle).toBeUndefined();
    expect(problems.map((p) => p.code)).toContain('unsafe-file');
  });

  it('refuses a dataset file that links outside, and says why in one line', () => {
    const dir = copyOfMinimal();
    const secret = join(mkdtempSync(join(tmpdir(), 'threadline-secret-')), 'entities.json');
    dirs.push(join(secret, '..'));
    writeFileSync(secret, '{"entities": []}');
    unlinkSync(join(dir, 'entities.json'));
    symlinkSync(secret, join(dir, 'entities.json'));
    const { problems } = validate(dir);
    const p = problems.find((q) => q.code === 'unsafe-file');
    expect(p).toMatchObject({ file: 'ds/entities.json' });
    expect(p!.message).toMatch(/outside the dataset folder/);
    expect(p!.message).not.toContain('\n');
  });

  it('still follows a link that stays inside the dataset folder', () => {
    const dir = copyOfMinimal();
    cpSync(join(dir, 'sources', 'letter.txt'), join(dir, 'letter-original.txt'));
    unlinkSync(join(dir, 'sources', 'letter.txt'));
    symlinkSync(join(dir, 'letter-original.txt'), join(dir, 'sources', 'letter.txt'));
    expect(validate(dir).bundle).toBeDefined();
  });

  it('accepts a dataset folder reached through a symlink', () => {
    const dir = copyOfMinimal();
    const link = join(mkdtempSync(join(tmpdir(), 'threadline-link-')), 'ds');
    dirs.push(join(link, '..'));
    symlinkSync(dir, link);
    expect(validate(link).bundle).toBeDefined();
  });
});
