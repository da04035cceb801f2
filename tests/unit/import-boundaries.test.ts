import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|mts|mjs|js)$/.test(f) && !f.split(/[\\/]/).includes('node_modules'))
    .map((f) => join(ROOT, dir, f));
}

/** Top-level folders that files under `dir` reach through relative imports (static, dynamic, re-exports). */
function foldersImportedFrom(dir: string): Array<{ file: string; specifier: string; folder: string }> {
  return sourceFiles(dir).flatMap((file) =>
    ts
      .preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles.filter((i) => i.fileName.startsWith('.'))
      .map((i) => ({
        file: relative(ROOT, file),
        specifier: i.fileName,
        folder: relative(ROOT, resolve(dirname(file), i.fileName)).split(/[\\/]/)[0]!,
      })),
  );
}

/** Code flows from the product outwards: tests and the benchmark may use the app and its scripts, never the reverse. */
describe('import boundaries', () => {
  it('the app (src/) imports nothing from tests/, bench/ or scripts/', () => {
    const crossing = foldersImportedFrom('src').filter((i) =>
      ['tests', 'bench', 'scripts'].includes(i.folder),
    );
    expect(crossing).toEqual([]);
  });

  it('the CLIs (scripts/) import nothing from tests/ or bench/', () => {
    const crossing = foldersImportedFrom('scripts').filter((i) => ['tests', 'bench'].includes(i.folder));
    expect(crossing).toEqual([]);
  });

  it('sees imports at all (a walk that finds none would pass vacuously)', () => {
    expect(foldersImportedFrom('scripts').some((i) => i.folder === 'src')).toBe(true);
  });
});
