/** The top bar's Build toggle: the authoring workspace, docked where the filters and Connect open. */
import { useActions, useThreadline } from '../../store/context';

export function BuildButton() {
  const panel = useThreadline((s) => s.sidePanel);
  const { setSidePanel } = useActions();
  return (
    <button
      type="button"
      aria-pressed={panel === 'build'}
      onClick={() => setSidePanel(panel === 'build' ? null : 'build')}
      title="Build a dataset from your own texts, or edit this one"
    >
      Build
    </button>
  );
}
