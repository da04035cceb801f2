import { describe, expect, it } from 'vitest';
import {
  answersTo,
  claimsOf,
  corroborationOf,
  disputesOf,
  isContested,
  sourceTallies,
  voicesOf,
} from '../../src/model/core/claims';
import { buildModel } from '../../src/model/core/model-builder';
import { fixtureBundle } from './fixtures';

const model = () => buildModel(fixtureBundle('two-sources'));

describe('claims: what each source says about a relation', () => {
  it('gives each quote its own status, taking the relation’s where the file gives none', () => {
    expect(claimsOf(model(), 'mercer-met-volkov')).toEqual([
      { quoteId: 'q-report-met', sourceId: 'the-report', status: 'fact', assertedBy: [] },
      { quoteId: 'q-article-met', sourceId: 'the-article', status: 'claim', assertedBy: ['boris-volkov'] },
    ]);
  });

  it('names who asserts a claim: its own asserters before its quote’s speakers, all joint speakers', () => {
    const m = model();
    expect(claimsOf(m, 'volkov-paid-mercer').map((c) => [c.status, c.assertedBy, c.answers])).toEqual([
      ['allegation', ['kestrel-memo'], undefined],
      ['denial', ['alice-mercer'], 'q-memo-paid'],
    ]);
    expect(claimsOf(m, 'sea-falcon-never-docked')[0]!.assertedBy).toEqual([
      'northwind-shipping',
      'ruritania',
    ]);
  });

  it('groups claims by source in the dataset’s source order, statuses firmest first', () => {
    const voices = voicesOf(model(), 'mercer-met-volkov');
    expect(voices.map((v) => [v.sourceId, v.statuses, v.claims.length])).toEqual([
      ['the-report', ['fact'], 1],
      ['the-article', ['claim'], 1],
    ]);
  });

  it('counts corroboration in independent sources: two quotes of one source are one', () => {
    const m = model();
    expect(corroborationOf(m, 'mercer-met-volkov')).toBe(2);
    expect(corroborationOf(m, 'mercer-attended-meeting')).toBe(1);
    expect(corroborationOf(m, 'no-such-relation')).toBe(0);
  });

  it('finds relations that answer another', () => {
    const m = model();
    expect(answersTo(m, 'sea-falcon-docked-port-ash')).toEqual(['sea-falcon-never-docked']);
    expect(answersTo(m, 'sea-falcon-never-docked')).toEqual([]);
  });

  it('calls contested what is both held and negated, on the relation or by one that answers it', () => {
    const m = model();
    const contested = [...m.relations.keys()].filter((id) => isContested(m, id));
    expect(contested).toEqual([
      'sea-falcon-docked-port-ash',
      'volkov-paid-mercer',
      'volkov-controls-sea-falcon',
    ]);
  });

  it('lists disputes with both sides, across relations and within one source', () => {
    const m = model();
    const side = (cs: { quoteId: string }[]) => cs.map((c) => c.quoteId);
    expect(disputesOf(m).map((d) => [d.relationId, side(d.affirming), side(d.negating)])).toEqual([
      ['sea-falcon-docked-port-ash', ['q-docked'], ['q-joint']],
      ['volkov-paid-mercer', ['q-memo-paid'], ['q-mercer-denies']],
      ['volkov-controls-sea-falcon', ['q-memo-controls'], ['q-debunked']],
    ]);
    expect(disputesOf(m, 'the-report').map((d) => d.relationId)).toEqual([
      'sea-falcon-docked-port-ash',
      'volkov-paid-mercer',
      'volkov-controls-sea-falcon',
    ]);
    expect(disputesOf(m, 'the-article').map((d) => d.relationId)).toEqual([
      'sea-falcon-docked-port-ash',
      'volkov-controls-sea-falcon',
    ]);
  });

  it('keeps today’s single-status relations as they were: one claim per quote at the relation’s status', () => {
    const m = buildModel(fixtureBundle('valid-minimal'));
    expect(claimsOf(m, 'babbage-praised-lovelace')).toEqual([
      { quoteId: 'enchantress', sourceId: 'letter', status: 'fact', assertedBy: ['charles-babbage'] },
    ]);
    expect(isContested(m, 'babbage-praised-lovelace')).toBe(false);
    expect(disputesOf(m)).toEqual([]);
  });
});

describe('a dataset’s counts by source and status', () => {
  it('counts each source’s relations and claims by status, corroborated and contested relations', () => {
    const { sources, corroborated, contested } = sourceTallies(model());
    const nonzero = (c: Record<string, number>) =>
      Object.fromEntries(Object.entries(c).filter(([, n]) => n > 0));
    expect(sources.map((s) => [s.sourceId, s.relations, nonzero(s.claims)])).toEqual([
      ['the-report', 8, { fact: 6, reported: 1, allegation: 2, denial: 1 }],
      ['the-article', 4, { claim: 1, denial: 1, opinion: 1, refuted: 1 }],
    ]);
    expect(corroborated).toBe(2);
    expect(contested).toBe(3);
  });
});
