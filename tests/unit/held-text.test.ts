/**
 * A source held only in stretches (a server dataset's long source, sent as its quotes' windows): the model
 * keeps what is held at its offsets and nothing in place of the rest, checks every quote against it, grows
 * it by later windows, and takes the whole text only when it agrees with what is held.
 */
import { describe, expect, it } from 'vitest';
import { extendModel, type ModelDelta } from '../../src/model/core/extend-model';
import {
  contextHeld,
  heldSlice,
  mergeStretches,
  QUOTE_CONTEXT_CHARS,
  quoteContext,
  type SourceInPart,
  type Stretch,
} from '../../src/model/core/held-text';
import { buildModel } from '../../src/model/core/model-builder';
import type { Bundle } from '../../src/model/format/bundle';
import { subBundle } from '../../src/model/export/sub-bundle';
import { draftFromModel } from '../../src/model/authoring/draft-ops-from-model';
import { buildEntitySearch } from '../../src/model/search/search';
import { createThreadlineStore } from '../../src/store/store';
import { articleBundle } from './fixtures';

const whole = articleBundle();
const source = whole.sources.find((s) => s.text.length > 20_000)!;
const quotesOf = whole.quotes.filter((q) => q.sourceId === source.id);
const window = (start: number, end: number): Stretch => ({ start, text: source.text.slice(start, end) });
const inPart = (windows: Stretch[]): SourceInPart => {
  const { text, ...record } = source;
  return { ...record, length: text.length, windows };
};

/** The article cut to one relation citing `source`, its source sent as `windows` only. */
function partial(windows: Stretch[]) {
  const relation = whole.relations.find((r) => r.evidence.every((q) => quotesOf.some((x) => x.id === q)))!;
  const quotes = whole.quotes.filter((q) => relation.evidence.includes(q.id));
  const ids = new Set([
    relation.source,
    relation.target,
    ...quotes.flatMap((q) => q.speakers ?? (q.speaker ? [q.speaker] : [])),
  ]);
  for (const q of quotes) if (q.occasion) ids.add(q.occasion);
  for (const c of relation.claims ?? []) for (const a of c.assertedBy ?? []) ids.add(a);
  const bundle = {
    ...whole,
    sources: [inPart(windows)],
    entities: whole.entities.filter((e) => ids.has(e.id)),
    relations: [
      { ...relation, answers: undefined, claims: relation.claims?.map(({ answers: _a, ...c }) => c) },
    ],
    quotes,
  };
  return { bundle, relation, quotes };
}
const around = (q: { start: number; end: number }) => window(Math.max(0, q.start - 300), q.end + 300);

describe('mergeStretches', () => {
  it('joins stretches that overlap or touch, in order, and keeps apart those that do not', () => {
    const merged = mergeStretches(
      source.id,
      source.text.length,
      [window(500, 900), window(100, 200)],
      [window(850, 1000), window(200, 250), window(5000, 5100)],
    );
    expect(merged).toEqual([window(100, 250), window(500, 1000), window(5000, 5100)]);
  });

  it('refuses, naming the source and the place, a stretch that differs from what is held there', () => {
    const forged = { start: 150, text: 'X'.repeat(100) };
    expect(() => mergeStretches(source.id, source.text.length, [window(100, 200)], [forged])).toThrow(
      `Source "${source.id}": the text sent for 150–200 differs from the text held there.`,
    );
    expect(() => mergeStretches(source.id, 10, [], [window(0, 20)])).toThrow(
      /runs outside its 10 characters/,
    );
  });
});

