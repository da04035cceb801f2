import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/core/model-builder';
import { subgraphOf } from '../../src/model/core/subgraph';
import { NO_FILTERS } from '../../src/model/core/filters';
import { embedData, embedJson, EMBED_LIMITS } from '../../src/model/embed/embed-data';
import { embedPage, scriptForPage } from '../../src/model/embed/embed-page';
import { articleBundle } from './fixtures';

const model = buildModel(articleBundle());

describe('what an embed carries', () => {
  const sub = subgraphOf(model, ['eric-trump', 'russia', 'donald-trump'], NO_FILTERS);
  const result = embedData(model, sub, new Map([['eric-trump', { x: 1.4, y: 2.6 }]]), null, 'credit');

  it('the drawn entities, their relations worded with status, and each quote in its sentence', () => {
    if (!('data' in result)) throw new Error(result.error);
    expect(result.data.entities.map((e) => e.id).sort()).toEqual(['donald-trump', 'eric-trump', 'russia']);
    expect(result.data.entities.find((e) => e.id === 'eric-trump')).toMatchObject({ x: 1, y: 3 });
    const golf = result.data.relations.find(
      (r) => r.target === 'russia' && r.quotes.some((q) => q.exact.includes('golf courses')),
    )!;
    expect(golf.sentence).toMatch(/^(Reported|Claimed)/);
    const q = golf.quotes.find((x) => x.exact.includes('golf courses'))!;
    expect(q.source.title).toContain('Trump');
    expect(`${q.before}${q.exact}${q.after}`.length).toBeGreaterThanOrEqual(q.exact.length);
  });

  it('says why when there is nothing to embed or too much', () => {
    expect(embedData(model, { entityIds: [], relations: [] }, new Map(), null, '')).toEqual({
      error: 'Nothing is drawn: there is nothing to embed.',
    });
    const many = {
      entityIds: Array.from({ length: EMBED_LIMITS.entities + 1 }, (_, i) => `e${i}`),
      relations: [],
    };
    expect(embedData(model, many, new Map(), null, '')).toHaveProperty('error');
  });

  it('no dataset text can close the data element or the script', () => {
    if (!('data' in result)) throw new Error(result.error);
    const hostile = { ...result.data, title: '</script><script>alert(1)</script>' };
    expect(embedJson(hostile)).not.toContain('</script');
    const page = embedPage(hostile, 'var s="</script>";', 'hash');
    expect(page.match(/<\/script>/g)!.length).toBe(2);
    expect(page).toContain('<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(scriptForPage('a</SCRIPT>b')).toBe('a<\\/SCRIPT>b');
  });
});
