/** The validator's rules for claims, answers, asserters, joint speakers, declared entity types and relative dates. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderReader } from '../../scripts/dataset-files';
import type { Problem } from '../../src/model/format/problems';
import { validateDatasetFolder } from '../../src/model/format/validate-folder';
import { validateBundleText } from '../../src/model/format/validate-bundle';
import { FIXTURES, fixtureBundle } from './fixtures';

type Json = Record<string, unknown>;
type Relation = Json & { id: string; evidence: Array<string | Json> };

/** two-sources with one file changed in memory. */
function validateChanged(file: string, change: (json: Json) => void) {
  const real = folderReader(join(FIXTURES, 'two-sources'));
  return validateDatasetFolder('two-sources', (f) => {
    const text = real(f);
    if (f !== file || typeof text !== 'string') return text;
    const json = JSON.parse(text) as Json;
    change(json);
    return JSON.stringify(json, null, 2);
  });
}
const relation = (json: Json, id: string) => (json.relations as Relation[]).find((r) => r.id === id)!;
const codes = (problems: Problem[]) => problems.map((p) => [p.severity, p.code, p.pointer]);
const errors = (problems: Problem[]) => codes(problems.filter((p) => p.severity === 'error'));

describe('validating the evidence model', () => {
  it('warns when an allegation or claim names nobody who makes it', () => {
    const { problems, bundle } = validateChanged('relations.json', (json) => {
      relation(json, 'volkov-paid-mercer').evidence[0] = 'q-memo-paid';
    });
    expect(codes(problems)).toEqual([['warning', 'unattributed-claim', '/relations/7/evidence/0']]);
    expect(problems[0]!.message).toMatch(/allegation resting on quote "q-memo-paid" names nobody/);
    expect(bundle).toBeDefined();
  });

  it('checks what a whole relation answers: another relation, and only as a denial or refutation', () => {
    const nowhere = validateChanged('relations.json', (json) => {
      relation(json, 'sea-falcon-never-docked').answers = 'sea-falcon-sank';
    });
    expect(codes(nowhere.problems)).toEqual([['error', 'dangling-answer', '/relations/6/answers']]);
    expect(nowhere.problems[0]!.message).toBe('no relation with id "sea-falcon-sank"');

    const itself = validateChanged('relations.json', (json) => {
      relation(json, 'sea-falcon-never-docked').answers = 'sea-falcon-never-docked';
    });
    expect(codes(itself.problems)).toEqual([['error', 'dangling-answer', '/relations/6/answers']]);

    const affirming = validateChanged('relations.json', (json) => {
      relation(json, 'northwind-owns-sea-falcon').answers = 'sea-falcon-docked-port-ash';
    });
    expect(codes(affirming.problems)).toEqual([['error', 'answer-not-negating', '/relations/4/answers']]);
    expect(affirming.problems[0]!.message).toMatch(/this relation is a fact/);
  });

  it('refuses a claim that answers its own quote, and a relative date of an unknown source', () => {
    const itself = validateChanged('relations.json', (json) => {
      relation(json, 'volkov-paid-mercer').evidence[1] = {
        quote: 'q-mercer-denies',
        status: 'denial',
        answers: 'q-mercer-denies',
      };
    });
    expect(codes(itself.problems)).toEqual([['error', 'dangling-answer', '/relations/7/evidence/1/answers']]);
    expect(itself.problems[0]!.message).toBe('a claim cannot answer its own quote');
    const unknown = validateChanged('relations.json', (json) => {
      relation(json, 'mercer-met-volkov').date = { asWritten: 'Tuesday', source: 'the-blog' };
    });
    expect(codes(unknown.problems)).toEqual([['error', 'dangling-reference', '/relations/0/date/source']]);
  });

  it('lets a claim answer another relation by id', () => {
    const { problems } = validateChanged('relations.json', (json) => {
      relation(json, 'volkov-paid-mercer').evidence[1] = {
        quote: 'q-mercer-denies',
        status: 'denial',
        answers: 'mercer-met-volkov',
      };
    });
    expect(problems).toEqual([]);
  });

  it('refuses an asserter or joint speaker that cannot speak, and an unknown joint speaker', () => {
    const place = validateChanged('relations.json', (json) => {
      relation(json, 'volkov-paid-mercer').evidence[0] = { quote: 'q-memo-paid', assertedBy: ['port-ash'] };
    });
    expect(codes(place.problems)).toEqual([
      ['error', 'speaker-not-person', '/relations/7/evidence/0/assertedBy/0'],
    ]);
    const unknown = validateChanged('quotes.json', (json) => {
      (json.quotes as Json[])[8]!.speakers = ['northwind-shipping', 'atlantis'];
    });
    expect(errors(unknown.problems)).toEqual([['error', 'unknown-asserter', '/quotes/8/speakers/1']]);
  });

  it('lets a document speak: a memo makes allegations', () => {
    const { problems } = validateChanged('quotes.json', (json) => {
      (json.quotes as Json[])[4]!.speaker = 'kestrel-memo';
    });
    expect(problems).toEqual([]);
  });

  it('checks declared entity types: names in domain and range, no redeclared base type, subtypes admitted by their base', () => {
    const range = validateChanged('relation-types.json', (json) => {
      (json.relationTypes as Json[])[4]!.domain = ['ship'];
    });
    expect(codes(range.problems)).toEqual([['error', 'unknown-entity-type', '/relationTypes/4/domain/0']]);
    const base = validateChanged('entity-types.json', (json) => {
      (json.entityTypes as Json[]).push({ id: 'person', label: 'Human', base: 'person' });
    });
    expect(codes(base.problems)).toEqual([['error', 'duplicate-id', '/entityTypes/1/id']]);
    // "controls" ranges over organizations: the Sea Falcon passes as a vessel declared over organization, not over place.
    const notSubtype = validateChanged('entity-types.json', (json) => {
      (json.entityTypes as Json[])[0]!.base = 'place';
    });
    expect(codes(notSubtype.problems)).toEqual([['error', 'range-violation', '/relations/8/target']]);
  });

  it('refuses an entity type file that is there but malformed, and reads a dataset without one', () => {
    const bad = validateChanged('entity-types.json', (json) => {
      (json.entityTypes as Json[])[0]!.base = 'ship';
    });
    expect(bad.problems[0]).toMatchObject({ code: 'schema', pointer: '/entityTypes/0/base' });
  });
});

