import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { GRAPH_DATA } from '../../scripts/dataset-files';
import {
  draftFromFiles,
  draftToBundle,
  draftToFiles,
  validateDraft,
} from '../../src/model/authoring/draft-files';
import { emptyDraft } from '../../src/model/authoring/draft';
import { prettyJson } from '../../src/model/authoring/draft-files-json';
import { readFolder, smallDraft } from './draft-fixture';

const PRETTIER = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../.prettierrc.json'), 'utf8'),
) as object;

const article = () => readFolder(join(GRAPH_DATA, 'trump-putin'));

describe('draft files', () => {
  it('writes the bundled article back byte for byte, so an imported dataset exports unchanged', () => {
    const files = article();
    const read = draftFromFiles(files, { key: 'k', label: 'trump-putin' });
    if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'));
    expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(draftToFiles(read.draft)).toEqual(files);
  });

  it('prints JSON exactly as Prettier formats graph-data/', async () => {
    const draft = smallDraft();
    draft.entities.push({
      id: 'long',
      type: 'person',
      name: 'Long',
      // An array that only just does not fit on its line, and wide characters that count twice.
      aliases: ['a'.repeat(30), 'b'.repeat(30), 'c'.repeat(21)],
      description: '東京 “quoted” \\ backslash',
    });
    draft.entities.push({
      id: 'wide',
      type: 'person',
      name: 'Wide',
      aliases: ['東京東京東京東京東京東京東京東京東京東京', 'x'.repeat(40), 'y'.repeat(9)],
      description: 'x',
      date: { start: '2018', end: '2019-02' },
    });
    for (const [name, text] of Object.entries(draftToFiles(draft))) {
      if (!name.endsWith('.json')) continue;
      expect(text, name).toBe(await format(text, { ...PRETTIER, parser: 'json' }));
    }
  });

  it('gives each file its "$schema" line, relative to graph-data/<id>/', () => {
    const files = draftToFiles(smallDraft());
    expect(Object.keys(files).sort()).toEqual([
      'dataset.json',
      'entities.json',
      'quotes.json',
      'relation-types.json',
      'relations.json',
      'sources/letter.txt',
    ]);
    expect(JSON.parse(files['quotes.json']!)).toMatchObject({ $schema: '../schema/quotes.schema.json' });
    expect(files['sources/letter.txt']).toBe(smallDraft().texts.letter);
  });

  it('validates like npm run validate and compiles a bundle', () => {
    const result = draftToBundle(smallDraft());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.bundle.quotes[0]).toMatchObject({ id: 'q-met', start: 0, end: 21 });
  });

  it('refuses a bundle while a quote is not verbatim in its source, and says which', () => {
    const draft = smallDraft();
    draft.quotes = [{ id: 'q-met', source: 'letter', exact: 'Ann met Bob in London.' }];
    const result = draftToBundle(draft);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ code: 'quote-not-found', file: 'letters/quotes.json' }),
    );
  });

  it('reads a dataset with evidence errors into a draft, with the problems to fix', () => {
    const draft = smallDraft();
    draft.quotes = [{ id: 'q-met', source: 'letter', exact: 'Ann met Bob in London.' }];
    const read = draftFromFiles(draftToFiles(draft), { key: 'k2' });
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.draft.quotes).toEqual(draft.quotes);
      expect(read.draft.key).toBe('k2');
      expect(read.problems.map((p) => p.code)).toContain('quote-not-found');
    }
  });

  it('refuses files that are not a dataset, naming what is missing', () => {
    const files = draftToFiles(smallDraft());
    delete files['relations.json'];
    const read = draftFromFiles(files, { key: 'k', label: 'upload' });
    expect(read).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({ code: 'file-missing', message: 'the dataset has no relations.json' }),
      ],
    });
  });

  it('refuses malformed JSON and a missing source text, located', () => {
    const files = draftToFiles(smallDraft());
    files['entities.json'] = '{ "entities": [ }';
    delete files['sources/letter.txt'];
    const read = draftFromFiles(files, { key: 'k', label: 'up' });
    expect(read.ok).toBe(false);
    expect(read.problems.map((p) => [p.code, p.file])).toEqual(
      expect.arrayContaining([
        ['json-syntax', 'up/entities.json'],
        ['file-missing', 'up/dataset.json'],
      ]),
    );
  });

  it('refuses a dataset without sources or relation types, which the app could not load', () => {
    const { problems, bundle } = validateDraft(emptyDraft('e'));
    expect(bundle).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'untitled/dataset.json',
        pointer: '/sources',
        message: expect.stringMatching(/at least one source/),
      }),
      expect.objectContaining({
        file: 'untitled/relation-types.json',
        pointer: '/relationTypes',
        message: expect.stringMatching(/at least one relation type/),
      }),
    ]);
  });

  it('prints empty lists and objects as Prettier does', () => {
    expect(prettyJson({ a: [], b: {} })).toBe('{\n  "a": [],\n  "b": {}\n}\n');
  });
});
