import { describe, expect, it } from 'vitest';
import { sentenceAround } from '../../src/model/format/anchor';
import { buildModel } from '../../src/model/core/model-builder';
import { quoteKey, toGraphology } from '../../src/model/core/graphology-model';
import {
  evidenceFor,
  neighbours,
  quotesOfSource,
  relationSentence,
  relationsBacking,
  relationsBetween,
  relationTypeCounts,
} from '../../src/model/core/queries';
import { buildEntitySearch } from '../../src/model/search/search';
import { segmentText } from '../../src/model/core/quote-segments';
import { articleBundle, fixtureBundle } from './fixtures';

describe('graph model from a bundle', () => {
  const model = buildModel(fixtureBundle('valid-minimal'));

  it('as a graphology graph, holds entities and quotes as nodes, joined by relation and evidence edges', () => {
    const graph = toGraphology(model);
    expect(graph.getNodeAttribute('ada-lovelace', 'kind')).toBe('entity');
    expect(graph.getNodeAttribute(quoteKey('enchantress'), 'kind')).toBe('quote');
    expect(graph.outNeighbors(quoteKey('enchantress')).sort()).toEqual(['ada-lovelace', 'charles-babbage']);
    expect(graph.outEdges('charles-babbage', 'ada-lovelace')).toEqual(['babbage-praised-lovelace']);
    // Only part of the model: the relations asked for, their ends and their quotes.
    const part = toGraphology(model, ['babbage-praised-lovelace']);
    expect(part.edges().filter((e) => part.getEdgeAttribute(e, 'kind') === 'relation')).toEqual([
      'babbage-praised-lovelace',
    ]);
  });

  it('answers the queries the explorer needs', () => {
    expect(neighbours(model, 'ada-lovelace')).toEqual(['charles-babbage']);
    expect(relationsBetween(model, 'ada-lovelace', 'charles-babbage').map((r) => r.id)).toEqual([
      'babbage-praised-lovelace',
    ]);
    expect(relationTypeCounts(model, 'ada-lovelace')).toEqual([{ type: 'praised', count: 1 }]);
    const [ev] = evidenceFor(model, 'babbage-praised-lovelace');
    expect(ev!.speaker?.name).toBe('Charles Babbage');
    expect(relationSentence(model, model.relations.get('babbage-praised-lovelace')!)).toBe(
      'Charles Babbage praised Ada Lovelace',
    );
  });

  it('returns empty answers for unknown ids rather than throwing', () => {
    expect(neighbours(model, 'nobody')).toEqual([]);
    expect(relationsBetween(model, 'nobody', 'ada-lovelace')).toEqual([]);
    expect(evidenceFor(model, 'nothing')).toEqual([]);
  });
});

describe('entity search', () => {
  const search = buildEntitySearch(articleBundle().entities);
  it('finds by prefix, with typos, and by alias', () => {
    expect(search.search('Vlad')[0]?.id).toBe('vladimir-putin');
    expect(search.search('putn')[0]?.id).toBe('vladimir-putin');
    expect(search.search('Don Jr').map((h) => h.id)).toContain('donald-trump-jr');
    expect(search.search('Eric')[0]?.id).toBe('eric-trump');
  });
  it('returns nothing for an empty query', () => {
    expect(search.search('   ')).toEqual([]);
  });
});

describe('text helpers', () => {
  it('finds the sentence around a quote', () => {
    const text = 'First one. He said “We fell in love.” Then more.';
    const start = text.indexOf('We fell');
    const ctx = sentenceAround(text, start, start + 'We fell in love.'.length);
    expect(text.slice(ctx.start, ctx.end)).toBe('He said “We fell in love.”');
  });
  it('cuts overlapping quotes into runs, innermost first', () => {
    const segs = segmentText(10, [
      { id: 'a', start: 0, end: 6 },
      { id: 'b', start: 3, end: 5 },
    ]);
    expect(segs).toEqual([
      { start: 0, end: 3, quoteIds: ['a'] },
      { start: 3, end: 5, quoteIds: ['b', 'a'] },
      { start: 5, end: 6, quoteIds: ['a'] },
      { start: 6, end: 10, quoteIds: [] },
    ]);
  });
});

describe('the relations a highlighted passage backs', () => {
  const model = buildModel(articleBundle());
  const source = [...model.sources.values()][0]!;
  const citing = new Map(quotesOfSource(model, source.id).map((q) => [q.quote.id, q.citedBy]));

  it('lists every relation one quote backs, not just the first', () => {
    expect(relationsBacking(['q-rejects-agent'], citing)).toEqual([
      'trump-denies-acting-for-putin',
      'putin-leads-russia',
    ]);
  });

  it('lists a relation backed by two overlapping quotes once', () => {
    const both = relationsBacking(['q-rejects-agent', 'q-rejects-agent'], citing);
    expect(both).toHaveLength(2);
    expect(relationsBacking(['no-such-quote'], citing)).toEqual([]);
  });
});
