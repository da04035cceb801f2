import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './chromium';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** `npm run export -- --format png`: the CLI serves the built app, opens the view in headless Chromium and saves its export. */
describe('export CLI images', () => {
  it('renders the neighbourhood of an entity to a PNG with its citations', () => {
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
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 90_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/png, \d+ entities and \d+ relations within 1 of eric-trump/);
    const png = readFileSync(out);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(width).toBeGreaterThanOrEqual(640);
    // The evidence footer makes the image taller than the graph alone.
    expect(height).toBeGreaterThan(width);
    expect(png.length).toBeGreaterThan(20_000);
  }, 90_000);
});
