/**
 * Large files for the authoring rows: a dataset zip whose source is long (the article followed by
 * generated prose, so every quote still occurs once) and a news page of about 500 KB, most of it what
 * a real one carries around its article (inline scripts and data, styles, navigation, related links).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { mulberry32 } from '../../src/model/core/prng';

const WORDS = (
  'the council said on monday that its review of the harbour contract would be published before the ' +
  'summer and that ministers had been briefed on the costs which rose sharply after the second ' +
  'tender while officials in the port authority declined to comment on the figures reported by ' +
  'local newspapers during the week of negotiations over fishing rights and shipping lanes'
).split(' ');

/** Plain prose none of the dataset's quotes can occur in (all lowercase words, sentence-cased). */
function prose(chars: number, seed: number): string {
  const random = mulberry32(seed);
  const paragraphs: string[] = [];
  let length = 0;
  while (length < chars) {
    const sentences: string[] = [];
    for (let s = 0; s < 5; s++) {
      const n = 12 + random.int(14);
      const words = Array.from({ length: n }, () => random.pick(WORDS));
      const sentence = words.join(' ');
      sentences.push(`${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`);
    }
    const p = sentences.join(' ');
    paragraphs.push(p);
    length += p.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** The bundled dataset's folder as a zip, its article made `sourceChars` long. */
export function largeDatasetZip(datasetDir: string, sourceId: string, sourceChars: number): Uint8Array {
  const folder: Zippable = {};
  for (const name of readdirSync(datasetDir))
    if (name.endsWith('.json')) folder[name] = readFileSync(join(datasetDir, name));
  const sources: Zippable = {};
  for (const name of readdirSync(join(datasetDir, 'sources'))) {
    const text = readFileSync(join(datasetDir, 'sources', name), 'utf8');
    sources[name] = strToU8(
      name === `${sourceId}.txt` ? `${text}\n\n${prose(sourceChars - text.length, 7)}\n` : text,
    );
  }
  folder.sources = sources;
  return zipSync({ [datasetDir.split('/').pop()!]: folder }, { level: 6 });
}

/** A news page of about `bytes`: an article of `articleChars` inside the weight a real page carries. */
export function largeNewsPage(articleText: string, bytes: number, articleChars: number): string {
  const paragraphs = [...articleText.split(/\n\s*\n/).filter((p) => p.trim().length > 60)];
  const article: string[] = [];
  for (let i = 0, n = 0; n < articleChars; i++) {
    const p = paragraphs[i % paragraphs.length]!;
    article.push(`<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
    n += p.length;
  }
  const links = Array.from(
    { length: 120 },
    (_, i) =>
      `<li><a href="/news/story-${i}"><img src="/img/${i}.jpg" alt="">Story number ${i} of the day</a></li>`,
  ).join('\n');
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Analysis | The Daily Example</title>
<meta name="author" content="A. Writer"><meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2025-03-20T08:00:00Z"><link rel="canonical" href="https://daily.example/analysis">
<style>${'.c{margin:0;padding:0;color:#222}\n'.repeat(800)}</style></head><body>
<nav><ul>${links}</ul></nav><main><article><h1>What is going on between the two leaders</h1>
${article.join('\n')}
</article><aside><ul>${links}</ul></aside></main>`;
  // The rest is what news pages inline: state for their scripts, as JSON in a script element.
  const state = JSON.stringify({
    items: Array.from({ length: 4000 }, (_, i) => ({ id: i, title: `Item ${i}`, tags: ['a', 'b'] })),
  });
  let page = `${head}<script type="application/json" id="state">${state}</script>`;
  const filler = `<script>window.__ads=(window.__ads||[]).concat([${'"slot",'.repeat(200)}]);</script>\n`;
  while (page.length < bytes) page += filler;
  return `${page}<footer>Copyright The Daily Example</footer></body></html>`;
}
