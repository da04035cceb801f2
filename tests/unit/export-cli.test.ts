import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateBundleText } from '../../src/model/format/validate-bundle';
import { FIXTURES } from './fixtures';

const ROOT = resolve(import.meta.dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'threadline-export-cli-'));
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/export.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });

/**
 * `npm run export` for the data formats (images go through Chromium: tests/e2e/export-cli.e2e.ts).
 * Each case starts real CLI processes through tsx: on a loaded 2-core machine that takes seconds.
 */
describe('export CLI', { timeout: 60_000 }, () => {
  const dataset = join(FIXTURES, 'valid-minimal');

  it('writes a bundle of the focus and its neighbours that the validator accepts', () => {
    const file = join(out, 'ada.json');
    const r = run(
      '--dataset',
      dataset,
      '--focus',
      'ada-lovelace',
      '--depth',
      '1',
      '--format',
      'json',
      '--out',
      file,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/json, 2 entities and 1 relations within 1 of ada-lovelace/);
    const checked = validateBundleText(readFileSync(file, 'utf8'), 'ada.json');
    expect(checked.problems).toEqual([]);
    expect(checked.bundle!.entities.map((e) => e.id).sort()).toEqual(['ada-lovelace', 'charles-babbage']);
  });

  it('refuses unknown entities and missing arguments with a message', () => {
    const unknown = run(
      '--dataset',
      dataset,
      '--focus',
      'ada',
      '--format',
      'json',
      '--out',
      join(out, 'x.json'),
    );
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('no entity "ada" in valid-minimal; did you mean ada-lovelace?');
    expect(run('--dataset', dataset, '--focus', 'ada-lovelace', '--format', 'pdf', '--out', 'x').status).toBe(
      2,
    );
    expect(run('--dataset', dataset).stderr).toContain('usage: npm run export');
  });
  it('refuses a page it cannot make, naming the option: an unknown preset, a headline past its limit', () => {
    const base = [
      '--dataset',
      dataset,
      '--focus',
      'ada-lovelace',
      '--format',
      'png',
      '--out',
      join(out, 'p.png'),
    ];
    const preset = run(...base, '--page', 'poster');
    expect(preset.status).toBe(2);
    expect(preset.stderr).toMatch(/^--page is drawing, social, square, a4-portrait, a4-landscape$/m);
    const long = run(...base, '--page', 'social', '--headline', 'x'.repeat(141));
    expect(long.status).toBe(2);
    expect(long.stderr.trim()).toBe('--headline: at most 140 characters (this one has 141).');
  });
});
