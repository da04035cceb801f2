import { describe, expect, it } from 'vitest';
import { NO_FILTERS, type Filters } from '../../src/model/core/filters';
import { resolveView } from '../../src/features/share/resolve-view';
import { decodeView, encodeView, MAX_LINK_CHARS } from '../../src/features/share/view-codec';
import type { ViewState } from '../../src/store/view-state';
import { hostileModel } from './export-fixture';

const model = hostileModel();
const view: ViewState = {
  visible: new Set(['ann', 'bob', 'club']),
  addedBy: new Map([['club', 'ann']]),
  positions: new Map([
    ['ann', { x: 10.4, y: -20.6 }],
    ['bob', { x: 200, y: 40.5 }],
    ['club', { x: -3000.2, y: 7 }],
  ]),
};
const filters: Filters = {
  hiddenEntityTypes: new Set(['event']),
  hiddenRelationTypes: new Set(['met']),
  hiddenStatuses: new Set(['opinion', 'denial']),
  timeRange: { from: '1990-01-01', to: '2005-12-31' },
};
const link = encodeView('hostile', view, { kind: 'entity', id: 'bob' }, filters);

const restore = (fragment: string) => {
  const decoded = decodeView(fragment);
  if (!decoded) throw new Error('not a view link');
  return resolveView(decoded, model);
};

