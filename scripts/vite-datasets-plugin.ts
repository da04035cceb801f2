/** Vite plugin: compiles every dataset under graph-data/ into a bundle, served in dev and emitted at build. */
import type { Plugin } from 'vite';
import { basename } from 'node:path';
import { formatProblem, hasErrors } from '../src/model/problems';
import { validateDatasetFolder } from '../src/model/validate-folder';
import type { DatasetIndexEntry } from '../src/data/dataset-index';
import { bundledDatasets, displayPath, folderReader } from './dataset-files';

function compileAll(): { index: DatasetIndexEntry[]; files: Map<string, string> } {
  const index: DatasetIndexEntry[] = [];
  const files = new Map<string, string>();
  for (const dir of bundledDatasets()) {
    const { problems, bundle } = validateDatasetFolder(displayPath(dir), folderReader(dir));
    if (hasErrors(problems) || !bundle) {
      throw new Error(
        `dataset ${basename(dir)} does not validate:\n${problems.map(formatProblem).join('\n')}`,
      );
    }
    const file = `datasets/${bundle.dataset.id}.json`;
    files.set(file, JSON.stringify(bundle));
    index.push({
      id: bundle.dataset.id,
      title: bundle.dataset.title,
      file,
      entities: bundle.entities.length,
      relations: bundle.relations.length,
    });
  }
  files.set('datasets/index.json', JSON.stringify(index));
  return { index, files };
}

export function datasetsPlugin(): Plugin {
  return {
    name: 'threadline-datasets',
    configureServer(server) {
      server.watcher.add('graph-data');
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!.replace(/^\//, '');
        if (!path.startsWith('datasets/')) return next();
        try {
          const body = compileAll().files.get(path);
          if (body === undefined) return next();
          res.setHeader('Content-Type', 'application/json');
          res.end(body);
        } catch (e) {
          res.statusCode = 500;
          res.setHeader('Content-Type', 'text/plain');
          res.end(String(e instanceof Error ? e.message : e));
        }
      });
    },
    generateBundle() {
      for (const [fileName, source] of compileAll().files) this.emitFile({ type: 'asset', fileName, source });
    },
  };
}
