/**
 * Entity matches for what is typed: from the model's index in memory (synchronously, as always), or from
 * the server's typeahead for a server dataset, where `searching` is true until the latest answer arrives.
 */
import { useEffect, useMemo, useState } from 'react';
import type { SearchHit } from '../../model/search/search';
import { useThreadline } from '../../store/context';

export function useEntityHits(query: string, limit: number): { hits: SearchHit[]; searching: boolean } {
  const search = useThreadline((s) => s.search);
  const source = useThreadline((s) => s.source);
  const notify = useThreadline((s) => s.notify);
  const local = useMemo(
    () => (source.kind === 'memory' && search ? search.search(query, limit) : null),
    [source, search, query, limit],
  );
  const [answer, setAnswer] = useState<{ query: string; hits: SearchHit[] }>({ query: '', hits: [] });
  useEffect(() => {
    if (local !== null || query.trim() === '') return;
    let current = true;
    source.searchEntities(query, limit)?.then(
      (hits) => {
        if (current && hits) setAnswer({ query, hits });
      },
      (e: unknown) => {
        if (!current) return;
        setAnswer({ query, hits: [] });
        notify('error', e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      current = false;
    };
  }, [local, source, query, limit, notify]);
  if (local !== null) return { hits: local, searching: false };
  if (query.trim() === '') return { hits: [], searching: false };
  return answer.query === query ? { hits: answer.hits, searching: false } : { hits: [], searching: true };
}
