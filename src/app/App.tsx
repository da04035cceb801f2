/** Loads the dataset named in the URL (or the default) and shows the explorer, or the problems that stop it. */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { LoadProgress as Progress } from '../data/load-bundle';
import { loadStartDataset } from '../data/load-start';
import { LoadProgress } from '../features/open/LoadProgress';
import { hasPendingView } from '../features/share/saved-view';
import type { Problem } from '../model/format/problems';
import { StoreProvider } from '../store/context';
import { createThreadlineStore } from '../store/store';
import { ErrorScreen } from './ErrorScreen';

type Phase =
  | { kind: 'loading'; progress: Progress }
  | { kind: 'ready' }
  | { kind: 'failed'; title: string; problems: Problem[]; total?: number };

const STARTING: Phase = { kind: 'loading', progress: { step: 'Reading', fraction: 0 } };

// The explorer (Cytoscape, the panels) is fetched and compiled while the dataset loads, as a task of its
// own: in one script with the loading screen it made the first task of a large load the longest.
const explorer = import('./Explorer');
const Explorer = lazy(() => explorer.then((m) => ({ default: m.Explorer })));

export function App() {
  const [store] = useState(createThreadlineStore);
  const [phase, setPhase] = useState<Phase>(STARTING);

  useEffect(() => {
    let cancelled = false;
    // Stops a load nobody will see (React mounts twice in development), so two do not compete for the CPU.
    const abort = new AbortController();
    const requested = new URLSearchParams(window.location.search).get('dataset');
    const onProgress = (progress: Progress) => {
      if (!cancelled) setPhase({ kind: 'loading', progress });
    };
    // Without a dataset in the URL, the file last opened with Open… opens again if this browser kept it.
    const loading = loadStartDataset(document.baseURI, requested, { onProgress, signal: abort.signal });
    loading.then(
      ({ result, reopened, dropped }) => {
        if (cancelled) return;
        if (!result.ok)
          return setPhase({
            kind: 'failed',
            title: result.title,
            problems: result.problems,
            ...(result.total !== undefined ? { total: result.total } : {}),
          });
        const s = store.getState();
        s.setModel(result.model, result.search);
        if (requested && requested !== result.model.dataset.id)
          s.notify('warning', `There is no dataset "${requested}"; showing ${result.model.dataset.title}.`);
        if (reopened)
          s.notify(
            'info',
            `Reopened “${result.model.dataset.title}” from ${reopened}, as you left it; Open… another file or add ?dataset= to the address for a bundled dataset.`,
          );
        if (dropped) s.notify('warning', dropped);
        // A linked or saved view is restored by the explorer once its canvas exists (useViewPersistence):
        // restoring it here would make the canvas's first draw lay the restored positions out again.
        if (!hasPendingView(result.model.dataset.id)) s.openDefault();
        setPhase({ kind: 'ready' });
        // A compact dataset opens on its index; its quotes arrive while the user starts exploring.
        void result.evidence?.then((e) => {
          if (cancelled) return;
          if (e.ok) {
            s.attachEvidence(e.evidence);
            performance.mark('threadline:load:evidence');
            return;
          }
          const first = e.problems[0];
          s.notify(
            'error',
            `The evidence of this dataset could not be loaded, so no quote can be shown${
              first ? `: ${first.file}${first.pointer ? ` ${first.pointer}` : ''}: ${first.message}` : '.'
            }`,
          );
        });
      },
      (err: unknown) => {
        if (cancelled) return;
        const message = err instanceof Error ? err.message : String(err);
        setPhase({
          kind: 'failed',
          title: 'The dataset could not be loaded',
          problems: [{ severity: 'error', code: 'bundle-format', file: '', pointer: '', message }],
        });
      },
    );
    return () => {
      cancelled = true;
      abort.abort();
    };
  }, [store]);

  if (phase.kind === 'failed')
    return <ErrorScreen title={phase.title} problems={phase.problems} total={phase.total} />;
  if (phase.kind === 'loading')
    return (
      <main className="loading" aria-busy="true">
        <h1>Threadline</h1>
        <LoadProgress progress={phase.progress} label="Loading the dataset" />
      </main>
    );
  return (
    <StoreProvider store={store}>
      <Suspense fallback={<main className="loading" aria-busy="true" />}>
        <Explorer />
      </Suspense>
    </StoreProvider>
  );
}
