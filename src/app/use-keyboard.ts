/** Global shortcuts: undo/redo, Escape (declines a hub prompt, closes the filters or connect panel, then the list, then clears the selection), walking the selected entity's relations with the arrow keys, Enter to the evidence or a pair's relations. */
import { useEffect, useRef } from 'react';
import { filteredRelationsOf } from '../model/core/subgraph';
import type { ThreadlineStore } from '../store/store';

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** A field inside the filters or connect panel: Escape there closes the panel (a field with text to clear says so first). */
const inPanel = (t: EventTarget | null) => t instanceof Element && t.closest('.side-panel') !== null;

/** A popup that closes on Escape itself (a timeline group, Open…'s problems): that Escape is its alone. */
const popupOpen = () => document.querySelector('[role="dialog"], .open-problems') !== null;

export function useKeyboard(store: ThreadlineStore): void {
  // The entity whose relations the arrow keys walk, and where we are in them.
  const walk = useRef<{ anchor: string; index: number } | null>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = store.getState();
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z' && !isTyping(e.target)) {
        e.preventDefault();
        if (e.shiftKey) s.redo();
        else s.undo();
        return;
      }
      if (mod && e.key.toLowerCase() === 'y' && !isTyping(e.target)) {
        e.preventDefault();
        s.redo();
        return;
      }
      if (
        e.key === 'Escape' &&
        !e.defaultPrevented &&
        s.model &&
        !(isTyping(e.target) && !inPanel(e.target)) &&
        !popupOpen()
      ) {
        // One layer at a time, the most transient first; each panel gives focus back as it closes.
        // A hub prompt is a question about the selection: Escape declines it and keeps the selection.
        if (s.hubPrompt) s.dismissHubPrompt();
        else if (s.sidePanel) s.setSidePanel(null);
        else if (s.listOpen) s.setListOpen(false);
        else {
          walk.current = null;
          s.clearSelection();
        }
        return;
      }
      if (isTyping(e.target) || !s.model) return;
      const sel = s.selection;
      if (['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp'].includes(e.key) && sel) {
        if (sel.kind === 'entity') walk.current = { anchor: sel.id, index: -1 };
        const w = walk.current;
        if (!w) return;
        const relations = filteredRelationsOf(s.model, s.filters, w.anchor);
        if (relations.length === 0) return;
        e.preventDefault();
        const delta = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : -1;
        w.index = (w.index + delta + relations.length) % relations.length;
        s.selectRelation(relations[w.index]!.id);
        return;
      }
      if (e.key === 'Enter' && sel?.kind === 'relation' && !(e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        document.getElementById('evidence-list')?.focus();
      }
      // A pair's relations are a list of buttons: Enter moves to the first, Tab walks on from there.
      if (e.key === 'Enter' && sel?.kind === 'pair' && !(e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        document.querySelector<HTMLButtonElement>('.pair-panel .relation-row')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
