import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/core/model-builder';
import { evidenceFor, neighbours, relationsBetween, relationsOf } from '../../src/model/core/queries';
import { articleBundle } from './fixtures';

/** Facts a reader of the article looks for, checked through the graph model. */
describe('the Trump–Putin article dataset', () => {
  const bundle = articleBundle();
  const model = buildModel(bundle);
  const source = bundle.sources[0]!;

  it('keeps the source verbatim and its unknown metadata unknown', () => {
    expect(source.publisher).toBe('Worldcrunch');
    expect(source.author).toBeNull();
    expect(source.date).toBeNull();
    expect(source.text).toContain('We don’t depend on American banks.');
  });

  it("records Eric Trump's funding from Russia as reported in 2014, in his words", () => {
    const relation = relationsBetween(model, 'eric-trump', 'russia').find((r) =>
      evidenceFor(model, r.id).some((e) => e.quote.exact.includes('We don’t depend on American banks')),
    );
    expect(relation).toMatchObject({ status: 'reported', date: { end: '2014' } });
    const [evidence] = evidenceFor(model, relation!.id);
    expect(evidence!.speaker?.id).toBe('eric-trump');
  });

  it('has the Helsinki summit in July 2018 with both presidents taking part', () => {
    const summit = model.entities.get('helsinki-summit-2018')!;
    expect(summit).toMatchObject({ type: 'event', date: '2018-07' });
    for (const president of ['donald-trump', 'vladimir-putin'])
      expect(relationsBetween(model, president, 'helsinki-summit-2018').map((r) => r.type)).toContain(
        'participated_in',
      );
  });

  it('shows the Steele dossier alleging compromising material held by Russia', () => {
    const alleged = relationsOf(model, 'steele-dossier').filter(
      (r) => r.source === 'steele-dossier' && r.type === 'alleges',
    );
    expect(alleged.length).toBeGreaterThan(0);
    expect(alleged.every((r) => r.status === 'allegation')).toBe(true);
    const material = alleged
      .map((r) => r.target)
      .find((t) => relationsBetween(model, 'russia', t).some((r) => r.type === 'owns'));
    expect(material).toBeDefined();
    expect(model.entities.get('christopher-steele')?.type).toBe('person');
  });

  it("reports Putin's denial at Helsinki as a denial, quoted from Trump", () => {
    const quote = bundle.quotes.find((q) => q.exact.includes('strong and convincing in his denial'))!;
    expect(quote.speaker).toBe('donald-trump');
    const cited = bundle.relations.filter((r) => r.evidence.includes(quote.id));
    expect(cited.some((r) => r.status === 'denial')).toBe(true);
  });

  it('connects the leaders Trump praised', () => {
    expect(neighbours(model, 'donald-trump')).toEqual(
      expect.arrayContaining(['xi-jinping', 'kim-jong-un', 'vladimir-putin']),
    );
  });

  it('is broad: every entity takes part in a relation and every relation has verbatim evidence', () => {
    expect(bundle.entities.length).toBeGreaterThanOrEqual(50);
    expect(bundle.relations.length).toBeGreaterThanOrEqual(100);
    for (const e of bundle.entities) expect(relationsOf(model, e.id).length, e.id).toBeGreaterThan(0);
    const texts = new Map(bundle.sources.map((s) => [s.id, s.text]));
    for (const q of bundle.quotes) expect(texts.get(q.sourceId)!.slice(q.start, q.end)).toBe(q.exact);
  });
});
