/** Quote sentences (one per piece of evidence) and the filler prose around them in a source text. */
import type { DateSpec } from '../../src/model/format/schema';
import type { Status } from '../../src/model/core/vocabulary';
import { datePhrase } from './dates';
import type { Rng } from '../../src/model/core/prng';
import * as W from './words';

export interface Claim {
  status: Status;
  source: string;
  verb: string;
  target: string;
  date?: DateSpec;
  /** Who says it, for statuses that attribute the words to someone. */
  speaker?: string;
  /** Makes the sentence occur once in its source, so the quote anchors without prefix or suffix. */
  token: string;
}

/** The sentence a quote takes verbatim; its status decides the voice. */
export function claimSentence(c: Claim): string {
  const core = `${c.source} ${c.verb} ${c.target}${datePhrase(c.date)}`;
  const ref = ` (ref. ${c.token})`;
  switch (c.status) {
    case 'fact':
      return `Records show that ${core}${ref}.`;
    case 'reported':
      return `According to people familiar with the matter, ${core}${ref}.`;
    case 'claim':
      return `${c.speaker ?? 'A witness'} said that ${core}${ref}.`;
    case 'allegation':
      return c.speaker
        ? `${c.speaker} alleged that ${core}${ref}.`
        : `It has been alleged that ${core}${ref}.`;
    case 'denial':
      return `${c.speaker ?? 'A spokesperson'} denied reports that ${core}${ref}.`;
    case 'opinion':
      return `In this writer's view, it matters that ${core}${ref}.`;
    case 'refuted':
      return `The widely debunked story that ${core}${ref} is false.`;
  }
}

/** A sentence with no reference token, so it can never be mistaken for a quote. */
export function fillerSentence(rng: Rng): string {
  const subject = rng.pick(W.FILLER_SUBJECTS);
  const when = rng.chance(0.5) ? ` in ${rng.pick(W.MONTHS)}` : '';
  return `The ${subject} ${rng.pick(W.FILLER_VERBS)} ${rng.pick(W.FILLER_OBJECTS)}${when}.`;
}

/** Short base-36 tokens; the closing parenthesis after them keeps "1a" from matching inside "1a2". */
export const token = (n: number): string => n.toString(36);
