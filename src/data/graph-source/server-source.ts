/**
 * A Threadline server as the explorer's graph source. What has been fetched accumulates as a partial model
 * of the same type as the in-memory one: the opening is the sub-bundle of the first entities; each later
 * step that needs more asks the server for what is new (the relations joining the new entities to what is
 * loaded, their quotes, the sources not held), appends it to the model, and hands the store the grown
 * model. The exploring steps then run on it exactly as on a local dataset.
 *
 * An expansion is one request: the server answers with the neighbour page and what adding it brings. Answers
 * are cached (a search, a path search, an expansion are asked once); a request of a kind is cancelled when a
 * newer one of the same kind starts; the model grows one step after another, so two steps in flight never
 * hand the store a model that lacks what the other loaded.
 *
 * A long source comes as the windows its quotes need (held-text.ts); the sources held whole are named in
 * each request (`sourcesHeld`), those held in part are not, so a step citing more of one brings its
 * windows. Past the server's budget of text an answer carries a quote alone, and the text around it is asked
 * for when it is shown (quoteContexts). The reader and the exports ask for whole texts (wholeTexts), read a
 * page at a time.
 */
import { extendModel, holdAnswers, type AnswerLink, type ModelDelta } from '../../model/core/extend-model';
import type { Model } from '../../model/core/model';
import { buildModel } from '../../model/core/model-builder';
import type { Bundle } from '../../model/format/bundle';
import { contextHeld, isInPart, type ArrivingSource, type SourceInPart } from '../../model/core/held-text';
import type { GraphSource, Grown, SourceDataset, SourceNeed } from '../../model/source/graph-source';
import { buildEntitySearch, type SearchHit } from '../../model/search/search';
import { createServerPassages } from './server-passages';
import { requestJson, type Fetch } from './server-http';

/** The server's own cap on entity ids per request: the partial model never holds more. */
export const MAX_LOADED = 2000;
/**
 * Relations of one entity fetched for an expansion: one page of the server's largest size, two when the
 * user asked for all of a hub; as many as the user asked for when it was the top N.
 */
const PAGE = 200;
const FORCED_PAGES = 2;
/** Entities the view opens on, most connected first (as a local dataset's opening view). */
const OPENING = 25;

interface EntityOut {
  id: string;
  name: string;
  type: string;
}
/** `…/expand`: the entity and its neighbours on the pages read, and what adding those not held brings. */
interface ExpansionOut {
  counts: Array<{ type: string; n: number }>;
  entityIds: string[];
  dropped: number;
  delta: ModelDelta | null;
}
interface PathsOut {
  paths: Array<{ entityIds: string[] }>;
}
interface DatasetOut {
  id: string;
  title: string;
  counts: { entities: number; relations: number };
}

type Channel = 'entities' | 'expand' | 'paths' | 'search' | 'passages';

/** Quotes whose context one `…/contexts` request asks for: the server's cap. */
const CONTEXT_QUOTES_MAX = 500;

/** Characters of a source text asked for at once: the server's cap (`…/sources/{id}/text`). */
const TEXT_PAGE = 100_000;

/**
 * A sub-bundle from `…/loaded`: the texts of sources the explorer said it holds come as null, long sources
 * as their windows.
 */
type LeanBundle = Omit<Bundle, 'sources'> & {
  sources: Array<(Omit<Bundle['sources'][number], 'text'> & { text: string | null }) | SourceInPart>;
  /** What its denials answer outside it: kept with the model until their targets arrive. */
  answers?: AnswerLink[];
};

export interface ServerSourceOptions {
  /** The API's root, e.g. `http://127.0.0.1:5180/api/`. */
  api: string;
  dataset: string;
  datasets: readonly SourceDataset[];
  fetch?: Fetch;
}

export interface ServerSource extends GraphSource {
  readonly dataset: string;
  /** The opening: the most connected entities (and `extra`, a linked view's) as the first partial model. */
  open(extra?: readonly string[]): Promise<Grown>;
}

