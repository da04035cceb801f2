/**
 * A source coming into a draft: pasted text, or a .txt, .md or .html file. Each way in ends in the same
 * checked text (size, encoding, no binary data, line endings as LF) with the metadata the file offers,
 * or one line saying what is wrong with it, naming the file. Nothing here touches the draft.
 */
import { MAX_SOURCE_HTML_BYTES, MAX_SOURCE_TEXT_BYTES } from '../model/format/limits';
import { controlCharacterProblem, decodeSourceBytes, normalizeNewlines } from './source-decode';
import { extractHtmlArticle } from './source-html';
import type { IntakeResult, SourceKind, SourceMetaProposal } from './source-intake-types';

export type { IntakeResult, IntakenSource, SourceKind, SourceMetaProposal } from './source-intake-types';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;

/** The file's kind from its name (or, failing that, its type); undefined for anything else. */
export function sourceKindOf(name: string, type = ''): SourceKind | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'txt' || ext === 'text') return 'text';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext) return undefined;
  if (type === 'text/html') return 'html';
  if (type === 'text/markdown') return 'markdown';
  if (type.startsWith('text/')) return 'text';
  return undefined;
}

/** "Notes on the call.md" → "Notes on the call"; a Markdown file's first heading is a better title. */
function titleOf(name: string, kind: SourceKind, text: string): string | undefined {
  if (kind === 'markdown') {
    const heading = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(text)?.[1];
    if (heading) return heading;
  }
  const base = name.replace(/\.[a-z0-9]+$/i, '').trim();
  return base || undefined;
}

/** A source from a file's bytes; `name` is the file's name, which every refusal names. */
export function intakeBytes(name: string, bytes: Uint8Array, type = ''): IntakeResult {
  const fail = (why: string): IntakeResult => ({ ok: false, error: `${name}: ${why}` });
  const kind = sourceKindOf(name, type);
  if (!kind) return fail('only .txt, .md and .html files can be added as sources');
  const limit = kind === 'html' ? MAX_SOURCE_HTML_BYTES : MAX_SOURCE_TEXT_BYTES;
  if (bytes.byteLength > limit)
    return fail(`the file is ${mb(bytes.byteLength)}; a source is limited to ${mb(limit)}`);
  const decoded = decodeSourceBytes(bytes);
  if (!decoded.ok) return fail(decoded.error);
  if (!decoded.text.trim()) return fail('the file holds no text');
  if (kind !== 'html') {
    const meta: SourceMetaProposal = {};
    const title = titleOf(name, kind, decoded.text);
    if (title) meta.title = title;
    return { ok: true, source: { kind, text: decoded.text, meta, encoding: decoded.encoding } };
  }
  const article = extractHtmlArticle(decoded.text);
  if (!article.ok) return fail(article.error);
  if (article.text.length > MAX_SOURCE_TEXT_BYTES)
    return fail(
      `its article text is ${mb(article.text.length)}; a source is limited to ${mb(MAX_SOURCE_TEXT_BYTES)}`,
    );
  const meta = { ...article.meta };
  if (!meta.title) {
    const title = titleOf(name, kind, '');
    if (title) meta.title = title;
  }
  return { ok: true, source: { kind, text: article.text, meta, encoding: decoded.encoding } };
}

/** A source from a File the user picked or dropped: its size is checked before it is read. */
export async function intakeFile(file: File): Promise<IntakeResult> {
  const kind = sourceKindOf(file.name, file.type);
  const limit = kind === 'html' ? MAX_SOURCE_HTML_BYTES : MAX_SOURCE_TEXT_BYTES;
  if (kind && file.size > limit)
    return {
      ok: false,
      error: `${file.name}: the file is ${mb(file.size)}; a source is limited to ${mb(limit)}`,
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
  return intakeBytes(file.name, bytes, file.type);
}

/** Pasted text: the same checks as a file's, with line endings made LF. */
export function intakePaste(text: string): IntakeResult {
  const fail = (why: string): IntakeResult => ({ ok: false, error: `The pasted text: ${why}` });
  const bytes = new TextEncoder().encode(text).byteLength;
  if (bytes > MAX_SOURCE_TEXT_BYTES)
    return fail(`it is ${mb(bytes)}; a source is limited to ${mb(MAX_SOURCE_TEXT_BYTES)}`);
  const control = controlCharacterProblem(text);
  if (control) return fail(control);
  const normalized = normalizeNewlines(text);
  if (!normalized.trim()) return fail('it is empty');
  return { ok: true, source: { kind: 'text', text: normalized, meta: {}, encoding: 'utf-8' } };
}
