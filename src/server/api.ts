/**
 * The HTTP API over one database (docs/server.md; the OpenAPI document is openapi.ts). Stateless: every
 * request names its dataset, so any number of these run behind a load balancer. Every input is checked
 * with a one-line answer naming the parameter; every list is capped; only the publish endpoint writes,
 * and only with the write token.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { STATUSES } from '../model/core/vocabulary';
import { formatProblemList, hasErrors } from '../model/format/problems';
import { validateBundleText } from '../model/format/validate-bundle';
import { DbUnavailableError, isUnavailable, type Db } from './db';
import { importBundle } from './import';
import { openApiDocument } from './openapi';
import { DEFAULT_SERVER_PATH_OPTIONS, findPaths } from './paths';
import * as q from './queries';
import { ensureSchema } from './schema';
import { serverSubBundle } from './sub-bundle';
import { SourceTextTooLarge } from './evidence-records';

export interface ApiOptions {
  db: Db;
  /** Without a token, publishing is refused. */
  writeToken?: string;
  /** An origin allowed to call the API from another site; none by default (CORS closed). */
  corsOrigin?: string;
  /** Largest request body for reads (bytes). */
  maxBodyBytes?: number;
  /** Largest bundle a publish may send (bytes). */
  maxPublishBytes?: number;
  /** The most source text one explorer answer carries (bytes; SOURCE_TEXT_MAX_BYTES by default). */
  maxSourceTextBytes?: number;
  /** Characters of text around quotes one explorer answer carries (ANSWER_CONTEXT_CHARS by default). */
  answerContextChars?: number;
}

/** The caps every request keeps to; docs/server.md lists them. */
export const LIMITS = {
  searchResults: 50,
  neighbourPage: 200,
  pathLength: 6,
  paths: 20,
  pathBudget: DEFAULT_SERVER_PATH_OPTIONS.budget,
  entityIdsPerRequest: 2000,
  sourceRange: 100_000,
  speakersPage: 500,
  queryText: 200,
  idLength: 300,
} as const;

class BadRequest extends Error {}

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** PostgreSQL text cannot hold NUL; refused here with a message rather than by the database with a 500. */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain a NUL character');
const id = text(LIMITS.idLength).refine((s) => s.length > 0, 'must not be empty');

/** Query parameters checked against a schema; the first problem becomes a 400 naming the parameter. */
function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new BadRequest(`${issue.path.join('.') || 'request'}: ${issue.message}`);
}

const versionQuery = z.object({ version: int(1, 2 ** 31 - 1).optional() });

