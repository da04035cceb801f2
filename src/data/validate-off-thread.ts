/** Runs bundle validation in a Web Worker (falling back to the main thread where workers are unavailable). */
import type { BundleValidation } from '../model/validate-bundle';
import { validateBundleText } from '../model/validate-bundle';

export function validateOffThread(text: string, file: string): Promise<BundleValidation> {
  if (typeof Worker === 'undefined') return Promise.resolve(validateBundleText(text, file));
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./bundle.worker.ts', import.meta.url), { type: 'module' });
    const done = (result: BundleValidation) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (e: MessageEvent<BundleValidation>) => done(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      done({
        problems: [
          {
            severity: 'error',
            code: 'bundle-format',
            file,
            pointer: '',
            message: `validation failed: ${e.message}`,
          },
        ],
      });
    };
    worker.postMessage({ text, file });
  });
}
