/** The drawn view (and the story) as one HTML file a reader opens from disk or any static host. */
import { embedData } from '../../model/embed/embed-data';
import { embedPage, scriptForPage } from '../../model/embed/embed-page';
import { selectSubgraph } from '../../store/selectors';
import type { ThreadlineActions, ThreadlineState } from '../../store/store';
import { ExportError } from '../export/image-options';

async function sha256Base64(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let s = '';
  new Uint8Array(digest).forEach((b) => (s += String.fromCharCode(b)));
  return btoa(s);
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'threadline';

/**
 * The page carries each quote in its context: on a server dataset, the text around quotes the server sent
 * alone is fetched into the model first, and nothing is written unless it all arrived.
 */
export async function exportEmbed(store: {
  getState(): ThreadlineState & Pick<ThreadlineActions, 'quoteContexts'>;
}): Promise<{ fileName: string; blob: Blob; note: string }> {
  const before = store.getState();
  if (!before.model) throw new ExportError('No dataset is open.');
  const quoteIds = selectSubgraph(before).relations.flatMap((r) => r.evidence);
  try {
    if (!(await before.quoteContexts(quoteIds)))
      throw new ExportError('Another dataset opened meanwhile; nothing was exported.');
  } catch (e) {
    if (e instanceof ExportError) throw e;
    throw new ExportError(
      `The text around the quotes could not be fetched, so nothing was exported: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const s = store.getState();
  const model = s.model;
  if (!model) throw new ExportError('No dataset is open.');
  const sources = [...model.sources.values()].map((src) =>
    [src.title, src.publisher].filter(Boolean).join(', '),
  );
  const credit = `Made with Threadline. Sources: ${sources.join('; ')}.`;
  const result = embedData(model, selectSubgraph(s), s.positions, s.story, credit);
  if ('error' in result) throw new ExportError(result.error);
  // Loaded on first use: the page's script (Cytoscape included) is not part of the explorer's own load.
  const runtime = (await import('virtual:threadline-embed-runtime')).default;
  const html = embedPage(result.data, runtime, await sha256Base64(scriptForPage(runtime)));
  const blob = new Blob([html], { type: 'text/html;charset=utf-8' });
  return {
    fileName: `${slug(model.dataset.id)}-embed.html`,
    blob,
    note: `(${Math.round(blob.size / 1024)} KB)`,
  };
}
