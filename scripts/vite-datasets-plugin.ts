/** Vite plugin: compiles every dataset under graph-data/ into a bundle, served in dev and emitted at build. */
import type { Plugin } from 'vite';
import { basename } from 'node:path';
import { cappedProblems, formatProblemList, hasErrors, type Problem } from '../src/model/format/problems';
import { validateDatasetFolder } from '../src/model/format/validate-folder';
import type { DatasetIndexEntry } from '../src/data/dataset-index';
import { bundledDatasets, datasetStamp, displayPath, folderReader } from './dataset-files';
import { jsonLimitProblem } from '../src/model/format/limits';

interface Compiled {
  entry: DatasetIndexEntry;
  /** The bundle as JSON, or the problems that stop it from compiling. */
  body: string;
  problems: Problem[];
}

function compile(dir: string): Compiled {
  const id = basename(dir);
  const { problems, bundle } = validateDatasetFolder(displayPath(dir), folderReader(dir));
  const file = `datasets/${bundle?.dataset.id ?? id}.json`;
  const failed = (problems: Problem[]): Compiled => ({
    entry: { id, title: id, file, entities: 0, relations: 0 },
    body: JSON.stringify(cappedProblems(problems)),
    problems,
  });
  if (hasErrors(problems) || !bundle) return failed(problems);
  const body = JSON.stringify(bundle);
  // Served and emitted only if the app will open it: it reads with the same limits.
  const refused = jsonLimitProblem(body, file);
  if (refused) return failed([refused]);
  return {
    entry: {
      id: bundle.dataset.id,
      title: bundle.dataset.title,
      file,
      entities: bundle.entities.length,
      relations: bundle.relations.length,
    },
    body,
    problems,
  };
}

/**
 * Compiles each dataset again only when one of its files changed (size or modification time): a large
 * dataset takes seconds to compile, and the dev server asks for the index and the bundle on every load.
 */
export function datasetCompiler(datasets: () => string[] = bundledDatasets): {
  compileAll(): Compiled[];
  compilations: number;
} {
  const cache = new Map<string, { stamp: string; compiled: Compiled }>();
  const compiler = {
    compilations: 0,
    compileAll(): Compiled[] {
      const dirs = datasets();
      for (const dir of cache.keys()) if (!dirs.includes(dir)) cache.delete(dir);
      return dirs.map((dir) => {
        const stamp = datasetStamp(dir);
        const hit = cache.get(dir);
        if (hit && hit.stamp === stamp) return hit.compiled;
        compiler.compilations++;
        const compiled = compile(dir);
        cache.set(dir, { stamp, compiled });
        return compiled;
      });
    },
  };
  return compiler;
}

export function datasetsPlugin(): Plugin {
  const { compileAll } = datasetCompiler();
  return {
    name: 'threadline-datasets',
    configureServer(server) {
      server.watcher.add('graph-data');
      // Checked per request and compiled again when a file changed, so an edited dataset shows on reload;
      // a broken one answers 422 with its problems.
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
