import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/model/core/filters';
import { buildModel } from '../../src/model/core/model-builder';
import { decodeStory, encodeStory, parseStory } from '../../src/model/story/story-codec';
import { resolveStep, stepFromView } from '../../src/model/story/story-steps';
import type { Story } from '../../src/model/story/story';
import { articleBundle } from './fixtures';

const model = buildModel(articleBundle());
const view = {
  visible: new Set(['donald-trump', 'vladimir-putin', 'eric-trump']),
  addedBy: new Map<string, string>(),
  positions: new Map([
    ['donald-trump', { x: 10.4, y: -20.6 }],
    ['vladimir-putin', { x: 200, y: 5 }],
  ]),
};

describe('story steps', () => {
  const step = stepFromView(
    view,
    { kind: 'entity', id: 'eric-trump' },
    { ...NO_FILTERS, hiddenStatuses: new Set(['opinion']) },
    new Set(['vladimir-putin']),
    'The sons speak <b>about</b> money',
    'q-eric',
  );

  it('keeps what is shown, where, the selection, the filters, pins and the caption as plain text', () => {
    expect(step.entities).toEqual(['donald-trump', 'vladimir-putin', 'eric-trump']);
    expect(step.positions).toEqual([{ x: 10, y: -21 }, { x: 200, y: 5 }, null]);
    expect(step.hiddenStatuses).toEqual(['opinion']);
    expect(step.pinned).toEqual(['vladimir-putin']);
    expect(step.caption).toBe('The sons speak <b>about</b> money');
  });

  it('round-trips through a link, compressed', () => {
    const story: Story = { title: 'Money', steps: [step, { ...step, caption: 'Two' }] };
    const text = encodeStory(story);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(text.length).toBeLessThan(JSON.stringify(story).length);
    expect(decodeStory(text)).toEqual({ story });
  });

  it('a step whose entities are gone from the dataset plays with the rest and says what is missing', () => {
    const resolved = resolveStep(
      model,
      { ...step, entities: [...step.entities, 'gone-entity'], positions: [...step.positions, null] },
      NO_FILTERS,
    );
    expect([...resolved.visible]).toEqual(['donald-trump', 'vladimir-putin', 'eric-trump']);
    expect(resolved.problems.join(' ')).toContain('"gone-entity" is no longer in the dataset');
    expect(resolved.selection).toEqual({ kind: 'entity', id: 'eric-trump' });
    expect(resolved.quoteId).toBe('q-eric');
  });

  it('a tampered, damaged, oversized or hostile story gets a reason, never a crash', () => {
    expect(decodeStory('not base64!')).toHaveProperty('error');
    expect(decodeStory('AAAA')).toHaveProperty('error');
    const bomb = deflateSync(new Uint8Array(20_000_000).fill(32));
    let b = '';
    bomb.forEach((x) => (b += String.fromCharCode(x)));
    const bombText = btoa(b).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(decodeStory(bombText)).toEqual({ error: 'the story in the link is too large' });
    expect(parseStory('{"title":"x","steps":[{"caption":"a"}]}')).toHaveProperty('error');
    expect(parseStory('{"title":"x","steps":[],"__proto__":{"polluted":1}}')).toEqual({
      story: { title: 'x', steps: [] },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
