import { describe, expect, it } from 'vitest';
import { NO_FILTERS, type Filters } from '../../src/model/core/filters';
import { DEFAULT_PATH_OPTIONS, findPaths, type PathOptions } from '../../src/model/analysis/paths';
import type { Model } from '../../src/model/core/model';
import { buildModel } from '../../src/model/core/model-builder';
import { tinyModel, trumpPutin } from './analysis-graphs';
import { fixtureBundle } from './fixtures';

const opts = (o: Partial<PathOptions> = {}): PathOptions => ({ ...DEFAULT_PATH_OPTIONS, ...o });
const routes = (model: Model, from: string, to: string, o: Partial<PathOptions> = {}) =>
  findPaths(model, from, to, opts(o)).paths.map((p) => p.entityIds.join(' '));
const filters = (f: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...f });

/** Every simple path from→to, by depth-first enumeration: the reference the k-shortest search is checked against. */
function allSimplePaths(model: Model, from: string, to: string): string[][] {
  const adj = new Map<string, Set<string>>();
  for (const r of model.relations.values()) {
    if (r.source === r.target) continue;
    adj.set(r.source, (adj.get(r.source) ?? new Set()).add(r.target));
    adj.set(r.target, (adj.get(r.target) ?? new Set()).add(r.source));
  }
  const out: string[][] = [];
  const walk = (path: string[]) => {
    const last = path[path.length - 1]!;
    if (last === to) return void out.push(path);
    for (const n of adj.get(last) ?? []) if (!path.includes(n)) walk([...path, n]);
  };
  walk([from]);
  return out;
}

