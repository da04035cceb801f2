import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/core/model-builder';
import { claimsOf, corroborationOf, disputesOf, isContested, voicesOf } from '../../src/model/core/claims';
import { baseTypeOf } from '../../src/model/core/entity-types';
import { voicesSentence } from '../../src/model/core/relation-wording';
import { articleBundle } from './fixtures';

const REPORT = 'mueller-report-vol1';
const ARTICLE = 'trump-putin-worldcrunch';

/** Who says what in the two-source dataset (issue #18's evidence model), read through the model's claim queries. */
describe('the voices of the Trump–Putin dataset', () => {
  const bundle = articleBundle();
  const model = buildModel(bundle);
  const relation = (id: string) => model.relations.get(id)!;

  it('lets each source present the interference in its own way, and counts two independent sources', () => {
    const voices = voicesOf(model, 'russia-interfered-2016');
    expect(voices.map((v) => v.sourceId)).toEqual([ARTICLE, REPORT]);
    expect(voices.find((v) => v.sourceId === REPORT)!.statuses).toEqual(['fact', 'claim']);
    const relayed = claimsOf(model, 'russia-interfered-2016').find((c) => c.status === 'claim')!;
    expect(relayed).toMatchObject({ sourceId: REPORT, assertedBy: ['ic-assessment-2017'] });
    expect(corroborationOf(model, 'russia-interfered-2016')).toBe(2);
  });

  it('shows the interference as contested by Putin’s denial, which answers it', () => {
    expect(relation('putin-denied-interference').answers).toBe('russia-interfered-2016');
    expect(isContested(model, 'russia-interfered-2016')).toBe(true);
    expect(voicesSentence(model, relation('russia-interfered-2016'))).toMatch(/denied by Vladimir Putin/);
  });

  it('sets Trump’s “just business” against the author’s reading of his dealings', () => {
    const dispute = disputesOf(model, ARTICLE).find(
      (d) => d.relationId === 'dealings-entwined-with-kremlin',
    )!;
    expect(dispute.affirming.map((c) => c.status)).toEqual(['opinion', 'opinion']);
    expect(dispute.negating).toMatchObject([{ status: 'denial', assertedBy: ['donald-trump'] }]);
  });

  it('names who makes each claim the report relays, jointly where two made it', () => {
    expect(claimsOf(model, 'peace-plan-concerns-trump')[0]!.assertedBy).toEqual([
      'paul-manafort',
      'konstantin-kilimnik',
    ]);
    expect(claimsOf(model, 'putin-cleared-plan')[0]!.assertedBy).toEqual(['kirill-dmitriev']);
    const statement = bundle.quotes.find((q) => q.id === 'm-oct-7-statement')!;
    expect(statement.speakers).toEqual(['dhs', 'odni']);
    const unattributed = bundle.relations
      .filter((r) => r.status === 'claim')
      .flatMap((r) => claimsOf(model, r.id))
      .filter((c) => c.sourceId === REPORT && c.status === 'claim' && c.assertedBy.length === 0);
    expect(unattributed).toEqual([]);
  });

  it('keeps the article’s relative dates as written, since the article has no date', () => {
    expect(relation('trump-in-phone-call').dateWritten).toMatchObject({
      asWritten: 'Tuesday',
      sourceDate: null,
    });
    expect(relation('trump-in-phone-call').date).toBeUndefined();
  });

  it('declares the types the texts need, drawn as their base type', () => {
    expect(model.entities.get('russian-nationals')!.type).toBe('group');
    expect(baseTypeOf(model, 'group')).toBe('person');
    expect(model.entities.get('suspected-campaign-russia-coordination')!.type).toBe(
      'unestablished-suspicion',
    );
    expect(baseTypeOf(model, 'unestablished-suspicion')).toBe('event');
  });
});
