import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/core/model-builder';
import { evidenceFor, relationsBetween } from '../../src/model/core/queries';
import { articleBundle } from './fixtures';

/** What a careful reader of the article finds in the text, checked against the dataset (issue #18, "Mend the article's reading"). */
describe("the article's reading", () => {
  const bundle = articleBundle();
  const model = buildModel(bundle);
  const between = (a: string, b: string, type: string) =>
    relationsBetween(model, a, b).filter((r) => r.type === type && r.source === a);
  const cites = (relationId: string) => evidenceFor(model, relationId).map((e) => e.quote.exact);

  it('brings the money the sons speak of ("they", "we") to Donald Trump, not only to them', () => {
    for (const item of ['money-flowing-from-russia', 'golf-course-funding-from-russia'])
      expect(between('donald-trump', item, 'funded_by'), item).toHaveLength(1);
  });

  it("keeps Eric Trump's hedged words apart from unhedged ones", () => {
    const eric = relationsBetween(model, 'eric-trump', 'russia');
    expect(eric.length).toBeGreaterThan(0);
    expect(eric.every((r) => r.status === 'reported')).toBe(true);
    const donJr = relationsBetween(model, 'donald-trump-jr', 'russia');
    expect(donJr.every((r) => r.status === 'claim')).toBe(true);
  });

  it('dates the money by when the sons spoke, saying so, not as if it moved that year', () => {
    for (const [who, year] of [
      ['donald-trump-jr', '2008'],
      ['eric-trump', '2014'],
    ] as const) {
      const money = relationsBetween(model, who, 'russia').filter((r) => r.type === 'funded_by');
      expect(money.length).toBeGreaterThan(0);
      for (const r of money) {
        expect(r.date).toEqual({ end: year });
        expect(r.note).toContain(`${year} is when`);
      }
    }
  });

  it('reads the debunked Ukraine-interference claims as refuted', () => {
    expect(between('ukraine', 'election-2016', 'interfered_in').map((r) => r.status)).toEqual(['refuted']);
    expect(between('ukraine', 'democrats', 'acted_on_behalf_of').map((r) => r.status)).toEqual(['refuted']);
  });

  it("rests Trump's admiration of Xi and Kim on sentences that name them", () => {
    expect(
      cites(between('donald-trump', 'xi-jinping', 'admires')[0]!.id).some((q) => q.includes('Xi Jinping')),
    ).toBe(true);
    expect(
      cites(between('donald-trump', 'kim-jong-un', 'admires')[0]!.id).some((q) => q.includes('Kim Jong-un')),
    ).toBe(true);
  });

  it('aims the "WITCH HUNT" at all accusations against him, not at the impeachment trial', () => {
    const witchHunt = bundle.relations.filter((r) =>
      r.evidence.some((id) => bundle.quotes.find((q) => q.id === id)?.exact.includes('WITCH HUNT')),
    );
    const dismissed = witchHunt.filter((r) => r.type === 'dismissed' && r.source === 'donald-trump');
    expect(dismissed).toHaveLength(1);
    expect(dismissed[0]!.target).not.toBe('first-impeachment-trial');
    expect(model.entities.get(dismissed[0]!.target)?.name).toMatch(/all accusations/i);
  });

  it('places the alleged activities in the Moscow hotel, not the footage', () => {
    expect(between('moscow-hotel-footage', 'moscow-hotel', 'located_in')).toHaveLength(0);
    const inHotel = relationsBetween(model, 'moscow-hotel', 'moscow-hotel-activities');
    expect(inHotel.map((r) => [r.type, r.status])).toEqual([['located_in', 'allegation']]);
    expect(between('moscow-hotel-footage', 'moscow-hotel-activities', 'concerns')).toHaveLength(1);
  });

  it('quotes Trump\'s "just business" without the author\'s rebuttal', () => {
    const trumps = bundle.quotes.filter(
      (q) => q.speaker === 'donald-trump' && q.exact.includes('just business'),
    );
    expect(trumps).toHaveLength(1);
    expect(trumps[0]!.exact).not.toContain('intertwined');
    const rebuttal = bundle.quotes.find((q) => q.exact.includes('deeply intertwined'))!;
    expect(rebuttal.speaker).toBeUndefined();
  });

  it('has every kompromat item the text names', () => {
    const items = bundle.relations
      .filter((r) => r.source === 'leverage-theory-2013' && r.type === 'alleges')
      .map((r) => model.entities.get(r.target)?.name);
    expect(items).toEqual(
      expect.arrayContaining(['Dirty parties with prostitutes', 'Shady business deals', 'Russian mafia']),
    );
  });

  it('has Russia as a party to the peace negotiations, the abuse-of-power charge, and Helsinki asked about interference', () => {
    expect(between('russia', 'peace-negotiations', 'participated_in')).toHaveLength(1);
    const charge = bundle.relations.find(
      (r) => r.source === 'first-impeachment-trial' && r.target === 'abuse-of-power-charge',
    );
    expect(charge?.status).toBe('fact');
    expect(between('helsinki-summit-2018', 'russian-interference-2016', 'concerns')).toHaveLength(1);
  });
});
