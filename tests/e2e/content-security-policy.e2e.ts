import { unzipSync } from 'fflate';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clickElement, clickToSelect, openApp } from './app-page';
import { ARTIFACTS, launchBrowser, newContext, tempDir } from './chromium';
import { exportFiles } from './export-downloads';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  /** Where the refused code is: file:line. */
  at: string;
}

declare global {
  interface Window {
    cspViolations?: Violation[];
  }
}

/**
 * The built app under its Content-Security-Policy: a person's whole session (load, search, expand, evidence,
 * source, filters, connections, exports, Open…) runs without the browser refusing anything.
 */
describe('the built app under its Content-Security-Policy', () => {
  let browser: Browser | undefined;
  let page: Page | undefined;
  /** Chromium's own console report of a refused load or inline script, which also covers what the event misses. */
  const consoleReports: string[] = [];
  const dir = tempDir();
  const p = () => page!;

  const violations = async () => [
    ...(await p().evaluate(() => window.cspViolations ?? [])).map((v) =>
      `${v.directive} blocked ${v.blocked || '(inline)'} at ${v.at} ${v.sample}`.trim(),
    ),
    ...consoleReports,
  ];

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await newContext(browser);
    // Before any of the app's code runs, so the first refusal is already recorded.
    await context.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.cspViolations!.push({
          directive: e.violatedDirective,
          blocked: e.blockedURI,
          sample: e.sample,
          at: `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
        }),
      );
    });
    page = await context.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) consoleReports.push(m.text());
    });
    await openApp(page, inject('baseUrl'));
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => browser?.close());

  const menu = () => p().getByRole('dialog', { name: 'Export' });
  async function download(button: string): Promise<string> {
    if (!(await menu().isVisible())) await p().getByRole('button', { name: 'Export', exact: true }).click();
    // An image's further pages come with it: all of them, so the next export's file is its own.
    const [first] = await exportFiles(p(), menu(), button, dir);
    return first!.path;
  }

  it('is in the page, and allows no inline or evaluated script', async () => {
    const policy = await p().evaluate(
      () =>
        document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
    );
    expect(policy).not.toBeNull();
    const directives = new Map(
      policy!.split(';').map((d) => {
        const [name, ...sources] = d.trim().split(/\s+/);
        return [name!, sources] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    for (const [name, sources] of directives) {
      expect(sources, name).not.toContain("'unsafe-inline'");
      expect(sources, name).not.toContain("'unsafe-eval'");
    }
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(await violations()).toEqual([]);
  });

  it('search, expand, an edge’s evidence and its source raise no violation', async () => {
    const box = p().getByRole('combobox', { name: 'Search entities' });
    await box.fill('Eric');
    await box.press('Enter');
    await p().waitForFunction(() => window.threadline!.cy!.$id('eric-trump').nonempty());
    await p().evaluate(() => window.threadline!.actions.hide(['russia']));
    await p().waitForFunction(() => window.threadline!.cy!.$id('russia').empty());
    await clickElement(p(), 'eric-trump', { double: true });
    await p().waitForFunction(() => window.threadline!.cy!.$id('russia').nonempty());
    const edgeId = await p().evaluate(() => {
      const m = window.threadline!.getState().model!;
      return [...m.relations.values()].find((r) => r.source === 'eric-trump' && r.target === 'russia')!.id;
    });
    await clickToSelect(p(), edgeId);
    await p().getByTestId('inspector').locator('blockquote').first().waitFor();
    await p().getByRole('button', { name: 'Show in source' }).first().click();
    await p().getByTestId('source-reader').locator('mark.is-focused').first().waitFor();
    await p().screenshot({ path: join(ARTIFACTS, 'csp-source-reader.png') });
    expect(await violations()).toEqual([]);
  });

  it('filters and the connection finder raise no violation', async () => {
    await p().getByRole('button', { name: 'Filters', exact: true }).click();
    const filters = p().getByTestId('filters-panel');
    await filters.getByRole('button', { name: 'Facts only' }).click();
    await filters.getByRole('button', { name: 'Connections' }).click();
    await p().getByRole('button', { name: 'Connect', exact: true }).click();
    const paths = p().getByTestId('paths-panel');
    await paths.getByRole('combobox', { name: 'From: search entities' }).fill('Eric Trump');
    await p().keyboard.press('Enter');
    await paths.getByRole('combobox', { name: 'To: search entities' }).fill('Putin');
    await p().keyboard.press('Enter');
    await paths.locator('.path-card, .path-none').first().waitFor();
    await p().screenshot({ path: join(ARTIFACTS, 'csp-connections.png') });
    expect(await violations()).toEqual([]);
  });

  it('exporting PNG, SVG and data, then opening the exported bundle, raises no violation', async () => {
    // The whole view's evidence takes more than four pages, which come as one zip: its first page is read.
    const firstPage = (path: string) =>
      Buffer.from(
        path.endsWith('.zip') ? Object.values(unzipSync(readFileSync(path)))[0]! : readFileSync(path),
      );
    expect(
      firstPage(await download('PNG'))
        .subarray(1, 4)
        .toString('latin1'),
    ).toBe('PNG');
    expect(firstPage(await download('SVG')).toString('utf8')).toContain('<svg');
    await download('GraphML');
    await download('CSV (.zip)');
    const bundle = await download('Bundle (.json)');
    await p().getByTestId('open-bundle-input').setInputFiles(bundle);
    await p().waitForFunction(() =>
      window.threadline!.getState().notices.some((n) => n.text.includes('Opened')),
    );
    await p().waitForFunction(() => window.threadline!.getState().positions.size > 0);
    expect(await violations()).toEqual([]);
  });

  it('would have reported a violation: an injected inline script is refused and recorded', async () => {
    await p().evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.head.append(s);
    });
    await p().waitForFunction(() => (window.cspViolations ?? []).length > 0);
    expect(await p().evaluate(() => 'inlineRan' in window)).toBe(false);
    expect((await violations()).join('\n')).toMatch(/script-src/);
  });
});
