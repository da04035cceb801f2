import { describe, expect, it } from 'vitest';
import type { EntityRecord } from '../../src/model/format/schema';
import { buildEntitySearch } from '../../src/model/search/search';
import { indexEntities } from '../../src/model/search/search-index';

const person = (id: string, name: string, aliases?: string[]): EntityRecord =>
  ({ id, type: 'person', name, ...(aliases ? { aliases } : {}) }) as EntityRecord;

const entities = [
  person('joanne-annan', 'Joanne Annan'),
  person('annabel-lee', 'Annabel Lee'),
  person('anna-berg', 'Anna Berg'),
  person('ann', 'Ann'),
  person('bo-lind', 'Bo Lind', ['Annika']),
  person('zoe-ng', 'Zoë Ng'),
  person('sam-ashdown', 'Sam Ashdown'),
];
const search = buildEntitySearch(entities);
const ids = (q: string, limit?: number) => search.search(q, limit).map((h) => h.id);

describe('entity search order', () => {
  it('puts an exact name first, then names starting with the query (shorter first), then other words', () => {
    expect(ids('ann')).toEqual(['ann', 'anna-berg', 'annabel-lee', 'bo-lind', 'joanne-annan']);
  });

  it('ranks a name match above an alias match of the same kind', () => {
    expect(ids('Ann').indexOf('annabel-lee')).toBeLessThan(ids('Ann').indexOf('bo-lind'));
  });

  it('matches every word of a multi-word query as a prefix, in any field', () => {
    expect(ids('Jo Ann')).toEqual(['joanne-annan']);
    expect(ids('bo annik')).toEqual(['bo-lind']);
  });

  it('ignores case, accents and punctuation', () => {
    expect(ids('ZOE')).toEqual(['zoe-ng']);
    expect(ids('anna-berg')).toEqual(['anna-berg']);
  });

  it('corrects a typo only after the prefix matches, and only in longer words', () => {
    expect(ids('Ashdwon')).toEqual(['sam-ashdown']);
    expect(ids('Anna Berk')).toEqual(['anna-berg']);
    expect(ids('Ng')).toEqual(['zoe-ng']);
    expect(ids('Nq')).toEqual([]);
  });

  it('stops at the limit and keeps the best', () => {
    expect(ids('ann', 2)).toEqual(['ann', 'anna-berg']);
  });

  it('scores hits in decreasing order', () => {
    const scores = search.search('ann').map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('builds an index a worker can post: sorted arrays and nothing else', () => {
    const index = indexEntities(entities);
    expect(structuredClone(index)).toEqual(index);
    expect(index.phrases).toEqual([...index.phrases].sort());
    expect(index.terms).toEqual([...index.terms].sort());
  });
});
