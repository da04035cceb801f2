import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/model/format/problems';
import { validateBundleText } from '../../src/model/format/validate-bundle';
import { fixtureBundle, fixtureFiles, validateFiles } from './fixtures';

/** The minimal dataset with one JSON file changed through `edit`. */
function withEdit(file: string, edit: (json: Record<string, Array<Record<string, unknown>>>) => void) {
  const files = fixtureFiles('valid-minimal');
  const json = JSON.parse(files.get(file)!) as Record<string, Array<Record<string, unknown>>>;
  edit(json);
  files.set(file, JSON.stringify(json, null, 2));
  return validateFiles('ds', files);
}

describe('links in source metadata', () => {
  it.each([
    'javascript:alert(document.cookie)',
    'JavaScript:void(0)',
    'data:text/html,<script>alert(1)</script>',
  ])('refuses %s', (url) => {
    const { problems, bundle } = withEdit('dataset.json', (j) => (j.sources![0]!.url = url));
    expect(bundle).toBeUndefined();
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'schema', file: 'ds/dataset.json', pointer: '/sources/0/url' }),
    );
    expect(problems.find((p) => p.pointer === '/sources/0/url')!.message).toMatch(/http or https/);
  });

  it('accepts http and https links', () => {
    expect(
      withEdit('dataset.json', (j) => (j.sources![0]!.url = 'https://example.org/a?b=c')).bundle,
    ).toBeDefined();
  });
});

describe('invisible and direction-changing characters', () => {
  it.each([
    [
      'a right-to-left override in an entity name',
      'entities.json',
      (j: Record<string, Array<Record<string, unknown>>>) => (j.entities![0]!.name = 'Ada \u202eecalevoL'),
      '/entities/0/name',
      'U+202E',
    ],
    [
      'a directional isolate in an alias',
      'entities.json',
      (j: Record<string, Array<Record<string, unknown>>>) => (j.entities![1]!.aliases = ['Bab\u2066bage']),
      '/entities/1/aliases/0',
      'U+2066',
    ],
    [
      'a control character in a source title',
      'dataset.json',
      (j: Record<string, Array<Record<string, unknown>>>) => (j.sources![0]!.title = 'A short\u0007 note'),
      '/sources/0/title',
      'U+0007',
    ],
    [
      'a zero-width space in a relation label',
      'relation-types.json',
      (j: Record<string, Array<Record<string, unknown>>>) => (j.relationTypes![0]!.label = 'prai\u200bsed'),
      '/relationTypes/0/label',
      'U+200B',
    ],
  ])('flags %s', (_what, file, edit, pointer, code) => {
    const { problems } = withEdit(file, edit);
    const p = problems.find((q) => q.code === 'invisible-character')!;
    expect(p).toMatchObject({ severity: 'error', pointer });
    expect(p.message).toContain(code);
    // eslint-disable-next-line no-control-regex -- the message must not carry the control character
    expect(formatProblem(p)).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u0007\u200b\n]/);
  });

  it('flags one in a quote, even when the source has it too', () => {
    const files = fixtureFiles('valid-minimal');
    files.set(
      'sources/letter.txt',
      files.get('sources/letter.txt')!.replace('Babbage called', 'Babbage\u202e called'),
    );
    files.set('quotes.json', files.get('quotes.json')!.replace('Babbage called', 'Babbage\\u202e called'));
    const { problems } = validateFiles('ds', files);
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([['invisible-character', '/quotes/0/exact']]);
  });

  it('rejects an id holding one, through the schema', () => {
    const { problems } = withEdit('entities.json', (j) => (j.entities![0]!.id = 'ada\u202elovelace'));
    expect(problems[0]).toMatchObject({ code: 'schema', pointer: '/entities/0/id' });
  });
});

describe('quote offsets inside a character', () => {
  it('refuses offsets that split a surrogate pair', () => {
    const bundle = fixtureBundle('valid-minimal');
    const source = bundle.sources[0]!;
    source.text = `${source.text} Counting 😀 twice.`;
    const at = source.text.indexOf('😀') + 1; // between the two halves
    bundle.quotes.push({
      id: 'half',
      sourceId: source.id,
      exact: source.text.slice(at, at + 7),
      start: at,
      end: at + 7,
    });
    bundle.relations[0]!.evidence.push('half');
    const { problems } = validateBundleText(JSON.stringify(bundle), 'b.json');
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'quote-splits-character', pointer: '/quotes/1/start' }),
    );
  });
});
