import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './chromium';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** `npm run export -- --format png`: the CLI serves the built app, opens the view in headless Chromium and saves its export. */
describe('export CLI images', () => {
  it('renders the neighbourhood of an entity to a PNG with its citations', () => {
    const render = (...extra: string[]) => {
      const out = join(tempDir(), 'eric.png');
      const r = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'scripts/export.ts',
          '--dataset',
          'graph-data/trump-putin',
          '--focus',
          'eric-trump',
          '--format',
          'png',
          '--scale',
          '1',
          '--out',
          out,
          ...extra,
        ],
        { cwd: ROOT, encoding: 'utf8', timeout: 90_000 },
      );
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/png, \d+ entities and \d+ relations within 1 of eric-trump/);
      const png = readFileSync(out);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      return { png, width: png.readUInt32BE(16), height: png.readUInt32BE(20), stdout: r.stdout };
    };
    const cited = render();
    expect(cited.width).toBeGreaterThanOrEqual(640);
    expect(cited.png.length).toBeGreaterThan(20_000);
    // The evidence footer is what the same view without citations lacks: a third of the image, the rest of the
    // evidence on a page 2 of the same size.
    const bare = render('--no-citations');
    expect(cited.height).toBeGreaterThan(bare.height + 100);
    expect(cited.stdout).toMatch(/-page2\.png: page 2, the evidence continued/);
    expect(bare.stdout).not.toMatch(/page 2/);
  }, 180_000);
});
