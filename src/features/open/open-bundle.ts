/** Opens a bundle file the user picked or dropped: validated off the main thread, and only on success does it replace the dataset. */
import { loadBundleText } from '../../data/load-dataset';
import { MAX_JSON_BYTES } from '../../model/json-with-positions';
import type { Problem } from '../../model/problems';
import type { ThreadlineStore } from '../../store/store';

export type OpenResult = { ok: true } | { ok: false; title: string; problems: Problem[] };

export async function openBundleFile(file: File, store: ThreadlineStore): Promise<OpenResult> {
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
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return {
      ok: false,
      title: `${file.name} could not be opened`,
      problems: [
        {
          severity: 'error',
          code: 'file-missing',
          file: file.name,
          pointer: '',
          message: `could not read the file: ${String(e)}`,
        },
      ],
    };
  }
  const result = await loadBundleText(text, file.name);
  if (!result.ok) return result;
  const s = store.getState();
  s.setModel(result.model, result.search);
  s.showDefault();
  const { title } = result.model.bundle.dataset;
  s.notify('info', `Opened “${title}” from ${file.name}.`);
  return { ok: true };
}
