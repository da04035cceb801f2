/** Serves the snapshot of dist/ with Vite's preview server on 127.0.0.1, plus the generated bundles streamed from disk. */
import { createReadStream, statSync } from 'node:fs';
import { preview, type Plugin } from 'vite';
import { ROOT, SERVED_DIST } from './dist';
import { fileForRequest, type ServedDataset } from './routes';

function benchFiles(served: readonly ServedDataset[]): Plugin {
  return {
    name: 'threadline-bench-files',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const file = fileForRequest(req.url ?? '', served);
        if (!file) return next();
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Content-Length', String(statSync(file).size));
        createReadStream(file).pipe(res);
      });
    },
  };
}

export interface BenchServer {
  baseUrl: string;
  close(): Promise<void>;
}

export async function startServer(served: readonly ServedDataset[]): Promise<BenchServer> {
  const server = await preview({
    root: ROOT,
    // The app's vite.config.ts only adds the dataset compiler, which a preview of a finished build does not need.
    configFile: false,
    base: './',
    logLevel: 'warn',
    build: { outDir: SERVED_DIST },
    plugins: [benchFiles(served)],
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('the preview server has no port');
  return { baseUrl: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}
