/** Data exports of the drawn subgraph (bundle, GraphML, GEXF, CSV zip) as Blobs, through the same code the CLI uses. */
import { exportData, type DataFormat } from '../../model/export/formats';
import { selectExportLooks, selectSubgraph } from '../../store/selectors';
import type { ThreadlineState } from '../../store/store';
import { ExportError } from './image-options';

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
