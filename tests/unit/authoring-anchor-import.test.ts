import { describe, expect, it } from 'vitest';
import { CSV_TEMPLATE, importCsv } from '../../src/model/authoring/csv';
import { emptyDraft, type Draft } from '../../src/model/authoring/draft';
import { findLenient } from '../../src/model/authoring/lenient';
import { loomCandidates, loomKey } from '../../src/model/authoring/loom';
import { selectorFor } from '../../src/model/authoring/selector';
import { anchorQuote } from '../../src/model/format/anchor';
import type { EntityRecord, RelationType } from '../../src/model/format/schema';

const TEXT =
  'Jane Doe, who joined the council in May 2024, said she would “fight for every street.”\n' +
  'The mayor’s office — as always — declined   to comment.\n' +
  'Jane Doe met John Roe. Jane Doe met John Roe.';

describe('lenient matching', () => {
  it('finds a quote typed with straight quotes, hyphens, other spacing and case, and returns the source’s own span', () => {
    const m = findLenient(TEXT, 'She would "fight for every street."');
    expect(m.found).not.toBeNull();
    const { start, end } = m.found!;
    expect(TEXT.slice(start, end)).toBe('she would “fight for every street.”');
    const dash = findLenient(TEXT, "the mayor's office - as always - declined to comment");
    expect(TEXT.slice(dash.found!.start, dash.found!.end)).toBe(
      'The mayor’s office — as always — declined   to comment',
    );
  });

  it('names the closest sentence and the first difference when the quote is not there', () => {
    const m = findLenient(TEXT, 'The mayor’s office — as always — refused to comment.');
    expect(m.found).toBeNull();
    if (m.found !== null) return;
    expect(TEXT.slice(m.closest!.span.start, m.closest!.span.end)).toBe(
      'The mayor’s office — as always — declined   to comment.',
    );
    expect(m.closest!.hint).toContain('the source has d');
  });
});

describe('selectors', () => {
  it('gives a unique passage no prefix or suffix', () => {
    const sel = { start: TEXT.indexOf('fight'), end: TEXT.indexOf('street') + 6 };
    expect(selectorFor(TEXT, sel)).toEqual({ exact: 'fight for every street' });
  });

  it('adds a prefix and suffix that pick the selected occurrence when the passage occurs twice', () => {
    const second = TEXT.lastIndexOf('Jane Doe met John Roe.');
    const sel = { start: second, end: second + 'Jane Doe met John Roe.'.length };
    const s = selectorFor(TEXT, sel);
    expect(s.exact).toBe('Jane Doe met John Roe.');
    expect(s.prefix).toBeDefined();
    expect(anchorQuote(TEXT, s.exact, s.prefix, s.suffix)).toEqual({
      ok: true,
      start: sel.start,
      end: sel.end,
    });
    const first = TEXT.indexOf('Jane Doe met John Roe.');
    const f = selectorFor(TEXT, { start: first, end: first + 22 });
    expect(anchorQuote(TEXT, f.exact, f.prefix, f.suffix)).toEqual({
      ok: true,
      start: first,
      end: first + 22,
    });
  });
});

const entity = (id: string, type: EntityRecord['type'], name: string): EntityRecord => ({
  id,
  type,
  name,
  description: name,
});
const TYPES: RelationType[] = [
  {
    id: 'member_of',
    label: 'member of',
    inverseLabel: 'has member',
    directed: true,
    domain: ['person'],
    range: ['organization'],
  },
  {
    id: 'knows',
    label: 'knows',
    inverseLabel: 'knows',
    directed: false,
    domain: ['person'],
    range: ['person'],
  },
];

function draftWith(text: string, entities: EntityRecord[]): Draft {
  return {
    ...emptyDraft('k', new Date(0)),
    sources: [
      {
        id: 'src',
        title: 'Src',
        file: 'sources/src.txt',
        publisher: null,
        author: null,
        language: 'en',
        date: null,
        url: null,
      },
    ],
    texts: { src: text },
    relationTypes: TYPES,
    entities,
  };
}

describe('the loom', () => {
  const text =
    'Jane Doe joined the Springfield Council in May. ' +
    'Jane Doe, long a critic of many things in the city and a regular at its meetings for years, now praised John Roe. ' +
    'John Roe thanked her.';
  const entities = [
    entity('jane', 'person', 'Jane Doe'),
    entity('john', 'person', 'John Roe'),
    entity('council', 'organization', 'Springfield Council'),
  ];

  it('lists co-occurring pairs with a type that fits, the closer pair ranked first', () => {
    const c = loomCandidates(draftWith(text, entities));
    const pairs = c.map((x) => `${x.a}>${x.b}:${x.proposedType ?? ''}`);
    expect(pairs).toContain('jane>council:member_of');
    expect(pairs).toContain('jane>john:knows');
    // "Jane Doe joined the Springfield Council" names the two closer than the long second sentence does.
    expect(pairs.indexOf('jane>council:member_of')).toBeLessThan(pairs.indexOf('jane>john:knows'));
    // "her" in the last sentence is Jane Doe, the person the text is about.
    expect(c.some((x) => x.sentence.start === text.indexOf('John Roe thanked') && x.b === 'jane')).toBe(true);
  });

  it('leaves out what was skipped and a sentence already evidence of the pair, and names an existing relation', () => {
    const draft = draftWith(text, entities);
    const all = loomCandidates(draft);
    const first = all.find((x) => x.b === 'council')!;
    const left = loomCandidates(draft, new Set([loomKey(first)]));
    expect(left.some((x) => loomKey(x) === loomKey(first))).toBe(false);
    expect(left.length).toBe(all.length - 1);
    const withRelation: Draft = {
      ...draft,
      quotes: [{ id: 'q1', source: 'src', exact: 'John Roe thanked her.' }],
      relations: [
        { id: 'r1', source: 'jane', target: 'john', type: 'knows', status: 'fact', evidence: ['q1'] },
      ],
    };
    const c = loomCandidates(withRelation).filter((x) => [x.a, x.b].sort().join() === 'jane,john');
    expect(c.length).toBe(1); // the praise sentence; the thanks sentence is its evidence already
    expect(c[0]!.existingRelation).toBe('r1');
  });
});

