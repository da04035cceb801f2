import { describe, expect, it } from 'vitest';
import { claimsOf } from '../../src/model/core/claims';
import { buildModel } from '../../src/model/core/model-builder';
import { claimSentence, voicesSentence } from '../../src/model/core/relation-wording';
import { fixtureBundle } from './fixtures';

const model = buildModel(fixtureBundle('two-sources'));
const sentences = (id: string) => {
  const relation = model.relations.get(id)!;
  return claimsOf(model, id).map((c) => claimSentence(model, relation, c));
};
const summary = (id: string) => voicesSentence(model, model.relations.get(id)!);

describe('claims in words', () => {
  it('attributes each claim to who makes it, with its own status', () => {
    expect(sentences('volkov-paid-mercer')).toEqual([
      'Alleged by Kestrel memo: Boris Volkov paid Alice Mercer',
      'Denied by Alice Mercer: Boris Volkov paid Alice Mercer',
    ]);
    expect(sentences('mercer-met-volkov')).toEqual([
      'Stated as fact by the report: Alice Mercer met Boris Volkov',
      'Claimed by Boris Volkov: Alice Mercer met Boris Volkov',
    ]);
  });

  it('reads a refutation nobody is quoted for as the source’s own, and names joint speakers together', () => {
    expect(sentences('volkov-controls-sea-falcon')[1]).toBe(
      'Refuted by the article: Boris Volkov controls Sea Falcon',
    );
    expect(sentences('sea-falcon-never-docked')).toEqual([
      'Denied by Northwind Shipping and Ruritania: Sea Falcon docked at Port Ash',
    ]);
  });

  it('tells a named person’s judgement from the author’s own', () => {
    expect(sentences('northwind-fronts-for-volkov')).toEqual([
      'Opinion of Lena Hart: Northwind Shipping is a front for Boris Volkov',
    ]);
    const authorial = { ...claimsOf(model, 'northwind-fronts-for-volkov')[0]!, assertedBy: [] };
    expect(claimSentence(model, model.relations.get('northwind-fronts-for-volkov')!, authorial)).toBe(
      'Opinion of Sam Reed: Northwind Shipping is a front for Boris Volkov',
    );
  });

  it('sums up every source’s voice on one line, with the denials of relations that answer it', () => {
    expect(summary('mercer-met-volkov')).toBe('Stated as fact by the report; claimed by Boris Volkov');
    expect(summary('sea-falcon-docked-port-ash')).toBe(
      'Reported by the report; denied by Northwind Shipping and Ruritania',
    );
    expect(summary('volkov-controls-sea-falcon')).toBe('Alleged by Kestrel memo; refuted by the article');
    // Two quotes of one source in one voice are said once.
    expect(summary('mercer-attended-meeting')).toBe('Stated as fact by the report');
  });

  it('says a source relays a claim when nobody in it is named as making it', () => {
    const relation = model.relations.get('mercer-met-volkov')!;
    const relayed = { ...claimsOf(model, 'mercer-met-volkov')[1]!, assertedBy: [] };
    expect(claimSentence(model, relation, relayed)).toBe(
      'Claimed by the article: Alice Mercer met Boris Volkov',
    );
  });
});
