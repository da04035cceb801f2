/** Loads the dataset named in the URL (or the default) and shows the explorer, or the problems that stop it. */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { LoadProgress as Progress } from '../data/load-bundle';
import { listServerDatasets } from '../data/graph-source/server-source';
import { loadStartDataset, type StartResult } from '../data/load-start';
import { LoadProgress } from '../features/open/LoadProgress';
import { hasPendingView, SERVER_PARAM } from '../features/share/saved-view';
import type { Problem } from '../model/format/problems';
import { StoreProvider } from '../store/context';
import { createThreadlineStore } from '../store/store';
import { ErrorScreen } from './ErrorScreen';
import { openServerDataset } from './open-server';

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
    const params = new URLSearchParams(window.location.search);
    const requested = params.get('dataset');
    const requestedOnServer = params.get(SERVER_PARAM);
    let serving = false;
    const onProgress = (progress: Progress) => {
      if (!cancelled && !serving) setPhase({ kind: 'loading', progress });
    };
    const local = new AbortController();
    abort.signal.addEventListener('abort', () => local.abort());
    const api = new URL('api/', document.baseURI).href;
    // Served by a Threadline server (npm run serve), the explorer opens the server's datasets. Whether one
    // answers is asked beside the local load, which goes on untouched when none does (a static build).
    const probe = requested === null ? listServerDatasets(api) : Promise.resolve(null);
    // Without a dataset in the URL, the file last opened with Open… opens again if this browser kept it.
    const loading: Promise<StartResult> | null =
      requestedOnServer === null
        ? loadStartDataset(document.baseURI, requested, { onProgress, signal: local.signal })
        : null;
    void probe.then(async (datasets) => {
      if (cancelled || !datasets) {
        if (!cancelled && !loading)
          setPhase({
            kind: 'failed',
            title: 'No Threadline server answers here',
            problems: [
              {
                severity: 'error',
                code: 'file-missing',
                file: 'api/datasets',
                pointer: '',
                message: `the address names the server dataset "${requestedOnServer}", but this explorer was not served by npm run serve`,
              },
            ],
          });
        return;
      }
      serving = true;
      local.abort();
      setPhase({ kind: 'loading', progress: { step: 'Reading', fraction: 0.5 } });
      const opened = await openServerDataset(api, datasets, requestedOnServer);
      if (cancelled) return;
      if (!opened.ok)
        return setPhase({
          kind: 'failed',
          title: opened.title,
          problems: [
            { severity: 'error', code: 'file-missing', file: 'api', pointer: '', message: opened.message },
          ],
        });
      const s = store.getState();
      s.setModel(opened.grown.model, opened.grown.search, opened.source);
      if (opened.warning) s.notify('warning', opened.warning);
      if (!hasPendingView(opened.grown.model.dataset.id)) s.openDefault();
      setPhase({ kind: 'ready' });
    });
    // Shown once the probe has answered, so a server's dataset never replaces a local one already drawn.
    loading
      ?.then((started) => probe.then(() => started))
      .then(
        ({ result, reopened, dropped }) => {
          if (cancelled || serving) return;
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
          if (cancelled || serving) return;
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
