/**
 * A source coming into a draft: pasted text, or a .txt, .md or .html file. Each way in ends in the same
 * checked text (size, encoding, no binary data, line endings as LF) with the metadata the file offers,
 * or one line saying what is wrong with it, naming the file. Nothing here touches the draft.
 */
import { MAX_SOURCE_HTML_BYTES, MAX_SOURCE_TEXT_BYTES } from '../model/format/limits';
import { controlCharacterProblem, normalizeNewlines } from './source-decode';
import { byteSize } from '../model/format/byte-size';
import { decodeIntake, sourceKindOf, titleOf } from './source-intake-decode';
import { extractHtmlArticle } from './source-html';
import type { IntakeResult } from './source-intake-types';

export { decodeIntake, sourceKindOf } from './source-intake-decode';

export type { IntakeResult, IntakenSource, SourceKind, SourceMetaProposal } from './source-intake-types';

/**
 * Markup DOMParser and Readability read on the main thread, once scripts, styles and comments are cut:
 * 100,000 characters took about 80 – 170 ms, 400,000 about 250 – 300 ms, 1,000,000 about 530 – 670 ms
 * (docs/performance.md). A page with more is a book or a data dump, not an article; saved as text, it is
 * read without a DOM, in the worker.
 */
export const MAX_HTML_MARKUP_CHARS = 1_000_000;

/** A decoded file made a source: an HTML page's article read with Readability (on the main thread). */
export function finishIntake(name: string, decoded: IntakeResult): IntakeResult {
  if (!decoded.ok || decoded.source.kind !== 'html') return decoded;
  const fail = (why: string): IntakeResult => ({ ok: false, error: `${name}: ${why}` });
  const { kind, encoding } = decoded.source;
  const markup = decoded.source.text.length;
  if (markup > MAX_HTML_MARKUP_CHARS)
    return fail(
      `without its scripts and styles the page is still ${(markup / 1e6).toFixed(1)} million characters of markup; a page is read up to ${MAX_HTML_MARKUP_CHARS / 1e6} million: save its text as a .txt file and add that`,
    );
  const article = extractHtmlArticle(decoded.source.text);
  if (!article.ok) return fail(article.error);
  if (article.text.length > MAX_SOURCE_TEXT_BYTES)
    return fail(
      `its article text is ${byteSize(article.text.length)}; a source is limited to ${byteSize(MAX_SOURCE_TEXT_BYTES)}`,
    );
  const meta = { ...article.meta };
  if (!meta.title) {
    const title = titleOf(name, kind, '');
    if (title) meta.title = title;
  }
  return { ok: true, source: { kind, text: article.text, meta, encoding } };
}

/** A source from a file's bytes, all on this thread; `name` is the file's name, which every refusal names. */
export function intakeBytes(name: string, bytes: Uint8Array, type = ''): IntakeResult {
  return finishIntake(name, decodeIntake(name, bytes, type));
}

/**
 * A source from a File the user picked or dropped: its size is checked before it is read, its bytes
 * decoded and checked by `decode` (the authoring worker's, in the app), an HTML page's article read here.
 */
export async function intakeFile(
  file: File,
  decode: (name: string, bytes: Uint8Array, type: string) => Promise<IntakeResult> = async (n, b, t) =>
    decodeIntake(n, b, t),
): Promise<IntakeResult> {
  const kind = sourceKindOf(file.name, file.type);
  const limit = kind === 'html' ? MAX_SOURCE_HTML_BYTES : MAX_SOURCE_TEXT_BYTES;
  if (kind && file.size > limit)
    return {
      ok: false,
      error: `${file.name}: the file is ${byteSize(file.size)}; a source is limited to ${byteSize(limit)}`,
    };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return {
      ok: false,
      error: `${file.name}: the file could not be read (${e instanceof Error ? e.message : String(e)})`,
    };
  }
  let decoded: IntakeResult;
  try {
    decoded = await decode(file.name, bytes, file.type);
  } catch (e) {
    return {
      ok: false,
      error: `${file.name}: the file could not be read (${e instanceof Error ? e.message : String(e)})`,
    };
  }
  return finishIntake(file.name, decoded);
}

/** Pasted text: the same checks as a file's, with line endings made LF. */
export function intakePaste(text: string): IntakeResult {
  const fail = (why: string): IntakeResult => ({ ok: false, error: `The pasted text: ${why}` });
  const bytes = new TextEncoder().encode(text).byteLength;
  if (bytes > MAX_SOURCE_TEXT_BYTES)
    return fail(`it is ${byteSize(bytes)}; a source is limited to ${byteSize(MAX_SOURCE_TEXT_BYTES)}`);
  const control = controlCharacterProblem(text);
  if (control) return fail(control);
  const normalized = normalizeNewlines(text);
  if (!normalized.trim()) return fail('it is empty');
  return { ok: true, source: { kind: 'text', text: normalized, meta: {}, encoding: 'utf-8' } };
}
