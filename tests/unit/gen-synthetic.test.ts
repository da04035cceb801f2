import { describe, expect, it } from 'vitest';
import type { RelationRecord } from '../../src/model/format/schema';
import { generateDataset, type GeneratedDataset } from '../../scripts/synthetic/generate';
import { validateDatasetFolder } from '../../src/model/format/validate-folder';
import { ENTITY_TYPES, STATUSES } from '../../src/model/core/vocabulary';

const SMALL = { entities: 300, relations: 1500, seed: 7 };
const small = generateDataset(SMALL);

const records = <T>(data: GeneratedDataset, file: string, key: string): T[] =>
  (JSON.parse(data.files.get(file)!) as Record<string, T[]>)[key]!;

describe('synthetic dataset generator', () => {
  it('is deterministic for a seed', () => {
    expect(generateDataset(SMALL).files).toEqual(small.files);
  });

  it('differs for another seed', () => {
    const other = generateDataset({ ...SMALL, seed: 8 });
    expect(other.files.get('relations.json')).not.toEqual(small.files.get('relations.json'));
    expect(other.files.get('entities.json')).not.toEqual(small.files.get('entities.json'));
  });

  it('passes the real validator with no problems at all', () => {
    const { problems, bundle } = validateDatasetFolder('synthetic', (path) => small.files.get(path));
    expect(problems).toEqual([]);
    expect(bundle!.entities).toHaveLength(SMALL.entities);
    expect(bundle!.relations).toHaveLength(SMALL.relations);
    expect(bundle!.sources.length).toBeGreaterThanOrEqual(3);
    for (const q of bundle!.quotes.slice(0, 50)) {
      const text = bundle!.sources.find((s) => s.id === q.sourceId)!.text;
      expect(text.slice(q.start, q.end)).toBe(q.exact);
    }
  });

  it('uses every entity type, status and a share of dates', () => {
    const entities = records<{ type: string }>(small, 'entities.json', 'entities');
    const relations = records<RelationRecord>(small, 'relations.json', 'relations');
    expect(new Set(entities.map((e) => e.type))).toEqual(new Set(ENTITY_TYPES));
    expect(new Set(relations.map((r) => r.status))).toEqual(new Set(STATUSES));
    const dated = relations.filter((r) => r.date !== undefined).length / relations.length;
    expect(dated).toBeGreaterThan(0.2);
    expect(dated).toBeLessThan(0.8);
  });

  it('has a heavy-tailed degree distribution', () => {
    const degree = new Map<string, number>();
    for (const r of records<RelationRecord>(small, 'relations.json', 'relations'))
      for (const end of [r.source, r.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    const sorted = [...degree.values()].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const max = sorted[sorted.length - 1]!;
    expect(sorted).toHaveLength(SMALL.entities);
    expect(max).toBeGreaterThan(15 * median);
  });

  it('writes one record per line by default and indented JSON on request', () => {
    const rows = small.files
      .get('entities.json')!
      .split('\n')
      .filter((l) => l.startsWith('{"id"'));
    expect(rows).toHaveLength(SMALL.entities);
    const pretty = generateDataset({ ...SMALL, entities: 20, relations: 40, pretty: true });
    expect(pretty.files.get('entities.json')).toContain('\n  "entities": [\n    {\n');
  });

  it('refuses fewer relations than entities', () => {
    expect(() => generateDataset({ entities: 100, relations: 50, seed: 1 })).toThrow(/relations/);
  });
});