describe('view links', () => {
  it('are compact and readable, with positions rounded', () => {
    expect(link).toBe(
      'v=1;d=hostile;s=e.bob;ht=event;hr=met;hs=opinion,denial;tr=1990-01-01_2005-12-31;e=ann,bob,club;p=10_-21,200_41,-3000_7;a=2.0;z',
    );
  });

  it('restore the same entities, positions, expansions, selection and filters', () => {
    const r = restore('#' + link)!;
    expect(r.problems).toEqual([]);
    expect([...r.view.visible]).toEqual(['ann', 'bob', 'club']);
    expect(r.view.positions.get('ann')).toEqual({ x: 10, y: -21 });
    expect(r.view.positions.get('club')).toEqual({ x: -3000, y: 7 });
    expect([...r.view.addedBy]).toEqual([['club', 'ann']]);
    expect(r.selection).toEqual({ kind: 'entity', id: 'bob' });
    expect(r.filters).toEqual(filters);
  });

  it('round-trip an empty selection, no filters and a relation selection', () => {
    const plain = encodeView('hostile', view, null, NO_FILTERS);
    expect(restore(plain)!.selection).toBeNull();
    expect(restore(plain)!.filters).toEqual(NO_FILTERS);
    const rel = encodeView('hostile', view, { kind: 'relation', id: 'ann-praised-bob' }, NO_FILTERS);
    expect(restore(rel)!.selection).toEqual({ kind: 'relation', id: 'ann-praised-bob' });
    const pair = encodeView('hostile', view, { kind: 'pair', id: 'ann~bob' }, NO_FILTERS);
    expect(pair).toContain('s=p.ann~bob');
    expect(restore(pair)!.selection).toEqual({ kind: 'pair', id: 'ann~bob' });
    // A pair naming something other than two entity ids is dropped with a word, not selected.
    expect(decodeView(pair.replace('p.ann~bob', 'p.ann~<b>'))!.problems).toContain(
      'the selection in the link is not valid',
    );
  });

  it('carry how the graph is drawn, only when it is not the default', () => {
    expect(encodeView('hostile', view, null, NO_FILTERS)).not.toContain(';o=');
    const drawn = { nodeSize: 'pagerank', colour: 'community', parallel: 'separate' } as const;
    const link = encodeView('hostile', view, null, NO_FILTERS, drawn);
    expect(link).toContain(';o=pagerank.community.separate;');
    expect(decodeView(link)!.link.display).toEqual(drawn);
    const tampered = decodeView(link.replace('o=pagerank.community.separate', 'o=pagerank.<img>.separate'))!;
    expect(tampered.link.display).toBeNull();
    expect(tampered.problems).toContain('the display options in the link are not valid');
  });

  it('ignore fragments that are not view links', () => {
    expect(decodeView('')).toBeNull();
    expect(decodeView('#section-2')).toBeNull();
  });

  it('restore what they can from unknown ids and say what was dropped', () => {
    const r = restore('v=1;d=hostile;s=e.ghost;hr=met,nope;e=ann,ghost,bob,phantom;p=1_1,2_2,3_3,4_4;z')!;
    expect([...r.view.visible]).toEqual(['ann', 'bob']);
    expect(r.view.positions.get('bob')).toEqual({ x: 3, y: 3 });
    expect(r.selection).toBeNull();
    expect(r.filters.hiddenRelationTypes).toEqual(new Set(['met']));
    expect(r.problems.join('; ')).toMatch(/"ghost", "phantom" are not in this dataset/);
    expect(r.problems.join('; ')).toMatch(/selected entity "ghost"/);
    expect(r.problems.join('; ')).toMatch(/"nope"/);
  });

  it('restore the beginning of a truncated link and say it was cut short', () => {
    const cut = link.slice(0, link.indexOf('p=') + 9); // ends inside the positions
    const r = restore(cut)!;
    expect([...r.view.visible]).toEqual(['ann', 'bob', 'club']);
    expect(r.view.positions.get('ann')).toEqual({ x: 10, y: -21 });
    expect(r.view.positions.has('club')).toBe(false);
    expect(r.problems).toContain('the link looks cut short');
    // Cut inside the entity list: the partial last id is unknown and reported.
    const r2 = restore(link.slice(0, link.indexOf(';e=') + 9))!;
    expect([...r2.view.visible]).toEqual(['ann']);
    expect(r2.problems.join('; ')).toMatch(/"bo" is not in this dataset/);
  });

  it('survive tampering: hostile strings, bad numbers, bad indices, wrong types', () => {
    const hostile = [
      'v=1;d=hostile;s=e.<script>alert(1)</script>;ht=person,"><img src=x>;hs=fact,__proto__;tr=2020-01-01_1990-01-01;',
      'e=ann,<b>x</b>,bob,constructor&x=1;p=1e9_2,NaN_0,99999999_1,5_5;a=0.99,1.0,x.y,0.0;z',
    ].join('');
    const r = restore(hostile)!;
    expect([...r.view.visible]).toEqual(['ann', 'bob']);
    expect(r.view.positions.size).toBe(0);
    expect(r.view.addedBy.size).toBe(0);
    expect(r.selection).toBeNull();
    expect([...r.filters.hiddenEntityTypes]).toEqual(['person']);
    expect([...r.filters.hiddenStatuses]).toEqual(['fact']);
    expect(r.filters.timeRange).toBeNull();
    expect(r.problems.length).toBeGreaterThanOrEqual(5);
    for (const p of r.problems) expect(p).not.toMatch(/<script|<img|<b>/);
  });

  it('never throw on arbitrary input', () => {
    const samples = [
      'v=1',
      'v=1;',
      'v=1;z',
      'v=2;d=x;z',
      'v=1;d=;e=;z',
      'v=1;=;;==;e=,,,;z',
      'v=1;d=%E0%A4%A;z',
      'v=1;e=' + 'a,'.repeat(10_000),
    ];
    for (let i = 0; i < 200; i++) samples.push(link.slice(0, i));
    for (const s of samples) expect(() => decodeView(s) && resolveView(decodeView(s)!, model)).not.toThrow();
    expect(decodeView('v=1;d=hostile;e=ann;z;' + 'x'.repeat(MAX_LINK_CHARS))!.problems).toEqual([
      'the link is too long to be a view',
    ]);
  });

  it('do not apply to another dataset or to a link without known entities', () => {
    expect(restore(encodeView('other-dataset', view, null, NO_FILTERS))).toBeNull();
    expect(restore('v=1;d=hostile;e=ghost;z')).toBeNull();
    expect(decodeView('v=2;d=hostile;e=ann;z')!.problems[0]).toMatch(/another version/);
  });
});
