import { describe, expect, it } from 'vitest';
import { narratePath, pathAsText, stepSentence } from '../../src/model/analysis/path-narrative';
import { DEFAULT_PATH_OPTIONS, findPaths } from '../../src/model/analysis/paths';
import { buildModel } from '../../src/model/core/model-builder';
import { tinyModel, trumpPutin } from './analysis-graphs';
import { fixtureBundle } from './fixtures';

const twoSources = () => buildModel(fixtureBundle('two-sources'));

describe('path narrative', () => {
  it('reads each step in the direction of travel, with the inverse label when walking a relation backwards', () => {
    const m = tinyModel(['b a fact', 'b c claim', 'c d fact - allied']);
    const [path] = findPaths(m, 'a', 'd', DEFAULT_PATH_OPTIONS).paths;
    const steps = narratePath(m, path!);
    expect(steps.map(stepSentence)).toEqual([
      'A — is known by → B',
      'Claimed: B — knows → C',
      'C — allied with — D',
    ]);
    expect(steps.map((s) => s.relation.status)).toEqual(['fact', 'claim', 'fact']);
    expect(steps[0]!.voices[0]!.claims.map((c) => c.evidence.quote.exact)).toEqual(['b and a, b-a.']);
  });

  it('copies as text with the status of every step that is not a fact and a numbered citation per step, and the sources listed once', () => {
    const m = tinyModel(['a b fact', 'a b opinion', 'b c claim']);
    const [path] = findPaths(m, 'a', 'c', DEFAULT_PATH_OPTIONS).paths;
    expect(pathAsText(m, path!)).toBe(
      [
        'A → C: 2 steps',
        '1. A — knows → B (+1 more between them)',
        '   Stated as fact by Tiny Press',
        '   “a and b, a-b.” — Fact [1]',
        '2. Claimed: B — knows → C',
        '   Relayed as a claim by Tiny Press',
        '   “b and c, b-c.” — Claim [1]',
        '',
        'Sources:',
        '[1] A tiny source. Tiny Press. 2020',
      ].join('\n'),
    );
  });

  it('quotes its own source verbatim at every step from Eric Trump to Vladimir Putin', () => {
    const model = trumpPutin();
    const { paths } = findPaths(model, 'eric-trump', 'vladimir-putin', DEFAULT_PATH_OPTIONS);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      const steps = narratePath(model, path);
      expect(steps).toHaveLength(path.steps.length);
      for (const s of steps) {
        expect(s.voices.length).toBeGreaterThan(0);
        for (const v of s.voices)
          for (const c of v.claims) {
            const { quote } = c.evidence;
            expect(model.sources.get(quote.sourceId)!.text.slice(quote.start, quote.end)).toBe(quote.exact);
            expect(v.source.id).toBe(quote.sourceId);
          }
      }
    }
  });

  it('cites every source of a step with how it presents the step and who asserts it', () => {
    const m = twoSources();
    const [path] = findPaths(m, 'alice-mercer', 'boris-volkov', DEFAULT_PATH_OPTIONS).paths;
    const [step] = narratePath(m, path!);
    expect(step!.relation.id).toBe('mercer-met-volkov');
    expect(step!.voicesText).toBe('Stated as fact by the report; claimed by Boris Volkov');
    expect(
      step!.voices.map((v) => [
        v.source.id,
        v.claims.map((c) => [c.claim.status, c.asserters.map((e) => e.name)]),
      ]),
    ).toEqual([
      ['the-report', [['fact', []]]],
      ['the-article', [['claim', ['Boris Volkov']]]],
    ]);
  });

  it('copies a path with each step’s sources, their statuses and asserters, and lists each source once', () => {
    const m = twoSources();
    const path = findPaths(m, 'alice-mercer', 'sea-falcon', DEFAULT_PATH_OPTIONS).paths.find(
      (p) => p.steps.length === 2,
    )!;
    expect(pathAsText(m, path)).toBe(
      [
        'Alice Mercer → Sea Falcon: 2 steps',
        '1. Alice Mercer — met — Boris Volkov (+1 more between them)',
        '   Stated as fact by the report; claimed by Boris Volkov',
        '   “Alice Mercer met Boris Volkov at the harbour meeting in Port Ash” — Fact [1]',
        '   “Boris Volkov claims that he met Alice Mercer on Tuesday” — Claim · Boris Volkov [2]',
        '2. Refuted: Boris Volkov — controls → Sea Falcon',
        '   Alleged by Kestrel memo; refuted by the article',
        '   “The memo also alleges that Volkov secretly controls the Sea Falcon” — Allegation · Kestrel memo [1]',
        '   “The story that Boris Volkov secretly controls the Sea Falcon has been widely debunked” — Refuted [2]',
        '',
        'Sources:',
        '[1] Report on the Port Ash affair. Port Ash Inquiry. 2019-04-18',
        '[2] The ship that never docked. Sam Reed. Harbour Gazette. 2019-04-20',
      ].join('\n'),
    );
  });

  it('names a denial that answers a step among its voices', () => {
    const m = twoSources();
    const path = findPaths(m, 'port-ash', 'boris-volkov', DEFAULT_PATH_OPTIONS).paths.find((p) =>
      p.entityIds.includes('sea-falcon'),
    )!;
    const text = pathAsText(m, path);
    expect(text).toContain('1. Reported: Port Ash — was where docked → Sea Falcon (+1 more between them)');
    expect(text).toContain('   Reported by the report; denied by Northwind Shipping and Ruritania');
  });
});
