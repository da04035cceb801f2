/** Vite plugin: compiles every dataset under graph-data/ into a bundle, served in dev and emitted at build. */
import type { Plugin } from 'vite';
import { basename } from 'node:path';
import { formatProblemList, hasErrors, type Problem } from '../src/model/problems';
import { validateDatasetFolder } from '../src/model/validate-folder';
import type { DatasetIndexEntry } from '../src/data/dataset-index';
import { bundledDatasets, displayPath, folderReader } from './dataset-files';

interface Compiled {
  entry: DatasetIndexEntry;
  /** The bundle as JSON, or the problems that stop it from compiling. */
  body: string;
  problems: Problem[];
}

function compileAll(): Compiled[] {
  return bundledDatasets().map((dir) => {
    const id = basename(dir);
    const { problems, bundle } = validateDatasetFolder(displayPath(dir), folderReader(dir));
    const file = `datasets/${bundle?.dataset.id ?? id}.json`;
    if (hasErrors(problems) || !bundle)
      return {
        entry: { id, title: id, file, entities: 0, relations: 0 },
        body: JSON.stringify({ problems }),
        problems,
      };
    return {
      entry: {
        id: bundle.dataset.id,
        title: bundle.dataset.title,
        file,
        entities: bundle.entities.length,
        relations: bundle.relations.length,
      },
      body: JSON.stringify(bundle),
      problems,
    };
  });
}

export function datasetsPlugin(): Plugin {
  return {
    name: 'threadline-datasets',
    configureServer(server) {
      server.watcher.add('graph-data');
      // Compiled per request, so an edited dataset shows on reload; a broken one answers 422 with its problems.
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!.replace(/^\//, '');
        if (!path.startsWith('datasets/')) return next();
        const all = compileAll();
        if (path === 'datasets/index.json') {
          res.setHeader('Content-Type', 'application/json');
          return res.end(JSON.stringify(all.map((c) => c.entry)));
        }
        const hit = all.find((c) => c.entry.file === path);
        if (!hit) return next();
        res.statusCode = hasErrors(hit.problems) ? 422 : 200;
        res.setHeader('Content-Type', 'application/json');
        res.end(hit.body);
      });
    },
    generateBundle() {
      const all = compileAll();
      const broken = all.filter((c) => hasErrors(c.problems));
      if (broken.length > 0)
        this.error(
          `datasets do not validate:\n${broken.flatMap((c) => formatProblemList(c.problems.filter((p) => p.severity === 'error'))).join('\n')}`,
        );
      for (const c of all) this.emitFile({ type: 'asset', fileName: c.entry.file, source: c.body });
      this.emitFile({
        type: 'asset',
        fileName: 'datasets/index.json',
        source: JSON.stringify(all.map((c) => c.entry)),
      });
    },
  };
}
