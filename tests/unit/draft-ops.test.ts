import { describe, expect, it } from 'vitest';
import { emptyDraft, type Draft } from '../../src/model/authoring/draft';
import {
  addAlias,
  addEntity,
  addQuote,
  addRelationType,
  addSource,
  cite,
  consequencesOfDeleting,
  deleteEntity,
  deleteQuote,
  deleteRelation,
  deleteSource,
  editQuote,
  editRelation,
  editSource,
  mergeEntities,
  slugify,
  type OpResult,
} from '../../src/model/authoring/draft-ops';
import { checkDraft, compileDraft } from '../../src/model/authoring/draft-ops-compile';
import { draftFromModel } from '../../src/model/authoring/draft-ops-from-model';
import { acceptCandidate } from '../../src/model/authoring/draft-ops-loom';
import { precisionOf, speakerFor } from '../../src/model/authoring/draft-ops-speaker';
import { buildModel } from '../../src/model/core/model-builder';
import { articleBundle } from './fixtures';

const TEXT =
  'Anna Berg met Carl Dahl in Oslo. Dahl denied that he paid Berg. “It never happened,” Dahl said. Dahl denied that he paid Berg.';

const ok = (r: OpResult): { draft: Draft; id: string } => {
  if (!r.ok) throw new Error(r.error);
  return r;
};

/** A draft with one source, two people and a "paid" relation type. */
function base(): Draft {
  let d = ok(addSource(emptyDraft('k'), { title: 'Oslo notes', text: TEXT })).draft;
  d = ok(addEntity(d, { name: 'Anna Berg', type: 'person' })).draft;
  d = ok(addEntity(d, { name: 'Carl Dahl', type: 'person' })).draft;
  d = ok(
    addRelationType(d, {
      label: 'paid',
      inverseLabel: 'was paid by',
      directed: true,
      domain: ['person'],
      range: ['person'],
    }),
  ).draft;
  return d;
}

const denial = { source: 'carl-dahl', target: 'anna-berg', type: 'paid', status: 'denial' } as const;

