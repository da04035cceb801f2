/**
 * A partial model grown by what a server sends for a step is the model compiled from everything it was sent,
 * records in the same rows, so every step, query and export reads it as it would that model.
 */
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/model/format/bundle';
import { NO_FILTERS } from '../../src/model/core/filters';
import { extendModel, type ModelDelta } from '../../src/model/core/extend-model';
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
function union(first: Bundle, more: ModelDelta): Bundle {
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

const deltaOf = (b: Bundle): ModelDelta => ({
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

  it('leaves the model it grew from as it was, for the undo history that holds it', () => {
    const start = buildModel(partOf(['donald-trump', 'vladimir-putin']));
    const before = records(start);
    const size = start.relations.size;
    extendModel(start, deltaOf(articleBundle()));
    expect(start.relations.size).toBe(size);
    expect(records(start)).toEqual(before);
  });
});
