/** Says whether the draft's last edit is stored in this browser. */
import type { SaveState } from './use-autosave';

export function SaveStatus({ state }: { state: SaveState }) {
  if (state.kind === 'idle') return null;
  const text =
    state.kind === 'saving'
      ? 'Saving…'
      : state.kind === 'saved'
        ? `Saved in this browser at ${new Date(state.at).toLocaleTimeString()}`
        : `Draft ${state.message}`;
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
