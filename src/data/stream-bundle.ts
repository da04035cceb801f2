/** The worker's side of a load: read, parse and validate, then send the records in slices and the search index. */
import type { Bundle } from '../model/format/bundle';
import { indexEntities } from '../model/search/search-index';
import { validateBundleText } from '../model/format/validate-bundle';
import { bundleSlices, headOf, recordCount } from './bundle-slices';
import type { LoadFailure, LoadMessage, LoadRequest } from './load-protocol';
import { readInput } from './read-input';

type Post = (message: LoadMessage) => void;

// Its own function so the text (hundreds of MB for a large bundle) can be collected once it is parsed.
async function readAndValidate(request: LoadRequest, post: Post): Promise<Bundle | LoadFailure> {
  const read = await readInput(request.input, (done, total) =>
    post({ type: 'progress', step: 'Reading', done, total }),
  );
  if (!read.ok) return read.failure;
  post({ type: 'progress', step: 'Checking evidence', done: 0, total: 1 });
  try {
    const { bundle, problems } = validateBundleText(read.text, request.file);
    return bundle ?? { reason: 'invalid', problems };
  } catch (err) {
    const message = `could not read the bundle: ${String(err)}`;
    return {
      reason: 'invalid',
      problems: [{ severity: 'error', code: 'bundle-format', file: request.file, pointer: '', message }],
    };
  }
}

export async function streamBundle(request: LoadRequest, post: Post): Promise<void> {
  post({ type: 'progress', step: 'Reading', done: 0, total: 0 });
  const bundle = await readAndValidate(request, post);
  if ('reason' in bundle) return post({ type: 'failed', failure: bundle });
  post({ type: 'head', head: headOf(bundle), records: recordCount(bundle) });
  for (const slice of bundleSlices(bundle)) post({ type: 'slice', slice });
  // Built here, while the main thread builds the graph from the slices already sent.
  post({ type: 'index', index: indexEntities(bundle.entities) });
  post({ type: 'done' });
}
