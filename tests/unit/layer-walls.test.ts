import { Linter } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import walls from '../../scripts/eslint-layer-walls.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The wall rule's messages for `code` as if it stood in `file` (a path from the project's root). */
function wallsSay(file: string, code: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: { sourceType: 'module' },
        plugins: { threadline: walls },
        rules: { 'threadline/layer-walls': 'error' },
      },
    ],
    resolve(ROOT, file),
  );
  return messages.map((m) => m.message);
}

describe('the layer walls the linter holds', () => {
  it('stops the model from reaching up into the store, however many ../ it takes', () => {
    expect(wallsSay('src/model/core/queries.ts', "import { x } from '../../store/store';")).toEqual([
      expect.stringContaining('src/model may not import src/store/store'),
    ]);
  });

  it('keeps Cytoscape inside graph-view and React out of the domain', () => {
    expect(wallsSay('src/features/export/x.ts', "import cytoscape from 'cytoscape';")).toHaveLength(1);
    expect(wallsSay('src/graph-view/x.ts', "import cytoscape from 'cytoscape';")).toEqual([]);
    expect(wallsSay('src/model/core/x.ts', "import { useState } from 'react';")).toHaveLength(1);
  });

  it('lets features use the canvas only through its handle', () => {
    expect(
      wallsSay('src/features/export/x.ts', "import { h } from '../../graph-view/canvas-handle';"),
    ).toEqual([]);
    expect(
      wallsSay('src/features/export/x.ts', "import { h } from '../../graph-view/sync-elements';"),
    ).toHaveLength(1);
  });

  it('keeps tests, bench and scripts out of product code, and tests and bench out of scripts', () => {
    expect(wallsSay('src/app/x.ts', "import { c } from '../../tests/e2e/chromium';")).toHaveLength(1);
    expect(wallsSay('scripts/x.ts', "import { c } from '../bench/run';")).toHaveLength(1);
    expect(wallsSay('src/app/x.ts', "import { m } from '../model/core/model';")).toEqual([]);
  });

  it('lets the server use the model but keeps the browser out of it, and the database out of the browser', () => {
    expect(wallsSay('src/server/x.ts', "import { m } from '../model/core/model';")).toEqual([]);
    expect(wallsSay('src/server/x.ts', "import { s } from '../store/store';")).toHaveLength(1);
    expect(wallsSay('src/server/x.ts', "import { useState } from 'react';")).toHaveLength(1);
    expect(wallsSay('src/server/x.ts', "import pg from 'pg';")).toEqual([]);
    expect(wallsSay('src/features/x.ts', "import pg from 'pg';")).toHaveLength(1);
    expect(wallsSay('src/data/x.ts', "import { PGlite } from '@electric-sql/pglite';")).toHaveLength(1);
    expect(wallsSay('src/app/x.ts', "import { createApp } from '../server/app';")).toHaveLength(1);
  });
});
