/**
 * What the explorer asks of a server dataset beyond the general API: the entities its opening view shows
 * (the most connected first, as a local dataset opens), and the sub-bundle of what it has loaded without
 * the source texts it already holds (a synthetic dataset's sources are megabytes, sent again at every
 * step otherwise), and an expansion's neighbour page with what it adds, in one round trip. Mounted after the API (app.ts), whose middleware (tables ready, no caching) runs first.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { createPassagesApi } from './api-passages';
import { DbUnavailableError, isUnavailable, type Db } from './db';
import { resolveVersion } from './queries';
import { LIMITS } from './api';
import { explorerDelta, expansionDelta } from './explorer-delta';
import { serverSubBundle } from './sub-bundle';
import { openingEntities } from './opening';
import { sourceContexts, SourceTextTooLarge, type TextLimits } from './evidence-records';
import { recordOf } from '../model/core/held-text';

const OPENING_MAX = 200;
const IDS_MAX = 2000;
const BODY_MAX = 256 * 1024;

const unavailable = (c: Context, e: unknown) =>
  c.json({ error: `The database is unavailable: ${(e as Error).message}` }, 503);
const firstIssue = (error: z.ZodError) => {
  const issue = error.issues[0]!;
  return `${issue.path.join('.') || 'body'}: ${issue.message}`;
};
const id = z.string().min(1).max(300);
const loadedBody = z.object({
  entityIds: z.array(id).min(1).max(IDS_MAX),
  /** Sources whose text the explorer holds already: sent with `text: null`. */
  sourcesHeld: z.array(id).max(IDS_MAX).default([]),
});

const deltaBody = z.object({
  /** The entities to add. */
  entityIds: z.array(id).min(1).max(IDS_MAX),
  /** The entities loaded already: every relation among them is held, so none is sent again. */
  known: z.array(id).max(IDS_MAX).default([]),
  /** Sources the explorer holds: left out of the answer altogether. */
  sourcesHeld: z.array(id).max(IDS_MAX).default([]),
});

/** Quotes whose text around them one request asks for: a relation's evidence, or an export's page. */
export const CONTEXT_QUOTES_MAX = 500;
const contextsBody = z.object({
  quotes: z.array(id).min(1).max(CONTEXT_QUOTES_MAX),
});

/** Neighbour pages an expansion may read at once: the explorer's "all of a hub" reads two. */
const EXPAND_PAGES = 2;
const expandBody = z.object({
  /** The entity expanded, and which of its relations: a type, a page size, how many pages. */
  id,
  type: z.string().min(1).max(120).optional(),
  limit: z.number().int().min(1).max(LIMITS.neighbourPage).default(50),
  pages: z.number().int().min(1).max(EXPAND_PAGES).default(1),
  /** As for the delta: the entities loaded, and the sources held. */
  known: z.array(id).max(IDS_MAX).default([]),
  sourcesHeld: z.array(id).max(IDS_MAX).default([]),
  /** How many entities the explorer may still take; the rest are counted as dropped. */
  room: z.number().int().min(0).max(IDS_MAX).default(IDS_MAX),
});

/** The JSON body of a POST, parsed by `schema`, or the one-line 400 to answer. */
async function readBody<T>(
  c: Context,
  schema: z.ZodType<T>,
): Promise<{ ok: true; data: T } | { ok: false; res: Response }> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { ok: false, res: c.json({ error: 'body: expected JSON' }, 400) };
  }
  const body = schema.safeParse(raw);
  return body.success
    ? { ok: true, data: body.data }
    : { ok: false, res: c.json({ error: firstIssue(body.error) }, 400) };
}

const limitBody = bodyLimit({
  maxSize: BODY_MAX,
  onError: (c) => c.json({ error: `The request body is over ${BODY_MAX} bytes` }, 413),
});

export function createExplorerApi(
  db: Db,
  options: { maxSourceTextBytes?: number; answerContextChars?: number } = {},
): Hono {
  const limits: TextLimits = {
    ...(options.maxSourceTextBytes !== undefined ? { maxTextBytes: options.maxSourceTextBytes } : {}),
    ...(options.answerContextChars !== undefined ? { contextChars: options.answerContextChars } : {}),
  };
  const api = new Hono();
  // The search box's full-text group: GET …/search/passages (api-passages.ts).
  api.route('/', createPassagesApi(db));
  api.get('/datasets/:dataset/opening', async (c) => {
    const query = z
      .object({
        size: z.coerce.number().int().min(1).max(OPENING_MAX).default(25),
        version: z.coerce
          .number()
          .int()
          .min(1)
          .max(2 ** 31 - 1)
          .optional(),
      })
      .safeParse(c.req.query());
    if (!query.success) return c.json({ error: firstIssue(query.error) }, 400);
    const dataset = c.req.param('dataset');
    try {
      const version = await resolveVersion(db, dataset, query.data.version);
      if (version === null) return c.json({ error: `No dataset ${dataset} (or not that version)` }, 404);
      return c.json({ entityIds: await openingEntities(db, version, query.data.size) });
    } catch (e) {
      if (e instanceof DbUnavailableError || isUnavailable(e)) return unavailable(c, e);
      throw e;
    }
  });

  /**
   * A POST on a dataset's current version: the body parsed by `schema` (a 400 naming the first issue), the
   * dataset resolved (404), and a database gone or too much text to send answered as 503 and 413.
   */
  const postOnDataset = <T>(
    path: string,
    schema: z.ZodType<T>,
    answer: (c: Context, on: { dataset: string; version: number }, body: T) => Promise<Response>,
  ) =>
    api.post(`/datasets/:dataset/${path}`, limitBody, async (c) => {
      const body = await readBody(c, schema);
      if (!body.ok) return body.res;
      const dataset = c.req.param('dataset');
      try {
        const version = await resolveVersion(db, dataset, undefined);
        if (version === null) return c.json({ error: `No dataset ${dataset}` }, 404);
        return await answer(c, { dataset, version }, body.data);
      } catch (e) {
        if (e instanceof DbUnavailableError || isUnavailable(e)) return unavailable(c, e);
        if (e instanceof SourceTextTooLarge) return c.json({ error: e.message }, 413);
        throw e;
      }
    });

  postOnDataset('loaded', loadedBody, async (c, { version }, { entityIds, sourcesHeld }) => {
    const out = await serverSubBundle(db, version, entityIds, limits, 'windows');
    if (!out.ok) return c.json({ error: out.reason }, 422);
    const held = new Set(sourcesHeld);
    return c.json({
      ...out.bundle,
      // A source held whole comes as its record alone.
      sources: out.bundle.sources.map((s) => (held.has(s.id) ? { ...recordOf(s), text: null } : s)),
      answers: out.answers,
    });
  });

  postOnDataset('delta', deltaBody, async (c, { version }, { entityIds, known, sourcesHeld }) =>
    c.json(await explorerDelta(db, version, entityIds, known, new Set(sourcesHeld), limits)),
  );

  // An expansion in one round trip: its neighbour page and what adding that page brings.
  postOnDataset('expand', expandBody, async (c, { dataset, version }, { sourcesHeld, ...ask }) => {
    const out = await expansionDelta(db, version, { ...ask, sourcesHeld: new Set(sourcesHeld), limits });
    return out ? c.json(out) : c.json({ error: `No entity ${ask.id} in ${dataset}` }, 404);
  });

  // The text around quotes an answer carried alone (past its budget), asked when they are shown.
  postOnDataset('contexts', contextsBody, async (c, { version }, { quotes }) =>
    c.json({ sources: await sourceContexts(db, version, quotes, limits.maxTextBytes) }),
  );
  return api;
}
