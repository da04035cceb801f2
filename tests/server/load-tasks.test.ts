/** The import's task scheduler: order, width, and what a failure stops. No database: tasks are timers. */
import { describe, expect, it } from 'vitest';
import { runTasks, type LoadTask } from '../../src/server/load-tasks';

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
