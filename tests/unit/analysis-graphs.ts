/** Tiny in-code graphs for the analysis tests: relations written as "a b fact [date]", every one with its own quote. */
import { join } from 'node:path';
import { folderReader, GRAPH_DATA } from '../../scripts/dataset-files';
import type { Bundle } from '../../src/model/format/bundle';
import { buildModel } from '../../src/model/core/model-builder';
import { type Model } from '../../src/model/core/model';
import type { EntityRecord, RelationRecord } from '../../src/model/format/schema';
import { validateDatasetFolder } from '../../src/model/format/validate-folder';
import type { EntityType, Status } from '../../src/model/core/vocabulary';

/**
 * Each relation line is "source target status [date] [type]"; the id is "source-target" (plus "-2", "-3" for repeats).
 * Entity types default to person; `types` overrides some, `dates` dates some entities, `extra` adds unrelated ones.
 */
export function tinyModel(
  lines: readonly string[],
  opts: {
    types?: Record<string, EntityType>;
    dates?: Record<string, string>;
    extra?: readonly string[];
  } = {},
): Model {
  const ids = new Set<string>(opts.extra ?? []);
  const relations: RelationRecord[] = [];
  const taken = new Map<string, number>();
  let text = '';
  const quotes: Bundle['quotes'] = [];
  for (const line of lines) {
    const [source, target, status, date, type] = line.split(/\s+/) as [
      string,
      string,
      Status,
      string?,
      string?,
    ];
    ids.add(source).add(target);
    const base = `${source}-${target}`;
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    const id = n === 1 ? base : `${base}-${n}`;
    const exact = `${source} and ${target}, ${id}.`;
    quotes.push({
      id: `q-${id}`,
      sourceId: 'src',
      exact,
      start: text.length,
      end: text.length + exact.length,
    });
    text += `${exact} `;
    relations.push({
      id,
      source,
      target,
      type: type ?? 'knows',
      status,
      evidence: [`q-${id}`],
      ...(date && date !== '-' ? { date } : {}),
    });
  }
  const entities: EntityRecord[] = [...ids].map((id) => ({
    id,
    type: opts.types?.[id] ?? 'person',
    name: id.toUpperCase(),
    description: `Entity ${id}`,
    ...(opts.dates?.[id] ? { date: opts.dates[id] } : {}),
  }));
  return buildModel({
    format: 'threadline-bundle',
    version: 1,
    dataset: { id: 'tiny', title: 'Tiny' },
    relationTypes: [
      {
        id: 'knows',
        label: 'knows',
        inverseLabel: 'is known by',
        directed: true,
        domain: ['person'],
        range: ['person'],
      },
      {
        id: 'allied',
        label: 'allied with',
        inverseLabel: 'allied with',
        directed: false,
        domain: ['person'],
        range: ['person'],
      },
    ],
    sources: [
      {
        id: 'src',
        title: 'A tiny source',
        file: 'sources/tiny.txt',
        publisher: 'Tiny Press',
        author: null,
        language: 'en',
        date: '2020',
        url: null,
        text,
      },
    ],
    entities,
    relations,
    quotes,
  });
}

let real: Model | undefined;
/** The bundled Trump–Putin dataset, validated and built once per test file. */
export function trumpPutin(): Model {
  if (!real) {
    const { bundle, problems } = validateDatasetFolder(
      'trump-putin',
      folderReader(join(GRAPH_DATA, 'trump-putin')),
    );
    if (!bundle) throw new Error(`trump-putin is invalid: ${JSON.stringify(problems.slice(0, 3))}`);
    real = buildModel(bundle);
  }
  return real;
}
