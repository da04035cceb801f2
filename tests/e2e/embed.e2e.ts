import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedAppPage } from './app-page';
import { seriousViolations } from './axe';
import { ARTIFACTS, launchBrowser, newContext, tempDir } from './chromium';

declare global {
  interface Window {
    threadlineEmbed?: {
      settled(): Promise<void>;
      edgePoint(id: string): { x: number; y: number } | null;
    };
  }
}

/** The single-file embed: exported from the app, opened from disk in a browser that has never seen the app. */
describe('single-file interactive embed', () => {
  const page = sharedAppPage();
  const dir = tempDir();
  let file = '';
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  async function exportEmbed(): Promise<string> {
    const button = page().getByRole('button', { name: 'Interactive page (HTML)' });
    if (!(await button.isVisible()))
      await page().getByRole('button', { name: 'Export', exact: true }).click();
    const [download] = await Promise.all([page().waitForEvent('download'), button.click()]);
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    return path;
  }

  it('exports the article’s whole graph, with a story step, as one HTML file under 1.5 MB', async () => {
    await page().evaluate(() => {
      const a = window.threadline!.actions;
      const m = window.threadline!.getState().model!;
      a.addEntities([...m.entities.keys()]);
      a.addStoryStep('Everything the dataset holds');
    });
    await page().waitForFunction(() => window.threadline!.settled());
    file = await exportEmbed();
    const size = readFileSync(file).length;
    expect(size).toBeLessThan(1.5 * 1024 * 1024);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script[^>]+src=/);
    // The page a reader clicks through below: Eric Trump's neighbourhood, small enough to click an edge clear
    // of the others.
    // Its story has two steps: Eric Trump alone, then his neighbourhood, so the reader below opens on
    // one node and must turn a step to reach the edge it clicks.
    await page().evaluate(() => {
      const a = window.threadline!.actions;
      a.clearView();
      a.removeStoryStep(0);
      a.addEntities(['eric-trump']);
    });
    await page().waitForFunction(() => window.threadline!.settled());
    await page().evaluate(() => {
      const a = window.threadline!.actions;
      a.addStoryStep('Eric Trump');
      a.expand('eric-trump');
    });
    await page().waitForFunction(() => window.threadline!.settled());
    await page().evaluate(() => window.threadline!.actions.addStoryStep('Where his money came from'));
    file = await exportEmbed();
  });

  it('opens from file:// with no network, and clicking an edge shows its quote with status and source', async () => {
    const context = await newContext(browser!);
    const requests: string[] = [];
    context.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    const p = await context.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    await p.setViewportSize({ width: 1440, height: 900 });
    await p.goto(pathToFileURL(file).href);
    await p.waitForFunction(() => window.threadlineEmbed !== undefined);
    const data = JSON.parse((await p.locator('#threadline-data').textContent()) ?? '{}') as {
      relations: Array<{ id: string; quotes: Array<{ exact: string }>; sentence: string }>;
    };
    const relation = data.relations.find((r) => r.quotes.some((q) => q.exact.includes('golf courses')))!;
    const story = p.locator('#story');
    await expect.poll(() => story.textContent()).toContain('Step 1 of 2');
    expect(await p.evaluate((id) => window.threadlineEmbed!.edgePoint(id), relation.id)).toBeNull();
    await story.locator('button', { hasText: 'Next' }).click();
    await expect.poll(() => story.textContent()).toContain('Where his money came from');
    await p.evaluate(() => window.threadlineEmbed!.settled());
    const point = await p.evaluate((id) => window.threadlineEmbed!.edgePoint(id), relation.id);
    await p.mouse.click(point!.x, point!.y);
    const panel = p.locator('#panel');
    await panel.locator('blockquote').first().waitFor();
    const shown = await panel.textContent();
    expect(shown).toContain('golf courses');
    expect(shown).toContain(relation.sentence);
    expect(shown).toMatch(/Reported|Claim|Fact/);
    expect(shown).toContain('Worldcrunch');
    await p.screenshot({ path: join(ARTIFACTS, 'embed-desktop.png') });
    expect(await seriousViolations(p)).toEqual([]);
    await p.setViewportSize({ width: 390, height: 844 });
    await p.screenshot({ path: join(ARTIFACTS, 'embed-phone.png'), fullPage: true });
    expect(await seriousViolations(p)).toEqual([]);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('runs nothing a hostile name or quote carries', async () => {
    const html = readFileSync(file, 'utf8');
    const hostile = html.replace(
      /"name":"Eric Trump"/,
      '"name":"</script><script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>"',
    );
    const path = join(dir, 'hostile.html');
    writeFileSync(path, hostile);
    const context = await newContext(browser!);
    const p = await context.newPage();
    await p.goto(pathToFileURL(path).href);
    expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await context.close();
  });
});
