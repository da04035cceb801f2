/** Says what a server dataset is fetching for the step the user took (the step follows when it arrives). */
import type { SourceNeed } from '../model/source/graph-source';
import { useThreadline } from '../store/context';

const WORDS: Record<SourceNeed['kind'], string> = {
  entities: 'Loading from the server…',
  relation: 'Loading the relation and its evidence from the server…',
  expand: 'Loading neighbours from the server…',
  paths: 'Finding connections on the server…',
};

export function FetchStatus() {
  const fetching = useThreadline((s) => s.fetching);
  return (
    <div className="fetch-status" role="status" hidden={!fetching}>
      {fetching ? WORDS[fetching.kind] : ''}
    </div>
  );
}
