/**
 * Full-text hits for what is typed, from the dataset's searcher; an answer to an older query is dropped.
 * `pending` says the answer for what is typed has not come yet (a large dataset's index is still being
 * built in its worker), so the box does not say "Nothing matches" before the sources were searched.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { passageSearcher } from '../../data/passage-search';
import type { PassageHit } from '../../model/search/passage-search';
import { useThreadline } from '../../store/context';

export function usePassageHits(query: string, limit: number): { hits: PassageHit[]; pending: boolean } {
  const model = useThreadline((s) => s.model);
  // A compact dataset's quotes arrive after its model; asking again then finds them.
  const evidenceVersion = useThreadline((s) => s.evidenceVersion);
  const searcher = useMemo(() => (model ? passageSearcher(model) : null), [model]);
  useEffect(() => () => searcher?.dispose(), [searcher]);
  const [hits, setHits] = useState<{ query: string; hits: PassageHit[] }>({ query: '', hits: [] });
  const latest = useRef(0);

  useEffect(() => {
    if (!searcher || query.trim() === '') return;
    const asked = ++latest.current;
    searcher
      .search(query, limit)
      .then((found) => {
        if (asked === latest.current) setHits({ query, hits: found });
      })
      .catch(() => {
        // A closed dataset or a failed worker: the entity results still stand; nothing to show here.
        if (asked === latest.current) setHits({ query, hits: [] });
      });
  }, [searcher, query, limit, evidenceVersion]);

  const asked = searcher !== null && query.trim() !== '';
  const answered = hits.query === query;
  return { hits: asked && answered ? hits.hits : [], pending: asked && !answered };
}
