/** The system Chromium every e2e test uses, with the flags this sandboxed, offline machine needs. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const chromiumPath = (): string => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/** A context with downloads allowed, at the size the product is designed for. */
export async function newContext(browser: Browser, width = 1280, height = 720): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width, height }, acceptDownloads: true });
}

export const ARTIFACTS = join(import.meta.dirname, 'artifacts');
export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'threadline-e2e-'));
