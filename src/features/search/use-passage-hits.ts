/**
 * Full-text hits for what is typed: from the dataset's searcher in memory, or from the server's search over
 * quotes for a server dataset (whose partial model holds only some of them); an answer to an older query is
 * dropped. `pending` says the answer for what is typed has not come yet (a large dataset's index is still
 * being built in its worker, or the server has not answered), so the box does not say "Nothing matches"
 * before the sources were searched; `error` is what a server's refusal or absence says, for the group.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { passageSearcher } from '../../data/passage-search';
import type { PassageHit } from '../../model/search/passage-search';
import { useThreadline } from '../../store/context';

interface Answer {
  query: string;
  hits: PassageHit[];
  error: string | null;
}

export function usePassageHits(
  query: string,
  limit: number,
): { hits: PassageHit[]; pending: boolean; error: string | null } {
  const model = useThreadline((s) => s.model);
  const source = useThreadline((s) => s.source);
  // A compact dataset's quotes arrive after its model; asking again then finds them.
  const evidenceVersion = useThreadline((s) => s.evidenceVersion);
  // A server's model grows at every step: its hits come from the server, not from an index of the model.
  const searcher = useMemo(
    () => (model && source.kind === 'memory' ? passageSearcher(model) : null),
    [model, source],
  );
  useEffect(() => () => searcher?.dispose(), [searcher]);
  const [answer, setAnswer] = useState<Answer>({ query: '', hits: [], error: null });
  const latest = useRef(0);

  const remote = searcher === null && model !== null && source.kind !== 'memory';
  useEffect(() => {
    if (query.trim() === '') return;
    const found = searcher
      ? searcher.search(query, limit)
      : remote
        ? source.searchPassages(query, limit)
        : null;
    if (!found) return;
    const asked = ++latest.current;
    found.then(
      (hits) => {
        // Null: a newer search cancelled this one; its own answer follows.
        if (asked === latest.current && hits) setAnswer({ query, hits, error: null });
      },
      (e: unknown) => {
        if (asked !== latest.current) return;
        // A closed dataset or a failed worker: the entity results still stand; nothing to show here. A
        // server that cannot answer is said in the group.
        const error = remote ? (e instanceof Error ? e.message : String(e)) : null;
        setAnswer({ query, hits: [], error });
      },
    );
  }, [searcher, remote, source, query, limit, evidenceVersion]);

  const asked = (searcher !== null || remote) && query.trim() !== '';
  const answered = answer.query === query;
  return {
    hits: asked && answered ? answer.hits : [],
    pending: asked && !answered,
    error: asked && answered ? answer.error : null,
  };
}