describe('bundles of the evidence model', () => {
  it('compiles claims beside evidence, answers, joint speakers, declared types and resolved dates with their written form', () => {
    const b = fixtureBundle('two-sources');
    expect(b.version).toBe(2);
    expect(b.entityTypes).toEqual([
      { id: 'vessel', label: 'Vessel', base: 'organization', description: expect.any(String) },
    ]);
    const byId = new Map(b.relations.map((r) => [r.id, r]));
    expect(byId.get('mercer-met-volkov')).toMatchObject({
      evidence: ['q-report-met', 'q-article-met'],
      claims: [
        { quote: 'q-report-met', status: 'fact' },
        { quote: 'q-article-met', status: 'claim' },
      ],
      date: '2019-04-16',
      dateWritten: { asWritten: 'Tuesday', sourceId: 'the-article', sourceDate: '2019-04-20' },
    });
    expect(byId.get('sea-falcon-docked-port-ash')!.date).toBe('2019-03-28');
    expect(byId.get('sea-falcon-never-docked')!.answers).toBe('sea-falcon-docked-port-ash');
    expect(byId.get('northwind-owns-sea-falcon')!.claims).toBeUndefined();
    const joint = b.quotes.find((q) => q.id === 'q-joint')!;
    expect([joint.speaker, joint.speakers]).toEqual([
      'northwind-shipping',
      ['northwind-shipping', 'ruritania'],
    ]);
  });

  it('passes its own bundle check, and still loads a version 1 bundle', () => {
    const b = fixtureBundle('two-sources');
    expect(validateBundleText(JSON.stringify(b), 'b.json').problems).toEqual([]);
    const v1 = fixtureBundle('valid-minimal');
    const old = {
      ...v1,
      version: 1,
      quotes: v1.quotes.map(({ speakers: _s, ...q }) => q),
    };
    const loaded = validateBundleText(JSON.stringify(old), 'old.json');
    expect(loaded.problems).toEqual([]);
    expect(loaded.bundle!.quotes[0]!.speaker).toBe('charles-babbage');
  });

  it('refuses a bundle whose claims do not follow its evidence one for one', () => {
    const b = fixtureBundle('two-sources');
    const met = b.relations.find((r) => r.id === 'mercer-met-volkov')!;
    met.claims = [...met.claims!].reverse();
    const { problems } = validateBundleText(JSON.stringify(b), 'b.json');
    expect(problems).toEqual([
      expect.objectContaining({ code: 'schema', pointer: '/relations/0/claims', file: 'b.json' }),
    ]);
  });

  it('refuses a bundle quote whose speaker is not the first of its speakers', () => {
    const b = fixtureBundle('two-sources');
    b.quotes.find((q) => q.id === 'q-joint')!.speaker = 'ruritania';
    expect(codes(validateBundleText(JSON.stringify(b), 'b.json').problems)).toEqual([
      ['error', 'speaker-and-speakers', '/quotes/8/speaker'],
    ]);
  });
});
