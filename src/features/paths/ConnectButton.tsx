/** "Connect to…" in the inspector: starts the connection finder from this entity, or completes the pair when one end is waiting. */
import { useActions, useThreadline } from '../../store/context';

export function ConnectButton({ id }: { id: string }) {
  const { from, to } = useThreadline((s) => s.connect);
  const open = useThreadline((s) => s.sidePanel === 'paths');
  const { setConnect } = useActions();
  const completes = open && from !== null && from !== id && to === null;
  return (
    <button
      type="button"
      title="Find how this entity is connected to another"
      onClick={() => setConnect(completes ? { to: id } : { from: id, to: null })}
    >
      {completes ? 'Connect here' : 'Connect to…'}
    </button>
  );
}
