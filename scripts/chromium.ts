/**
 * The system Chromium, with the flags this sandboxed, offline machine needs. Shared by the export CLI, the
 * README images, the end-to-end tests and the benchmark, so it lives with the scripts rather than under
 * tests/ or bench/.
 */
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
