import { afterEach, describe, expect, it } from 'vitest';
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datasetCompiler } from '../../scripts/vite-datasets-plugin';
import { FIXTURES } from './fixtures';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The dev server's compiler over one copy of the minimal dataset. */
function compilerOverCopy() {
  dir = mkdtempSync(join(tmpdir(), 'threadline-dev-'));
  cpSync(join(FIXTURES, 'valid-minimal'), dir, { recursive: true });
  return datasetCompiler(() => [dir]);
}

describe('the dev server compiles a dataset again only when it changed', () => {
  it('serves repeated requests from the first compilation', () => {
    const compiler = compilerOverCopy();
    const first = compiler.compileAll();
    const again = compiler.compileAll();
    expect(compiler.compilations).toBe(1);
    expect(again[0]!.body).toBe(first[0]!.body);
  });

  it('compiles again when a dataset file or a source text is edited', () => {
    const compiler = compilerOverCopy();
    compiler.compileAll();
    const entities = join(dir, 'entities.json');
    writeFileSync(entities, readFileSync(entities, 'utf8').replace('Ada Lovelace', 'Augusta Ada King'));
    expect(compiler.compileAll()[0]!.body).toContain('Augusta Ada King');
    expect(compiler.compilations).toBe(2);
    appendFileSync(join(dir, 'sources', 'letter.txt'), ' A postscript.');
    expect(compiler.compileAll()[0]!.body).toContain('A postscript.');
    expect(compiler.compilations).toBe(3);
  });

  it('notices an edit that keeps the size, by its modification time', () => {
    const compiler = compilerOverCopy();
    compiler.compileAll();
    const entities = join(dir, 'entities.json');
    writeFileSync(entities, readFileSync(entities, 'utf8').replace('Ada Lovelace', 'Ada Lovelacf'));
    const later = new Date(Date.now() + 5_000);
    utimesSync(entities, later, later);
    expect(compiler.compileAll()[0]!.body).toContain('Ada Lovelacf');
  });
});

describe('the dev server answers a broken dataset with a capped list', () => {
  it('sends the first 200 errors and how many there are, not every one', () => {
    const compiler = compilerOverCopy();
    const entities = join(dir, 'entities.json');
    const file = JSON.parse(readFileSync(entities, 'utf8')) as { entities: Array<Record<string, unknown>> };
    // 5,000 entities of a type the vocabulary does not have: one error each.
    for (let i = 0; i < 5_000; i++)
      file.entities.push({ id: `bad-${i}`, type: 'spaceship', name: `Bad ${i}`, description: 'Not a type.' });
    writeFileSync(entities, JSON.stringify(file));
    const [compiled] = compiler.compileAll();
    const body = JSON.parse(compiled!.body) as { problems: Array<{ severity: string }>; total: number };
    expect(body.total).toBeGreaterThanOrEqual(5_000);
    expect(body.problems).toHaveLength(200);
    expect(body.problems.every((p) => p.severity === 'error')).toBe(true);
  });
});
