import { describe, expect, it } from 'vitest';
import { findMentions, mentionKey } from '../../src/model/authoring/mentions';
import { suggestMerges } from '../../src/model/authoring/merges';
import { proposeFor, proposeRelationTypes } from '../../src/model/authoring/proposals';
import { splitSentences } from '../../src/model/authoring/sentences';
import type { EntityRecord, RelationType } from '../../src/model/format/schema';

const person = (id: string, name: string, aliases?: string[]): EntityRecord => ({
  id,
  type: 'person',
  name,
  description: name,
  ...(aliases ? { aliases } : {}),
});
const of = (text: string, part: string) => {
  const start = text.indexOf(part);
  if (start === -1) throw new Error(`"${part}" is not in the fixture`);
  return { start, end: start + part.length };
};

describe('sentences', () => {
  it('splits at full stops but not after abbreviations, initials or inside a quotation', () => {
    const text =
      'The U.S. President met Mr. Smith in Washington, D.C. on Friday. He said, “We agree. We will sign.” Then he left.\nA heading';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'The U.S. President met Mr. Smith in Washington, D.C. on Friday.',
      'He said, “We agree. We will sign.”',
      'Then he left.',
      'A heading',
    ]);
  });

  it('ends a sentence after a word that merely ends in a letter, such as a decade', () => {
    const text = 'He registered trademarks there since the 1990s. His son spoke.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'He registered trademarks there since the 1990s.',
      'His son spoke.',
    ]);
  });
});

describe('mention grouping', () => {
  it('keys a name without case, possessive, leading "the" or title', () => {
    expect(mentionKey('Trump’s')).toBe('trump');
    expect(mentionKey("the Kremlin's")).toBe('kremlin');
    expect(mentionKey('President Putin')).toBe('putin');
    expect(mentionKey('U.S.')).toBe('us');
  });

  it('groups "Donald Trump", "Trump" and "Trump’s" under one person, with counts and spans', () => {
    const text =
      'Donald Trump met Angela Merkel in Berlin. Later, Trump’s aides said Trump was tired. Merkel left for Paris.';
    const mentions = findMentions(text);
    const trump = mentions.find((m) => m.key === 'donald trump');
    expect(trump).toMatchObject({ label: 'Donald Trump', tag: 'person', entityType: 'person', count: 3 });
    expect(trump!.forms.sort()).toEqual(['Donald Trump', 'Trump']);
    expect(trump!.spans.map((s) => text.slice(s.start, s.end))).toEqual(['Donald Trump', 'Trump', 'Trump']);
    expect(mentions.find((m) => m.key === 'angela merkel')?.count).toBe(2);
    expect(mentions.some((m) => m.key === 'trump')).toBe(false);
    expect(mentions.find((m) => m.key === 'berlin')?.tag).toBe('place');
  });

  it('does not fold a surname two people share, and skips sentence-initial words and shouting', () => {
    const text =
      'Eric Trump and Donald Trump Jr. spoke. Later Ivana Trump arrived. Trump was absent, they called it a HOAX. Perhaps Smith knew.';
    const keys = findMentions(text).map((m) => m.key);
    expect(keys).toContain('trump');
    expect(keys).not.toContain('perhaps');
    expect(keys).not.toContain('hoax');
    expect(keys).not.toContain('later');
  });

  it('keeps a name written with digits, such as a summit', () => {
    const keys = findMentions('Trump met Putin at the 2018 G20 in Buenos Aires.').map((m) => m.key);
    expect(keys).toContain('2018 g20');
  });
});

describe('merge suggestions', () => {
  it('suggests merging entities that share a name or whose surname is the other', () => {
    const merges = suggestMerges([
      person('donald-trump', 'Donald Trump', ['Trump']),
      person('trump', 'Trump’s'),
      person('steele', 'Steele'),
      person('christopher-steele', 'Christopher Steele'),
      person('jane', 'Jane Roe'),
    ]);
    expect(merges).toContainEqual(expect.objectContaining({ keep: 'donald-trump', merge: 'trump' }));
    expect(merges).toContainEqual(expect.objectContaining({ keep: 'christopher-steele', merge: 'steele' }));
    expect(merges.some((m) => m.keep === 'jane' || m.merge === 'jane')).toBe(false);
  });
});

const ENTITIES: EntityRecord[] = [
  person('donald-trump', 'Donald Trump', ['Trump']),
  person('vladimir-putin', 'Vladimir Putin', ['Putin']),
  { id: 'nbc', type: 'media', name: 'NBC', description: 'NBC' },
  { id: 'russia', type: 'country', name: 'Russia', description: 'Russia' },
];

describe('status from cue words', () => {
  const status = (text: string) => proposeFor(text, { start: 0, end: text.length }, ENTITIES, null);
  it.each([
    ['Putin is accused of meddling in the vote.', 'allegation', 'accused'],
    ['Trump denied any contact with Putin.', 'denial', 'denied'],
    ['Putin rejected the offer from Trump.', 'denial', 'rejected'],
    ['Trump reportedly met Putin twice.', 'reported', 'reportedly'],
    ['According to NBC, Trump met Putin.', 'reported', 'According to'],
    ['Trump said he trusts Putin.', 'claim', 'said'],
    ['Trump told NBC that Putin is strong.', 'claim', 'told'],
    ['Perhaps Trump simply admires Putin.', 'opinion', 'Perhaps'],
    ['Trump met Putin in Helsinki.', 'fact', undefined],
  ])('%s → %s', (text, expected, cue) => {
    const p = status(text);
    expect(p.status).toBe(expected);
    expect(p.cue).toBe(cue);
  });

  it('ignores cue words inside quotation marks: they are the speaker’s, not the author’s', () => {
    expect(status('Trump met Putin after “a great meeting, perhaps the best” in Helsinki.').status).toBe(
      'fact',
    );
  });
});

