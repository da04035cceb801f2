import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { draftToZip } from '../../src/model/authoring/draft-files-zip';
import { smallDraft } from './draft-fixture';

const ROOT = resolve(import.meta.dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'threadline-validate-zip-'));
const validate = (file: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', file], {
    cwd: ROOT,
    encoding: 'utf8',
  });

/** `npm run validate -- my.zip` on what the Build workspace exports; each case starts a CLI process through tsx. */
describe('validate CLI on a dataset zip', { timeout: 60_000 }, () => {
  it('accepts an exported draft unchanged', () => {
    const file = join(out, 'letters.zip');
    writeFileSync(file, draftToZip(smallDraft()));
    const r = validate(file);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/letters\.zip: ok — 1 source\(s\), 2 entities, 1 relations, 1 quotes/);
    expect(r.status).toBe(0);
  });

  it('reports a quote that is not in its source, located in the zip', () => {
    const draft = smallDraft();
    draft.quotes = [{ id: 'q-met', source: 'letter', exact: 'Ann met Bob in Rome.' }];
    const file = join(out, 'wrong.zip');
    writeFileSync(file, draftToZip(draft));
    const r = validate(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/wrong\.zip\/quotes\.json:\d+ \/quotes\/0\/exact: quote-not-found/);
  });

  it('refuses a zip that is not a dataset, saying what is missing', () => {
    const file = join(out, 'photos.zip');
    writeFileSync(file, zipSync({ 'a.txt': strToU8('x') }));
    const r = validate(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /photos\.zip .*: file-missing: the zip is not a dataset: it has no dataset\.json/,
    );
  });
});
