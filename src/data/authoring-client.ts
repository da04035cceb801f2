/**
 * The Build workspace's way to the authoring worker: mentions of a text, the loom of a draft, a dataset
 * zip read into a draft, a source file's bytes decoded and a spreadsheet's import previewed, computed off the main thread (inline where
 * there are no workers, as in Node). The last few texts' mentions are kept, so reopening a source does
 * not run the NLP pass again.
 */
import { importCsv, type CsvImport } from '../model/authoring/csv';
import type { Draft } from '../model/authoring/draft';
import type { DraftFromFilesResult } from '../model/authoring/draft-files';
import { draftFromZip } from '../model/authoring/draft-files-zip';
import { loomCandidates, type LoomCandidate } from '../model/authoring/loom';
import { findMentions, type Mention } from '../model/authoring/mentions';
import type { AuthoringProgress, AuthoringReply, AuthoringRequest, ZipProgress } from './authoring.worker';
import { decodeIntake } from './source-intake-decode';
import type { IntakeResult } from './source-intake-types';

export type { ZipProgress } from './authoring.worker';

type Pending = {
  resolve(reply: AuthoringReply): void;
  reject(e: Error): void;
  progress?(p: ZipProgress): void;
};

let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let next = 1;

function channel(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./authoring.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<AuthoringReply | AuthoringProgress>) => {
    if ('progress' in e.data) return pending.get(e.data.id)?.progress?.(e.data.progress);
    const waiting = pending.get(e.data.id);
    pending.delete(e.data.id);
    waiting?.resolve(e.data);
  };
  w.onerror = (e) => {
    e.preventDefault();
    for (const p of pending.values()) p.reject(new Error(`the suggestions worker failed: ${e.message}`));
    pending.clear();
    // A fresh worker for the next request: one bad text must not end suggestions for the session.
    w.terminate();
    worker = null;
  };
  worker = w;
  return w;
}

type Request = AuthoringRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

function ask(
  request: Request,
  options: { transfer?: Transferable[]; progress?(p: ZipProgress): void } = {},
): Promise<AuthoringReply> {
  const id = next++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, ...(options.progress ? { progress: options.progress } : {}) });
    channel().postMessage({ ...request, id } as AuthoringRequest, options.transfer ?? []);
  });
}

const RECENT = 4;
const recent = new Map<string, Promise<Mention[]>>();

/** The grouped names of a text (see findMentions), computed in the worker. */
export function suggestMentions(text: string): Promise<Mention[]> {
  const known = recent.get(text);
  if (known) return known;
  const result =
    typeof Worker === 'undefined'
      ? Promise.resolve().then(() => findMentions(text))
      : ask({ type: 'mentions', text }).then((r) => {
          if (!r.ok) throw new Error(r.error);
          if (!('mentions' in r)) throw new Error('the suggestions worker answered another question');
          return r.mentions;
        });
  recent.set(text, result);
  result.catch(() => recent.delete(text));
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return result;
}

/** The loom's candidates for a draft (see loomCandidates), computed in the worker. */
export function suggestLoom(
  draft: Draft,
  skipped: ReadonlySet<string> = new Set(),
): Promise<LoomCandidate[]> {
  if (typeof Worker === 'undefined') return Promise.resolve().then(() => loomCandidates(draft, skipped));
  return ask({ type: 'loom', draft, skipped: [...skipped] }).then((r) => {
    if (!r.ok) throw new Error(r.error);
    if (!('loom' in r)) throw new Error('the suggestions worker answered another question');
    return r.loom;
  });
}

/**
 * A dataset zip read into a draft (see draftFromZip), inflated, decoded and checked in the worker; the
 * bytes are handed over, not copied. `progress` hears each stage.
 */
export function readDatasetZip(
  bytes: Uint8Array,
  options: { key: string; label: string },
  progress: (p: ZipProgress) => void = () => {},
): Promise<DraftFromFilesResult> {
  if (typeof Worker === 'undefined')
    return Promise.resolve().then(() => {
      progress({ stage: 'unzipping', bytes: bytes.byteLength });
      return draftFromZip(bytes, {
        ...options,
        onUnzipped: (files) => progress({ stage: 'checking', files }),
      });
    });
  return ask({ type: 'zip', bytes, ...options }, { transfer: [bytes.buffer], progress }).then((r) => {
    if (!r.ok) throw new Error(r.error);
    if (!('zip' in r)) throw new Error('the authoring worker answered another question');
    return r.zip;
  });
}

/** A picked source file's bytes checked and decoded in the worker (see decodeIntake); handed over, not copied. */
export function decodeSourceFile(name: string, bytes: Uint8Array, mime: string): Promise<IntakeResult> {
  if (typeof Worker === 'undefined') return Promise.resolve().then(() => decodeIntake(name, bytes, mime));
  return ask({ type: 'decode', name, bytes, mime }, { transfer: [bytes.buffer] }).then((r) => {
    if (!r.ok) throw new Error(r.error);
    if (!('decoded' in r)) throw new Error('the authoring worker answered another question');
    return r.decoded;
  });
}

/** What importing a spreadsheet would do (see importCsv), worked out in the worker. */
export function previewCsvImport(
  draft: Draft,
  sheets: { entities?: string; relations?: string },
  sourceId: string,
): Promise<CsvImport> {
  if (typeof Worker === 'undefined') return Promise.resolve().then(() => importCsv(draft, sheets, sourceId));
  return ask({ type: 'csv', draft, sheets, sourceId }).then((r) => {
    if (!r.ok) throw new Error(r.error);
    if (!('csv' in r)) throw new Error('the authoring worker answered another question');
    return r.csv;
  });
}
