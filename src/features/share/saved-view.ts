/** Where a view is kept between visits: the URL fragment (to share) and localStorage keyed by dataset id (to survive a reload). */
import type { ThreadlineState } from '../../store/store';
import { encodeView, isViewLink } from './view-codec';

const storageKey = (datasetId: string) => `threadline:view:${datasetId}`;
/** The link this tab left in its address bar when the saved view moved past it (a reload inside the save delay). */
const staleLinkKey = (datasetId: string) => `threadline:stale-link:${datasetId}`;

/** Storage can be missing or refuse (private mode, quota); losing the saved view then is acceptable. */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function readSavedView(datasetId: string): string | null {
  try {
    return storage()?.getItem(storageKey(datasetId)) ?? null;
  } catch {
    return null;
  }
}

/**
 * Saves the view for this dataset. `staleLink`: the address bar still shows this older link of ours (the page
 * is going away before it could be updated), so a reload that brings that link back means this saved view.
 */
export function writeSavedView(datasetId: string, fragment: string, staleLink?: string): void {
  try {
    storage()?.setItem(storageKey(datasetId), fragment);
    if (staleLink) storage()?.setItem(staleLinkKey(datasetId), staleLink);
    else storage()?.removeItem(staleLinkKey(datasetId));
  } catch {
    // Quota exceeded or storage disabled: the link in the address bar still holds the view.
  }
}

function readStaleLink(datasetId: string): string | null {
  try {
    return storage()?.getItem(staleLinkKey(datasetId)) ?? null;
  } catch {
    return null;
  }
}

/**
 * The view a page load should restore: the link's fragment first, else the one saved for this dataset —
 * unless the link is the one this tab's saved view had already moved past (a reload straight after a step).
 */
export function pendingView(datasetId: string): { fragment: string; from: 'link' | 'saved' } | null {
  const hash = window.location.hash;
  const saved = readSavedView(datasetId);
  const savedOk = saved !== null && isViewLink(saved);
  if (isViewLink(hash) && !(savedOk && readStaleLink(datasetId) === hash))
    return { fragment: hash, from: 'link' };
  return savedOk ? { fragment: saved, from: 'saved' } : null;
}

/** The query parameter naming a server dataset (`?server=<id>`); `?dataset=` names one of the build's. */
export const SERVER_PARAM = 'server';

export const hasPendingView = (datasetId: string): boolean => pendingView(datasetId) !== null;

export function currentFragment(s: ThreadlineState): string | null {
  if (!s.model) return null;
  return encodeView(
    s.model.dataset.id,
    { ...s.view, positions: s.positions },
    s.selection,
    s.filters,
    s.display,
    s.pinned,
    s.story,
  );
}

/**
 * A link that opens this dataset with this view; `?dataset=` makes it work whichever dataset is the default,
 * and `?server=` names a dataset of the Threadline server the explorer was served by.
 */
export function shareLink(s: ThreadlineState): string | null {
  const fragment = currentFragment(s);
  if (!fragment || !s.model) return null;
  const url = new URL(window.location.href);
  const server = s.source.kind === 'server';
  url.searchParams.delete(server ? 'dataset' : SERVER_PARAM);
  url.searchParams.set(server ? SERVER_PARAM : 'dataset', s.model.dataset.id);
  url.hash = fragment;
  return url.toString();
}
