/**
 * A story as text for a share link or local storage (JSON, deflated, base64url), and back. Every value is
 * checked before use; what cannot be read is named, never guessed.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';
import { idSchema } from '../format/schema';
import { ENTITY_TYPES, STATUSES } from '../core/vocabulary';
import { MAX_CAPTION, MAX_STEPS, type Story } from './story';

/** Bounds what a hostile link can make the app inflate and parse. */
export const MAX_STORY_BYTES = 512 * 1024;
const MAX_STEP_ENTITIES = 2_000;

const coordinate = z.number().finite().min(-1e7).max(1e7);
const stepSchema = z.object({
  caption: z.string().max(MAX_CAPTION),
  quoteId: idSchema.optional(),
  entities: z.array(idSchema).max(MAX_STEP_ENTITIES),
  positions: z.array(z.object({ x: coordinate, y: coordinate }).nullable()).max(MAX_STEP_ENTITIES),
  selection: z
    .object({ kind: z.enum(['entity', 'relation', 'pair']), id: z.string().min(1).max(250) })
    .nullable(),
  hiddenEntityTypes: z.array(z.enum(ENTITY_TYPES)),
  hiddenRelationTypes: z
    .array(
      z
        .string()
        .regex(/^[a-z]+(?:_[a-z]+)*$/)
        .max(120),
    )
    .max(500),
  hiddenStatuses: z.array(z.enum(STATUSES)),
  timeRange: z
    .object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })
    .nullable(),
  pinned: z.array(idSchema).max(MAX_STEP_ENTITIES),
});
export const storySchema = z.object({
  title: z.string().max(200),
  steps: z.array(stepSchema).max(MAX_STEPS),
});

const toBase64Url = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const fromBase64Url = (text: string): Uint8Array => {
  const b = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = b.charCodeAt(i);
  return out;
};

class TooLarge extends Error {}

/** Inflates in chunks and stops past `limit` bytes: a few kilobytes of link must not become gigabytes. */
function inflateBounded(data: Uint8Array, limit: number): { bytes: Uint8Array } | { error: string } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw new TooLarge();
    chunks.push(chunk);
  });
  try {
    inflater.push(data, true);
  } catch (e) {
    return {
      error:
        e instanceof TooLarge ? 'the story in the link is too large' : 'the story in the link is damaged',
    };
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { bytes };
}

export function encodeStory(story: Story): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify(story)), { level: 9 }));
}

export type DecodedStory = { story: Story } | { error: string };

/** Reads what `encodeStory` wrote; anything else gets a one-line reason. */
export function decodeStory(text: string): DecodedStory {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return { error: 'the story in the link is not in its encoding' };
  if (text.length > MAX_STORY_BYTES) return { error: 'the story in the link is too long' };
  const inflated = inflateBounded(fromBase64Url(text), MAX_STORY_BYTES * 8);
  if ('error' in inflated) return inflated;
  return parseStory(strFromU8(inflated.bytes));
}

/** A story from JSON text (local storage, an embed), checked. */
export function parseStory(json: string): DecodedStory {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { error: 'the story is not valid JSON' };
  }
  const parsed = storySchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { error: `the story is not valid (${first?.path.join('.') || 'top'}: ${first?.message ?? '?'})` };
  }
  return { story: parsed.data };
}
