/** Loads the dataset named in the URL (or the default) and shows the explorer, or the problems that stop it. */
import { useEffect, useState } from 'react';
import { loadBundledDataset } from '../data/load-dataset';
import { hasPendingView } from '../features/share/saved-view';
import type { Problem } from '../model/problems';
import { StoreProvider } from '../store/context';
import { createThreadlineStore } from '../store/store';
import { ErrorScreen } from './ErrorScreen';
import { Explorer } from './Explorer';

type Phase = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; title: string; problems: Problem[] };

export function App() {
  const [store] = useState(createThreadlineStore);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    const requested = new URLSearchParams(window.location.search).get('dataset');
    void loadBundledDataset(document.baseURI, requested).then((result) => {
      if (cancelled) return;
      if (!result.ok) return setPhase({ kind: 'failed', title: result.title, problems: result.problems });
      const s = store.getState();
      s.setModel(result.model, result.search);
      if (requested && requested !== result.model.bundle.dataset.id)
        s.notify(
          'warning',
          `There is no dataset "${requested}"; showing ${result.model.bundle.dataset.title}.`,
        );
      // A linked or saved view is restored by the explorer once its canvas exists (useViewPersistence):
      // restoring it here would make the canvas's first draw lay the restored positions out again.
      if (!hasPendingView(result.model.bundle.dataset.id)) s.showDefault();
      setPhase({ kind: 'ready' });
    });
    return () => {
      cancelled = true;
    };
  }, [store]);

  if (phase.kind === 'failed') return <ErrorScreen title={phase.title} problems={phase.problems} />;
  if (phase.kind === 'loading')
    return (
      <main className="loading" aria-busy="true">
        Loading Threadline…
      </main>
    );
  return (
    <StoreProvider store={store}>
      <Explorer />
    </StoreProvider>
  );
}
