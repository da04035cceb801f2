/**
 * The add-source form's fields, checked as the dataset format checks a source (the same schema), so a
 * source that passes here never shows up later as a validation problem. Empty optional fields are null,
 * as the format writes "the text does not say".
 */
import { resolveDate } from '../../model/core/dates';
import { sourceSchema } from '../../model/format/schema';
import type { SourceMetaProposal } from '../../data/source-intake';

export const SOURCE_FIELDS = ['title', 'publisher', 'author', 'date', 'url', 'language'] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];
export type SourceForm = Record<SourceField, string>;

/** What the workspace adds: the shape a-build's addSource takes. */
export interface SourceSubmission {
  title: string;
  text: string;
  publisher: string | null;
  author: string | null;
  date: string | null;
  url: string | null;
  language: string;
}

export const EMPTY_SOURCE_FORM: SourceForm = {
  title: '',
  publisher: '',
  author: '',
  date: '',
  url: '',
  language: 'en',
};

/** The form filled with what the file proposes, keeping what the author already typed. */
export function proposeInto(form: SourceForm, meta: SourceMetaProposal): SourceForm {
  const next = { ...form };
  for (const field of SOURCE_FIELDS) {
    const proposed = meta[field];
    const untouched = form[field] === '' || form[field] === EMPTY_SOURCE_FORM[field];
    if (proposed && untouched) next[field] = proposed;
  }
  return next;
}

const LABEL: Record<SourceField, string> = {
  title: 'Title',
  publisher: 'Publisher',
  author: 'Author',
  date: 'Date',
  url: 'URL',
  language: 'Language',
};

export type SourceFormCheck =
  | { ok: true; value: Omit<SourceSubmission, 'text'> }
  | { ok: false; errors: Partial<Record<SourceField, string>> };

/** Each field checked on its own, so the form can say what is wrong next to each. */
export function checkSourceForm(form: SourceForm): SourceFormCheck {
  const errors: Partial<Record<SourceField, string>> = {};
  const field = <K extends SourceField>(key: K): string | null => {
    const raw = form[key].trim();
    if (raw === '' && key !== 'title' && key !== 'language') return null;
    if (raw === '') {
      errors[key] = `${LABEL[key]} is required`;
      return null;
    }
    const parsed = sourceSchema.shape[key].safeParse(raw);
    if (!parsed.success) {
      errors[key] = `${LABEL[key]}: ${parsed.error.issues[0]?.message ?? 'not valid'}`;
      return null;
    }
    return raw;
  };
  const title = field('title');
  const publisher = field('publisher');
  const author = field('author');
  let date = field('date');
  if (date !== null) {
    const resolved = resolveDate(date);
    if ('error' in resolved) {
      errors.date = `Date: ${resolved.error}`;
      date = null;
    }
  }
  const url = field('url');
  const language = field('language');
  if (Object.keys(errors).length > 0 || title === null || language === null) return { ok: false, errors };
  return { ok: true, value: { title, publisher, author, date, url, language } };
}
