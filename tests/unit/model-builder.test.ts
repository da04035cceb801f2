import { describe, expect, it } from 'vitest';
import { bundleSlices, headOf } from '../../src/data/bundle-slices';
import type { Bundle } from '../../src/model/format/bundle';
import { buildModel, createModelBuilder } from '../../src/model/core/model-builder';
import { evidenceKey, quoteKey, toGraphology } from '../../src/model/core/graphology-model';
import { IdIndex } from '../../src/model/core/id-index';
import { type Model } from '../../src/model/core/model';
import { relationsBetween } from '../../src/model/core/queries';
import { generateDataset } from '../../scripts/synthetic/generate';
import { validateDatasetFolder } from '../../src/model/format/validate-folder';
import { articleBundle, fixtureBundle } from './fixtures';

const synthetic = (): Bundle => {
  const { files } = generateDataset({ entities: 150, relations: 600, seed: 11, sourceBytes: 20_000 });
  return validateDatasetFolder('synthetic', (path) => files.get(path)).bundle!;
};

function buildInSlices(bundle: Bundle, records: number, textChars: number): Model {
  const builder = createModelBuilder(headOf(bundle));
  for (const slice of bundleSlices(bundle, { records, textChars })) builder.add(slice);
  return builder.finish();
}

/** Everything a model holds, in a form toEqual can compare. */
const snapshot = (m: Model) => ({
  data: m.data,
  dates: m.dates,
  maps: [m.entities, m.relations, m.quotes, m.sources, m.relationTypes, m.relationCounts].map((x) => [...x]),
});

describe.each([
  ['the article', articleBundle],
  ['a fixture', () => fixtureBundle('valid-minimal')],
  ['two sources with claims', () => fixtureBundle('two-sources')],
  ['a synthetic dataset', synthetic],
])('building %s incrementally', (_name, make) => {
  const bundle = make();
  const whole = buildModel(bundle);

  it.each([
    [1, 1],
    [7, 50_000],
    [5000, 4_000_000],
  ])('in slices of %i records gives the same model as buildModel', (records, textChars) => {
    expect(snapshot(buildInSlices(bundle, records, textChars))).toEqual(snapshot(whole));
  });

  it('gives back every record of the bundle as it was, quotes sliced from their sources', () => {
    expect([...whole.entities.values()]).toEqual(bundle.entities);
    expect([...whole.relations.values()]).toEqual(bundle.relations);
    expect([...whole.quotes.values()]).toEqual(bundle.quotes);
    expect([...whole.sources.values()]).toEqual(bundle.sources);
    for (const r of bundle.relations) expect(whole.relations.get(r.id)).toEqual(r);
    for (const q of bundle.quotes) expect(whole.quotes.get(q.id)).toEqual(q);
    expect(whole.relations.get('no-such-relation')).toBeUndefined();
  });

  it('as a graphology graph, holds every entity and quote as a node and every relation and piece of evidence as an edge', () => {
    const graph = toGraphology(whole);
    expect(graph.order).toBe(bundle.entities.length + bundle.quotes.length);
    for (const r of bundle.relations) {
      expect(graph.source(r.id)).toBe(r.source);
      expect(graph.target(r.id)).toBe(r.target);
      r.evidence.forEach((q, i) => {
        const claim = r.claims?.[i];
        const quote = bundle.quotes.find((x) => x.id === q)!;
        for (const end of new Set([r.source, r.target]))
          expect(graph.getEdgeAttributes(evidenceKey(r.id, q, end))).toEqual({
            kind: 'evidence',
            relationId: r.id,
            quoteId: q,
            // Each quote's own voice: its claim's status and asserters, else the relation's status and the quote's speakers.
            status: claim?.status ?? r.status,
            assertedBy: claim?.assertedBy ?? quote.speakers ?? [],
            ...(claim?.answers !== undefined ? { answers: claim.answers } : {}),
          });
      });
    }
    const evidenceEdges = bundle.relations.reduce(
      (n, r) => n + r.evidence.length * (r.source === r.target ? 1 : 2),
      0,
    );
    expect(graph.size).toBe(bundle.relations.length + evidenceEdges);
    for (const q of bundle.quotes)
      expect(graph.getNodeAttributes(quoteKey(q.id))).toEqual({ kind: 'quote', quote: q });
  });

  it('counts the relations touching each entity, a self-loop once', () => {
    for (const e of bundle.entities) {
      const n = bundle.relations.filter((r) => r.source === e.id || r.target === e.id).length;
      expect(whole.relationCounts.get(e.id) ?? 0).toBe(n);
    }
  });
});

describe('bundle slices', () => {
  it('come in the order the builder needs and keep every record once', () => {
    const bundle = synthetic();
    const slices = [...bundleSlices(bundle, { records: 100, textChars: 30_000 })];
    const kinds = slices.map((s) => s.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)));
    expect(slices.filter((s) => s.kind === 'relations').flatMap((s) => s.records)).toEqual(bundle.relations);
    expect(slices.filter((s) => s.kind === 'sources').flatMap((s) => s.records)).toEqual(bundle.sources);
    for (const s of slices) if (s.kind !== 'sources') expect(s.records.length).toBeLessThanOrEqual(100);
  });
});

const ORDER = ['sources', 'entities', 'quotes', 'relations'];

describe('id index', () => {
  it('finds every id it was given, a repeated id at its last row, and nothing else', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `entity-${i}`);
    ids.push('entity-17', 'x', 'ümlaut-ß');
    const index = IdIndex.of(ids);
    expect(index.size).toBe(5002);
    expect(index.get('entity-0')).toBe(0);
    expect(index.get('entity-4999')).toBe(4999);
    expect(index.get('entity-17')).toBe(5000);
    expect(index.get('x')).toBe(5001);
    expect(index.get('ümlaut-ß')).toBe(5002);
    for (const missing of ['', 'entity-5000', 'entity', 'constructor', '__proto__']) {
      expect(index.get(missing)).toBeUndefined();
      expect(index.has(missing)).toBe(false);
    }
  });
});

describe('relation adjacency', () => {
  const bundle = synthetic();
  const model = buildModel(bundle);
  const index = new Map(bundle.entities.map((e, i) => [e.id, i]));

  it('keeps each row in neighbour order, a self-loop once, every relation under both ends', () => {
    const { offsets, neighbours, relationOf } = model.adjacency;
    for (let i = 0; i < bundle.entities.length; i++) {
      const row = Array.from(neighbours.subarray(offsets[i], offsets[i + 1]));
      expect(row).toEqual([...row].sort((a, b) => a - b));
      const relations = Array.from(relationOf.subarray(offsets[i], offsets[i + 1])).sort((a, b) => a - b);
      const expected = bundle.relations.flatMap((r, k) =>
        index.get(r.source) === i || index.get(r.target) === i ? [k] : [],
      );
      expect(relations).toEqual(expected);
    }
  });

  it('finds the relations between two entities as a scan of all relations would', () => {
    const ids = bundle.entities.map((e) => e.id);
    for (let n = 0; n < 300; n++) {
      const a = ids[(n * 7) % ids.length]!;
      const b = ids[(n * 13 + (n % 3 === 0 ? 0 : 1)) % ids.length]!;
      const expected = bundle.relations.filter(
        (r) => (r.source === a && r.target === b) || (r.source === b && r.target === a),
      );
      expect(relationsBetween(model, a, b)).toEqual(expected);
    }
    // And every pair that has relations at all.
    for (const r of bundle.relations)
      expect(relationsBetween(model, r.source, r.target).map((x) => x.id)).toContain(r.id);
  });
});