export function createServerSource(options: ServerSourceOptions): ServerSource {
  const fetchFn: Fetch = options.fetch ?? ((...a) => fetch(...a));
  const root = `${options.api.replace(/\/?$/, '/')}datasets/${encodeURIComponent(options.dataset)}/`;
  const url = (path: string, query: Record<string, string | number | undefined> = {}) => {
    const u = new URL(path, root);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) u.searchParams.set(k, String(v));
    return u.href;
  };

  let last: Grown | null = null;
  const loaded = new Set<string>();
  /** Ids asked for once: one the server does not know is not asked for again at every step. */
  const asked = new Set<string>();
  const done = new Set<string>();
  const counts = new Map<string, Array<{ type: string; count: number }>>();
  const cache = new Map<string, unknown>();
  const texts = new Map<string, string>();
  const current = new Map<Channel, AbortController>();
  let queue: Promise<unknown> = Promise.resolve();

  /** A fresh signal for `channel`, cancelling the request it supersedes. */
  const supersede = (channel: Channel) => {
    current.get(channel)?.abort();
    const c = new AbortController();
    current.set(channel, c);
    return c.signal;
  };
  /**
   * A cached GET, kept once answered: a failure is asked again when the user acts again, and a request in
   * flight is not shared, since the step that started it may be superseded and cancel it.
   */
  const get = async <T>(href: string, signal: AbortSignal): Promise<T | null> => {
    if (cache.has(href)) return cache.get(href) as T;
    const answer = await requestJson<T>(fetchFn, href, signal);
    if (answer !== null) cache.set(href, answer);
    return answer;
  };
  const passages = createServerPassages({ url, get, supersede: () => supersede('passages') });

  /** Notes the whole texts that arrived: those sources are named as held from now on. */
  const keepTexts = (sources: readonly ArrivingSource[]) => {
    for (const src of sources) if (!isInPart(src)) texts.set(src.id, src.text);
  };
  /** Keeps the texts a sub-bundle carries; puts back those left out as held. */
  const withTexts = (sources: LeanBundle['sources']): ArrivingSource[] =>
    sources.map((src): ArrivingSource => {
      if (isInPart(src)) return src;
      if (src.text !== null) texts.set(src.id, src.text);
      return { ...src, text: src.text ?? texts.get(src.id) ?? '' };
    });

  /** The first partial model: the sub-bundle of `ids`, with the dataset's head. */
  const opening = async (ids: readonly string[], signal: AbortSignal): Promise<Model | null> => {
    const lean = await requestJson<LeanBundle>(fetchFn, url('loaded'), signal, {
      entityIds: ids,
      sourcesHeld: [...texts.keys()],
    });
    if (!lean) return null;
    const { answers = [], ...bundle } = lean;
    const model = buildModel({ ...bundle, sources: withTexts(bundle.sources) });
    holdAnswers(model, answers);
    return model;
  };

  /**
   * `model` with `added` and the relations joining them to what is loaded: only what is new is fetched
   * (sources held are left out) and appended, not everything loaded fetched and compiled again.
   */
  const extended = async (
    model: Model,
    added: readonly string[],
    signal: AbortSignal,
  ): Promise<Model | null> => {
    const delta = await requestJson<ModelDelta>(fetchFn, url('delta'), signal, {
      entityIds: added,
      known: [...loaded],
      sourcesHeld: [...texts.keys()],
    });
    if (!delta) return null;
    keepTexts(delta.sources);
    return extendModel(model, delta);
  };

  const full = `the explorer holds at most ${MAX_LOADED} entities of a server dataset at a time`;

  /**
   * Runs `step` once every step before it has grown the model, so two steps in flight never hand the
   * store a model that lacks what the other loaded; null if superseded before its turn or its answer.
   */
  const inTurn = (signal: AbortSignal, step: () => Promise<Grown | null>): Promise<Grown | null> => {
    const turn = queue.then(() => (signal.aborted ? null : step()));
    queue = turn.catch(() => undefined);
    return turn;
  };

  /** Takes the grown model: `wanted` are the ids it was asked for, loaded when the server knew them. */
  const take = (model: Model, wanted: readonly string[], dropped: number): Grown => {
    for (const id of wanted) {
      asked.add(id);
      if (model.entities.has(id)) loaded.add(id);
    }
    last = {
      model,
      search: buildEntitySearch(model.data.entities),
      ...(dropped > 0 ? { note: `${dropped} entities were not loaded: ${full}.` } : {}),
    };
    return last;
  };
  const nothingMore = (): Grown | null =>
    last && { ...last, note: `Nothing more was loaded: ${full}; Clear canvas and reload to start afresh.` };

  /** Everything loaded plus `ids`, as a model; null if superseded before its turn or its answer. */
  const grow = (ids: readonly string[], signal: AbortSignal): Promise<Grown | null> =>
    inTurn(signal, async () => {
      const wanted = [...loaded];
      const added = new Set(loaded);
      let dropped = 0;
      for (const id of ids) {
        if (added.has(id)) continue;
        if (added.size >= MAX_LOADED) {
          dropped++;
          continue;
        }
        added.add(id);
        wanted.push(id);
      }
      if (wanted.length === loaded.size) return nothingMore();
      const model = last
        ? await extended(last.model, wanted.slice(loaded.size), signal)
        : await opening(wanted, signal);
      return model && take(model, wanted, dropped);
    });

  /**
   * An expansion in one request: its neighbour pages and what adding them brings come in one answer (two
   * requests in series were two round trips), asked in the model's turn, so the entities it says are held
   * are those of the model the answer is added to.
   */
  const expandGrow = (
    need: Extract<SourceNeed, { kind: 'expand' }>,
    signal: AbortSignal,
  ): Promise<Grown | null> =>
    inTurn(signal, async () => {
      const size = need.limit !== undefined ? Math.min(PAGE, Math.max(1, need.limit)) : PAGE;
      const answer = await requestJson<ExpansionOut>(fetchFn, url('expand'), signal, {
        id: need.id,
        ...(need.relationType ? { type: need.relationType } : {}),
        limit: size,
        pages: need.force ? FORCED_PAGES : 1,
        known: [...loaded],
        sourcesHeld: [...texts.keys()],
        room: MAX_LOADED - loaded.size,
      });
      if (!answer) return null;
      if (!need.relationType)
        counts.set(
          need.id,
          answer.counts.map((c) => ({ type: c.type, count: c.n })),
        );
      if (!answer.delta) return answer.dropped > 0 ? nothingMore() : last;
      keepTexts(answer.delta.sources);
      const model = last ? extendModel(last.model, answer.delta) : null;
      return model && take(model, answer.entityIds, answer.dropped);
    });

  const pathIds = async (
    need: Extract<SourceNeed, { kind: 'paths' }>,
    signal: AbortSignal,
  ): Promise<string[] | null> => {
    const answer = await get<PathsOut>(
      url('paths', {
        from: need.from,
        to: need.to,
        maxLength: need.maxLength,
        maxPaths: need.maxPaths,
        minStatus: need.weakestStatus ?? undefined,
        maxHubDegree: need.maxHubDegree ?? undefined,
      }),
      signal,
    );
    if (!answer) return null;
    return [need.from, need.to, ...answer.paths.flatMap((p) => p.entityIds)];
  };

  /** Runs a need once: a need answered before is no fetch (null), so the store's step goes ahead. */
  const once = (
    key: string,
    channel: Channel,
    ids: (signal: AbortSignal) => Promise<string[] | null>,
  ): Promise<Grown | null> | null => {
    if (done.has(key)) return null;
    const signal = supersede(channel);
    return ids(signal).then(async (found) => {
      if (!found) return null;
      const missing = found.filter((id) => !loaded.has(id) && !asked.has(id));
      const grown = missing.length > 0 ? await grow(missing, signal) : null;
      if (signal.aborted) return null;
      done.add(key);
      // Nothing new: the model the store holds already has it all; the step runs on that.
      return grown ?? last;
    });
  };

  /** One source's whole text, a page at a time; null when cancelled. */
  const wholeText = async (
    id: string,
    length: number,
    signal: AbortSignal | undefined,
    read: (chars: number) => void,
  ): Promise<string | null> => {
    let text = '';
    while (text.length < length) {
      const page = await requestJson<{ text: string; end: number; length: number }>(
        fetchFn,
        url(`sources/${encodeURIComponent(id)}/text`, {
          start: text.length,
          end: Math.min(length, text.length + TEXT_PAGE),
        }),
        signal,
      );
      if (!page) return null;
      if (page.text.length === 0)
        throw new Error(
          `The server sent no more of source "${id}" after ${text.length} of ${length} characters.`,
        );
      text += page.text;
      read(page.text.length);
    }
    return text;
  };

  /** Quotes whose context is asked for in this turn of the event loop, and the one request that brings them. */
  const contextsAsked = new Set<string>();
  let contextsComing: Promise<Grown | null> | null = null;
  /**
   * The model grown by `sources` (whole texts, or more windows of sources held in part): checked against what
   * is held (the builder refuses a text that differs), then kept.
   */
  const growBySources = (sources: ArrivingSource[]): Grown => {
    const grown = extendModel(last!.model, {
      relationTypes: [],
      sources,
      entities: [],
      quotes: [],
      relations: [],
    });
    keepTexts(sources);
    last = { ...last!, model: grown };
    return last;
  };

  /** The windows of the quotes asked, added to the model in its turn, a request per CONTEXT_QUOTES_MAX. */
  const fetchContexts = (): Promise<Grown | null> => {
    const quotes = [...contextsAsked];
    contextsAsked.clear();
    contextsComing = null;
    return inTurn(new AbortController().signal, async () => {
      for (let at = 0; at < quotes.length; at += CONTEXT_QUOTES_MAX) {
        const answer = await requestJson<{ sources: ArrivingSource[] }>(fetchFn, url('contexts'), undefined, {
          quotes: quotes.slice(at, at + CONTEXT_QUOTES_MAX),
        });
        if (!answer || !last) return null;
        growBySources(answer.sources);
      }
      return last;
    });
  };

  return {
    kind: 'server',
    dataset: options.dataset,
    datasets: options.datasets,
    get scopeNote() {
      return `Counts and dates cover the ${loaded.size} entities loaded from the server so far, not the whole dataset.`;
    },

    async open(extra = []) {
      const signal = supersede('entities');
      const top = await requestJson<{ entityIds: string[] }>(
        fetchFn,
        url('opening', { size: OPENING }),
        signal,
      );
      const grown = top && (await grow([...extra, ...top.entityIds], signal));
      if (!grown) throw new Error('The opening view was cancelled.');
      return grown;
    },

    ensure(need) {
      if (need.kind === 'entities') {
        const missing = need.ids.filter((id) => !loaded.has(id) && !asked.has(id));
        if (missing.length === 0) return null;
        const signal = supersede('entities');
        return grow(missing, signal);
      }
      if (need.kind === 'expand') {
        const key = `expand ${need.id} ${need.relationType ?? ''} ${need.force ? 'all' : (need.limit ?? '')}`;
        if (done.has(key)) return null;
        const signal = supersede('expand');
        return expandGrow(need, signal).then((grown) => {
          if (signal.aborted || !grown) return null;
          done.add(key);
          return grown;
        });
      }
      if (need.kind === 'relation')
        return last?.model.relations.has(need.id)
          ? null
          : once(`relation ${need.id}`, 'entities', (signal) => passages.endsOf(need.id, signal));
      return once(`paths ${JSON.stringify(need)}`, 'paths', (signal) => pathIds(need, signal));
    },

    searchEntities(query, limit) {
      const text = query.trim();
      if (text === '') return Promise.resolve([]);
      const signal = supersede('search');
      return get<{ entities: Array<EntityOut & { score: number }> }>(
        url('search/entities', { q: text.slice(0, 200), limit }),
        signal,
      ).then((r) =>
        r
          ? r.entities.map((e): SearchHit => ({ id: e.id, name: e.name, type: e.type, score: e.score }))
          : null,
      );
    },

    searchPassages: (query, limit) => passages.search(query, limit),

    wholeTexts(ids, { signal, progress } = {}) {
      const model = last?.model;
      const partial = model?.data.evidence?.partial;
      const wanted = ids.flatMap((id) => {
        const i = model?.index.source.get(id);
        const held = i === undefined ? undefined : partial?.get(i);
        return held ? [{ id, i: i!, length: held.length }] : [];
      });
      if (wanted.length === 0) return null;
      const total = wanted.reduce((n, w) => n + w.length, 0);
      const never = new AbortController().signal;
      return inTurn(signal ?? never, async () => {
        let read = 0;
        progress?.(0, total);
        const sources: ArrivingSource[] = [];
        for (const w of wanted) {
          const text =
            texts.get(w.id) ??
            (await wholeText(w.id, w.length, signal, (n) => {
              read += n;
              progress?.(read, total);
            }));
          if (text === null) return null;
          sources.push({ ...last!.model.data.sources[w.i]!, text });
        }
        return growBySources(sources);
      });
    },
    quoteContexts(ids) {
      const model = last?.model;
      if (!model) return null;
      const lacking = ids.filter((id) => {
        const q = model.quotes.get(id);
        const source = q && model.sources.get(q.sourceId);
        return q !== undefined && source !== undefined && !contextHeld(source, q.start, q.end);
      });
      if (lacking.length === 0) return null;
      for (const id of lacking) contextsAsked.add(id);
      contextsComing ??= new Promise<void>((r) => setTimeout(r, 0)).then(fetchContexts);
      return contextsComing;
    },
    relationCounts: (id) => counts.get(id) ?? null,
  };
}

/** The server's datasets for the picker; null when no Threadline API answers at `api` (a static build). */
export async function listServerDatasets(
  api: string,
  fetchFn: Fetch = (...a) => fetch(...a),
): Promise<SourceDataset[] | null> {
  try {
    const res = await fetchFn(new URL('datasets', api.replace(/\/?$/, '/')).href);
    if (!res.ok || !res.headers.get('content-type')?.includes('application/json')) return null;
    const body = (await res.json()) as { datasets?: DatasetOut[] };
    if (!Array.isArray(body.datasets)) return null;
    return body.datasets.map((d) => ({
      id: d.id,
      title: d.title,
      entities: d.counts.entities,
      relations: d.counts.relations,
    }));
  } catch {
    return null;
  }
}
