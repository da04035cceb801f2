/**
 * The import's task scheduler: order, width, and what a failure stops; and the import's own tasks in that
 * order. No database runs them: tasks are timers.
 */
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../src/server/db-pglite';
import { loadTasks } from '../../src/server/import';
import { versionRows } from '../../src/server/import-rows';
import { runTasks, type LoadTask } from '../../src/server/load-tasks';
import { ensureSchema } from '../../src/server/schema';
import { generateDataset } from '../../scripts/synthetic/generate';
import { validateFiles } from '../unit/fixtures';

const tick = () => new Promise((r) => setTimeout(r, 5));

function recorder() {
  const log: string[] = [];
  let running = 0;
  let widest = 0;
  const task = (name: string, after: string[] = [], fail = false): LoadTask<string> => ({
    name,
    after,
    run: async (connection) => {
      running++;
      widest = Math.max(widest, running);
      log.push(`start ${name} on ${connection}`);
      await tick();
      running--;
      log.push(`end ${name}`);
      if (fail) throw new Error(`${name} failed`);
    },
  });
  let n = 0;
  const withConnection = async (work: (c: string) => Promise<void>) => work(`c${n++}`);
  return { log, task, withConnection, widest: () => widest };
}

describe('runTasks', () => {
  it('starts each task only once what it waits for is done, never more at once than the width', async () => {
    const r = recorder();
    const tasks = [
      r.task('index a', ['copy a']),
      r.task('copy a'),
      r.task('copy b'),
      r.task('copy c'),
      r.task('analyze a', ['index a']),
    ];
    const times = await runTasks(tasks, 2, r.withConnection);
    expect(Object.keys(times).sort()).toEqual(['analyze a', 'copy a', 'copy b', 'copy c', 'index a']);
    expect(r.widest()).toBe(2);
    const at = (line: string) => r.log.indexOf(line);
    expect(at('start index a on c2')).toBeGreaterThan(at('end copy a'));
    expect(at('start analyze a on c4')).toBeGreaterThan(at('end index a'));
    // Among the ready ones the first listed goes first: index a before copy c, once copy a is done.
    expect(at('start index a on c2')).toBeLessThan(r.log.findIndex((l) => l.startsWith('start copy c')));
  });

  it('after a failure starts nothing new, waits for the tasks under way, then throws the failure', async () => {
    const r = recorder();
    const tasks = [
      r.task('copy a', [], true),
      r.task('copy b'),
      r.task('index b', ['copy b']),
      r.task('copy c'),
    ];
    await expect(runTasks(tasks, 2, r.withConnection)).rejects.toThrow('copy a failed');
    // copy b was under way when copy a failed: it ended before the error came back; nothing started after.
    expect(r.log).toContain('end copy b');
    expect(r.log.filter((l) => l.startsWith('start'))).toEqual(['start copy a on c0', 'start copy b on c1']);
  });

  it('refuses a task that waits for one that does not exist, and a cycle, instead of hanging', async () => {
    const r = recorder();
    await expect(runTasks([r.task('index a', ['copy a'])], 2, r.withConnection)).rejects.toThrow(
      /unknown copy a/,
    );
    await expect(runTasks([r.task('a', ['b']), r.task('b', ['a'])], 2, r.withConnection)).rejects.toThrow(
      /never ready: a, b/,
    );
  });
});

describe("the import's load tasks", () => {
  it('start the second half of the quotes’ full-text index as soon as that half is copied', async () => {
    const db = await openPglite();
    await ensureSchema(db);
    const bundle = validateFiles(
      'synthetic',
      generateDataset({ entities: 50, relations: 200, seed: 3 }).files,
    ).bundle!;
    const tasks = await loadTasks(db, 1, versionRows(bundle, 1));
    await db.close();
    // Each task stands in for its work by a pause as long, relatively, as at 5M: copies short, B-trees
    // longer, the full-text halves longest.
    const log: string[] = [];
    const pause = (name: string) =>
      name.startsWith('copy') ? 20 : name.includes('quotes_words') ? 300 : name.startsWith('index') ? 60 : 5;
    const timed = tasks.map((t): LoadTask<string> => ({
      name: t.name,
      after: t.after,
      run: async () => {
        log.push(`start ${t.name}`);
        await new Promise((r) => setTimeout(r, pause(t.name)));
        log.push(`end ${t.name}`);
      },
    }));
    await runTasks(timed, 3, (work) => work('c'));
    const second = log.findIndex((l) => /^start index tl_quotes_words_v1_p1$/.test(l));
    const copied = log.indexOf('end copy tl_quotes p1');
    expect(second).toBeGreaterThan(copied);
    // It starts while the next copy is still under way: no connection was held by a shorter build.
    expect(second).toBeLessThan(log.indexOf('end copy tl_relations'));
    expect(
      log.slice(copied + 1, second).filter((l) => l.startsWith('start') && !l.startsWith('start copy')),
    ).toEqual([]);
  });
});
