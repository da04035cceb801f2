/** Runs the connection finder whenever its ends, knobs or the filters change; stale answers are dropped. */
import { useEffect, useMemo, useState } from 'react';
import { analyse } from '../../data/analysis-runner';
import type { PathOptions, PathSearchResult } from '../../model/analysis/paths';
import type { Filters } from '../../model/core/filters';
import type { Model } from '../../model/core/model';
import { useActions, useStoreApi } from '../../store/context';
import type { PathKnobs } from './PathOptionsForm';

export type PathSearch =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'done'; result: PathSearchResult }
  | { state: 'failed'; error: string };

interface Request {
  model: Model;
  from: string;
  to: string;
  options: PathOptions;
}

export function usePathSearch(
  model: Model | null,
  from: string | null,
  to: string | null,
  knobs: PathKnobs,
  filters: Filters,
): PathSearch {
  const { maxLength, maxPaths, weakestStatus, maxHubDegree } = knobs;
  const request = useMemo<Request | null>(
    () =>
      model && from && to
        ? { model, from, to, options: { filters, maxLength, maxPaths, weakestStatus, maxHubDegree } }
        : null,
    [model, from, to, filters, maxLength, maxPaths, weakestStatus, maxHubDegree],
  );
  // The answer remembers which request it answers, so a newer request reads as "searching" until its own arrives.
  const [answer, setAnswer] = useState<{ request: Request; search: PathSearch } | null>(null);
  const { ensure } = useActions();
  const store = useStoreApi();
  useEffect(() => {
    if (!request) return;
    let current = true;
    const run = () =>
      analyse(request.model, {
        kind: 'paths',
        from: request.from,
        to: request.to,
        options: request.options,
      }).then(
        (result) => current && setAnswer({ request, search: { state: 'done', result } }),
        (err: unknown) => current && setAnswer({ request, search: { state: 'failed', error: String(err) } }),
      );
    // A server dataset finds the paths on the server and loads their entities; the finder then runs on
    // the grown model (a new request), finding the same shortest chains among what is loaded.
    const { options } = request;
    const fetched = ensure({
      kind: 'paths',
      from: request.from,
      to: request.to,
      maxLength: options.maxLength,
      maxPaths: options.maxPaths,
      weakestStatus: options.weakestStatus,
      maxHubDegree: options.maxHubDegree,
    });
    if (!fetched) void run();
    else
      void fetched.then((ok) => {
        if (!current) return;
        if (!ok)
          setAnswer({
            request,
            search: { state: 'failed', error: 'The server could not be asked for the paths; try again.' },
          });
        // Nothing new to load: the model is the same, so no new request follows; run on it now.
        else if (store.getState().model === request.model) void run();
      });
    return () => {
      current = false;
    };
  }, [request, ensure, store]);
  if (!request) return { state: 'idle' };
  return answer?.request === request ? answer.search : { state: 'searching' };
}
