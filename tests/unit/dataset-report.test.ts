import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/core/model-builder';
import { evidenceFor, relationsBetween, relationsOf } from '../../src/model/core/queries';
import { articleBundle } from './fixtures';

const REPORT = 'mueller-report-vol1';
const ARTICLE = 'trump-putin-worldcrunch';

/** The Mueller report's executive summary beside the article (issue #18, "The data"), checked through the model. */
describe('the Trump–Putin dataset with the Mueller report', () => {
  const bundle = articleBundle();
  const model = buildModel(bundle);
  const sourcesOf = (relationId: string) =>
    new Set(evidenceFor(model, relationId).map((e) => e.quote.sourceId));

  it('carries the report as a second source with its provenance and the transcription’s CC BY 3.0 credit', () => {
    const report = bundle.sources.find((s) => s.id === REPORT)!;
    expect(report.text.startsWith('Executive Summary to Volume I')).toBe(true);
    expect(report.notes).toContain(
      'Text taken from the Open Source Mueller Report transcription by Ian Dennis Miller (github.com/iandennismiller/mueller-report, src/volume-1/executive-summary.tex, CC BY 3.0)',
    );
    expect(report.notes).toContain('public domain');
  });

  it('has one entity for what both texts name, each resting on quotes from both', () => {
    const names = bundle.entities.map((e) => e.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const id of [
      'donald-trump',
      'vladimir-putin',
      'russia',
      'donald-trump-jr',
      'russian-interference-2016',
    ]) {
      const cited = new Set(relationsOf(model, id).flatMap((r) => [...sourcesOf(r.id)]));
      expect([...cited].sort(), id).toEqual([REPORT, ARTICLE].sort());
    }
  });

  it('keeps one relation, with evidence from both sources, where both state it', () => {
    const interfered = relationsBetween(model, 'russia', 'election-2016').filter(
      (r) => r.type === 'interfered_in',
    );
    expect(interfered).toHaveLength(1);
    expect([...sourcesOf(interfered[0]!.id)].sort()).toEqual([REPORT, ARTICLE].sort());
  });

  it('records what the investigation did not establish as not established, never as coordination', () => {
    const coordination = [...relationsOf(model, 'trump-campaign')].filter(
      (r) => r.type === 'conspired_with' && r.status === 'fact',
    );
    expect(coordination).toEqual([]);
    const notEstablished = bundle.relations.filter(
      (r) => r.type === 'did_not_establish' && r.target === 'suspected-campaign-russia-coordination',
    );
    expect(notEstablished).toHaveLength(1);
    expect(evidenceFor(model, notEstablished[0]!.id)[0]!.quote.exact).toContain('did not establish');
  });

  it('dates events at the precision the text gives, and quotes the report’s speakers', () => {
    expect(model.entities.get('wikileaks-podesta-release')?.date).toBe('2016-10-07');
    expect(model.entities.get('mifsud-moscow-trip')?.date).toBe('2016-04');
    const comey = bundle.quotes.find((q) => q.exact.startsWith('I have been authorized'))!;
    expect(comey).toMatchObject({ sourceId: REPORT, speaker: 'james-comey' });
  });

  it('extracts the summary broadly: about a hundred entities and two hundred relations of its own', () => {
    const fromReport = bundle.relations.filter((r) => sourcesOf(r.id).has(REPORT));
    const reportEntities = new Set(fromReport.flatMap((r) => [r.source, r.target]));
    expect(reportEntities.size).toBeGreaterThanOrEqual(100);
    expect(fromReport.length).toBeGreaterThanOrEqual(200);
  });
});
