/**
 * The part of source intake that needs no DOM: a file's kind, its size, encoding and binary checks, and
 * its text decoded (an HTML page without its scripts, styles and comments: source-html-inert.ts). It
 * runs in the authoring worker for a picked file, so a large file is read off the main thread;
 * source-intake.ts reads an HTML page's article from what it returns.
 */
import { byteSize } from '../model/format/byte-size';
import { MAX_SOURCE_HTML_BYTES, MAX_SOURCE_TEXT_BYTES } from '../model/format/limits';
import { decodeSourceBytes } from './source-decode';
import { withoutInertMarkup } from './source-html-inert';
import type { IntakeResult, SourceKind, SourceMetaProposal } from './source-intake-types';

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
export function titleOf(name: string, kind: SourceKind, text: string): string | undefined {
  if (kind === 'markdown') {
    const heading = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(text)?.[1];
    if (heading) return heading;
  }
  const base = name.replace(/\.[a-z0-9]+$/i, '').trim();
  return base || undefined;
}

/**
 * A file's bytes checked and decoded, everything but reading an HTML page's article (which needs the
 * DOM): this part runs in the authoring worker for a picked file, off the main thread. A text or Markdown
 * file comes out finished; an HTML page as its decoded markup (`text`), for `finishIntake`.
 */
export function decodeIntake(name: string, bytes: Uint8Array, type = ''): IntakeResult {
  const fail = (why: string): IntakeResult => ({ ok: false, error: `${name}: ${why}` });
  const kind = sourceKindOf(name, type);
  if (!kind) return fail('only .txt, .md and .html files can be added as sources');
  const limit = kind === 'html' ? MAX_SOURCE_HTML_BYTES : MAX_SOURCE_TEXT_BYTES;
  if (bytes.byteLength > limit)
    return fail(`the file is ${byteSize(bytes.byteLength)}; a source is limited to ${byteSize(limit)}`);
  const decoded = decodeSourceBytes(bytes);
  if (!decoded.ok) return fail(decoded.error);
  if (!decoded.text.trim()) return fail('the file holds no text');
  const meta: SourceMetaProposal = {};
  if (kind === 'html') {
    const text = withoutInertMarkup(decoded.text);
    return { ok: true, source: { kind, text, meta, encoding: decoded.encoding } };
  }
  const title = titleOf(name, kind, decoded.text);
  if (title) meta.title = title;
  return { ok: true, source: { kind, text: decoded.text, meta, encoding: decoded.encoding } };
}
