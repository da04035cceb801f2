/** Restores the linked or saved view once the canvas exists, then keeps the URL fragment and localStorage in step with the view. */
import { useEffect } from 'react';
import type { CanvasHandle } from '../../graph-view/canvas-handle';
import type { ThreadlineStore } from '../../store/store';
import { decodeStory } from '../../model/story/story-codec';
import { watch } from '../../store/watch';
import { resolveView } from './resolve-view';
import { currentFragment, pendingView, writeSavedView } from './saved-view';
import { decodeView, isViewLink } from './view-codec';

const SAVE_DELAY_MS = 250;

/** Applies a view fragment; returns false when nothing of it could be used (the caller shows the default view). */
function restoreFragment(
  store: ThreadlineStore,
  getCanvas: () => CanvasHandle | null,
  fragment: string,
  from: 'link' | 'saved',
  opening: boolean,
) {
  const s = store.getState();
  if (!s.model) return false;
  const what = from === 'link' ? 'linked view' : 'saved view';
  const decoded = decodeView(fragment);
  if (!decoded) return false;
  const resolved = resolveView(decoded, s.model);
  if (!resolved) {
    const other = decoded.link.dataset && decoded.link.dataset !== s.model.dataset.id;
    const why = other
      ? `it shows dataset "${decoded.link.dataset}", which is not the one open`
      : [...decoded.problems, 'none of its entities are in this dataset'].join('; ');
    if (from === 'link')
      s.notify('warning', `The ${what} could not be restored (${why}). Showing the default view.`);
    return false;
  }
  s.restoreView(resolved.view, resolved.selection, resolved.filters, { opening, pinned: resolved.pinned });
  if (decoded.link.display) s.setDisplay(decoded.link.display);
  if (decoded.link.story) {
    const story = decodeStory(decoded.link.story);
    if ('story' in story) s.setStory(story.story);
    else s.notify('warning', `The story in the ${what} could not be read: ${story.error}.`);
  }
  // Restored positions are used as they are (no layout), so only the camera needs to find them.
  getCanvas()?.fit(40);
  if (resolved.problems.length > 0)
    s.notify('warning', `Part of the ${what} could not be restored: ${resolved.problems.join('; ')}.`);
  return true;
}

export function useViewPersistence(store: ThreadlineStore, getCanvas: () => CanvasHandle | null): void {
  useEffect(() => {
    const initial = store.getState();
    if (initial.model && initial.view.visible.size === 0) {
      const pending = pendingView(initial.model.dataset.id);
      if (!pending || !restoreFragment(store, getCanvas, pending.fragment, pending.from, true))
        initial.openDefault();
    }

    let lastWritten = window.location.hash;
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** `leaving`: the page is going away, and the address bar it reloads with may no longer take the update. */
    const save = (leaving = false) => {
      timer = undefined;
      const s = store.getState();
      // A draft's dataset lives only in this browser: its view is no link to share, and written into the
      // address it would be refused, with a warning, by the dataset that opens on reload.
      if (s.draft) return;
      const fragment = currentFragment(s);
      if (!fragment || !s.model) return;
      const shown = window.location.hash;
      const next = `#${fragment}`;
      writeSavedView(s.model.dataset.id, fragment, leaving && shown !== next ? shown : undefined);
      lastWritten = next;
      if (shown !== lastWritten) window.history.replaceState(window.history.state, '', lastWritten);
    };
    const unsubscribe = watch(
      store,
      (s) => [s.view, s.positions, s.selection, s.filters, s.display, s.pinned, s.story, s.model],
      () => {
        clearTimeout(timer);
        timer = setTimeout(() => save(), SAVE_DELAY_MS);
      },
    );
    // A link pasted into the address bar of an open tab changes only the fragment: restore it too.
    const onHashChange = () => {
      if (window.location.hash === lastWritten || !isViewLink(window.location.hash)) return;
      lastWritten = window.location.hash;
      restoreFragment(store, getCanvas, window.location.hash, 'link', false);
    };
    window.addEventListener('hashchange', onHashChange);
    // A reload or a closed tab within the save delay would otherwise bring back the view before the last step.
    const flush = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      save(true);
    };
    window.addEventListener('pagehide', flush);
    // The opening view was set before this subscribed; write it down too.
    timer = setTimeout(() => save(), SAVE_DELAY_MS);
    return () => {
      unsubscribe();
      window.removeEventListener('hashchange', onHashChange);
      window.removeEventListener('pagehide', flush);
      if (timer !== undefined) {
        clearTimeout(timer);
        save();
      }
    };
  }, [store, getCanvas]);
}
