import { describe, expect, it } from 'vitest';
import { encodeCompact } from '../../src/model/format/compact/encode';
import { evidenceFromText, modelFromCompactIndex } from '../../src/model/format/compact/load';
import { receiveEvidence } from '../../src/model/core/model';
import type { Model } from '../../src/model/core/model';
import { buildModel } from '../../src/model/core/model-builder';
import { neighbours, relationsOf } from '../../src/model/core/queries';
import { generateDataset } from '../../scripts/synthetic/generate';
import { validateDatasetFolder } from '../../src/model/format/validate-folder';
import { articleBundle, fixtureBundle } from './fixtures';

const { files } = generateDataset({ entities: 200, relations: 800, seed: 3 });
const synthetic = validateDatasetFolder('synthetic', (path) => files.get(path)).bundle!;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tampering with arbitrary JSON
/** The two compact files as text, after `tamper` had its way with their JSON. */
function compactFiles(bundle = synthetic, tamper: (index: Json, evidence: Json) => void = () => {}) {
  const { index, evidence } = JSON.parse(JSON.stringify(encodeCompact(bundle))) as {
    index: Json;
    evidence: Json;
  };
  tamper(index, evidence);
  return { index: JSON.stringify(index), evidence: JSON.stringify(evidence) };
}

function load(text: { index: string; evidence: string }): Model {
  const indexed = modelFromCompactIndex(text.index, 'x.index.json');
  if (!indexed.ok) throw new Error(JSON.stringify(indexed.problems));
  const evidence = evidenceFromText(text.evidence, indexed.value.model, 'x.evidence.json', 'x.index.json');
  if (!evidence.ok) throw new Error(JSON.stringify(evidence.problems));
  receiveEvidence(indexed.value.model, evidence.value);
  return indexed.value.model;
}

describe.each([
  ['the article', articleBundle()],
  ['a synthetic dataset', synthetic],
  [
    'two sources with claims, answers, joint speakers, declared types and relative dates',
    fixtureBundle('two-sources'),
  ],
])('the model from compact files of %s', (_name, bundle) => {
  const expected = buildModel(bundle);

  it('is the model the bundle builds, every record included', () => {
    const model = load(compactFiles(bundle));
    expect(model.data).toEqual(expected.data);
    expect([...model.relations.values()]).toEqual(bundle.relations);
    expect([...model.quotes.values()]).toEqual(bundle.quotes);
    expect([...model.entities.values()]).toEqual(bundle.entities);
    expect([...model.sources.values()]).toEqual(bundle.sources);
    expect(model.dates).toEqual(expected.dates);
  });

  it('expands entities to the same relations and neighbours', () => {
    const model = load(compactFiles(bundle));
    for (const e of bundle.entities.slice(0, 40)) {
      expect(relationsOf(model, e.id)).toEqual(relationsOf(expected, e.id));
      expect(neighbours(model, e.id).sort()).toEqual(neighbours(expected, e.id).sort());
    }
  });
});

describe('statuses in compact files', () => {
  it('keeps the article’s refuted relations refuted', () => {
    const model = load(compactFiles(articleBundle()));
    expect(model.relations.get('ukraine-interfered-2016-false')?.status).toBe('refuted');
    expect(model.relations.get('ukraine-for-democrats-false')?.status).toBe('refuted');
  });
});

describe('the compact index alone', () => {
  const indexed = modelFromCompactIndex(compactFiles().index, 'x.index.json');
  if (!indexed.ok) throw new Error('the index does not load');
  const { model, search } = indexed.value;

  it('is searchable and expandable, and names evidence it does not hold yet', () => {
    const hub = synthetic.entities[0]!.id;
    expect(relationsOf(model, hub).length).toBe(
      synthetic.relations.filter((r) => [r.source, r.target].includes(hub)).length,
    );
    expect(model.relations.get(synthetic.relations[0]!.id)!.evidence).toEqual(
      synthetic.relations[0]!.evidence,
    );
    expect(model.quotes.get(synthetic.quotes[0]!.id)).toBeUndefined();
    expect(model.sources.get(synthetic.sources[0]!.id)).toBeUndefined();
  });

  it('finds entities by name and alias with the index the compiler built', () => {
    for (const e of synthetic.entities.slice(0, 30)) {
      expect(search.search(e.name).map((h) => h.id)).toContain(e.id);
      for (const alias of e.aliases ?? []) expect(search.search(alias).map((h) => h.id)).toContain(e.id);
    }
  });
});

describe('tampered compact files', () => {
  const problemsOf = (tamper: (index: Json, evidence: Json) => void) => {
    const text = compactFiles(synthetic, tamper);
    const indexed = modelFromCompactIndex(text.index, 'x.index.json');
    if (!indexed.ok) return indexed.problems;
    const evidence = evidenceFromText(text.evidence, indexed.value.model, 'x.evidence.json', 'x.index.json');
    return evidence.ok ? [] : evidence.problems;
  };

  it.each<[string, (index: Json, evidence: Json) => void, string, string, string]>([
    [
      'an entity row out of range',
      (i) => (i.relations.source[7] = 99_999),
      'x.index.json',
      '/relations/source/7',
      'bundle-format',
    ],
    [
      'a relation id used twice',
      (i) => (i.relations.id[3] = i.relations.id[2]),
      'x.index.json',
      '/relations/id/3',
      'duplicate-id',
    ],
    [
      'a relation without evidence',
      (i) => {
        // Relation 0's only quotes move to relation 1.
        i.relations.evidenceStart[1] = 0;
      },
      'x.index.json',
      '/relations/evidenceStart/1',
      'no-evidence',
    ],
    [
      'a relation type outside its domain',
      (i) => (i.relationTypes[i.relations.type[0]].domain = ['media']),
      'x.index.json',
      '/relations/source/0',
      'domain-violation',
    ],
    [
      'an invalid date',
      (i) => (i.relations.date['5'] = '2019-02-30'),
      'x.index.json',
      '/relations/date/5',
      'invalid-date',
    ],
    ['another format', (i) => (i.format = 'threadline-bundle'), 'x.index.json', '/format', 'bundle-format'],
    [
      'a search posting out of range',
      (i) => (i.search.postings[2] = 5_000),
      'x.index.json',
      '/search/postings/2',
      'bundle-format',
    ],
    [
      'a quote id used twice',
      (i) => (i.quoteIds[9] = i.quoteIds[8]),
      'x.index.json',
      '/quoteIds/9',
      'duplicate-id',
    ],
    [
      'a quote past the end of its source',
      (_i, e) => (e.quotes.end[4] = 10_000_000),
      'x.evidence.json',
      '/quotes/end/4',
      'quote-not-found',
    ],
    ['a missing source text', (_i, e) => e.texts.pop(), 'x.evidence.json', '/texts', 'bundle-format'],
  ])('%s is reported with its file and pointer', (_name, tamper, file, pointer, code) => {
    const problems = problemsOf(tamper);
    expect(problems).toContainEqual(expect.objectContaining({ file, pointer, code, severity: 'error' }));
  });

  it('reports broken JSON instead of throwing', () => {
    const result = modelFromCompactIndex('{"format": "threadline-compact",', 'x.index.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ code: 'json-syntax', file: 'x.index.json' });
  });
});
