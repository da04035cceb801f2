/**
 * A partial model grown by what a server sends for a step is the model compiled from everything it was sent,
 * records in the same rows, so every step, query and export reads it as it would that model.
 */
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/model/format/bundle';
import { NO_FILTERS } from '../../src/model/core/filters';
import { extendModel, heldAnswers, holdAnswers, type ModelDelta } from '../../src/model/core/extend-model';
import { answersTo } from '../../src/model/core/claims';
import { buildModel } from '../../src/model/core/model-builder';
import type { Model } from '../../src/model/core/model';
import { neighbours } from '../../src/model/core/queries';
import { subgraphOf } from '../../src/model/core/subgraph';
import { subBundle } from '../../src/model/export/sub-bundle';
import { articleBundle } from './fixtures';

const whole = buildModel(articleBundle());

function partOf(ids: readonly string[]): Bundle {
  const cut = subBundle(whole, subgraphOf(whole, ids, NO_FILTERS));
  if (!cut.ok) throw new Error(cut.reason);
  return cut.bundle;
}

/** The records of `more` that `first` lacks, after `first`'s: what compiling the union gives. */
function union(first: Bundle, more: ModelDelta & { sources: Bundle['sources'] }): Bundle {
  const after = <T extends { id: string }>(a: readonly T[], b: readonly T[]) => {
    const ids = new Set(a.map((r) => r.id));
    return [...a, ...b.filter((r) => !ids.has(r.id) && ids.add(r.id))];
  };
  return {
    ...first,
    relationTypes: after(first.relationTypes, more.relationTypes),
    sources: after(first.sources, more.sources),
    entities: after(first.entities, more.entities),
    quotes: after(first.quotes, more.quotes),
    relations: after(first.relations, more.relations),
  };
}

const deltaOf = (b: Bundle): ModelDelta & { sources: Bundle['sources'] } => ({
  relationTypes: b.relationTypes,
  sources: b.sources,
  entities: b.entities,
  quotes: b.quotes,
  relations: b.relations,
});

const records = (m: Model) => ({
  entities: [...m.entities.values()],
  relations: [...m.relations.values()],
  quotes: [...m.quotes.values()],
  sources: [...m.sources.values()],
  relationTypes: [...m.relationTypes.values()],
  dates: m.dates,
});

describe('extendModel', () => {
  it('grows a partial model into the model compiled from the union, row for row', () => {
    const start = partOf(['donald-trump', 'vladimir-putin', 'russia']);
    const more = deltaOf(partOf(['paul-manafort', 'konstantin-kilimnik', 'donald-trump']));
    const grown = extendModel(buildModel(start), more);
    const compiled = buildModel(union(start, more));
    expect(grown.relations.size).toBeGreaterThan(buildModel(start).relations.size);
    expect(grown.data).toEqual(compiled.data);
    expect(grown.adjacency).toEqual(compiled.adjacency);
    expect(records(grown)).toEqual(records(compiled));
    expect(neighbours(grown, 'paul-manafort').sort()).toEqual(neighbours(compiled, 'paul-manafort').sort());
  });

  it('grown step by step to the whole dataset, holds every record as the whole model has it', () => {
    const ids = [...whole.entities.keys()];
    let grown = buildModel(partOf(ids.slice(0, 10)));
    for (let i = 10; i < ids.length; i += 40)
      grown = extendModel(grown, deltaOf(partOf(ids.slice(0, i + 40))));
    grown = extendModel(grown, deltaOf(articleBundle()));
    expect(grown.relations.size).toBe(whole.relations.size);
    for (const r of whole.relations.values()) expect(grown.relations.get(r.id), r.id).toEqual(r);
    for (const q of whole.quotes.values()) expect(grown.quotes.get(q.id), q.id).toEqual(q);
    for (const e of whole.entities.values()) expect(grown.entities.get(e.id)).toEqual(e);
    for (const id of ids) expect(neighbours(grown, id).sort(), id).toEqual(neighbours(whole, id).sort());
    expect(grown.dates).toEqual(whole.dates);
  });

  describe('a denial that arrives before what it answers', () => {
    // In the article, Putin's denial answers the relation saying Russia interfered.
    const DENIAL = 'putin-denied-interference';
    const ANSWERED = 'russia-interfered-2016';
    const bundle = articleBundle();
    const denial = bundle.relations.find((r) => r.id === DENIAL)!;
    const answered = bundle.relations.find((r) => r.id === ANSWERED)!;
    const { answers, ...withoutAnswer } = denial;
    /** The article without the answered relation, the denial sent as the server sends it then. */
    const start: Bundle = {
      ...bundle,
      relations: bundle.relations
        .filter((r) => r.id !== ANSWERED)
        .map((r) => (r === denial ? withoutAnswer : r)),
    };
    const later = (links: ModelDelta['answers']): ModelDelta => ({
      relationTypes: [],
      sources: [],
      entities: [],
      quotes: [],
      relations: [answered],
      ...(links ? { answers: links } : {}),
    });
    // Compiled from everything sent: the denial with its answer, the answered relation after the rest.
    const compiled = buildModel({
      ...start,
      relations: [...start.relations.map((r) => (r === withoutAnswer ? denial : r)), answered],
    });

    it('shows it answering once what it answers arrives, the model as if compiled from the union', () => {
      expect(answers).toBe(ANSWERED);
      const first = buildModel(start);
      holdAnswers(first, [{ relation: DENIAL, answers: ANSWERED }]);
      expect(answersTo(first, ANSWERED)).toEqual([]);
      const grown = extendModel(first, later(undefined));
      expect(answersTo(grown, ANSWERED)).toEqual([DENIAL]);
      expect(grown.relations.get(DENIAL)!.answers).toBe(ANSWERED);
      expect(grown.data).toEqual(compiled.data);
      expect(records(grown)).toEqual(records(compiled));
      expect(heldAnswers(grown)).toEqual([]);
      // The model grown from still lacks the link: the undo history holds it as it was.
      expect(first.relations.get(DENIAL)!.answers).toBeUndefined();
    });

    it('keeps the link through steps that do not bring its target, and through one that sends it again', () => {
      const first = buildModel(start);
      const link = { relation: DENIAL, answers: ANSWERED };
      holdAnswers(first, [link]);
      const unrelated = extendModel(first, { ...later(undefined), relations: [] });
      expect(heldAnswers(unrelated)).toEqual([link]);
      const grown = extendModel(unrelated, later([link]));
      expect(answersTo(grown, ANSWERED)).toEqual([DENIAL]);
      expect(grown.data).toEqual(compiled.data);
    });
  });

  it('leaves the model it grew from as it was, for the undo history that holds it', () => {
    const start = buildModel(partOf(['donald-trump', 'vladimir-putin']));
    const before = records(start);
    const size = start.relations.size;
    extendModel(start, deltaOf(articleBundle()));
    expect(start.relations.size).toBe(size);
    expect(records(start)).toEqual(before);
  });
});
