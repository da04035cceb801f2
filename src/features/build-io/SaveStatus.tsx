/** Says whether the draft's last edit is stored in this browser, and whether the browser keeps it. */
import type { Persistence } from '../../data/storage-persistence';
import type { SaveState } from './use-autosave';

const KEPT: Record<Persistence, string> = {
  persistent: 'storage is persistent',
  'best-effort': 'the browser may clear it if space runs low: export a zip to keep it',
  unknown: 'the browser does not say if it keeps it: export a zip to keep it',
};

export function SaveStatus({ state }: { state: SaveState }) {
  if (state.kind === 'idle') return null;
  const saved =
    state.kind === 'saving'
      ? 'Saving…'
      : state.kind === 'saved'
        ? `Saved in this browser at ${new Date(state.at).toLocaleTimeString()}`
        : `Draft ${state.message}`;
  // Whether the browser keeps it is said once the draft is there, not while it is being written.
  const text = state.kind === 'saved' && state.persistence ? `${saved}; ${KEPT[state.persistence]}` : saved;
  return (
    <span
      className={`build-io-save${state.kind === 'failed' ? ' build-io-error' : ''}`}
      role={state.kind === 'failed' ? 'alert' : 'status'}
      data-testid="save-status"
    >
      {text}
    </span>
  );
}
