/**
 * The Build workspace, docked beside the graph like the filters: start or reopen a dataset, then its
 * sources and reader, mentions, the loom, the records and the live problems, one tab at a time.
 */
import { useRef, useState } from 'react';
import './build.css';
import { useReturnFocus } from '../../components/use-return-focus';
import { SaveStatus, type SaveState } from '../build-io';
import { useActions, useThreadline } from '../../store/context';
import { BuildStart } from './BuildStart';
import { LoomPane } from './LoomPane';
import { MentionsPane } from './MentionsPane';
import { ProblemsPane } from './ProblemsPane';
import { ReaderPane } from './ReaderPane';
import { RecordsPane } from './RecordsPane';
import { SourcesPane } from './SourcesPane';
import { useDraftProblems } from './use-draft-problems';

const TABS = ['sources', 'read', 'mentions', 'loom', 'records', 'problems'] as const;
export type BuildTab = (typeof TABS)[number];
const TAB_LABELS: Record<BuildTab, string> = {
  sources: 'Sources',
  read: 'Read',
  mentions: 'Mentions',
  loom: 'Loom',
  records: 'Records',
  problems: 'Problems',
};

export function BuildPanel({ save }: { save: SaveState }) {
  const panel = useRef<HTMLElement>(null);
  useReturnFocus(panel);
  const draft = useThreadline((s) => s.draft);
  const { setSidePanel } = useActions();
  const [tab, setTab] = useState<BuildTab>('sources');
  const [reading, setReading] = useState<string | null>(null);
  const problems = useDraftProblems(draft);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const sourceId = reading && draft?.texts[reading] !== undefined ? reading : (draft?.sources[0]?.id ?? null);

  const read = (id: string) => {
    setReading(id);
    setTab('read');
  };

  return (
    <aside ref={panel} className="side-panel build-panel" aria-label="Build" data-testid="build-panel">
      <header className="side-head">
        <h2>Build</h2>
        {draft && <span className="build-title muted">{draft.dataset.title}</span>}
        <button
          type="button"
          className="icon-button"
          aria-label="Close Build"
          onClick={() => setSidePanel(null)}
        >
          ×
        </button>
      </header>
      {!draft ? (
        <BuildStart />
      ) : (
        <>
          <div className="build-tabs" role="tablist" aria-label="Build workspace">
            {TABS.map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                id={`build-tab-${t}`}
                aria-selected={tab === t}
                aria-controls="build-tabpanel"
                onClick={() => setTab(t)}
              >
                {TAB_LABELS[t]}
                {t === 'problems' && errors > 0 && <span className="build-count">{errors}</span>}
              </button>
            ))}
          </div>
          <div
            className="build-body"
            id="build-tabpanel"
            role="tabpanel"
            aria-labelledby={`build-tab-${tab}`}
          >
            {tab === 'sources' && <SourcesPane draft={draft} onRead={read} />}
            {tab === 'read' && (
              <ReaderPane key={sourceId} draft={draft} sourceId={sourceId} onRead={setReading} />
            )}
            {tab === 'mentions' && <MentionsPane draft={draft} />}
            {tab === 'loom' && <LoomPane draft={draft} />}
            {tab === 'records' && <RecordsPane draft={draft} />}
            {tab === 'problems' && <ProblemsPane problems={problems} onShow={() => setTab('records')} />}
          </div>
          <footer className="build-foot">
            <SaveStatus state={save} />
          </footer>
        </>
      )}
    </aside>
  );
}
