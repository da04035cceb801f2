import { describe, expect, it } from 'vitest';
import { pathAsText } from '../../src/model/analysis/path-narrative';
import { timelineData } from '../../src/model/analysis/timeline';
import { buildModel } from '../../src/model/core/model-builder';
import {
  relationRowText,
  relationSentence,
  relationVerb,
  statement,
  verbWithStatus,
  withStatus,
} from '../../src/model/core/relation-wording';
import { STATUSES } from '../../src/model/core/vocabulary';
import { articleBundle } from './fixtures';

describe('relation wording', () => {
  it('states a fact plainly and says how the source presents every other status', () => {
    const said = STATUSES.map((s) => withStatus(s, 'A bribed B'));
    expect(said).toEqual([
      'A bribed B',
      'Reported: A bribed B',
      'Claimed: A bribed B',
      'Alleged: A bribed B',
      'Denied: A bribed B',
      'Opinion: A bribed B',
      'Refuted: A bribed B',
    ]);
  });

  it('marks a bare verb, as drawn on an edge or written in a data label, the same way', () => {
    expect(STATUSES.map((s) => verbWithStatus('bribed', s))).toEqual([
      'bribed',
      'bribed (reported)',
      'bribed (claimed)',
      'bribed (alleged)',
      'bribed (denied)',
      'bribed (opinion)',
      'bribed (refuted)',
    ]);
  });

  it('reads a relation with or without an arrow, in either direction of its type', () => {
    const type = {
      id: 'funded_by',
      label: 'funded by',
      inverseLabel: 'funded',
      directed: true,
      domain: ['person' as const],
      range: ['country' as const],
    };
    expect(relationVerb(type, 'funded_by')).toBe('funded by');
    expect(relationVerb(type, 'funded_by', false)).toBe('funded');
    // A type the model does not know still reads as words.
    expect(relationVerb(undefined, 'acted_on_behalf_of')).toBe('acted on behalf of');
    expect(
      statement({ status: 'claim', source: 'Eric', verb: 'funded by', target: 'Russia', arrow: '→' }),
    ).toBe('Claimed: Eric — funded by → Russia');
    expect(statement({ status: 'fact', source: 'Eric', verb: 'funded by', target: 'Russia' })).toBe(
      'Eric funded by Russia',
    );
  });

  it('never lets the article’s denied relation read as established', () => {
    const model = buildModel(articleBundle());
    const denied = model.relations.get('trump-denies-acting-for-putin')!;
    expect(relationSentence(model, denied)).toBe('Denied: Donald Trump acted on behalf of Vladimir Putin');
    expect(relationRowText(model, denied)).toBe('Denied: Donald Trump — acted on behalf of → Vladimir Putin');
    const alleged = model.relations.get('trump-conspired-with-russia')!;
    expect(relationSentence(model, alleged)).toMatch(/^Alleged: Donald Trump .+ Russia$/);
  });

  it('states the article’s debunked Ukraine-interference claim as refuted, never as an open allegation', () => {
    const model = buildModel(articleBundle());
    const refuted = model.relations.get('ukraine-interfered-2016-false')!;
    expect(relationSentence(model, refuted)).toBe(
      'Refuted: Ukraine interfered in 2016 U.S. presidential election',
    );
    expect(relationRowText(model, refuted)).toBe(
      'Refuted: Ukraine — interfered in → 2016 U.S. presidential election',
    );
    const onBehalf = model.relations.get('ukraine-for-democrats-false')!;
    expect(relationSentence(model, onBehalf)).toBe('Refuted: Ukraine acted on behalf of The Democrats');
  });

  it('marks the denial on the timeline, whose marks and popover read the same sentences', () => {
    const model = buildModel(articleBundle());
    const mark = timelineData(model).items.find((i) => i.id === 'eric-not-american-banks');
    expect(mark?.label).toBe('Denied: Eric Trump funded by American banks');
  });

  it('copies a path through a denied step with "Denied:" on that step', () => {
    const model = buildModel(articleBundle());
    const text = pathAsText(model, {
      entityIds: ['eric-trump', 'american-banks'],
      steps: [{ from: 'eric-trump', to: 'american-banks', relationIds: ['eric-not-american-banks'] }],
    });
    expect(text.split('\n')[1]).toBe('1. Denied: Eric Trump — funded by → American banks');
  });
});
