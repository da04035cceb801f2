/**
 * What the author made, kept in the browser (IndexedDB through idb): drafts, saved as they change and
 * listed to reopen, and the last dataset opened with Open…, so a reload does not lose it. A draft is
 * stored as the plain value it is; a small summary beside it keeps the list cheap to read.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Draft } from '../model/authoring/draft';

export interface DraftSummary {
  key: string;
  datasetId: string;
  title: string;
  updatedAt: string;
  sources: number;
  entities: number;
  relations: number;
}

/** A file opened with Open…, kept as the bytes the user picked. */
export interface OpenedFile {
  name: string;
  blob: Blob;
  openedAt: string;
}

interface ThreadlineDb extends DBSchema {
  drafts: { key: string; value: Draft };
  summaries: { key: string; value: DraftSummary; indexes: { updatedAt: string } };
  opened: { key: 'last'; value: OpenedFile };
}

export const DB_NAME = 'threadline';
const DB_VERSION = 1;

let db: Promise<IDBPDatabase<ThreadlineDb>> | undefined;

function open(): Promise<IDBPDatabase<ThreadlineDb>> {
  db ??= openDB<ThreadlineDb>(DB_NAME, DB_VERSION, {
    upgrade(d) {
      d.createObjectStore('drafts', { keyPath: 'key' });
      d.createObjectStore('summaries', { keyPath: 'key' }).createIndex('updatedAt', 'updatedAt');
      d.createObjectStore('opened');
    },
    // Another tab upgrading the schema: let it, and reopen on next use.
    blocking() {
      void db?.then((d) => d.close());
      db = undefined;
    },
  });
  // A failed open (storage disabled, quota) is retried next time rather than remembered.
  db.catch(() => (db = undefined));
  return db;
}

export function summarize(draft: Draft): DraftSummary {
  return {
    key: draft.key,
    datasetId: draft.dataset.id,
    title: draft.dataset.title,
    updatedAt: draft.updatedAt,
    sources: draft.sources.length,
    entities: draft.entities.length,
    relations: draft.relations.length,
  };
}

/** Stores the draft under its key, replacing what was there; the draft and its summary change together. */
export async function saveDraft(draft: Draft): Promise<void> {
  const d = await open();
  const tx = d.transaction(['drafts', 'summaries'], 'readwrite');
  await Promise.all([
    tx.objectStore('drafts').put(draft),
    tx.objectStore('summaries').put(summarize(draft)),
    tx.done,
  ]);
}

/** Every saved draft, the most recently edited first. */
export async function listDrafts(): Promise<DraftSummary[]> {
  const d = await open();
  const all = await d.getAllFromIndex('summaries', 'updatedAt');
  return all.reverse();
}

export async function loadDraft(key: string): Promise<Draft | undefined> {
  const d = await open();
  return d.get('drafts', key);
}

export async function deleteDraft(key: string): Promise<void> {
  const d = await open();
  const tx = d.transaction(['drafts', 'summaries'], 'readwrite');
  await Promise.all([tx.objectStore('drafts').delete(key), tx.objectStore('summaries').delete(key), tx.done]);
}

/** A key no saved draft has: time first, so keys sort by creation. */
export function newDraftKey(now: Date = new Date()): string {
  return `draft-${now.getTime().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
}

/** Keeps the file just opened with Open…, replacing the one kept before. */
export async function keepOpenedFile(file: File | Blob, name: string, now: Date = new Date()): Promise<void> {
  const d = await open();
  await d.put('opened', { name, blob: file, openedAt: now.toISOString() }, 'last');
}

export async function lastOpenedFile(): Promise<OpenedFile | undefined> {
  const d = await open();
  return d.get('opened', 'last');
}

/** Forgets the kept file: the explorer opens on the bundled dataset again. */
export async function forgetOpenedFile(): Promise<void> {
  const d = await open();
  await d.delete('opened', 'last');
}
