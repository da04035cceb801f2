/** Where a view is kept between visits: the URL fragment (to share) and localStorage keyed by dataset id (to survive a reload). */
import type { ThreadlineState } from '../../store/store';
import { encodeView, isViewLink } from './view-codec';

const storageKey = (datasetId: string) => `threadline:view:${datasetId}`;

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

export function writeSavedView(datasetId: string, fragment: string): void {
  try {
    storage()?.setItem(storageKey(datasetId), fragment);
  } catch {
    // Quota exceeded or storage disabled: the link in the address bar still holds the view.
  }
}

/** The view a page load should restore: the link's fragment first, else the one saved for this dataset. */
export function pendingView(datasetId: string): { fragment: string; from: 'link' | 'saved' } | null {
  const hash = window.location.hash;
  if (isViewLink(hash)) return { fragment: hash, from: 'link' };
  const saved = readSavedView(datasetId);
  return saved && isViewLink(saved) ? { fragment: saved, from: 'saved' } : null;
}

export const hasPendingView = (datasetId: string): boolean => pendingView(datasetId) !== null;

export function currentFragment(s: ThreadlineState): string | null {
  if (!s.model) return null;
  return encodeView(
    s.model.dataset.id,
    { ...s.view, positions: s.positions },
    s.selection,
    s.filters,
    s.display,
  );
}

/** A link that opens this dataset with this view; `?dataset=` makes it work whichever dataset is the default. */
export function shareLink(s: ThreadlineState): string | null {
  const fragment = currentFragment(s);
  if (!fragment || !s.model) return null;
  const url = new URL(window.location.href);
  url.searchParams.set('dataset', s.model.dataset.id);
  url.hash = fragment;
  return url.toString();
}
