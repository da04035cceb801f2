import { describe, expect, it } from 'vitest';
import {
  decodeIntake,
  intakeBytes,
  intakePaste,
  MAX_HTML_MARKUP_CHARS,
  sourceKindOf,
} from '../../src/data/source-intake';
import { isoDay, languageTag, webUrl, withoutSiteName } from '../../src/data/source-html';
import { MAX_SOURCE_TEXT_BYTES } from '../../src/model/format/limits';
import { checkSourceForm, EMPTY_SOURCE_FORM, proposeInto } from '../../src/features/build-io/source-form';

const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16 = (s: string, bigEndian: boolean) => {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
    out[2 + 2 * i + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
};
const TEXT = 'Ann said: “It’s done.”\r\nBob denied it — twice.\n';
const NORMALIZED = 'Ann said: “It’s done.”\nBob denied it — twice.\n';

const textOf = (r: ReturnType<typeof intakeBytes>) => (r.ok ? r.source.text : r.error);

describe('source intake', () => {
  it('reads UTF-8 with and without a byte order mark, the mark dropped and CRLF made LF', () => {
    expect(textOf(intakeBytes('a.txt', utf8(TEXT)))).toBe(NORMALIZED);
    expect(textOf(intakeBytes('a.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)])))).toBe(NORMALIZED);
  });

  it('reads UTF-16 with a byte order mark, either way round', () => {
    const le = intakeBytes('a.txt', utf16(TEXT, false));
    const be = intakeBytes('a.txt', utf16(TEXT, true));
    expect(textOf(le)).toBe(NORMALIZED);
    expect(textOf(be)).toBe(NORMALIZED);
    expect(le.ok && le.source.encoding).toBe('utf-16le');
  });

  it('refuses Windows-1252 text, saying where and what to do', () => {
    const latin1 = new Uint8Array([...utf8('Caf'), 0xe9, ...utf8(' au lait')]);
    expect(intakeBytes('menu.txt', latin1)).toEqual({
      ok: false,
      error:
        'menu.txt: it is not UTF-8 text (byte 0xE9 at offset 3; perhaps Windows-1252 or Latin-1); save it as UTF-8',
    });
  });

  it('points at a stray Windows-1252 curly quote', () => {
    const curly = new Uint8Array([...utf8('He said '), 0x93, ...utf8('hi'), 0x94]);
    expect(textOf(intakeBytes('a.txt', curly))).toMatch(/byte 0x93 at offset 8;/);
  });

  it('refuses UTF-16 without a byte order mark and UTF-32, by name', () => {
    const bare = utf16('Hello', false).subarray(2);
    expect(textOf(intakeBytes('a.txt', bare))).toMatch(
      /^a\.txt: it holds NUL bytes: binary data, or UTF-16 text/,
    );
    expect(textOf(intakeBytes('a.txt', new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])))).toMatch(
      /UTF-32 text, which is not supported/,
    );
  });

  it('names binary files it recognises, and refuses other binary data', () => {
    expect(textOf(intakeBytes('report.txt', utf8('%PDF-1.7 ...')))).toBe(
      'report.txt: it is a PDF document; copy its text and paste it instead',
    );
    expect(textOf(intakeBytes('notes.md', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2])))).toMatch(
      /zip archive/,
    );
    expect(textOf(intakeBytes('x.txt', utf8('line one\nline \u0007two')))).toBe(
      'x.txt: it holds a control character (U+0007) on line 2, so it is binary data, not text',
    );
  });

  it('refuses a file over the size limit, and a file of another kind', () => {
    const big = new Uint8Array(MAX_SOURCE_TEXT_BYTES + 1).fill(0x61);
    expect(textOf(intakeBytes('big.txt', big))).toBe(
      'big.txt: the file is 5 MB; a source is limited to 5 MB',
    );
    expect(textOf(intakeBytes('sheet.xlsx', utf8('a')))).toBe(
      'sheet.xlsx: only .txt, .md and .html files can be added as sources',
    );
    expect(textOf(intakeBytes('empty.txt', utf8('  \n')))).toBe('empty.txt: the file holds no text');
  });

  it('keeps Markdown as it is, titled by its first heading', () => {
    const md = '# The call\n\nTrump *said* it.\n';
    const r = intakeBytes('notes.md', utf8(md));
    expect(r).toEqual({
      ok: true,
      source: { kind: 'markdown', text: md, meta: { title: 'The call' }, encoding: 'utf-8' },
    });
    const t = intakeBytes('Interview notes.txt', utf8('x'));
    expect(t.ok && t.source.meta.title).toBe('Interview notes');
  });

  it('refuses a page whose markup, scripts and styles cut, is too long to parse on the main thread', () => {
    const paragraph = '<p>The council met again and voted on the harbour deal.</p>\n';
    const long = `<html><body>${paragraph.repeat(Math.ceil(MAX_HTML_MARKUP_CHARS / paragraph.length))}</body></html>`;
    expect(textOf(intakeBytes('report.html', utf8(long)))).toMatch(
      /^report\.html: without its scripts and styles the page is still 1\.0 million characters of markup; a page is read up to 1 million: save its text as a \.txt file and add that$/,
    );
    // As much again in scripts is cut (in the worker) before the count.
    const scripted = `<html><body><script>${'x'.repeat(MAX_HTML_MARKUP_CHARS)}</script>${paragraph}</body></html>`;
    const decoded = decodeIntake('page.html', utf8(scripted));
    expect(decoded.ok && decoded.source.text).toBe(`<html><body>${paragraph}</body></html>`);
  });

  it('tells kinds by extension, then by type', () => {
    expect([sourceKindOf('a.HTM'), sourceKindOf('a.markdown'), sourceKindOf('pasted', 'text/plain')]).toEqual(
      ['html', 'markdown', 'text'],
    );
    expect(sourceKindOf('a.pdf', 'text/plain')).toBeUndefined();
  });

  it('checks pasted text the same way', () => {
    expect(textOf(intakePaste('a\r\nb'))).toBe('a\nb');
    expect(textOf(intakePaste(' \n '))).toBe('The pasted text: it is empty');
    expect(textOf(intakePaste('a\u0000b'))).toMatch(
      /^The pasted text: it holds a control character \(U\+0000\) on line 1/,
    );
  });
});