describe('draft operations', () => {
  it('gives records slug ids that never collide', () => {
    expect(slugify('Zoë O’Neil & Co.', 'x')).toBe('zoe-o-neil-co');
    let d = base();
    d = ok(addEntity(d, { name: 'Anna Berg', type: 'person' })).draft;
    expect(d.entities.map((e) => e.id)).toEqual(['anna-berg', 'carl-dahl', 'anna-berg-2']);
    expect(d.sources[0]).toMatchObject({ id: 'oslo-notes', file: 'sources/oslo-notes.txt', language: 'en' });
  });

  it('refuses a source description the dataset format would refuse, with the field named', () => {
    const d = base();
    expect(editSource(d, 'oslo-notes', { url: 'javascript:alert(1)' })).toEqual({
      ok: false,
      error: 'source "Oslo notes": url: a source link is an http or https URL',
    });
    expect(addSource(d, { title: 'Later', text: 'x', date: '2021-3' })).toMatchObject({ ok: false });
    expect(
      ok(editSource(d, 'oslo-notes', { publisher: 'Oslo Times', date: '2021-03' })).draft.sources[0],
    ).toMatchObject({ publisher: 'Oslo Times', date: '2021-03' });
  });

  it('refuses a quote that is not verbatim in its source, with a one-line reason', () => {
    const d = base();
    const straight = addQuote(d, { source: 'oslo-notes', exact: '"It never happened," Dahl said.' });
    expect(straight).toEqual({
      ok: false,
      error: '""It never happened," Dahl said." is not verbatim in source "oslo-notes"',
    });
    const edited = ok(addQuote(d, { source: 'oslo-notes', exact: 'met Carl Dahl' }));
    expect(editQuote(edited.draft, edited.id, { exact: 'met Carl Dahl in Bergen' }).ok).toBe(false);
    expect(edited.draft.quotes).toHaveLength(1);
  });

  it('refuses a passage that occurs twice unless a prefix or suffix picks one', () => {
    const d = base();
    const twice = 'Dahl denied that he paid Berg.';
    expect(addQuote(d, { source: 'oslo-notes', exact: twice })).toMatchObject({ ok: false });
    const r = ok(addQuote(d, { source: 'oslo-notes', exact: twice, prefix: 'in Oslo. ' }));
    expect(r.draft.quotes[0]).toMatchObject({ exact: twice, prefix: 'in Oslo. ' });
  });

  it('adds a cited passage to the existing relation instead of a duplicate', () => {
    let d = base();
    const first = ok(
      cite(d, denial, { source: 'oslo-notes', exact: 'It never happened', speaker: 'carl-dahl' }),
    );
    d = first.draft;
    const second = ok(
      cite(d, denial, { source: 'oslo-notes', exact: 'Dahl denied that he paid Berg.', prefix: 'Oslo. ' }),
    );
    expect(second.id).toBe(first.id);
    expect(second.draft.relations).toHaveLength(1);
    expect(second.draft.relations[0]!.evidence).toHaveLength(2);
    expect(second.draft.quotes[0]).toMatchObject({ speaker: 'carl-dahl' });
    // A different status is a different statement, so a relation of its own.
    const fact = ok(
      cite(second.draft, { ...denial, status: 'fact' }, { source: 'oslo-notes', exact: 'met' }),
    );
    expect(fact.draft.relations).toHaveLength(2);
  });

  it('refuses a relation whose ends the type does not allow', () => {
    let d = ok(addEntity(base(), { name: 'Oslo', type: 'place' })).draft;
    const r = cite(d, { ...denial, target: 'oslo' }, { source: 'oslo-notes', exact: 'Oslo' });
    expect(r).toEqual({ ok: false, error: '"paid" points to person; Oslo is a place' });
    d = ok(cite(d, denial, { source: 'oslo-notes', exact: 'It never happened' })).draft;
    expect(editRelation(d, d.relations[0]!.id, { target: 'oslo' }).ok).toBe(false);
  });

  it('says what goes with a deleted entity and takes exactly that', () => {
    let d = base();
    d = ok(cite(d, denial, { source: 'oslo-notes', exact: 'It never happened', speaker: 'carl-dahl' })).draft;
    d = ok(addEntity(d, { name: 'Eva Lund', type: 'person' })).draft;
    d = ok(
      cite(
        d,
        { ...denial, target: 'eva-lund' },
        { source: 'oslo-notes', exact: 'It never happened', speaker: 'carl-dahl' },
      ),
    ).draft;
    d = ok(
      cite(
        d,
        { ...denial, source: 'anna-berg', target: 'eva-lund', status: 'fact' },
        { source: 'oslo-notes', exact: 'Anna Berg met' },
      ),
    ).draft;
    const c = consequencesOfDeleting(d, { kind: 'entity', id: 'carl-dahl' });
    expect(c.relations.sort()).toEqual(['carl-dahl-paid-anna-berg', 'carl-dahl-paid-eva-lund']);
    expect(c.quotes).toEqual(['oslo-notes-q1']);
    const after = ok(deleteEntity(d, 'carl-dahl')).draft;
    expect(after.entities.map((e) => e.id)).toEqual(['anna-berg', 'eva-lund']);
    expect(after.relations.map((r) => r.id)).toEqual(['anna-berg-paid-eva-lund']);
    expect(after.quotes.map((q) => q.id)).toEqual(['oslo-notes-q2']);
    expect(checkDraft(after).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('deletes a relation left without evidence when its last quote goes, and a source with its quotes', () => {
    let d = ok(cite(base(), denial, { source: 'oslo-notes', exact: 'It never happened' })).draft;
    expect(consequencesOfDeleting(d, { kind: 'quote', id: 'oslo-notes-q1' }).relations).toEqual([
      'carl-dahl-paid-anna-berg',
    ]);
    expect(ok(deleteQuote(d, 'oslo-notes-q1')).draft.relations).toEqual([]);
    expect(ok(deleteRelation(d, 'carl-dahl-paid-anna-berg')).draft.quotes).toEqual([]);
    d = ok(deleteSource(d, 'oslo-notes')).draft;
    expect([d.sources, d.quotes, d.relations, d.texts]).toEqual([[], [], [], {}]);
  });

  it('merges an entity into another: names become aliases, references follow', () => {
    let d = ok(addEntity(base(), { name: 'Dahl', type: 'person' })).draft;
    d = ok(
      cite(
        d,
        { ...denial, source: 'dahl' },
        { source: 'oslo-notes', exact: 'It never happened', speaker: 'dahl' },
      ),
    ).draft;
    d = ok(mergeEntities(d, 'carl-dahl', 'dahl')).draft;
    expect(d.entities.find((e) => e.id === 'carl-dahl')!.aliases).toEqual(['Dahl']);
    expect(d.relations[0]).toMatchObject({ source: 'carl-dahl' });
    expect(d.quotes[0]).toMatchObject({ speaker: 'carl-dahl' });
    expect(ok(addAlias(d, 'carl-dahl', 'Dahl')).draft.entities).toEqual(d.entities);
  });
});

describe('a draft checked and compiled', () => {
  it('reports what npm run validate reports, each problem naming its record', () => {
    const d = base();
    const withBadQuote: Draft = {
      ...d,
      quotes: [{ id: 'bad', source: 'oslo-notes', exact: 'never said this' }],
      relations: [
        {
          id: 'r',
          source: 'carl-dahl',
          target: 'anna-berg',
          type: 'paid',
          status: 'fact',
          evidence: ['bad'],
        },
      ],
    };
    const errors = checkDraft(withBadQuote).filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.code, p.record])).toEqual([
      ['quote-not-found', { kind: 'quote', id: 'bad' }],
    ]);
    const badId = checkDraft({ ...d, dataset: { id: 'Oslo Notes', title: 'Oslo' } });
    expect(badId.map((p) => [p.code, p.record])).toContainEqual(['schema', { kind: 'dataset', id: '' }]);
  });

  it('draws what is sound and leaves out a relation whose quote does not anchor', () => {
    let d = ok(
      cite(base(), denial, { source: 'oslo-notes', exact: 'It never happened', speaker: 'carl-dahl' }),
    ).draft;
    d = {
      ...d,
      relations: [
        ...d.relations,
        {
          id: 'loose',
          source: 'anna-berg',
          target: 'carl-dahl',
          type: 'paid',
          status: 'fact',
          evidence: ['nope'],
        },
      ],
    };
    const { model, search } = compileDraft(d);
    expect([...model.relations.keys()]).toEqual(['carl-dahl-paid-anna-berg']);
    expect(model.quotes.get('oslo-notes-q1')).toMatchObject({
      start: TEXT.indexOf('It never'),
      speaker: 'carl-dahl',
    });
    expect(search.search('Berg')[0]?.id).toBe('anna-berg');
    expect(compileDraft(emptyDraft('e')).model.entities.size).toBe(0);
  });

  it('turns the bundled article back into a draft that validates and compiles to the same graph', () => {
    const bundle = articleBundle();
    const model = buildModel(bundle);
    const draft = draftFromModel(model, 'article')!;
    expect(checkDraft(draft).filter((p) => p.severity === 'error')).toEqual([]);
    // As quotes.json holds them: one speaker as `speaker`, a joint statement's as `speakers` alone.
    expect(draft.quotes).toEqual(
      bundle.quotes.map(({ sourceId, start: _s, end: _e, speaker, speakers, ...q }) => ({
        ...q,
        source: sourceId,
        ...(speakers && speakers.length > 1 ? { speakers } : speaker ? { speaker } : {}),
      })),
    );
    const again = compileDraft(draft).model;
    expect([...again.relations.keys()]).toEqual(bundle.relations.map((r) => r.id));
    expect(again.relations.get(bundle.relations[0]!.id)).toEqual(bundle.relations[0]);
  });
});

