import { describe, expect, it } from 'vitest';
import { validateBundleText } from '../../src/model/format/validate-bundle';
import { fixtureBundle } from './fixtures';

/** What the app and `npm run validate -- file.json` say about bundles, good and bad. */
describe('bundle validation', () => {
  const good = fixtureBundle('valid-minimal');
  const text = (b: unknown) => JSON.stringify(b, null, 2);

  it('accepts a compiled bundle', () => {
    const { problems, bundle } = validateBundleText(text(good), 'ok.json');
    expect(problems).toEqual([]);
    expect(bundle?.entities).toHaveLength(2);
  });

  it('accepts a refuted relation and still refuses a status outside the vocabulary, naming where', () => {
    const withStatus = (status: string) => ({
      ...good,
      relations: [{ ...good.relations[0]!, status }],
    });
    expect(validateBundleText(text(withStatus('refuted')), 'ok.json').problems).toEqual([]);
    const { problems } = validateBundleText(text(withStatus('debunked')), 'bad.json');
    expect(problems[0]).toMatchObject({ pointer: '/relations/0/status' });
  });

  it('catches tampered quote offsets and says where the quote really is', () => {
    const bad = { ...good, quotes: [{ ...good.quotes[0]!, start: 0, end: 5 }] };
    const { problems, bundle } = validateBundleText(text(bad), 'bad.json');
    expect(bundle).toBeUndefined();
    expect(problems[0]).toMatchObject({ code: 'quote-offset-mismatch', pointer: '/quotes/0/start' });
    expect(problems[0]!.message).toMatch(/found at \d+–\d+/);
  });

  it('catches a source text edited after compiling', () => {
    const bad = {
      ...good,
      sources: [{ ...good.sources[0]!, text: good.sources[0]!.text.replace('Enchantress', 'Sorceress') }],
    };
    expect(validateBundleText(text(bad), 'bad.json').problems.map((p) => p.code)).toContain(
      'quote-offset-mismatch',
    );
  });

  it('refuses what is not a bundle, binary data, and malformed JSON, naming the place', () => {
    expect(validateBundleText('{"hello": 1}', 'x.json').problems[0]).toMatchObject({
      code: 'bundle-format',
      pointer: '/format',
    });
    expect(validateBundleText('\u0000\u0001PNG', 'x.png').problems[0]!.code).toBe('binary-input');
    expect(
      validateBundleText('{\n  "format": "threadline-bundle",\n  oops\n}', 'x.json').problems[0],
    ).toMatchObject({ code: 'json-syntax', line: 3 });
  });

  it('keeps hostile strings as data: markup in names is only text to validate', () => {
    const hostile = {
      ...good,
      entities: good.entities.map((e, i) => (i === 0 ? { ...e, name: '<img src=x onerror=alert(1)>' } : e)),
    };
    const { bundle } = validateBundleText(text(hostile), 'h.json');
    expect(bundle?.entities[0]!.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('reports dangling ids inside a bundle', () => {
    const bad = { ...good, relations: [{ ...good.relations[0]!, target: 'ghost' }] };
    expect(validateBundleText(text(bad), 'b.json').problems[0]).toMatchObject({
      code: 'dangling-reference',
      pointer: '/relations/0/target',
    });
  });
});
