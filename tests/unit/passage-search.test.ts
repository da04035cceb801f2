import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/core/model-builder';
import { indexPassages, paragraphsOf } from '../../src/model/search/passage-index';
import { byMentionOf, searchPassages, snippetAround, snippetOf } from '../../src/model/search/passage-search';
import { buildEntitySearch } from '../../src/model/search/search';
import { articleBundle, fixtureBundle } from './fixtures';

describe('full-text search over what the sources say', () => {
  const model = buildModel(articleBundle());
  const index = indexPassages(model.data);
  const search = (q: string, limit = 8) => searchPassages(model.data, index, q, limit);

  it('"golf" finds the quote about Eric Trump and the relation it supports', () => {
    const [first] = search('golf');
    expect(first?.kind).toBe('quote');
    expect(first?.snippet).toContain('golf courses');
    const quote = model.quotes.get(first!.id)!;
    expect(quote.exact).toContain('Eric');
    // The relation is one the dataset rests on that quote, named by its id.
    expect(first!.relations.length).toBeGreaterThan(0);
    for (const r of first!.relations) expect(model.relations.get(r)?.evidence).toContain(first!.id);
    // Of the relations citing it, one between two it names comes first, not "Eric Trump child of Donald Trump".
    const top = model.relations.get(first!.relations[0]!)!;
    expect(top.source).toBe('eric-trump');
    expect(top.target).not.toBe('donald-trump');
    // The marks point at the word typed, in the snippet as shown.
    const mark = first!.marks[0]!;
    expect(first!.snippet.slice(mark.start, mark.end).toLowerCase()).toBe('golf');
  });

  it('finds by a word prefix, every word typed must match, and a paragraph is not listed again under its quote', () => {
    const hits = search('dossi');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => /dossi/i.test(h.snippet))).toBe(true);
    expect(search('golf dossier')).toEqual([]);
    const quoted = hits.filter((h) => h.kind === 'quote');
    for (const p of hits.filter((h) => h.kind === 'paragraph'))
      for (const q of quoted)
        expect(q.sourceId === p.sourceId && q.start! < p.end! && p.start! < q.end!).toBe(false);
  });

  it('finds descriptions and notes, which open an entity or a relation', () => {
    const entity = model.data.entities.find((e) => /\bsummit\b/i.test(e.description))!;
    const word = /\bsummit\b/i.exec(entity.description)![0];
    const hits = search(word, 50);
    expect(hits.some((h) => h.kind === 'description' && h.id === entity.id)).toBe(true);
    const [r, note] = [...model.data.relations.note].find(([, n]) => /\barticle\b/i.test(n))!;
    const noteHits = search('article', 200);
    const hit = noteHits.find((h) => h.kind === 'note' && h.id === model.data.relations.id[r]);
    expect(hit?.relations).toEqual([model.data.relations.id[r]]);
    expect(note.length).toBeGreaterThan(0);
  });

  it('asks for two characters and returns nothing for a word nobody said', () => {
    expect(search('g')).toEqual([]);
    expect(search('zzqx')).toEqual([]);
    expect(search('golf', 0)).toEqual([]);
  });

  it('treats hostile text as words, not patterns', () => {
    expect(() => search('.*( [ \\ golf')).not.toThrow();
    expect(search('.*( [ \\ golf')[0]?.snippet).toContain('golf');
  });

  it('cuts a long passage around the first match, at spaces', () => {
    const text = `${'lorem '.repeat(100)}the golf course ${'ipsum '.repeat(100)}`;
    const { snippet, marks } = snippetOf(text, ['golf']);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThan(200);
    expect(snippet.slice(marks[0]!.start, marks[0]!.end)).toBe('golf');
  });

  it('cuts a passage around marks found elsewhere (a server’s stemming), keeping those inside and moving them', () => {
    const text = `funding ${'lorem '.repeat(100)}the golfing course ${'ipsum '.repeat(100)} golfers`;
    const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });
    const { snippet, marks } = snippetAround(text, [at('golfing'), at('golfers')]);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet).not.toContain('funding');
    expect(marks.map((m) => snippet.slice(m.start, m.end))).toEqual(['golfing']);
    const short = 'we have all the funding we need';
    expect(snippetAround(short, [{ start: 16, end: 23 }])).toEqual({
      snippet: short,
      marks: [{ start: 16, end: 23 }],
    });
  });

  it('orders items whose two ends the text names, by name or alias, first, and keeps the order otherwise', () => {
    const items = [
      { id: 'child', ends: [['Eric Trump', 'Eric'], ['Donald Trump']] as const },
      { id: 'none', ends: [['Paul Manafort'], ['Ukraine']] as const },
      { id: 'funding', ends: [['Eric Trump', 'Eric'], ['Russia']] as const },
    ];
    const order = byMentionOf('His other son, Eric, … out of Russia.', items, (i) => i.ends).map((i) => i.id);
    expect(order).toEqual(['funding', 'child', 'none']);
  });

  it('indexes only names and notes until a compact dataset’s evidence arrives', () => {
    const bare = indexPassages({ ...model.data, evidence: null });
    const hits = searchPassages({ ...model.data, evidence: null }, bare, 'golf', 50);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.filter((h) => h.kind === 'quote' || h.kind === 'paragraph')).toEqual([]);
  });

  it('paragraphs are the source’s lines, trimmed', () => {
    expect(paragraphsOf('  one \n\n two\n')).toEqual([
      { start: 2, end: 5 },
      { start: 9, end: 12 },
    ]);
  });
});

describe('entity search lists every entity a word belongs to', () => {
  it('"trump" lists Eric Trump and Donald Trump Jr.', () => {
    const model = buildModel(articleBundle());
    const names = buildEntitySearch(model.data.entities)
      .search('trump', 10)
      .map((h) => h.name);
    expect(names).toEqual(expect.arrayContaining(['Donald Trump', 'Eric Trump', 'Donald Trump Jr.']));
    expect(names[0]).toBe('Donald Trump');
  });

  it('works on the smallest dataset too', () => {
    const model = buildModel(fixtureBundle('valid-minimal'));
    const hits = searchPassages(model.data, indexPassages(model.data), 'enchantress');
    expect(hits[0]?.kind).toBe('quote');
  });
});
