/** Opens a bundle file the user picked or dropped: loaded progressively, and only on success does it replace the dataset. */
import type { LoadProgress } from '../../data/load-bundle';
import { keepOpenedFile } from '../../data/drafts-db';
import { loadBundleFile } from '../../data/load-dataset';
import { MAX_JSON_BYTES } from '../../model/format/limits';
import type { Problem } from '../../model/format/problems';
import type { ThreadlineStore } from '../../store/store';

export type OpenResult =
  | { ok: true }
  | { ok: false; title: string; problems: Problem[] }
  /** Cancelled before it replaced anything: the explorer is as it was. */
  | { ok: 'cancelled' };

export async function openBundleFile(
  file: File,
  store: ThreadlineStore,
  onProgress?: (p: LoadProgress) => void,
  signal?: AbortSignal,
): Promise<OpenResult> {
  // Checked before reading, so a huge file is refused without loading it into memory.
  if (file.size > MAX_JSON_BYTES) {
    return {
      ok: false,
      title: `${file.name} could not be opened`,
      problems: [
        {
          severity: 'error',
          code: 'too-large',
          file: file.name,
          pointer: '',
          message: `the file is ${Math.round(file.size / 1e6)} MB; bundles are limited to ${MAX_JSON_BYTES / 1e6} MB`,
        },
      ],
    };
  }
  // Read, parsed and checked by the loading worker; the model is built here in short slices.
  let result;
  try {
    result = await loadBundleFile(file, file.name, { onProgress, signal });
  } catch (e) {
    if (signal?.aborted) return { ok: 'cancelled' };
    throw e;
  }
  // Cancel may land after the last step but before this: the load is then dropped like any other.
  if (signal?.aborted) return { ok: 'cancelled' };
  if (!result.ok) return result;
  const s = store.getState();
  s.setModel(result.model, result.search);
  s.openDefault();
  const { title } = result.model.dataset;
  s.notify('info', `Opened “${title}” from ${file.name}.`);
  // Kept in this browser, so a reload opens it again rather than the bundled dataset.
  await keepOpenedFile(file, file.name).catch(() =>
    s.notify('warning', `${file.name} could not be kept in this browser; a reload will not reopen it.`),
  );
  return { ok: true };
}
