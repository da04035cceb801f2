import { describe, expect, it } from 'vitest';
import { resolveView } from '../../src/features/share/resolve-view';
import { decodeView, encodeView } from '../../src/features/share/view-codec';
import { layoutBoxes } from '../../src/graph-view/layout-core';
import { communities } from '../../src/model/analysis/communities';
import { DEFAULT_PATH_OPTIONS, findPaths } from '../../src/model/analysis/paths';
import { toGraphology } from '../../src/model/core/graphology-model';
import { importanceScores } from '../../src/model/analysis/importance';
import { exportData } from '../../src/model/export/formats';
import { NO_FILTERS } from '../../src/model/core/filters';
import { buildModel } from '../../src/model/core/model-builder';
import { subgraphOf } from '../../src/model/core/subgraph';
import { validateBundleText } from '../../src/model/format/validate-bundle';
import { fixtureBundle, fixtureFiles, validateFiles } from './fixtures';

/** Names every plain object answers to; of them only "constructor" is a valid slug id. */
const PROTOTYPE_NAMES = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
];

describe('ids named like members of Object.prototype', () => {
  const bundle = fixtureBundle('prototype-ids');
  const model = buildModel(bundle);
  const all = ['ada-lovelace', 'charles-babbage', 'constructor'];

  it('compile as the entity, quote, source and relation type "constructor", and reopen as a bundle', () => {
    expect(bundle.entities.map((e) => e.id)).toContain('constructor');
    expect(bundle.quotes.map((q) => q.id)).toContain('constructor');
    expect(bundle.sources[0]!.id).toBe('constructor');
    expect(bundle.relationTypes[0]!.id).toBe('constructor');
    const reopened = validateBundleText(JSON.stringify(bundle), 'prototype-ids.json');
    expect(reopened.problems).toEqual([]);
  });

  it('validate as a relation id, and the schema rejects the others with a located line', () => {
    const files = fixtureFiles('valid-minimal');
    files.set(
      'relations.json',
      files.get('relations.json')!.replace('babbage-praised-lovelace', 'constructor'),
    );
    expect(validateFiles('rel', files).bundle?.relations[0]!.id).toBe('constructor');
    for (const name of PROTOTYPE_NAMES.slice(1)) {
      const bad = fixtureFiles('valid-minimal');
      bad.set('entities.json', bad.get('entities.json')!.replace('"ada-lovelace"', JSON.stringify(name)));
      const { problems } = validateFiles('bad', bad);
      expect(problems[0]).toMatchObject({
        code: 'schema',
        file: 'bad/entities.json',
        pointer: '/entities/0/id',
      });
    }
  });

  it('open as a model whose lookups and queries find them', () => {
    expect(model.entities.get('constructor')?.name).toBe('The Constructor');
    expect(model.quotes.get('constructor')?.exact).toMatch(/^The Constructor/);
    expect(model.relationTypes.get('constructor')?.label).toBe('praised');
    expect(model.entities.get('toString')).toBeUndefined();
    expect(subgraphOf(model, all, NO_FILTERS).relations).toHaveLength(3);
    expect([...communities(model).keys()].sort()).toEqual(all);
    expect(importanceScores(model, 'pagerank').get('constructor')).toBeGreaterThan(0);
    expect(findPaths(model, 'constructor', 'charles-babbage', DEFAULT_PATH_OPTIONS).paths).not.toEqual([]);
    const graph = toGraphology(model);
    expect(graph.outDegree('constructor')).toBe(1);
    expect(graph.inDegree('constructor')).toBeGreaterThanOrEqual(1);
  });

  it('are laid out apart, whatever their name', () => {
    const ids = [...PROTOTYPE_NAMES, 'plain'];
    const positions = layoutBoxes(
      ids.map((id) => ({ id, width: 40, height: 20 })),
      ids.slice(1).map((id, i): [string, string] => [ids[i]!, id]),
      true,
    );
    expect([...positions.keys()].sort()).toEqual([...ids].sort());
    const places = new Set([...positions.values()].map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
    expect(places.size).toBe(ids.length);
  });

  it('export to every data format with their names intact', () => {
    const subgraph = subgraphOf(model, all, NO_FILTERS);
    for (const format of ['json', 'graphml', 'gexf', 'csv'] as const) {
      const result = exportData(model, subgraph, { format, focus: 'constructor' });
      expect(result.ok, format).toBe(true);
    }
    const json = exportData(model, subgraph, { format: 'json', focus: null });
    if (!json.ok || typeof json.file.content !== 'string') throw new Error('no JSON export');
    const back = validateBundleText(json.file.content, 'export.json');
    expect(back.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(back.bundle!.entities.map((e) => e.id).sort()).toEqual(all);
  });

  it('survive a share link', () => {
    const view = {
      visible: new Set(all),
      addedBy: new Map([['constructor', 'ada-lovelace']]),
      positions: new Map(all.map((id, i) => [id, { x: i * 100, y: 0 }])),
    };
    const link = encodeView('prototype-ids', view, { kind: 'entity', id: 'constructor' }, NO_FILTERS);
    const restored = resolveView(decodeView(link)!, model)!;
    expect(restored.problems).toEqual([]);
    expect([...restored.view.visible].sort()).toEqual(all);
    expect(restored.view.positions.get('constructor')).toEqual({ x: 200, y: 0 });
    expect(restored.selection).toEqual({ kind: 'entity', id: 'constructor' });
  });
});
