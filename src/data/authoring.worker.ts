/**
 * Runs the authoring work that can take long off the main thread: the NLP pass over a long text takes a
 * second or more, the loom reads every sentence of every source, and a dataset zip is inflated, decoded
 * and checked here (a large one made a long task on the main thread), as is a picked source file's text
 * and a spreadsheet's rows anchored in their source (lenient matching reads the whole text per row).
 */
import { importCsv, type CsvImport } from '../model/authoring/csv';
import type { Draft } from '../model/authoring/draft';
import type { DraftFromFilesResult } from '../model/authoring/draft-files';
import { draftFromZip } from '../model/authoring/draft-files-zip';
import { loomCandidates, type LoomCandidate } from '../model/authoring/loom';
import { findMentions, type Mention } from '../model/authoring/mentions';
import { decodeIntake } from './source-intake-decode';
import type { IntakeResult } from './source-intake-types';

/** Where reading a zip has got to, for the import to show. */
export type ZipProgress = { stage: 'unzipping'; bytes: number } | { stage: 'checking'; files: number };

export type AuthoringRequest =
  | { id: number; type: 'mentions'; text: string }
  | { id: number; type: 'loom'; draft: Draft; skipped: string[] }
  | { id: number; type: 'zip'; bytes: Uint8Array; key: string; label: string }
  | { id: number; type: 'decode'; name: string; bytes: Uint8Array; mime: string }
  | {
      id: number;
      type: 'csv';
      draft: Draft;
      sheets: { entities?: string; relations?: string };
      sourceId: string;
    };

export type AuthoringReply =
  | { id: number; ok: true; mentions: Mention[] }
  | { id: number; ok: true; loom: LoomCandidate[] }
  | { id: number; ok: true; zip: DraftFromFilesResult }
  | { id: number; ok: true; decoded: IntakeResult }
  | { id: number; ok: true; csv: CsvImport }
  | { id: number; ok: false; error: string };

/** Sent before the reply, any number of times. */
export interface AuthoringProgress {
  id: number;
  progress: ZipProgress;
}

function answer(msg: AuthoringRequest): AuthoringReply {
  switch (msg.type) {
    case 'mentions':
      return { id: msg.id, ok: true, mentions: findMentions(msg.text) };
    case 'loom':
      return { id: msg.id, ok: true, loom: loomCandidates(msg.draft, new Set(msg.skipped)) };
    case 'decode':
      return { id: msg.id, ok: true, decoded: decodeIntake(msg.name, msg.bytes, msg.mime) };
    case 'csv':
      return { id: msg.id, ok: true, csv: importCsv(msg.draft, msg.sheets, msg.sourceId) };
    case 'zip': {
      const progress = (p: ZipProgress) =>
        self.postMessage({ id: msg.id, progress: p } satisfies AuthoringProgress);
      progress({ stage: 'unzipping', bytes: msg.bytes.byteLength });
      const zip = draftFromZip(msg.bytes, {
        key: msg.key,
        label: msg.label,
        onUnzipped: (files) => progress({ stage: 'checking', files }),
      });
      return { id: msg.id, ok: true, zip };
    }
  }
}

self.onmessage = (e: MessageEvent<AuthoringRequest>) => {
  let reply: AuthoringReply;
  try {
    reply = answer(e.data);
  } catch (err) {
    reply = { id: e.data.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(reply);
};
