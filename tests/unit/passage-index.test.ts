import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../scripts/synthetic/generate';
import { buildModel } from '../../src/model/core/model-builder';
import type { ModelData } from '../../src/model/core/model-data';
import { validateDatasetFolder } from '../../src/model/format/validate-folder';
import {
  PASSAGE_KINDS,
  indexPassages,
  paragraphsOf,
  passageSourceOf,
  type PassageKind,
} from '../../src/model/search/passage-index';
import { bestPassages, queryWords } from '../../src/model/search/passage-match';
import { findPassages } from '../../src/model/search/passage-search';
import { TermTable, readTerms } from '../../src/model/search/passage-terms';
import { wordsOf } from '../../src/model/search/search-text';
import { articleBundle } from './fixtures';

const termsOf = (text: string, from = 0, to = text.length): string[] => {
  const table = new TermTable();
  const out: string[] = [];
  readTerms(table, text, from, to, (id) => out.push(table.words[id]!));
  return out;
};

describe('the index reads the words wordsOf gives', () => {
  it.each([
    'Records show that Eric Trump funded 12 golf courses (ref. 1a2).',
    'Trump’s “golf” courses — in Scotland',
    'Kim Jong-un met Moon Jae-in in Panmunjom',
    'Café Müller, naïve façade, São Paulo, Ærø',
    'e\u0301te\u0301 with combining accents',
    'Путин встретился с Трампом в Хельсинки',
    '習近平 and 文在寅 spoke',
    'tab\tnew\nline\u00a0nbsp\u2003em-space',
    'ALL CAPS and MiXeD and x2 and 2x and ½ and ⑴',
    'emoji 🎉 between 🎉words',
    '',
    '   ...   ',
  ])('%j', (text) => {
    expect(termsOf(text)).toEqual(wordsOf(text));
  });

  it('reads a span of a text as the same span cut out', () => {
    const text = 'According to people familiar with the matter, Müller paid';
    expect(termsOf(text, 13, 38)).toEqual(wordsOf(text.slice(13, 38)));
    expect(termsOf(text, text.indexOf('Müller'), text.length)).toEqual(['muller', 'paid']);
  });

  it('gives a word one id however it was written', () => {
    const table = new TermTable();
    const ids: number[] = [];
    readTerms(table, 'Golf GOLF golf Café cafe', 0, 24, (id) => ids.push(id));
    expect(ids).toEqual([0, 0, 0, 1, 1]);
    expect(table.words).toEqual(['golf', 'cafe']);
    expect(table.idOf('golf', false)).toBe(0);
    expect(table.idOf('tennis', false)).toBe(-1);
  });

  it('keeps its ids through growth of the table', () => {
    const table = new TermTable();
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
    const ids = words.map((w) => table.idOf(w));
    expect(ids).toEqual(words.map((_, i) => i));
    expect(words.map((w) => table.idOf(w, false))).toEqual(ids);
  });
});

interface Passage {
  kind: PassageKind;
  ref: number;
  start: number;
  words: string[];
}

/** Every passage the index should hold, read plainly: the reference the index is checked against. */
function plainPassages(data: ModelData): Passage[] {
  const out: Passage[] = [];
  const ev = data.evidence!;
  ev.quotes.source.forEach((s, q) => {
    const [start, end] = [ev.quotes.start[q]!, ev.quotes.end[q]!];
    out.push({ kind: 'quote', ref: q, start, words: wordsOf(ev.texts[s]!.slice(start, end)) });
  });
  ev.texts.forEach((text, s) => {
    for (const p of paragraphsOf(text))
      out.push({ kind: 'paragraph', ref: s, start: p.start, words: wordsOf(text.slice(p.start, p.end)) });
  });
  for (const [r, note] of data.relations.note)
    out.push({ kind: 'note', ref: r, start: -1, words: wordsOf(note) });
  data.entities.forEach((e, i) =>
    out.push({ kind: 'description', ref: i, start: -1, words: wordsOf(e.description) }),
  );
  return out.filter((p) => p.words.length > 0);
}