describe('the loom and the cite form, read into draft steps', () => {
  const sentenceOf = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });

  it('accepts a loom sentence as a relation, or as more evidence for the pair it names', () => {
    const d = base();
    const candidate = {
      sourceId: 'oslo-notes',
      sentence: sentenceOf('“It never happened,” Dahl said.'),
      a: 'carl-dahl',
      b: 'anna-berg',
      score: 1,
      proposedType: 'paid',
      proposal: { status: 'claim' as const, cue: 'said', speakerName: 'Dahl', dates: [], entityIds: [] },
    };
    const made = ok(acceptCandidate(d, candidate));
    expect(made.draft.relations).toEqual([
      expect.objectContaining({ source: 'carl-dahl', target: 'anna-berg', type: 'paid', status: 'claim' }),
    ]);
    // "Dahl", the surname of exactly one person, is taken as that person.
    expect(made.draft.quotes[0]).toMatchObject({
      exact: '“It never happened,” Dahl said.',
      speaker: 'carl-dahl',
    });
    const more = ok(
      acceptCandidate(made.draft, {
        ...candidate,
        sentence: sentenceOf('Anna Berg met Carl Dahl in Oslo.'),
        existingRelation: made.id,
        proposal: { status: 'fact', dates: [], entityIds: [] },
      }),
    );
    expect(more.draft.relations).toHaveLength(1);
    expect(more.draft.relations[0]!.evidence).toHaveLength(2);
    expect(acceptCandidate(d, { ...candidate, proposedType: undefined })).toMatchObject({ ok: false });
  });

  it('names a date’s precision, and refuses to guess a speaker two people could be', () => {
    expect(['2021-03-12', '2021-03', '2021', '1990s'].map(precisionOf)).toEqual([
      'day',
      'month',
      'year',
      'decade',
    ]);
    expect(precisionOf('March')).toMatch(/^not a date/);
    const d = ok(addEntity(base(), { name: 'Eva Dahl', type: 'person' })).draft;
    expect(speakerFor('Dahl', d.entities)).toBeUndefined();
    expect(speakerFor('Carl Dahl’s', d.entities)).toBe('carl-dahl');
  });
});
