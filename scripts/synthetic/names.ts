/** Readable names, aliases and descriptions for each entity type. */
import type { DateSpec } from '../../src/model/format/schema';
import type { EntityType } from '../../src/model/core/vocabulary';
import type { Rng } from '../../src/model/core/prng';
import * as W from './words';
import { randomDate, yearOf } from './dates';

export interface EntityDraft {
  type: EntityType;
  name: string;
  aliases?: string[];
  description: string;
  role?: string;
  date?: DateSpec;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');

export const placeName = (rng: Rng): string => {
  const base = `${rng.pick(W.PLACE_STEMS)}${rng.pick(W.PLACE_ENDS)}`;
  return rng.chance(0.3) ? `${base} ${rng.pick(W.PLACE_KINDS)}` : base;
};
const countryName = (rng: Rng): string => `${rng.pick(W.SYLLABLES_START)}${rng.pick(W.SYLLABLES_END)}`;
const orgName = (kind: string, rng: Rng): string => {
  const name = `${rng.pick(W.ORG_WORDS)} ${rng.chance(0.4) ? `${rng.pick(W.ORG_WORDS)} ` : ''}${kind}`;
  return rng.chance(0.5) ? `${name} ${rng.pick(W.ORG_SUFFIXES)}` : name;
};
const personName = (rng: Rng): string => {
  const middle = rng.chance(0.35) ? ` ${String.fromCharCode(65 + rng.int(26))}.` : '';
  return `${rng.pick(W.FIRST_NAMES)}${middle} ${rng.pick(W.LAST_NAMES)}`;
};

const MAKERS: Record<EntityType, (rng: Rng) => EntityDraft> = {
  person(rng) {
    const name = personName(rng);
    const role = rng.pick(W.ROLES);
    const last = name.split(' ').pop()!;
    return {
      type: 'person',
      name,
      role,
      description: `${capitalize(role)} based in ${placeName(rng)}.`,
      ...(rng.chance(0.3) ? { aliases: [last] } : {}),
    };
  },
  country(rng) {
    const name = countryName(rng);
    return {
      type: 'country',
      name,
      description: `A state whose officials appear throughout the synthetic record.`,
      ...(rng.chance(0.5) ? { aliases: [`Republic of ${name}`] } : {}),
    };
  },
  organization(rng) {
    const kind = rng.pick(W.ORG_KINDS);
    const name = orgName(kind, rng);
    const acronym = initials(name);
    return {
      type: 'organization',
      name,
      description: `${capitalize(kind.toLowerCase())} firm registered in ${placeName(rng)}.`,
      ...(acronym.length >= 2 && rng.chance(0.3) ? { aliases: [acronym] } : {}),
    };
  },
  event(rng) {
    const date = randomDate(rng, { day: 0.6, month: 0.3 });
    const name = `${placeName(rng)} ${rng.pick(W.EVENT_KINDS)} ${yearOf(date)}`;
    return { type: 'event', name, date, description: `A gathering recorded in several synthetic sources.` };
  },
  financial(rng) {
    const kind = rng.pick(W.FINANCIAL_KINDS);
    const name = `${rng.pick(W.ORG_WORDS)} ${kind} ${1000 + rng.int(9000)}`;
    return { type: 'financial', name, description: `A ${kind} traced through the synthetic filings.` };
  },
  document(rng) {
    const kind = rng.pick(W.DOCUMENT_KINDS);
    const year = 1990 + rng.int(35);
    const name = `${capitalize(kind)} on ${rng.pick(W.ORG_WORDS)} (${year})`;
    return { type: 'document', name, description: `A ${kind} cited as evidence.`, date: String(year) };
  },
  place(rng) {
    const name = placeName(rng);
    return { type: 'place', name, description: `A town mentioned in the synthetic reports.` };
  },
  media(rng) {
    const name = rng.chance(0.6)
      ? `The ${rng.pick(W.PLACE_STEMS)}${rng.pick(W.PLACE_ENDS)} ${rng.pick(W.MEDIA_TITLES)}`
      : `${rng.pick(W.ORG_WORDS)} ${rng.pick(W.MEDIA_KINDS)}`;
    return { type: 'media', name, description: `A news outlet that covered the story.` };
  },
};

export const draftEntity = (type: EntityType, rng: Rng): EntityDraft => MAKERS[type](rng);

/** Lowercase ASCII slug of a name, as the dataset format wants for ids. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return (slug || 'entity').slice(0, 100).replace(/-+$/, '');
}
