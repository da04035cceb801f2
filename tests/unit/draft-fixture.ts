/** Drafts and dataset folders for the draft-files tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyDraft, type Draft } from '../../src/model/authoring/draft';
import type { DatasetFiles } from '../../src/model/authoring/draft-files';

/** Every file of a dataset folder, by path relative to it. */
export function readFolder(dir: string): DatasetFiles {
  const files: DatasetFiles = {};
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (rel === 'sources') continue;
    files[rel] = readFileSync(join(dir, rel), 'utf8');
  }
  return files;
}

/** A small valid draft: one source, two entities, one relation resting on one quote. */
export function smallDraft(key = 'k1'): Draft {
  return {
    ...emptyDraft(key, new Date('2026-01-02T03:04:05Z')),
    dataset: { id: 'letters', title: 'Letters' },
    sources: [
      {
        id: 'letter',
        title: 'A letter',
        file: 'sources/letter.txt',
        publisher: null,
        author: 'Ann Example',
        language: 'en',
        date: '2020-05-01',
        url: 'https://example.org/letter',
      },
    ],
    texts: { letter: 'Ann met Bob in Paris. “We talked,” Ann said.\n' },
    relationTypes: [
      {
        id: 'met',
        label: 'met',
        inverseLabel: 'met',
        directed: false,
        domain: ['person'],
        range: ['person'],
      },
    ],
    entities: [
      {
        id: 'ann',
        type: 'person',
        name: 'Ann',
        aliases: ['Ann Example', 'A. Example'],
        description: 'Writer.',
      },
      { id: 'bob', type: 'person', name: 'Bob', description: 'Reader.' },
    ],
    quotes: [{ id: 'q-met', source: 'letter', exact: 'Ann met Bob in Paris.' }],
    relations: [
      { id: 'ann-met-bob', source: 'ann', target: 'bob', type: 'met', status: 'fact', evidence: ['q-met'] },
    ],
  };
}
