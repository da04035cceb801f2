/** Dataset name, search, and the view's commands. */
import type { Core } from 'cytoscape';
import { AnalysisButtons } from '../features/filters/AnalysisButtons';
import { SearchBox } from '../features/search/SearchBox';
import { ExportMenu } from '../features/export/ExportMenu';
import { OpenBundle } from '../features/open/OpenBundle';
import { useActions, useThreadline } from '../store/context';

/** `getCy` reaches the canvas for image exports. */
export function TopBar({ getCy }: { getCy: () => Core | null }) {
  const title = useThreadline((s) => s.model?.dataset.title ?? '');
  const firstSource = useThreadline((s) => s.model?.data.sources[0]?.id);
  const canUndo = useThreadline((s) => s.past.length > 0);
  const canRedo = useThreadline((s) => s.future.length > 0);
  const showEvidence = useThreadline((s) => s.showEvidence);
  const readerOpen = useThreadline((s) => s.reader.open);
  const listOpen = useThreadline((s) => s.listOpen);
  const a = useActions();
  return (
    <header className="topbar">
      <div className="brand">
        <span className="logo" aria-hidden="true">
          ⟡
        </span>
        <span className="brand-text">
          <span className="brand-name">Threadline</span>
          <span className="dataset-title" title={title}>
            {title}
          </span>
        </span>
      </div>
      <SearchBox />
      <nav className="toolbar" aria-label="View">
        <span className="tool-group">
          <AnalysisButtons />
        </span>
        <span className="tool-group">
          <button
            type="button"
            className="icon-only"
            onClick={a.undo}
            disabled={!canUndo}
            title="Undo (Ctrl+Z)"
            aria-label="Undo"
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
        </span>
        <span className="tool-group">
          <OpenBundle />
          <ExportMenu getCy={getCy} />
        </span>
      </nav>
    </header>
  );
}
