/** Data exports of the drawn subgraph (bundle, GraphML, GEXF, CSV zip) as Blobs, through the same code the CLI uses. */
import { exportData, type DataFormat } from '../../model/export/formats';
import { selectExportLooks, selectSubgraph } from '../../store/selectors';
import type { ThreadlineActions, ThreadlineState } from '../../store/store';
import { subBundleSourceIds } from '../../model/export/sub-bundle';
import { ExportError } from './image-options';

/**
 * The bundle carries its sources' texts: a server dataset's long sources, held as windows, are fetched whole
 * into the model first (`progress` hears the characters read). Nothing is written unless all arrived.
 */
export async function exportDataFileWithTexts(
  store: { getState(): ThreadlineState & Pick<ThreadlineActions, 'wholeTexts'> },
  format: DataFormat,
  progress: (read: number, total: number) => void,
): Promise<{ fileName: string; blob: Blob }> {
  const state = store.getState();
  if (format === 'json' && state.model) {
    const ids = subBundleSourceIds(state.model, selectSubgraph(state));
    try {
      if (!(await state.wholeTexts(ids, progress)))
        throw new ExportError('Another dataset opened meanwhile; nothing was exported.');
    } catch (e) {
      if (e instanceof ExportError) throw e;
      throw new ExportError(
        `The source texts the bundle carries could not be fetched, so nothing was exported: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
  return exportDataFile(store.getState(), format);
}

export function exportDataFile(state: ThreadlineState, format: DataFormat): { fileName: string; blob: Blob } {
  if (!state.model) throw new ExportError('No dataset is loaded.');
  const focus = state.selection?.kind === 'entity' ? state.selection.id : null;
  const result = exportData(state.model, selectSubgraph(state), {
    format,
    focus,
    positions: state.positions,
    ...selectExportLooks(state),
  });
  if (!result.ok) throw new ExportError(result.reason);
  const { content, fileName, mime } = result.file;
  // A copy into a fresh ArrayBuffer-backed array, which Blob's typings require of binary parts.
  const part = typeof content === 'string' ? content : new Uint8Array(content);
  const blob = new Blob([part], { type: mime });
  if (blob.size === 0) throw new ExportError('The export came out empty.');
  return { fileName, blob };
}
