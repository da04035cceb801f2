/**
 * The article in a saved web page, as plain text with its metadata. The page is parsed with DOMParser
 * into a document that is never attached to the page: its scripts do not run, its styles do not apply,
 * its images and frames do not load. Readability (Mozilla's, as in Firefox's reader view) picks the
 * article body; its paragraphs become the text, one blank line apart.
 */
import { Readability } from '@mozilla/readability';
import type { SourceMetaProposal } from './source-intake-types';

export type HtmlArticle = { ok: true; text: string; meta: SourceMetaProposal } | { ok: false; error: string };

/** Elements that start a new paragraph of the text. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);
/** Never text, even if Readability left them in. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'CANVAS']);

/** Paragraphs of an element's text: whitespace collapsed inside a paragraph (kept in <pre>), <br> a line break. */
export function paragraphsOf(root: Node): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const p = current
      .split('\n')
      .map((line) => line.replace(/[ \t\f\r]+/g, ' ').trim())
      .join('\n')
      .trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  const walk = (node: Node, pre: boolean) => {
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      current += pre ? text : text.replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      current += '\n';
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    const inPre = pre || tag === 'PRE';
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child, inPre);
    if (block) flush();
  };
  walk(root, false);
  flush();
  return paragraphs;
}

const meta = (doc: Document, selector: string): string | undefined =>
  doc.querySelector(selector)?.getAttribute('content')?.trim() || undefined;

/** A web address as the dataset accepts it (http or https), else nothing. */
export function webUrl(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** "2024-03-05T10:00:00Z" → "2024-03-05"; the day as the page states it, not shifted to a time zone. */
export function isoDay(raw: string | null | undefined): string | undefined {
  const m = raw ? /^(\d{4})-(\d{2})-(\d{2})/.exec(raw.trim()) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** "en_GB", "EN-gb", "en" → "en-GB", "en"; anything else → nothing. */
export function languageTag(raw: string | null | undefined): string | undefined {
  const m = raw ? /^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2}))?$/.exec(raw.trim()) : null;
  if (!m) return undefined;
  return m[2] ? `${m[1]!.toLowerCase()}-${m[2].toUpperCase()}` : m[1]!.toLowerCase();
}

/** "Harbour deal | The Coast Courier" → "Harbour deal": the site's name is the publisher, not the title. */
export function withoutSiteName(title: string, site: string | undefined): string {
  if (!site) return title;
  for (const sep of [' | ', ' - ', ' – ', ' — ', ' · ', ' :: ']) {
    if (title.endsWith(sep + site)) return title.slice(0, -(sep + site).length).trim();
    if (title.startsWith(site + sep)) return title.slice((site + sep).length).trim();
  }
  return title;
}

export function extractHtmlArticle(html: string): HtmlArticle {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const url =
    webUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
    webUrl(meta(doc, 'meta[property="og:url"]'));
  // Read before Readability, which rewrites the document it is given.
  const lang = languageTag(doc.documentElement.getAttribute('lang'));
  const article = new Readability<Node>(doc, { serializer: (node) => node }).parse();
  const body = article?.content ?? doc.body;
  const text = body ? paragraphsOf(body).join('\n\n') : '';
  if (!text.trim()) return { ok: false, error: 'no article text was found in the page' };
  const proposal: SourceMetaProposal = {};
  const publisher = article?.siteName?.trim() || meta(doc, 'meta[property="og:site_name"]');
  const title = withoutSiteName(article?.title?.trim() || doc.title.trim(), publisher);
  if (title) proposal.title = title;
  const author = article?.byline?.trim() || meta(doc, 'meta[name="author"]');
  if (author) proposal.author = author.replace(/^by\s+/i, '');
  if (publisher) proposal.publisher = publisher;
  const date = isoDay(article?.publishedTime) ?? isoDay(meta(doc, 'meta[property="article:published_time"]'));
  if (date) proposal.date = date;
  const language = languageTag(article?.lang) ?? lang;
  if (language) proposal.language = language;
  if (url) proposal.url = url;
  return { ok: true, text, meta: proposal };
}