describe('speaker proposals', () => {
  it('takes the speaker from the attribution: the name before the verb, a pronoun resolved, or the name after it', () => {
    const a = 'Trump said Putin was strong.';
    expect(proposeFor(a, of(a, 'Putin was strong'), ENTITIES, null)).toMatchObject({
      status: 'claim',
      speakerId: 'donald-trump',
      speakerName: 'Donald Trump',
    });
    const b = 'Putin spoke first. Later he denied that Russia interfered.';
    expect(proposeFor(b, of(b, 'he denied that Russia interfered'), ENTITIES, null)).toMatchObject({
      status: 'denial',
      speakerId: 'vladimir-putin',
    });
    const c = '“We fell in love,” said Trump about Putin.';
    expect(proposeFor(c, of(c, 'We fell in love'), ENTITIES, null).speakerId).toBe('donald-trump');
  });

  it('gives a quotation without a cue word the person it is attributed to, not an owner named by a possessive', () => {
    const family = [...ENTITIES, person('eric-trump', 'Eric Trump', ['Eric'])];
    // Three words in quotation marks, a phrase rather than a quoted sentence: no cue, so a fact.
    const a = 'Putin met reporters. “Very talented man,” he once remarked of Trump.';
    expect(proposeFor(a, { start: 0, end: a.length }, family, null)).toMatchObject({
      status: 'fact',
      speakerId: 'vladimir-putin',
    });
    const b = 'Trump spoke first. His son, Eric, admitted in 2014 that “we have all the funding we need.”';
    expect(proposeFor(b, of(b, 'His son, Eric, admitted'), family, null).speakerId).toBe('eric-trump');
    const c = 'Trump met Putin in Helsinki.';
    expect(proposeFor(c, { start: 0, end: c.length }, family, null).speakerId).toBeUndefined();
  });

  it('lists the entities in and around the selection, closest first', () => {
    const text = 'Russia hosted the talks. Trump met Putin there.';
    expect(proposeFor(text, of(text, 'Putin'), ENTITIES, null).entityIds).toEqual([
      'vladimir-putin',
      'donald-trump',
      'russia',
    ]);
  });
});

describe('date proposals', () => {
  const dates = (text: string, sourceDate: string | null = null) =>
    proposeFor(text, { start: 0, end: text.length }, ENTITIES, sourceDate).dates.map((d) => [
      d.date,
      d.precision,
    ]);
  it('carries the precision of the words', () => {
    expect(dates('They met in Helsinki in July 2018.')).toEqual([['2018-07', 'month']]);
    expect(dates('They met on 16 March 2019.')).toEqual([['2019-03-16', 'day']]);
    expect(dates('He admitted in 2008 that money flowed.')).toEqual([['2008', 'year']]);
  });
  it('resolves relative dates against the source date, and proposes none without one', () => {
    expect(dates('Trump called Putin on Tuesday.', '2025-03-20')).toEqual([['2025-03-18', 'day']]);
    expect(dates('Trump called Putin on Tuesday.')).toEqual([]);
    expect(dates('A protest took place on March 16.')).toEqual([]);
    expect(dates('A protest took place on March 16.', '2025-03-20')).toEqual([['2025-03-16', 'day']]);
  });
});

describe('relation types for two entities', () => {
  const type = (
    id: string,
    domain: RelationType['domain'],
    range: RelationType['range'],
    directed = true,
  ) => ({
    id,
    label: id,
    inverseLabel: id,
    directed,
    domain,
    range,
  });
  it('keeps the types whose domain and range fit, either way round when undirected', () => {
    const types = [
      type('leads', ['person'], ['country']),
      type('met', ['person'], ['person'], false),
      type('allied_with', ['country'], ['person'], false),
    ];
    expect(proposeRelationTypes(types, 'person', 'country').map((t) => t.id)).toEqual([
      'leads',
      'allied_with',
    ]);
    expect(proposeRelationTypes(types, 'country', 'person').map((t) => t.id)).toEqual(['allied_with']);
  });

  it('puts first the types whose words the passage uses', () => {
    const types = [
      type('child_of', ['person'], ['person']),
      type('met', ['person'], ['person'], false),
      { ...type('praised', ['person'], ['person']), description: 'Spoke well of the target.' },
    ];
    const ids = (context: string) =>
      proposeRelationTypes(types, 'person', 'person', context).map((t) => t.id);
    expect(ids('He praises Trump’s reaction to the attempt.')).toEqual(['praised', 'child_of', 'met']);
    expect(ids('Trump met Putin in Helsinki.')).toEqual(['met', 'child_of', 'praised']);
    expect(ids('Nothing in common here.')).toEqual(['child_of', 'met', 'praised']);
  });
});
