/** The explorer's layout: top bar, canvas with legend, optional reader and list, and the inspector. */
import type { Core } from 'cytoscape';
import { useCallback, useEffect, useRef } from 'react';
import { Inspector } from '../features/inspector/Inspector';
import { Legend } from '../features/legend/Legend';
import { ListView } from '../features/list-view/ListView';
import { SourceReader } from '../features/source-reader/SourceReader';
import { GraphCanvas } from '../graph-view/GraphCanvas';
import { useStoreApi, useThreadline } from '../store/context';
import { installAutomation } from './automation';
import { Notices } from './Notices';
import { TopBar } from './TopBar';
import { useKeyboard } from './use-keyboard';

export function Explorer() {
  const store = useStoreApi();
  const cyRef = useRef<Core | null>(null);
  const readerOpen = useThreadline((s) => s.reader.open);
  const listOpen = useThreadline((s) => s.listOpen);
  useKeyboard(store);
  useEffect(() => installAutomation(store, () => cyRef.current), [store]);
  const onReady = useCallback((cy: Core | null) => {
    cyRef.current = cy;
  }, []);

  return (
    <div className={`explorer${readerOpen ? ' with-reader' : ''}${listOpen ? ' with-list' : ''}`}>
      <TopBar />
      <main className="stage">
        <div className="canvas-wrap">
          <div className="graph-area">
            <GraphCanvas onReady={onReady} />
            <Notices />
          </div>
          <Legend />
        </div>
        {listOpen && <ListView />}
        {readerOpen && <SourceReader />}
        <Inspector />
      </main>
    </div>
  );
}