export function createApi(options: ApiOptions): Hono {
  const { db } = options;
  const api = new Hono();

  if (options.corsOrigin) api.use('*', cors({ origin: options.corsOrigin }));
  // The tables exist before the first query, however the database was made; retried if that fails.
  let ready: Promise<void> | undefined;
  api.use('*', async (_c, next) => {
    ready ??= ensureSchema(db).catch((e: unknown) => {
      ready = undefined;
      throw e;
    });
    await ready;
    await next();
  });
  api.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
  });

  api.onError((err, c) => {
    if (err instanceof BadRequest) return c.json({ error: err.message }, 400);
    if (err instanceof SourceTextTooLarge) return c.json({ error: err.message }, 413);
    if (err instanceof DbUnavailableError || isUnavailable(err))
      return c.json(
        {
          error:
            err instanceof DbUnavailableError ? err.message : `The database is unavailable: ${err.message}`,
        },
        503,
      );
    if ((err as { code?: string }).code === '57014')
      return c.json(
        { error: 'The query ran past the time limit; narrow it (a shorter path, a smaller page).' },
        503,
      );
    console.error(err);
    return c.json({ error: 'Internal error; the server log has the details.' }, 500);
  });
  api.notFound((c) => c.json({ error: `No such endpoint: ${c.req.method} ${c.req.path}` }, 404));

  /** The dataset version a request reads, or a 404 saying which dataset is missing. */
  const versionOf = async (c: Context): Promise<number | Response> => {
    const dataset = parse(id, c.req.param('dataset'));
    const { version } = parse(versionQuery, { version: c.req.query('version') });
    const v = await q.resolveVersion(db, dataset, version);
    if (v === null)
      return c.json(
        {
          error: version
            ? `Dataset ${dataset} has no version ${version} (the current and the previous one are kept)`
            : `No dataset ${dataset}`,
        },
        404,
      );
    return v;
  };
  const missing = (c: Context, what: string) => c.json({ error: `No ${what}` }, 404);
  const readBody = bodyLimit({
    maxSize: options.maxBodyBytes ?? 256 * 1024,
    onError: (c) =>
      c.json({ error: `The request body is over ${options.maxBodyBytes ?? 256 * 1024} bytes` }, 413),
  });
  const jsonBody = async (c: Context): Promise<unknown> => {
    try {
      return await c.req.json();
    } catch {
      throw new BadRequest('body: expected JSON');
    }
  };

  api.get('/openapi.json', (c) => c.json(openApiDocument()));
  api.get('/health', async (c) => {
    await db.query('SELECT 1');
    return c.json({ ok: true, database: db.kind });
  });
  api.get('/datasets', async (c) => c.json({ datasets: await q.listDatasets(db) }));

  api.get('/datasets/:dataset', async (c) => {
    const v = await versionOf(c);
    return typeof v === 'number' ? c.json(await q.datasetDetails(db, v)) : v;
  });
  api.get('/datasets/:dataset/facets', async (c) => {
    const v = await versionOf(c);
    return typeof v === 'number' ? c.json(await q.facets(db, v)) : v;
  });
  api.get('/datasets/:dataset/timeline', async (c) => {
    const v = await versionOf(c);
    return typeof v === 'number' ? c.json(await q.timeline(db, v)) : v;
  });

  const searchQuery = z.object({
    q: text(LIMITS.queryText),
    limit: int(1, LIMITS.searchResults).default(10),
  });
  api.get('/datasets/:dataset/search/entities', async (c) => {
    const v = await versionOf(c);
    if (typeof v !== 'number') return v;
    const { q: query, limit } = parse(searchQuery, c.req.query());
    return c.json({ entities: await q.searchEntities(db, v, query, limit) });
  });
  api.get('/datasets/:dataset/search/quotes', async (c) => {
    const v = await versionOf(c);
    if (typeof v !== 'number') return v;
    const { q: query, limit } = parse(searchQuery, c.req.query());
    return c.json({ quotes: await q.searchQuotes(db, v, query, limit) });
  });

  api.get('/datasets/:dataset/entities/:id', async (c) => {
    const v = await versionOf(c);
    if (typeof v !== 'number') return v;
    const found = await q.entity(db, v, parse(id, c.req.param('id')));
    return found ? c.json(found) : missing(c, `entity ${c.req.param('id')}`);
  });
  const pageQuery = z.object({
    type: z.string().min(1).max(120).optional(),
    limit: int(1, LIMITS.neighbourPage).default(50),
    after: int(-1, 2 ** 31 - 1).default(-1),
  });
  api.get('/datasets/:dataset/entities/:id/neighbours', async (c) => {
    const v = await versionOf(c);
    if (typeof v !== 'number') return v;
    const page = await q.neighbours(db, v, parse(id, c.req.param('id')), parse(pageQuery, c.req.query()));
    return page ? c.json(page) : missing(c, `entity ${c.req.param('id')}`);
  });
  api.get('/datasets/:dataset/between', async (c) => {
    const v = await versionOf(c);
    if (typeof v !== 'number') return v;
    const { a, b } = parse(z.object({ a: id, b: id }), c.req.query());
    const relations = await q.between(db, v, a, b);
    return relations ? c.json({ relations }) : missing(c, `entity ${a} or ${b}`);
  });
  const idsBody = z.object({ entityIds: z.array(id).min(1).max(LIMITS.entityIdsPerRequest) });
  api.post('/datasets/:dataset/among', readBody, async (c) => {
    const v = await versionOf(c);
    if (typeof v !== 'number') return v;
    const { entityIds } = parse(idsBody, await jsonBody(c));
    return c.json({ relations: await q.among(db, v, entityIds) });
  });
  api.post('/datasets/:dataset/subgraph', readBody, async (c) => {
    const v = await versionOf(c);
    if (typeof v !== 'number') return v;
    const { entityIds } = parse(idsBody, await jsonBody(c));
    const out = await serverSubBundle(db, v, entityIds, { maxTextBytes: options.maxSourceTextBytes });
    return out.ok ? c.json(out.bundle) : c.json({ error: out.reason }, 422);
  });

  api.get('/datasets/:dataset/relations/:id', async (c) => {
    const v = await versionOf(c);
    if (typeof v !== 'number') return v;
    const found = await q.relationWithEvidence(db, v, parse(id, c.req.param('id')));
    return found ? c.json(found) : missing(c, `relation ${c.req.param('id')}`);
  });
  const rangeQuery = z
    .object({ start: int(0, 2 ** 31 - 1).default(0), end: int(0, 2 ** 31 - 1) })
    .refine((r) => r.end >= r.start, { message: 'must not be before start', path: ['end'] })
    .refine((r) => r.end - r.start <= LIMITS.sourceRange, {
      message: `at most ${LIMITS.sourceRange} characters at a time`,
      path: ['end'],
    });
  api.get('/datasets/:dataset/sources/:id/text', async (c) => {
    const v = await versionOf(c);
    if (typeof v !== 'number') return v;
    const { start, end } = parse(rangeQuery, c.req.query());
    const found = await q.sourceRange(db, v, parse(id, c.req.param('id')), start, end);
    return found ? c.json(found) : missing(c, `source ${c.req.param('id')}`);
  });
  api.get('/datasets/:dataset/speakers', async (c) => {
    const v = await versionOf(c);
    if (typeof v !== 'number') return v;
    const { limit, offset } = parse(
      z.object({ limit: int(1, LIMITS.speakersPage).default(100), offset: int(0, 2 ** 31 - 1).default(0) }),
      c.req.query(),
    );
    return c.json(await q.speakers(db, v, limit, offset));
  });

  const pathQuery = z.object({
    from: id,
    to: id,
    maxLength: int(1, LIMITS.pathLength).default(DEFAULT_SERVER_PATH_OPTIONS.maxLength),
    minStatus: z.enum(STATUSES).optional(),
    maxHubDegree: int(1, 2 ** 31 - 1).optional(),
    maxPaths: int(1, LIMITS.paths).default(DEFAULT_SERVER_PATH_OPTIONS.maxPaths),
    relationTypes: z.string().max(4000).optional(),
  });
  api.get('/datasets/:dataset/paths', async (c) => {
    const v = await versionOf(c);
    if (typeof v !== 'number') return v;
    const p = parse(pathQuery, c.req.query());
    return c.json(
      await findPaths(db, v, p.from, p.to, {
        maxLength: p.maxLength,
        minStatus: p.minStatus ?? null,
        maxHubDegree: p.maxHubDegree ?? null,
        maxPaths: p.maxPaths,
        relationTypes: p.relationTypes ? p.relationTypes.split(',').filter(Boolean) : null,
        budget: LIMITS.pathBudget,
      }),
    );
  });

  const publishLimit = options.maxPublishBytes ?? 256 * 1024 * 1024;
  api.post(
    '/datasets',
    async (c, next) => {
      // Refused before the body is read: no token configured, or the wrong one.
      const given = /^Bearer (.+)$/.exec(c.req.header('Authorization') ?? '')?.[1] ?? '';
      const token = options.writeToken ?? '';
      const ok =
        token !== '' &&
        given.length === token.length &&
        timingSafeEqual(Buffer.from(given), Buffer.from(token));
      if (!ok)
        return c.json(
          {
            error:
              token === ''
                ? 'Publishing is off: the server was started without THREADLINE_WRITE_TOKEN'
                : 'Publishing needs the write token (Authorization: Bearer …)',
          },
          token === '' ? 403 : 401,
        );
      await next();
    },
    bodyLimit({
      maxSize: publishLimit,
      onError: (c) => c.json({ error: `The bundle is over ${publishLimit} bytes` }, 413),
    }),
    async (c) => {
      const { problems, bundle } = validateBundleText(await c.req.text(), 'bundle');
      if (hasErrors(problems) || !bundle)
        return c.json(
          {
            error: 'The bundle does not validate; nothing was published',
            problems: formatProblemList(problems.filter((p) => p.severity === 'error')),
          },
          422,
        );
      const result = await importBundle(db, bundle);
      return c.json(result, 201);
    },
  );
  return api;
}
