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
    const size = z.coerce.number().int().min(1).max(OPENING_MAX).default(25).safeParse(c.req.query('size'));
    if (!size.success) return c.json({ error: `size: ${size.error.issues[0]!.message}` }, 400);
    const dataset = c.req.param('dataset');
    try {
      const version = await resolveVersion(db, dataset, undefined);
      if (version === null) return c.json({ error: `No dataset ${dataset}` }, 404);
      const rows = await db.query<{ id: string }>(
        `SELECT id FROM tl_entities WHERE version = $1 ORDER BY degree DESC, row LIMIT $2`,
        [version, size.data],
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
