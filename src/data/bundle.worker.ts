/** Parses and validates bundle text off the main thread, so a large or hostile file never freezes the UI. */
import { validateBundleText } from '../model/validate-bundle';

export interface WorkerRequest {
  text: string;
  file: string;
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  try {
    self.postMessage(validateBundleText(e.data.text, e.data.file));
  } catch (err) {
    self.postMessage({
      problems: [
        {
          severity: 'error',
          code: 'bundle-format',
          file: e.data.file,
          pointer: '',
          message: `could not read the bundle: ${String(err)}`,
        },
      ],
    });
  }
};
