/**
 * The loom's reach (honorifics, titles, "the two leaders", a description naming an event, the sentence
 * before in the same paragraph, a noun before its participle) and the status cues added to the issue's
 * list (attribution verbs, denial, allegation and refutation words, a quoted sentence).
 */
import { describe, expect, it } from 'vitest';
import { emptyDraft, type Draft } from '../../src/model/authoring/draft';
import { entityMatcher } from '../../src/model/authoring/entity-matcher';
import { loomCandidates, type LoomCandidate } from '../../src/model/authoring/loom';
import { proposeFor } from '../../src/model/authoring/proposals';
import type { EntityRecord, RelationType } from '../../src/model/format/schema';

const entity = (id: string, type: EntityRecord['type'], name: string, aliases?: string[]): EntityRecord => ({
  id,
  type,
  name,
  description: name,
  ...(aliases ? { aliases } : {}),
});

const TYPES: RelationType[] = [
  {
    id: 'met',
    label: 'met',
    inverseLabel: 'met',
    directed: false,
    domain: ['person'],
    range: ['person'],
  },
  {
    id: 'participated_in',
    label: 'participated in',
    inverseLabel: 'had participant',
    directed: true,
    domain: ['person', 'country'],
    range: ['event'],
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

const pair = (c: LoomCandidate) => [c.a, c.b].sort().join('+');
/** The pairs the loom offers for the sentence that starts with `opening`, that sentence alone. */
function pairsIn(text: string, entities: EntityRecord[], opening: string): string[] {
  const start = text.indexOf(opening);
  return loomCandidates(draftWith(text, entities))
    .filter((c) => c.sentence.start === start)
    .map(pair);
}

const TRUMPS = [
  entity('donald-trump', 'person', 'Donald Trump'),
  entity('eric-trump', 'person', 'Eric Trump'),
  entity('vladimir-putin', 'person', 'Vladimir Putin', ['President Putin']),
];

describe('the loom finds what a reader would', () => {
  it('counts “Mr. Trump’s” for the Trump named last, even when two people share the surname', () => {
    const text = 'Donald Trump flew to Helsinki. Mr. Trump’s aides met Vladimir Putin there.';
    expect(pairsIn(text, TRUMPS, 'Mr. Trump’s')).toEqual(['donald-trump+vladimir-putin']);
    // Named last is what decides: after Eric, "Mr. Trump" is Eric.
    const eric = 'Eric Trump flew to Helsinki. Mr. Trump met Vladimir Putin there.';
    expect(pairsIn(eric, TRUMPS, 'Mr. Trump met')).toEqual(['eric-trump+vladimir-putin']);
  });

  it('reads “the president” as the person named last whose names carry that title', () => {
    const text = 'Vladimir Putin landed in Berlin. The president then met Angela Merkel.';
    const entities = [...TRUMPS, entity('merkel', 'person', 'Angela Merkel')];
    expect(pairsIn(text, entities, 'The president')).toEqual(['merkel+vladimir-putin']);
  });

  it('takes “the two leaders” for the two people the paragraph is about, not the two named last', () => {
    const text =
      'Donald Trump praised Vladimir Putin. Putin thanked Trump. Sergei Lavrov, the minister, watched. The two leaders then met alone.';
    const entities = [...TRUMPS, entity('lavrov', 'person', 'Sergei Lavrov')];
    expect(pairsIn(text, entities, 'The two leaders')).toEqual(['donald-trump+vladimir-putin']);
  });

  it('resolves “that case” to an event named by words of its description', () => {
    const text = 'His first impeachment trial ended in 2020. That case involved Joe Biden.';
    const entities = [
      entity('impeachment', 'event', 'Trump’s first impeachment trial'),
      entity('biden', 'person', 'Joe Biden'),
    ];
    expect(pairsIn(text, entities, 'That case')).toEqual(['biden+impeachment']);
  });

  it('offers a pair split over two sentences of one paragraph, ranked below pairs named together', () => {
    const text =
      'The Helsinki summit opened on Monday. Donald Trump stood next to Vladimir Putin.\nPutin left.';
    const entities = [...TRUMPS, entity('helsinki', 'event', 'Helsinki summit')];
    const all = loomCandidates(draftWith(text, entities));
    const across = all.find((c) => pair(c) === 'donald-trump+helsinki')!;
    expect(text.slice(across.sentence.start, across.sentence.end)).toBe(
      'The Helsinki summit opened on Monday. Donald Trump stood next to Vladimir Putin.',
    );
    expect(across.a).toBe('donald-trump'); // in the direction of "participated in"
    const together = all.find((c) => pair(c) === 'donald-trump+vladimir-putin')!;
    expect(across.score).toBeLessThan(together.score);
    // A line break ends the paragraph: "Putin left." does not meet the summit.
    expect(all.some((c) => c.sentence.start === text.indexOf('Putin left.'))).toBe(false);
  });

  it('finds a description by its noun when a participle follows it, and a noun before "out of"', () => {
    const m = entityMatcher([
      entity('marks', 'financial', 'Trump trademarks registered in Russia'),
      entity('funding', 'financial', 'Golf-course funding out of Russia'),
    ]);
    const text = 'He registered trademarks there. We have all the funding we need.';
    expect(m.find(text).map((h) => `${h.entityId}:${text.slice(h.span.start, h.span.end)}`)).toEqual([
      'marks:trademarks',
      'funding:funding',
    ]);
  });
});

const PEOPLE = [
  entity('donald-trump', 'person', 'Donald Trump', ['Trump']),
  entity('vladimir-putin', 'person', 'Vladimir Putin', ['Putin']),
  entity('russia', 'country', 'Russia'),
];
const propose = (text: string) => proposeFor(text, { start: 0, end: text.length }, PEOPLE, null);

describe('status cues', () => {
  it.each([
    ['“I have been very tough on Russia,” Trump insisted.', 'claim', 'insisted', 'donald-trump'],
    ['Putin admitted that Russia had sent troops.', 'claim', 'admitted', 'vladimir-putin'],
    ['Trump called Putin a strong leader.', 'claim', 'called', 'donald-trump'],
    ['Putin has described their relationship as trusting.', 'claim', 'described', 'vladimir-putin'],
    ['Trump dismissed the Russia investigation as a hoax.', 'denial', 'dismissed', 'donald-trump'],
    ['Putin said there was no evidence of meddling.', 'denial', 'no evidence', 'vladimir-putin'],
    ['Trump is suspected of colluding with Russia.', 'allegation', 'suspected', undefined],
    ['The theory that Russia was framed has been debunked.', 'refuted', 'debunked', undefined],
    ['Trump revived the false claim that Russia was framed.', 'refuted', 'false claim', undefined],
    ['Investigators found no trace of Putin’s money.', 'refuted', 'found no', undefined],
  ])('%s → %s', (text, status, cue, speaker) => {
    const p = propose(text);
    expect(p.status).toBe(status);
    expect(p.cue).toBe(cue);
    if (speaker) expect(p.speakerId).toBe(speaker);
  });

  it('reads a quoted sentence as someone’s claim, but not a phrase in quotation marks or a compound', () => {
    const sentence = propose('For Trump, the deal was simple. “If he praises me, I will praise him.”');
    expect(sentence).toMatchObject({ status: 'claim', cue: '“If he praises me…', speakerId: 'donald-trump' });
    expect(propose('Trump called it a “witch hunt” in Russia.').status).toBe('claim'); // "called", not the phrase
    expect(propose('Russia sent its “very best people” there.').status).toBe('fact');
    expect(propose('The so-called deal gave Russia a port.').status).toBe('fact');
  });
});
