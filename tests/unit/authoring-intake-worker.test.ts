/**
 * What the authoring worker does for file intake, run inline as Node has no workers: a dataset zip read
 * into a draft with its stages reported, and a web page's markup lightened before the main thread parses it.
 */
import { describe, expect, it } from 'vitest';
import { decodeSourceFile, readDatasetZip, type ZipProgress } from '../../src/data/authoring-client';
import { decodeIntake } from '../../src/data/source-intake-decode';
import { withoutInertMarkup } from '../../src/data/source-html-inert';
import { draftToZip } from '../../src/model/authoring/draft-files-zip';
import { smallDraft } from './draft-fixture';

describe('a dataset zip read in the worker', () => {
  it('reports unzipping, then checking the folder’s files, then gives the draft', async () => {
    const bytes = draftToZip(smallDraft());
    const stages: ZipProgress[] = [];
    const read = await readDatasetZip(bytes, { key: 'new', label: 'letters.zip' }, (p) => stages.push(p));
    expect(stages).toEqual([
      { stage: 'unzipping', bytes: bytes.byteLength },
      { stage: 'checking', files: 6 },
    ]);
    expect(read.ok && read.draft.dataset).toEqual({ id: 'letters', title: 'Letters' });
  });

  it('reports no checking for a zip that is not a dataset, and says why', async () => {
    const stages: ZipProgress[] = [];
    const read = await readDatasetZip(
      new TextEncoder().encode('not a zip'),
      { key: 'k', label: 'x.zip' },
      (p) => stages.push(p),
    );
    expect(stages.map((s) => s.stage)).toEqual(['unzipping']);
    expect(!read.ok && read.problems[0]!.message).toMatch(/not a readable zip file/);
  });
});

const PAGE = `<!doctype html><html><head><title>T</title>
<style>p { color: red }</style>
<script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"A. Writer"}}</script>
<script>var s = "<p>not text</p>"; window.state = {"x": 1};</script>
<!-- <p>a comment</p> -->
</head><body><svg><text>icon</text></svg><article><p>The council met.</p>
<script src="ads.js"></script><noscript><p>Enable scripts</p></noscript><p>It voted.</p></article></body></html>`;

describe('a web page lightened before it is parsed', () => {
  it('drops scripts, styles, comments, SVG and noscript, and keeps structured data and the text', () => {
    const light = withoutInertMarkup(PAGE);
    expect(light).not.toMatch(/not text|color: red|a comment|icon|Enable scripts|ads\.js/);
    expect(light).toContain('"author":{"name":"A. Writer"}');
    expect(light).toContain('<p>The council met.</p>');
    expect(light).toContain('<p>It voted.</p>');
  });

  it('is what the worker hands back for an .html file, and a text file comes back as it is', async () => {
    const html = decodeIntake('page.html', new TextEncoder().encode(PAGE));
    expect(html.ok && html.source.text).toBe(withoutInertMarkup(PAGE));
    const text = await decodeSourceFile(
      'notes.txt',
      new TextEncoder().encode('<script>x</script>'),
      'text/plain',
    );
    expect(text.ok && text.source.text).toBe('<script>x</script>');
  });
});
