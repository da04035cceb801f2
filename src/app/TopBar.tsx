/** Dataset name, search, and the view's commands; on narrow screens the commands fold into a menu. */
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { BuildButton } from '../features/build/BuildButton';
import { AnalysisButtons } from '../features/filters/AnalysisButtons';
import { SearchBox } from '../features/search/SearchBox';
import { ExportMenu } from '../features/export/ExportMenu';
import type { CanvasHandle } from '../graph-view/canvas-handle';
import { OpenBundle } from '../features/open/OpenBundle';
import { useActions, useThreadline } from '../store/context';
import { DatasetPicker } from './DatasetPicker';

/** `getCanvas` reaches the canvas for image exports. */
export function TopBar({ getCanvas }: { getCanvas: () => CanvasHandle | null }) {
  const firstSource = useThreadline((s) => s.model?.data.sources[0]?.id);
  const canUndo = useThreadline((s) => s.past.length > 0);
  const canRedo = useThreadline((s) => s.future.length > 0);
  const showEvidence = useThreadline((s) => s.showEvidence);
  const readerOpen = useThreadline((s) => s.reader.open);
  const listOpen = useThreadline((s) => s.listOpen);
  const storyOpen = useThreadline((s) => s.sidePanel === 'story');
  const a = useActions();
  const [menuOpen, setMenuOpen] = useState(false);
  const header = useRef<HTMLElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!menuOpen) return;
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      // The problems dialog and progress of Open… live in the menu but show outside it.
      if (header.current?.contains(target) || (target instanceof Element && target.closest('.open-problems')))
        return;
      setMenuOpen(false);
    };
    window.addEventListener('pointerdown', onPointer);
    return () => window.removeEventListener('pointerdown', onPointer);
  }, [menuOpen]);

  // Handled here rather than on the window so that a popup inside the menu (Export) closes first.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !menuOpen || e.defaultPrevented) return;
    e.preventDefault();
    e.stopPropagation();
    setMenuOpen(false);
    toggle.current?.focus();
  };

  // A command that opens a panel or changes the view folds the menu so the graph shows; one that opens a
  // popup inside it (Export) keeps it.
  const onCommand = (e: MouseEvent) => {
    const button = e.target instanceof Element ? e.target.closest('button') : null;
    if (!button || button.closest('.export-panel') || button.hasAttribute('aria-haspopup')) return;
    if (!menuOpen || button.dataset.keepsMenu !== undefined) return;
    setMenuOpen(false);
    // The command's button is folded away with the menu; focus waits on the Menu button, not the page.
    toggle.current?.focus();
  };

  return (
    <header className="topbar" ref={header} onKeyDown={onKeyDown}>
      <h1 className="brand">
        <span className="logo" aria-hidden="true">
          ⟡
        </span>
        <span className="brand-text">
          <span className="brand-name">Threadline</span>
          <span className="visually-hidden">: </span>
          <DatasetPicker />
        </span>
      </h1>
      <SearchBox />
      <button
        ref={toggle}
        type="button"
        className="menu-toggle"
        aria-expanded={menuOpen}
        aria-controls="view-commands"
        onClick={() => setMenuOpen(!menuOpen)}
      >
        Menu
      </button>
      <nav
        id="view-commands"
        className={`toolbar${menuOpen ? ' is-open' : ''}`}
        aria-label="View"
        onClick={onCommand}
      >
        <span className="tool-group">
          <AnalysisButtons />
          <BuildButton />
        </span>
        <span className="tool-group">
          <button
            type="button"
            className="icon-only"
            onClick={a.undo}
            disabled={!canUndo}
            title="Undo (Ctrl+Z)"
            aria-label="Undo"
            data-keeps-menu
          >
            ↶
          </button>
          <button
            type="button"
            className="icon-only"
            onClick={a.redo}
            disabled={!canRedo}
            title="Redo (Ctrl+Shift+Z)"
            aria-label="Redo"
            data-keeps-menu
          >
            ↷
          </button>
          <button type="button" onClick={a.relayout}>
            Re-layout
          </button>
          <button type="button" onClick={a.showDefault} title="Start over from the dataset's opening view">
            Reset view
          </button>
        </span>
        <span className="tool-group" role="group" aria-label="Show">
          <button
            type="button"
            aria-pressed={showEvidence}
            onClick={() => a.setShowEvidence(!showEvidence)}
            title="Show quotes as nodes"
          >
            Quotes
          </button>
          <button
            type="button"
            aria-pressed={readerOpen}
            onClick={() => (readerOpen ? a.closeReader() : firstSource && a.openReader(firstSource))}
          >
            Source
          </button>
          <button type="button" aria-pressed={listOpen} onClick={() => a.setListOpen(!listOpen)}>
            List
          </button>
          <button
            type="button"
            aria-pressed={storyOpen}
            onClick={() => a.setSidePanel(storyOpen ? null : 'story')}
            title="Save views as the steps of a story and play them"
          >
            Story
          </button>
        </span>
        <span className="tool-group">
          <OpenBundle />
          <ExportMenu getCanvas={getCanvas} />
        </span>
      </nav>
    </header>
  );
}