describe('references in the loom', () => {
  it('reads "they" as the last two people named and "the meeting" as the event named last', () => {
    const text =
      'Jane Doe phoned John Roe on Monday. They disagreed about the budget. ' +
      'The Budget Hearing opened later. Jane Doe left the meeting early.';
    const entities = [
      entity('jane', 'person', 'Jane Doe'),
      entity('john', 'person', 'John Roe'),
      entity('hearing', 'event', 'Budget Hearing'),
    ];
    const c = loomCandidates(draftWith(text, entities));
    const at = (s: string) =>
      c.filter((x) => x.sentence.start === text.indexOf(s)).map((x) => [x.a, x.b].sort().join('+'));
    expect(at('They disagreed')).toEqual(['jane+john']);
    expect(at('Jane Doe left the meeting')).toEqual(['hearing+jane']);
    // Referred to, not named: ranked below the sentence that names both.
    const named = c.find((x) => x.sentence.start === 0)!;
    const implied = c.find((x) => x.sentence.start === text.indexOf('They disagreed'))!;
    expect(named.score).toBeGreaterThan(implied.score);
  });
});

describe('CSV import', () => {
  const text =
    'Jane Doe, who joined the council in May 2024, said she would “fight for every street.” Nobody else spoke.';
  const base = draftWith(text, []);

  it('imports the documented template, finding a straight-quoted quote in a text with curly quotes', () => {
    const r = importCsv(base, CSV_TEMPLATE, 'src', new Date(0));
    expect(r.problems).toEqual([]);
    expect(r.added).toEqual({ entities: 2, relations: 1, quotes: 1 });
    const q = r.draft.quotes[0]!;
    expect(q.exact).toBe(
      'Jane Doe, who joined the council in May 2024, said she would “fight for every street.”',
    );
    expect(anchorQuote(text, q.exact, q.prefix, q.suffix).ok).toBe(true);
    expect(r.draft.relations[0]).toMatchObject({
      source: 'jane-doe',
      target: 'springfield-council',
      type: 'member_of',
      status: 'fact',
      date: '2024-05',
      evidence: [q.id],
    });
    // Importing the same sheets again adds nothing twice.
    const again = importCsv(r.draft, CSV_TEMPLATE, 'src', new Date(0));
    expect(again.added).toEqual({ entities: 0, relations: 0, quotes: 0 });
    expect(again.draft.relations).toHaveLength(1);
  });

  it('lists a row whose quote is not in the source, with the closest sentence, and imports the others', () => {
    const relations = [
      'source,target,type,status,quote',
      'Jane Doe,Springfield City Council,member of,fact,"she would ""fight for every street."""',
      'Jane Doe,Springfield City Council,member_of,claim,"she would fight for every avenue"',
    ].join('\n');
    const r = importCsv(base, { entities: CSV_TEMPLATE.entities, relations }, 'src');
    expect(r.added.relations).toBe(1);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: 'relations', row: 3 });
    expect(r.problems[0]!.message).toMatch(/^row 3: the quote is not in the source/);
    expect(r.problems[0]!.closest).toContain('fight for every street');
    for (const q of r.draft.quotes) expect(anchorQuote(text, q.exact, q.prefix, q.suffix).ok).toBe(true);
  });

  it('refuses sheets with missing columns with one clear message and leaves the draft as it was', () => {
    const r = importCsv(
      base,
      { entities: 'name,kind\nJane Doe,person', relations: CSV_TEMPLATE.relations },
      'src',
    );
    expect(r.draft).toBe(base);
    expect(r.added).toEqual({ entities: 0, relations: 0, quotes: 0 });
    expect(r.problems).toEqual([
      expect.objectContaining({
        file: 'entities',
        row: 1,
        message: expect.stringMatching(
          /^entities\.csv is missing the column "type"; the template's columns are/,
        ),
      }),
    ]);
  });

  it('names an unknown entity, type, status or date by row', () => {
    const relations = [
      'source,target,type,status,date,quote',
      'Nobody,jane-doe,member_of,fact,,Nobody else spoke.',
      'jane-doe,springfield-council,owns,fact,,Nobody else spoke.',
      'jane-doe,springfield-council,member_of,rumour,,Nobody else spoke.',
      'jane-doe,springfield-council,member_of,fact,May 2024,Nobody else spoke.',
    ].join('\n');
    const r = importCsv(base, { entities: CSV_TEMPLATE.entities, relations }, 'src');
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^row 2: no entity "Nobody" \(source\)/),
      expect.stringMatching(/^row 3: "owns" is not a relation type of the draft \(member_of, knows\)/),
      expect.stringMatching(/^row 4: "rumour" is not a status \(fact, /),
      expect.stringMatching(/^row 5: "May 2024" is not a date/),
    ]);
    expect(r.added.relations).toBe(0);
  });
});
