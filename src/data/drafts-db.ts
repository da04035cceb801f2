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

/**
 * Edits still waiting to be saved when the page goes (a reload, a closed tab) are written here, at
 * once: IndexedDB cannot finish a write once the page is unloading, localStorage writes synchronously.
 * The next time the database opens, they are moved into it.
 */
const JOURNAL = 'threadline:unsaved-draft:';

/** Writes the draft to the journal; false when localStorage refuses it (too large, or disabled). */
export function journalDraft(draft: Draft): boolean {
  try {
    localStorage.setItem(JOURNAL + draft.key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

function forgetJournal(key: string): void {
  try {
    localStorage.removeItem(JOURNAL + key);
  } catch {
    // Storage disabled: there is no journal to forget.
  }
}

function journalled(): Draft[] {
  const drafts: Draft[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const name = localStorage.key(i);
      if (!name?.startsWith(JOURNAL)) continue;
      try {
        drafts.push(JSON.parse(localStorage.getItem(name) ?? '') as Draft);
      } catch {
        localStorage.removeItem(name);
      }
    }
  } catch {
    // Storage disabled: nothing was journalled.
  }
  return drafts;
}

/** The journal holds the last edit made before the page went, so it wins over what the database has. */
async function recoverJournal(d: IDBPDatabase<ThreadlineDb>): Promise<void> {
  for (const draft of journalled()) {
    await putDraft(d, draft);
    forgetJournal(draft.key);
  }
}

async function putDraft(d: IDBPDatabase<ThreadlineDb>, draft: Draft): Promise<void> {
  const tx = d.transaction(['drafts', 'summaries'], 'readwrite');
  await Promise.all([
    tx.objectStore('drafts').put(draft),
    tx.objectStore('summaries').put(summarize(draft)),
    tx.done,
  ]);
}

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
  }).then(async (d) => {
    await recoverJournal(d);
    return d;
  });
  // A failed open (storage disabled, quota) is retried next time rather than remembered.
  db.catch(() => (db = undefined));
  return db;
}

/**
 * Opens the database ahead of the first save: a save made as the page unloads only completes if its
 * transaction starts at once, which needs the connection open already.
 */
export function warmDraftsDb(): void {
  open().catch(() => undefined);
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
  await putDraft(await open(), draft);
  // Saved: a journalled copy from an earlier unload is older now.
  forgetJournal(draft.key);
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
