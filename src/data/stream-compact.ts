/**
 * The worker's side of loading a compact dataset: read, parse and check the index, post it in slices, then
 * do the same for the evidence. The explorer opens on the index; quotes follow.
 */
import { decodeEvidence, decodeIndex } from '../model/format/compact/decode';
import { IdIndex } from '../model/core/id-index';
import type { ModelData } from '../model/core/model-data';
import { depthProblem, sizeProblem } from '../model/format/limits';
import type { Problem } from '../model/format/problems';
import { compactSlices, type CompactSlice } from '../model/format/compact/slices';
import type { BundleInput, LoadFailure, LoadMessage, LoadRequest } from './load-protocol';
import { readInput } from './read-input';

type Post = (message: LoadMessage, transfer?: Transferable[]) => void;

/** Characters of source text per message. */
const TEXT_BATCH = 4_000_000;

const unreadable = (file: string, message: string): LoadFailure => ({
  reason: 'invalid',
  problems: [{ severity: 'error', code: 'json-syntax', file, pointer: '', message }] satisfies Problem[],
});

/** Reads and parses one of the two files; the text is out of reach once this returns. */
async function readJson(
  input: BundleInput,
  file: string,
  onBytes: (done: number, total: number) => void,
): Promise<{ ok: true; json: unknown } | { ok: false; failure: LoadFailure }> {
  const read = await readInput(input, onBytes);
  if (!read.ok) return read;
  const refuse = (problem: Problem) => ({
    ok: false as const,
    failure: { reason: 'invalid' as const, problems: [problem] },
  });
  const tooLarge = sizeProblem(read.text.length, file);
  if (tooLarge) return refuse(tooLarge);
  try {
    const json = JSON.parse(read.text) as unknown;
    // The same limits as bundles and the compiler, so the decoder never meets what they would refuse.
    const tooDeep = depthProblem(read.text, file, { value: json });
    return tooDeep ? refuse(tooDeep) : { ok: true, json };
  } catch (e) {
    return { ok: false, failure: unreadable(file, `not JSON: ${String(e)}`) };
  }
}

async function streamEvidence(request: LoadRequest, data: ModelData, post: Post): Promise<void> {
  const evidence = request.evidence!;
  const read = await readJson(evidence.input, evidence.file, () => {});
  if (!read.ok) return post({ type: 'evidence-failed', failure: read.failure });
  const quoteIndex = IdIndex.of(data.quoteIds);
  const decoded = decodeEvidence(read.json, data, quoteIndex, evidence.file, request.file);
  if (!decoded.ok)
    return post({ type: 'evidence-failed', failure: { reason: 'invalid', problems: decoded.problems } });
  const { texts, quotes: q } = decoded.value;
  // Texts in batches of a few million characters: copying 75 MB into the page in one message is a long task.
  for (let i = 0, chars = 0, from = 0; i <= texts.length; i++) {
    if (i === texts.length || (chars > 0 && chars + texts[i]!.length > TEXT_BATCH)) {
      if (i > from) post({ type: 'evidence-texts', texts: texts.slice(from, i) });
      from = i;
      chars = 0;
    }
    if (i < texts.length) chars += texts[i]!.length;
  }
  post(
    { type: 'evidence', evidence: { texts: [], quotes: q } },
    [q.source, q.start, q.end, q.speaker, q.occasion].map((a) => a.buffer),
  );
}

/** `evidenceWanted` holds the evidence back until the main thread asks for it. */
export async function streamCompact(
  request: LoadRequest,
  post: Post,
  evidenceWanted: Promise<void> = Promise.resolve(),
): Promise<void> {
  post({ type: 'progress', step: 'Reading', done: 0, total: 0 });
  const read = await readJson(request.input, request.file, (done, total) =>
    post({ type: 'progress', step: 'Reading', done, total }),
  );
  if (!read.ok) return post({ type: 'failed', failure: read.failure });
  post({ type: 'progress', step: 'Checking evidence', done: 0, total: 1 });
  const decoded = decodeIndex(read.json, request.file);
  if (!decoded.ok)
    return post({ type: 'failed', failure: { reason: 'invalid', problems: decoded.problems } });
  // What the evidence is checked against; the relation columns are handed over with the head below.
  const { dataset, relationTypes, entityTypes, sources, entities, quoteIds } = decoded.value.data;
  for (const slice of compactSlices(decoded.value)) post({ type: 'compact', slice }, transferablesOf(slice));
  post({ type: 'done' });
  const rest = { dataset, relationTypes, entityTypes, sources, entities, quoteIds, evidence: null };
  await evidenceWanted;
  await streamEvidence(request, { ...rest, relations: decoded.value.data.relations }, post);
}

/** The buffers a slice can hand over instead of copying; the worker must not touch them afterwards. */
function transferablesOf(slice: CompactSlice): Transferable[] {
  if (slice.kind !== 'head') return [];
  const { relations: r, search: s, adjacency: a } = slice.head;
  return [
    ...[r.source, r.target, r.type, r.status, r.evidenceStart, r.evidence],
    ...[s.phraseEntity, s.termStart, s.postings, s.nameLengths],
    ...[a.offsets, a.neighbours, a.relationOf],
  ].map((column) => column.buffer);
}
