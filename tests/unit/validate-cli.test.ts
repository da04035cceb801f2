import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './fixtures';

const ROOT = resolve(import.meta.dirname, '..', '..');
const validate = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });

/** Starts the real CLI through tsx: seconds on a loaded 2-core machine. */
describe('validate CLI', { timeout: 60_000 }, () => {
  it('notes a valid dataset’s counts by source and status, corroborated and contested relations', () => {
    const r = validate(join(FIXTURES, 'two-sources'));
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').slice(1, 4)).toEqual([
      '  the-report: 8 relations; its claims by status: fact 6, reported 1, allegation 2, denial 1',
      '  the-article: 4 relations; its claims by status: claim 1, denial 1, opinion 1, refuted 1',
      '  2 relations backed by two sources or more, 3 contested',
    ]);
  });

  it('locates a new rule’s error on one line and exits 1', () => {
    const r = validate(join(FIXTURES, 'dangling-answer'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /dangling-answer\/relations\.json:105 \/relations\/7\/evidence\/1\/answers: dangling-answer: "q-memo-bribe" is neither a quote of this relation nor a relation\n/,
    );
  });
});