describe('source form', () => {
  const form = { ...EMPTY_SOURCE_FORM, title: 'Call notes' };

  it('turns empty optional fields into null', () => {
    expect(checkSourceForm(form)).toEqual({
      ok: true,
      value: { title: 'Call notes', publisher: null, author: null, date: null, url: null, language: 'en' },
    });
  });

  it('accepts only http and https links', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://example.org/x', 'not a url']) {
      const r = checkSourceForm({ ...form, url });
      expect(r.ok, url).toBe(false);
      if (!r.ok) expect(r.errors.url).toMatch(/^URL: /);
    }
    expect(checkSourceForm({ ...form, url: 'https://example.org/a' }).ok).toBe(true);
  });

  it('says what is wrong with each field', () => {
    const r = checkSourceForm({ ...form, title: ' ', date: '2019-02-30', language: 'English' });
    expect(r).toEqual({
      ok: false,
      errors: {
        title: 'Title is required',
        date: expect.stringMatching(/^Date: /),
        language: 'Language: a BCP 47 language tag such as "en"',
      },
    });
    const partial = checkSourceForm({ ...form, date: '2019-13' });
    expect(partial.ok).toBe(false);
  });

  it('fills what the file proposes without overwriting what was typed', () => {
    expect(
      proposeInto({ ...EMPTY_SOURCE_FORM, author: 'Me' }, { title: 'T', author: 'Them', language: 'de' }),
    ).toEqual({
      ...EMPTY_SOURCE_FORM,
      title: 'T',
      author: 'Me',
      language: 'de',
    });
  });
});

describe('web page metadata', () => {
  it('keeps only http(s) links, the day of a timestamp, and well-formed language tags', () => {
    expect([
      webUrl('https://a.example/x'),
      webUrl('javascript:alert(1)'),
      webUrl('/relative'),
      webUrl(null),
    ]).toEqual(['https://a.example/x', undefined, undefined, undefined]);
    expect([isoDay('2024-03-05T23:30:00-08:00'), isoDay('March 5, 2024')]).toEqual(['2024-03-05', undefined]);
    expect([languageTag('en_gb'), languageTag('DE'), languageTag('english')]).toEqual([
      'en-GB',
      'de',
      undefined,
    ]);
  });

  it('leaves the site name to the publisher field', () => {
    expect(withoutSiteName('Harbour deal | The Coast Courier', 'The Coast Courier')).toBe('Harbour deal');
    expect(withoutSiteName('The Coast Courier - Harbour deal', 'The Coast Courier')).toBe('Harbour deal');
    expect(withoutSiteName('Harbour deal', undefined)).toBe('Harbour deal');
  });
});