describe('a model holding a source in part', () => {
  it('gives each quote verbatim from its window, and the source no text in place of what is not held', () => {
    const { quotes } = partial([]);
    const { bundle } = partial(quotes.map(around));
    const model = buildModel(bundle);
    for (const q of quotes) expect(model.quotes.get(q.id)!.exact).toBe(q.exact);
    const s = model.sources.get(source.id)!;
    expect(s.text).toBe('');
    expect(s.held!.length).toBe(source.text.length);
    expect(s.held!.stretches.map((x) => x.text).join('').length).toBeLessThan(source.text.length);
  });

  it('refuses a quote that is not verbatim in what is held of its source', () => {
    const { bundle, quotes } = partial([]);
    const q = quotes[0]!;
    // A window beside the quote, not over it.
    expect(() => buildModel({ ...bundle, sources: [inPart([window(q.end + 10, q.end + 400)])] })).toThrow(
      `Quote "${q.id}" is not verbatim in what is held of source "${source.id}" at ${q.start}–${q.end}.`,
    );
  });

  it('shows a quote in its sentence from its window, cut with a flag where the sentence runs past it', () => {
    const q = quotesOf[0]!;
    const wide = buildModel(partial(quotesOf.map(around)).bundle);
    const fromWindow = quoteContext(wide.sources.get(source.id)!, q.start, q.end)!;
    const fromWhole = quoteContext({ ...source }, q.start, q.end)!;
    expect(fromWindow).toEqual(fromWhole);
    // A window that holds the quote and nothing more: no text around it, and both ends marked as cut.
    const tight = buildModel(partial(quotesOf.map((x) => window(x.start, x.end))).bundle);
    const cut = quoteContext(tight.sources.get(source.id)!, q.start, q.end)!;
    expect(cut.before + cut.after).toBe('');
    expect(cut.cutBefore || q.start === 0).toBe(true);
    expect(cut.cutAfter).toBe(true);
    // A place no window holds has no context at all.
    const held = tight.sources.get(source.id)!.held!;
    const gap = Array.from({ length: 200 }, (_, i) => i * 100).find(
      (x) => heldSlice(held, x, x + 5) === null,
    )!;
    expect(quoteContext(tight.sources.get(source.id)!, gap, gap + 5)).toBeNull();
  });

  it('knows when a quote is held alone, without the text around it, and holds it once its window comes', () => {
    const { quotes } = partial([]);
    // As a server past its budget of text sends a source: each quote's own stretch and nothing more.
    const alone = buildModel(partial(quotes.map((q) => window(q.start, q.end))).bundle);
    const q = quotes.find((x) => x.start > QUOTE_CONTEXT_CHARS)!;
    expect(alone.quotes.get(q.id)!.exact).toBe(q.exact);
    expect(contextHeld(alone.sources.get(source.id)!, q.start, q.end)).toBe(false);
    // A window that falls short of QUOTE_CONTEXT_CHARS on one side is not enough either.
    const short = window(q.start - QUOTE_CONTEXT_CHARS + 1, q.end + QUOTE_CONTEXT_CHARS);
    const delta = (windows: Stretch[]): ModelDelta => ({
      relationTypes: [],
      sources: [inPart(windows)],
      entities: [],
      quotes: [],
      relations: [],
    });
    expect(contextHeld(extendModel(alone, delta([short])).sources.get(source.id)!, q.start, q.end)).toBe(
      false,
    );
    // As the server's windows: 1,000 characters either side.
    const grown = extendModel(alone, delta([window(Math.max(0, q.start - 1000), q.end + 1000)]));
    expect(contextHeld(grown.sources.get(source.id)!, q.start, q.end)).toBe(true);
    expect(quoteContext(grown.sources.get(source.id)!, q.start, q.end)).toEqual(
      quoteContext({ ...source }, q.start, q.end),
    );
    // A source held whole always holds it; a window that differs from the quote held is refused.
    expect(contextHeld({ ...source }, q.start, q.end)).toBe(true);
    const forged = { start: q.start - 10, text: source.text.slice(q.start - 10, q.end).toUpperCase() };
    expect(() => extendModel(alone, delta([forged]))).toThrow(/differs from the text held there/);
  });

  it('grows by later windows, and takes the whole text in their place once it agrees with them', () => {
    // Windows of the one relation's quotes only: most of the text is not held.
    const { quotes } = partial([]);
    const model = buildModel(partial(quotes.map(around)).bundle);
    const first = model.sources.get(source.id)!.held!;
    const gap = Array.from({ length: 2000 }, (_, i) => i * 10).find(
      (x) => heldSlice(first, x, x + 20) === null,
    )!;
    const later = window(gap, gap + 20);
    const delta: ModelDelta = {
      relationTypes: [],
      sources: [inPart([later])],
      entities: [],
      quotes: [],
      relations: [],
    };
    const grown = extendModel(model, delta);
    expect(heldSlice(grown.sources.get(source.id)!.held!, later.start, later.start + 20)).toBe(later.text);
    // The model grown from is left as it was (undo may hold it).
    expect(heldSlice(model.sources.get(source.id)!.held!, later.start, later.start + 20)).toBeNull();
    const forged = { ...source, text: source.text.replace(quotes[0]!.exact, quotes[0]!.exact.toUpperCase()) };
    expect(() => extendModel(grown, { ...delta, sources: [forged] })).toThrow(
      /differs from the text held there/,
    );
    const full = extendModel(grown, { ...delta, sources: [source] });
    expect(full.sources.get(source.id)!.held).toBeUndefined();
    expect(full.sources.get(source.id)!.text).toBe(source.text);
  });

  it('writes no windows as texts: the bundle export and a draft wait for the whole text', () => {
    const { bundle, relation } = partial(quotesOf.map(around));
    const model = buildModel(bundle);
    const subgraph = {
      entityIds: [relation.source, relation.target],
      relations: [model.relations.get(relation.id)!],
    };
    const out = subBundle(model, subgraph as Parameters<typeof subBundle>[1]);
    expect(out).toEqual({
      ok: false,
      reason:
        'The texts of 1 source are held only around their quotes; fetch them whole before exporting the bundle.',
    });
    expect(draftFromModel(model, 'k')).toBeNull();
    // Asked from the Build panel, it says why and what to do instead.
    const store = createThreadlineStore();
    store.getState().setModel(model, buildEntitySearch(bundle.entities));
    const asked = store.getState().editOpenDataset();
    expect(asked).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^This dataset is on the server .*Export → Bundle/),
    });
    expect(store.getState().draft).toBeNull();
    const full = extendModel(model, {
      relationTypes: [],
      sources: [source],
      entities: [],
      quotes: [],
      relations: [],
    });
    const exported = subBundle(full, subgraph as Parameters<typeof subBundle>[1]);
    expect(exported.ok && exported.bundle.sources[0]!.text).toBe(source.text);
  });

  it('leaves a local bundle exactly as before: every text whole, nothing held in part', () => {
    const model = buildModel(whole as Bundle);
    expect(model.data.evidence!.partial).toBeUndefined();
    for (const s of model.sources.values()) expect(s.held).toBeUndefined();
  });
});
