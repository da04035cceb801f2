import { describe, expect, it } from 'vitest';
import { suggestLoom, suggestMentions } from '../../src/data/authoring-client';
import { emptyDraft } from '../../src/model/authoring/draft';

describe('authoring client without workers (Node)', () => {
  it('answers mentions inline, once per text', async () => {
    const text = 'Donald Trump met Vladimir Putin. Trump smiled.';
    const first = suggestMentions(text);
    expect(suggestMentions(text)).toBe(first);
    const mentions = await first;
    expect(mentions.map((m) => [m.label, m.count])).toEqual([
      ['Donald Trump', 2],
      ['Vladimir Putin', 1],
    ]);
  });

  it('answers the loom inline', async () => {
    expect(await suggestLoom(emptyDraft('k'))).toEqual([]);
  });
});
