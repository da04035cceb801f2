/** The Authoring section: quality of the suggestions on a hand-built dataset, and their time on a long text. */
import { authoringQuality, readDataset, type AuthoringQuality } from '../authoring/quality';
import { findMentions } from '../../src/model/authoring/mentions';
import { loomCandidates } from '../../src/model/authoring/loom';
import { runTask } from './task';

export interface AuthoringResult {
  quality: AuthoringQuality;
  long: {
    words: number;
    /** First findMentions in a fresh process: compromise's lexicon is loaded and compiled then. */
    mentionsColdMs: number;
    mentionsWarmMs: number;
    loomMs: number;
    candidates: number;
  };
}

export interface AuthoringInput {
  dataset: string;
  source: string;
  words: number;
}

await runTask<AuthoringInput, AuthoringResult>(({ dataset, source, words }) => {
  // A long text made of the article over and over, so the figures are for prose like it.
  const d = readDataset(dataset, source);
  const chunks: string[] = [];
  let count = 0;
  while (count < words) {
    chunks.push(d.text);
    count += d.text.split(/\s+/).filter(Boolean).length;
  }
  const text = chunks.join('\n\n');
  let t = performance.now();
  findMentions(text);
  const mentionsColdMs = performance.now() - t;
  t = performance.now();
  findMentions(text);
  const mentionsWarmMs = performance.now() - t;
  t = performance.now();
  const candidates = loomCandidates({ ...d.draft, texts: { [source]: text } }).length;
  const loomMs = performance.now() - t;
  return {
    quality: authoringQuality(dataset, source),
    long: { words: count, mentionsColdMs, mentionsWarmMs, loomMs, candidates },
  };
});
