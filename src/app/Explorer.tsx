/** The explorer's layout: top bar, optional filters or connect panel, canvas with timeline and legend, optional reader and list, and the inspector. */
import { useCallback, useEffect, useRef } from 'react';
import { BuildPanel } from '../features/build/BuildPanel';
import { useAutosave } from '../features/build-io';
import { FiltersPanel } from '../features/filters/FiltersPanel';
import { Inspector } from '../features/inspector/Inspector';
import { Legend } from '../features/legend/Legend';
import { ListView } from '../features/list-view/ListView';
import { PathsPanel } from '../features/paths/PathsPanel';
import { SourceReader } from '../features/source-reader/SourceReader';
import { useViewPersistence } from '../features/share/use-view-persistence';
import { Timeline } from '../features/timeline/Timeline';
import type { CanvasHandle } from '../graph-view/canvas-handle';
import { GraphCanvas } from '../graph-view/GraphCanvas';
import { SelectionBar } from '../features/selection/SelectionBar';
import { StoryPanel } from '../features/story/StoryPanel';
import { StoryPlayer } from '../features/story/StoryPlayer';
import { useStoreApi, useThreadline } from '../store/context';
import { installAutomation } from './automation';
import { bindAnalysis } from './bind-analysis';
import { FetchStatus } from './FetchStatus';
import { Notices } from './Notices';
import { TopBar } from './TopBar';
import { useKeyboard } from './use-keyboard';

export function Explorer() {
  const store = useStoreApi();
  const canvasRef = useRef<CanvasHandle | null>(null);
  const readerOpen = useThreadline((s) => s.reader.open);
  const listOpen = useThreadline((s) => s.listOpen);
  const sidePanel = useThreadline((s) => s.sidePanel);
  // Saved as it changes wherever the change comes from (undo with the workspace closed too).
  const saveState = useAutosave(useThreadline((s) => s.draft));
  useKeyboard(store);
  const getCanvas = useCallback(() => canvasRef.current, []);
  useEffect(() => installAutomation(store, getCanvas), [store, getCanvas]);
  useEffect(() => bindAnalysis(store), [store]);
  // After the canvas's own effect (children run first), so a restored view is drawn without a layout.
  useViewPersistence(store, getCanvas);
  const onReady = useCallback((canvas: CanvasHandle | null) => {
    canvasRef.current = canvas;
  }, []);

  // Two of the filters/connect panel, reader and list besides the inspector no longer fit beside the
  // graph on a laptop: the reader and list then lie over it (app.css).
  const crowded = [sidePanel !== null, readerOpen, listOpen].filter(Boolean).length >= 2;

  return (
    <div
      className={`explorer${readerOpen ? ' with-reader' : ''}${listOpen ? ' with-list' : ''}${crowded ? ' crowded' : ''}`}
    >
      <TopBar getCanvas={getCanvas} />
      <main className="stage">
        {sidePanel === 'filters' && <FiltersPanel />}
        {sidePanel === 'paths' && <PathsPanel />}
        {sidePanel === 'story' && <StoryPanel />}
        {sidePanel === 'build' && <BuildPanel save={saveState} />}
        <div className="canvas-wrap">
          <div className="graph-area">
            <GraphCanvas onReady={onReady} />
            <SelectionBar />
            <StoryPlayer getCanvas={getCanvas} />
            <Notices />
            <FetchStatus />
          </div>
          <Timeline />
          <Legend />
        </div>
        {listOpen && <ListView />}
        {readerOpen && <SourceReader />}
        <Inspector />
      </main>
    </div>
  );
}
