/**
 * The store over a graph source: in memory a step happens at once, as always; over a server the step waits
 * for the source, shows what it is fetching, then runs as on the whole model; a server gone leaves what is
 * drawn, says so, and the next act asks again.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/core/model-builder';
import type { Model } from '../../src/model/core/model';
import { NO_FILTERS } from '../../src/model/core/filters';
import { neighbours } from '../../src/model/core/queries';
import { subgraphOf } from '../../src/model/core/subgraph';
import { subBundle } from '../../src/model/export/sub-bundle';
import { buildEntitySearch } from '../../src/model/search/search';
import {
  SourceUnavailable,
  type GraphSource,
  type Grown,
  type SourceNeed,
} from '../../src/model/source/graph-source';
import { createThreadlineStore, type ThreadlineStore } from '../../src/store/store';
import { articleBundle } from './fixtures';

const bundle = articleBundle();
const whole = buildModel(bundle);
const HUB = 'paul-manafort';

/** The part of the whole model a server would have sent for `ids`. */
function partOf(ids: Iterable<string>): Grown {
  const cut = subBundle(whole, subgraphOf(whole, ids, NO_FILTERS));
  if (!cut.ok) throw new Error(cut.reason);
  return { model: buildModel(cut.bundle), search: buildEntitySearch(cut.bundle.entities) };
}

/** A server source whose answers the test releases by hand. */
function fakeServer(start: Grown) {
  let loaded: Model = start.model;
  const asked: SourceNeed[] = [];
  let answer: { resolve(g: Grown): void; reject(e: Error): void } | null = null;
  const source: GraphSource = {
    kind: 'server',
    scopeNote: 'loaded only',
    datasets: [],
    ensure(need) {
      if (need.kind === 'expand' && neighbours(loaded, need.id).length === neighbours(whole, need.id).length)
        return null;
      if (need.kind === 'entities' && need.ids.every((id) => loaded.entities.has(id))) return null;
      asked.push(need);
      return new Promise<Grown>((resolve, reject) => (answer = { resolve, reject }));
    },
    searchEntities: () => null,
    searchPassages: () => null,
    relationCounts: () => null,
    wholeTexts: () => null,
    quoteContexts: () => null,
  };
  return {
    source,
    asked,
    /** Sends the part of the whole model holding what is loaded and `ids`. */
    answer(ids: readonly string[]) {
      const grown = partOf([...loaded.entities.keys(), ...ids]);
      loaded = grown.model;
      answer!.resolve(grown);
    },
    fail() {
      answer!.reject(new SourceUnavailable('no answer'));
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the store over a graph source', () => {
  let store: ThreadlineStore;
  const s = () => store.getState();
  let server: ReturnType<typeof fakeServer>;

  beforeEach(() => {
    store = createThreadlineStore();
    const opening = partOf(['donald-trump', 'vladimir-putin', 'russia', HUB]);
    server = fakeServer(opening);
    s().setModel(opening.model, opening.search, server.source);
    s().addEntities([HUB]);
  });

  it('in memory, expands at once, with nothing to fetch', () => {
    const local = createThreadlineStore();
    local.getState().setModel(whole, buildEntitySearch(bundle.entities));
    local.getState().addEntities([HUB]);
    local.getState().expand(HUB);
    expect(local.getState().fetching).toBeNull();
    expect(local.getState().view.visible.size).toBe(neighbours(whole, HUB).length + 1);
  });

  it('over a server, expands once the neighbours arrive, as on the whole model, saying what it fetches', async () => {
    const before = s().view.visible;
    s().expand(HUB);
    expect(s().view.visible).toBe(before);
    expect(s().fetching).toEqual({ kind: 'expand', id: HUB });
    server.answer(neighbours(whole, HUB));
    await settle();
    expect(s().fetching).toBeNull();
    expect([...s().view.visible].sort()).toEqual([HUB, ...neighbours(whole, HUB)].sort());
    expect(s().model!.relations.size).toBeGreaterThan(0);
  });

  it('commits the grown model and the expansion as one store update, so the canvas draws once', async () => {
    const updates: Array<{ model: boolean; view: boolean; fetching: boolean }> = [];
    s().expand(HUB);
    const stop = store.subscribe((now, before) =>
      updates.push({
        model: now.model !== before.model,
        view: now.view !== before.view,
        fetching: now.fetching !== before.fetching,
      }),
    );
    server.answer(neighbours(whole, HUB));
    await settle();
    stop();
    expect(updates).toEqual([{ model: true, view: true, fetching: true }]);
    expect(s().view.visible.size).toBe(neighbours(whole, HUB).length + 1);
  });

  it('adds an entity found on the server with its model in one update, selected', async () => {
    const far = 'konstantin-kilimnik';
    let updates = 0;
    s().addEntities([far], { select: true });
    const stop = store.subscribe(() => updates++);
    server.answer([far]);
    await settle();
    stop();
    expect(updates).toBe(1);
    expect(s().selection).toEqual({ kind: 'entity', id: far });
    expect(s().view.visible.has(far)).toBe(true);
  });

  it('keeps the grown model on undo, so what was fetched is not asked for again', async () => {
    const before = [...s().view.visible];
    s().expand(HUB);
    server.answer(neighbours(whole, HUB));
    await settle();
    const grown = s().model;
    s().undo();
    expect([...s().view.visible]).toEqual(before);
    // Back past the step that fetched: the view of the opening, within the model that grew since.
    s().undo();
    expect(s().view.visible.has(HUB)).toBe(false);
    expect(s().model).toBe(grown);
    s().redo();
    s().redo();
    expect(s().view.visible.size).toBe(neighbours(whole, HUB).length + 1);
  });

  it('leaves what is drawn when the server is gone, says so, and asks again when the user acts again', async () => {
    const before = s().view.visible;
    const model = s().model;
    s().expand(HUB);
    server.fail();
    await settle();
    expect(s().view.visible).toBe(before);
    expect(s().model).toBe(model);
    expect(s().fetching).toBeNull();
    expect(s().notices.map((n) => [n.kind, n.text])).toEqual([
      ['error', expect.stringContaining('The server is unavailable') as string],
    ]);
    s().expand(HUB);
    expect(server.asked).toHaveLength(2);
    server.answer(neighbours(whole, HUB));
    await settle();
    expect(s().view.visible.size).toBe(neighbours(whole, HUB).length + 1);
  });

  it('selects an entity the server has not sent yet by fetching it, rather than calling it unknown', async () => {
    const far = 'konstantin-kilimnik';
    expect(s().model!.entities.has(far)).toBe(false);
    s().selectEntity(far);
    expect(s().notices).toEqual([]);
    server.answer([far]);
    await settle();
    expect(s().selection).toEqual({ kind: 'entity', id: far });
    expect(s().view.visible.has(far)).toBe(true);
  });
});
