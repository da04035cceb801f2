/** The whole server: the API under /api and the built explorer (dist/) for everything else. */
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { existsSync } from 'node:fs';
import { createApi, type ApiOptions } from './api';
import { createExplorerApi } from './api-explorer';

export interface AppOptions extends ApiOptions {
  /** The built explorer; without one, only the API is served. */
  distDir?: string;
}

export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  app.route('/api', createApi(options));
  app.route('/api', createExplorerApi(options.db, options));
  // A mounted app's own notFound is not consulted: unknown API paths are answered here, in JSON.
  app.all('/api/*', (c) => c.json({ error: `No such endpoint: ${c.req.method} ${c.req.path}` }, 404));
  const dist = options.distDir;
  if (dist && existsSync(dist)) app.use('/*', serveStatic({ root: dist }));
  else
    app.get('/', (c) =>
      c.text('The explorer is not built: run npm run build, then restart the server.', 503),
    );
  return app;
}
