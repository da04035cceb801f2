/**
 * How a page export's files reach the user: a few pages download side by side ("x.png", "x-page2.png"); more than
 * that, and browsers stop a burst of downloads part-way, so they come as one zip holding every page.
 */
import { zipSync } from 'fflate';

export const MAX_SEPARATE_PAGES = 4;

interface PageFile {
  fileName: string;
  blob: Blob;
}

export async function pageDownloads(first: PageFile, more: readonly PageFile[]): Promise<PageFile[]> {
  const all = [first, ...more];
  if (all.length <= MAX_SEPARATE_PAGES) return all;
  const entries = await Promise.all(
    all.map(async (f) => [f.fileName, new Uint8Array(await f.blob.arrayBuffer())] as const),
  );
  // PNGs are compressed already; storing them keeps the zip quick to make.
  const zip = zipSync(Object.fromEntries(entries), { level: 0 });
  const fileName = first.fileName.replace(/\.[a-z]+$/, '-pages.zip');
  return [{ fileName, blob: new Blob([zip], { type: 'application/zip' }) }];
}
