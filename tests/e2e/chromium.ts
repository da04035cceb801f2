/** The e2e side of the shared Chromium launcher (scripts/chromium.ts): where tests put screenshots and files. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export { CHROMIUM_ARGS, chromiumPath, launchBrowser, newContext } from '../../scripts/chromium';

export const ARTIFACTS = join(import.meta.dirname, 'artifacts');
export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'threadline-e2e-'));
