/**
 * What the explorer asks of a server dataset beyond the general API: the entities its opening view shows
 * (the most connected first, as a local dataset opens). Mounted after the API (app.ts), whose middleware
 * (tables ready, no caching) runs first.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { DbUnavailableError, isUnavailable, type Db } from './db';
import { resolveVersion } from './queries';

const OPENING_MAX = 200;

export function createExplorerApi(db: Db): Hono {
  const api = new Hono();
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
    if (!query.success) {
      const issue = query.error.issues[0]!;
      return c.json({ error: `${issue.path.join('.')}: ${issue.message}` }, 400);
    }
    const dataset = c.req.param('dataset');
    try {
      const version = await resolveVersion(db, dataset, query.data.version);
      if (version === null) return c.json({ error: `No dataset ${dataset} (or not that version)` }, 404);
      const rows = await db.query<{ id: string }>(
        `SELECT id FROM tl_entities WHERE version = $1 ORDER BY degree DESC, row LIMIT $2`,
        [version, query.data.size],
      );
      return c.json({ entityIds: rows.map((r) => r.id) });
    } catch (e) {
      if (e instanceof DbUnavailableError || isUnavailable(e))
        return c.json({ error: `The database is unavailable: ${(e as Error).message}` }, 503);
      throw e;
    }
  });
  return api;
}