/** A scan of every passage: those holding every typed word as a word's start, ranked as the index ranks. */
function scanner(passages: readonly Passage[]): (query: string) => string[] {
  const ranked = passages
    .map((p, order) => ({
      p,
      order,
      score: -0.15 * Math.log(1 + new Set(p.words).size) - 0.3 * PASSAGE_KINDS.indexOf(p.kind),
    }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ p }) => ({ key: `${p.kind}:${p.ref}:${p.start}`, words: p.words }));
  return (query) => {
    const typed = [...new Set(wordsOf(query))];
    return ranked.filter((p) => typed.every((w) => p.words.some((x) => x.startsWith(w)))).map((p) => p.key);
  };
}

function queriesFrom(passages: readonly Passage[], n: number): string[] {
  // Deterministic picks: whole words, prefixes of them, pairs of words from one passage and from two.
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const a = passages[(i * 7919) % passages.length]!.words;
    const b = passages[(i * 104_729 + 13) % passages.length]!.words;
    const w = a[i % a.length]!;
    const v = a[(i * 3 + 1) % a.length]!;
    const x = b[(i * 5) % b.length]!;
    out.push(w, w.slice(0, 2 + (i % 3)), `${w} ${v.slice(0, 3)}`, `${v} ${x}`, `${w} ${v} ${x.slice(0, 2)}`);
  }
  return out.slice(0, n);
}

describe('the index finds what a scan of every passage finds, in the same order', () => {
  const bundle = (() => {
    const { files } = generateDataset({ entities: 300, relations: 1500, seed: 7, sourceBytes: 20_000 });
    return validateDatasetFolder('synthetic', (path) => files.get(path)).bundle!;
  })();

  for (const [name, data] of [
    ['the article', buildModel(articleBundle()).data],
    ['a synthetic dataset', buildModel(bundle).data],
  ] as const) {
    it(`on ${name}`, () => {
      const index = indexPassages(data);
      const passages = plainPassages(data);
      expect(index.kind.length).toBe(passages.length);
      const key = (p: number) => `${PASSAGE_KINDS[index.kind[p]!]}:${index.ref[p]}:${index.start[p]}`;
      const scan = scanner(passages);
      for (const query of queriesFrom(passages, 200)) {
        const all = scan(query);
        for (const wanted of [1, 5, 200]) {
          const typed = [...new Set(wordsOf(query))];
          const found = [...bestPassages(index, queryWords(index, typed), wanted)].map(key);
          expect({ query, wanted, found }).toEqual({ query, wanted, found: all.slice(0, wanted) });
        }
      }
    });
  }
});

describe('ranking holds however many passages match', () => {
  it('the shortest passage of thousands holding a common word comes first, not the first ones read', () => {
    const model = buildModel(articleBundle());
    const notes = new Map<number, string>();
    for (let r = 0; r < 8000; r++)
      notes.set(r, `${'filler words about the schedule of meetings '.repeat(3)} common ${r}`);
    notes.set(8000, 'common ground');
    const data: ModelData = { ...model.data, relations: { ...model.data.relations, note: notes } };
    const index = indexPassages(data);
    const [first] = findPassages(passageSourceOf(data), index, 'common', 6);
    expect(first?.snippet).toBe('common ground');
  });

  it('two words said together only far down still find each other', () => {
    const model = buildModel(articleBundle());
    const notes = new Map<number, string>();
    for (let r = 0; r < 6000; r++) notes.set(r, `alpha ${r}`);
    for (let r = 6000; r < 12_000; r++) notes.set(r, `beta ${r}`);
    notes.set(12_000, 'beta and alpha at last');
    const data: ModelData = { ...model.data, relations: { ...model.data.relations, note: notes } };
    const index = indexPassages(data);
    expect(findPassages(passageSourceOf(data), index, 'alpha beta', 6).map((m) => m.snippet)).toEqual([
      'beta and alpha at last',
    ]);
  });
});