describe('findPaths on small graphs with known answers', () => {
  it('follows relations against their direction and reports every relation of a step, firmest first', () => {
    const m = tinyModel(['b a opinion', 'b a fact', 'b c claim']);
    const { paths } = findPaths(m, 'a', 'c', opts());
    expect(paths).toHaveLength(1);
    expect(paths[0]!.entityIds).toEqual(['a', 'b', 'c']);
    expect(paths[0]!.steps).toEqual([
      { from: 'a', to: 'b', relationIds: ['b-a-2', 'b-a'] },
      { from: 'b', to: 'c', relationIds: ['b-c'] },
    ]);
  });

  it('returns all tied shortest paths in a stable order, and says when the limit held more back', () => {
    const m = tinyModel(['a c fact', 'c d fact', 'a b fact', 'b d fact']);
    expect(routes(m, 'a', 'd')).toEqual(['a b d', 'a c d']);
    const limited = findPaths(m, 'a', 'd', opts({ maxPaths: 1 }));
    expect(limited.paths).toHaveLength(1);
    expect(limited.more).toBe(true);
  });

  it('adds longer paths after the shortest ones, up to the chosen length', () => {
    const m = tinyModel(['a b fact', 'b d fact', 'a c fact', 'c d fact', 'a e fact', 'e f fact', 'f d fact']);
    expect(routes(m, 'a', 'd', { maxLength: 2 })).toEqual(['a b d', 'a c d']);
    expect(routes(m, 'a', 'd', { maxLength: 3 })).toEqual(['a b d', 'a c d', 'a e f d']);
  });

  it('matches brute-force enumeration of simple paths on a denser graph', () => {
    const lines = [
      'a b fact',
      'a c fact',
      'b c fact',
      'b d fact',
      'c e fact',
      'd e fact',
      'd f fact',
      'e f fact',
      'e g fact',
      'f g fact',
      'c g fact',
      'a h fact',
      'h g fact',
    ];
    const m = tinyModel(lines);
    const expected = allSimplePaths(m, 'a', 'g')
      .filter((p) => p.length - 1 <= 4)
      .map((p) => p.length)
      .sort((x, y) => x - y);
    const found = findPaths(m, 'a', 'g', opts({ maxPaths: 100, maxLength: 4 }));
    expect(found.paths.map((p) => p.entityIds.length)).toEqual(expected);
    expect(new Set(found.paths.map((p) => p.entityIds.join(' '))).size).toBe(expected.length);
    expect(found.more).toBe(false);
  });

  it('tells a disconnected pair from one that is only too far apart', () => {
    const m = tinyModel(['a b fact', 'b c fact', 'c d fact', 'x y fact']);
    expect(findPaths(m, 'a', 'x', opts()).reason).toBe('disconnected');
    const far = findPaths(m, 'a', 'd', opts({ maxLength: 2 }));
    expect(far).toMatchObject({ paths: [], reason: 'too-far', shortestLength: 3 });
  });

  it('respects filters: hiding the status or the entity type on the only path cuts it', () => {
    const m = tinyModel(['a b opinion', 'b c fact'], { types: { b: 'organization' } });
    expect(routes(m, 'a', 'c')).toEqual(['a b c']);
    const noOpinions = findPaths(
      m,
      'a',
      'c',
      opts({ filters: filters({ hiddenStatuses: new Set(['opinion']) }) }),
    );
    expect(noOpinions).toMatchObject({ paths: [], reason: 'cut-by-options' });
    const noOrgs = filters({ hiddenEntityTypes: new Set(['organization']) });
    expect(findPaths(m, 'a', 'c', opts({ filters: noOrgs })).reason).toBe('cut-by-options');
    expect(findPaths(m, 'a', 'b', opts({ filters: noOrgs })).reason).toBe('endpoint-filtered');
  });

  it('respects the time range: a dated relation outside it drops out, undated ones stay', () => {
    const m = tinyModel(['a b fact 2016', 'b c fact', 'a x fact 2018', 'x c fact']);
    expect(routes(m, 'a', 'c')).toEqual(['a b c', 'a x c']);
    const in2018 = filters({ timeRange: { from: '2018-01-01', to: '2018-12-31' } });
    expect(routes(m, 'a', 'c', { filters: in2018 })).toEqual(['a x c']);
  });

  it('keeps to a minimum status, taking a longer but firmer route', () => {
    const m = tinyModel(['a b claim', 'b c fact', 'a x fact', 'x y reported', 'y c fact']);
    expect(routes(m, 'a', 'c', { maxPaths: 1 })).toEqual(['a b c']);
    expect(routes(m, 'a', 'c', { weakestStatus: 'reported' })).toEqual(['a x y c']);
    expect(findPaths(m, 'a', 'c', opts({ weakestStatus: 'fact' })).reason).toBe('cut-by-options');
  });

  it('never takes a refuted relation as support, whatever floor is set', () => {
    // The only short route rests on a debunked claim; any floor must drop it, and even "opinion or firmer" does.
    const m = tinyModel(['a b refuted', 'b c fact', 'a x opinion', 'x c fact']);
    expect(routes(m, 'a', 'c')).toEqual(['a b c', 'a x c']);
    expect(routes(m, 'a', 'c', { weakestStatus: 'opinion' })).toEqual(['a x c']);
    expect(routes(m, 'a', 'c', { weakestStatus: 'allegation' })).toEqual([]);
    expect(findPaths(m, 'a', 'c', opts({ weakestStatus: 'allegation' })).reason).toBe('cut-by-options');
  });

  it('keeps to a minimum status per claim: a step passes when some source presents it firmly enough', () => {
    // The memo alleges that Volkov controls the Sea Falcon and the article refutes it: the relation's summary is
    // refuted, but "allegation or firmer" takes it on the memo's word; "claim or firmer" goes round by the port.
    const m = buildModel(fixtureBundle('two-sources'));
    expect(routes(m, 'boris-volkov', 'sea-falcon', { weakestStatus: 'allegation', maxPaths: 1 })).toEqual([
      'boris-volkov sea-falcon',
    ]);
    expect(routes(m, 'boris-volkov', 'sea-falcon', { weakestStatus: 'claim', maxPaths: 1 })).toEqual([
      'boris-volkov harbour-meeting port-ash sea-falcon',
    ]);
  });

  it('counts, with a source set aside, only what the sources shown say towards the minimum status', () => {
    // The article alone refutes that Volkov controls the Sea Falcon: no minimum lets that step through on the
    // memo's word, which only the report relays.
    const m = buildModel(fixtureBundle('two-sources'));
    const shown = (hidden: string) => ({
      weakestStatus: 'allegation' as const,
      maxPaths: 1,
      filters: { ...NO_FILTERS, hiddenSources: new Set([hidden]) },
    });
    expect(routes(m, 'boris-volkov', 'sea-falcon', shown('the-article'))).toEqual([
      'boris-volkov sea-falcon',
    ]);
    expect(routes(m, 'boris-volkov', 'sea-falcon', shown('the-report'))).toEqual([]);
  });

  it('avoids hubs in the middle of a path but not at its ends', () => {
    const spokes = ['h s1 fact', 'h s2 fact', 'h s3 fact', 'h s4 fact'];
    const m = tinyModel(['a h fact', 'h c fact', 'a y fact', 'y z fact', 'z c fact', ...spokes]);
    expect(routes(m, 'a', 'c', { maxPaths: 1 })).toEqual(['a h c']);
    expect(routes(m, 'a', 'c', { maxHubDegree: 3 })).toEqual(['a y z c']);
    expect(routes(m, 'h', 'c', { maxHubDegree: 3, maxPaths: 1 })).toEqual(['h c']);
  });

  it('refuses a path from an entity to itself or to an unknown id', () => {
    const m = tinyModel(['a b fact']);
    expect(findPaths(m, 'a', 'a', opts()).reason).toBe('same-entity');
    expect(findPaths(m, 'a', 'nobody', opts()).reason).toBe('unknown-entity');
  });
});

describe('findPaths on the Trump–Putin dataset', () => {
  it('connects Eric Trump and Vladimir Putin in two steps, through his father and through Russia', () => {
    const result = findPaths(trumpPutin(), 'eric-trump', 'vladimir-putin', opts());
    const two = result.paths.filter((p) => p.steps.length === 2).map((p) => p.entityIds[1]);
    expect(two).toEqual(expect.arrayContaining(['donald-trump', 'russia']));
    expect(result.paths[0]!.steps).toHaveLength(2);
  });

  it('with hubs avoided, goes around Donald Trump and Russia', () => {
    const result = findPaths(trumpPutin(), 'eric-trump', 'vladimir-putin', opts({ maxHubDegree: 20 }));
    for (const p of result.paths) {
      expect(p.entityIds.slice(1, -1)).not.toContain('donald-trump');
      expect(p.entityIds.slice(1, -1)).not.toContain('russia');
    }
  });
});
