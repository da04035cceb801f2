/**
 * `virtual:threadline-embed-runtime`: the embed's page script (src/embed/runtime.ts with Cytoscape),
 * bundled and minified into one string the explorer writes into an exported HTML file. Built with Vite's
 * own API, the same in `npm start` and in the production build, so an embed made in either works alike.
 */
import { resolve } from 'node:path';
import { build, type Plugin, type Rollup } from 'vite';

const VIRTUAL = 'virtual:threadline-embed-runtime';
const RESOLVED = `\0${VIRTUAL}`;
const ENTRY = resolve(import.meta.dirname, '..', 'src', 'embed', 'runtime.ts');

async function bundleRuntime(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: true,
      emptyOutDir: false,
      lib: { entry: ENTRY, formats: ['iife'], name: 'ThreadlineEmbed', fileName: 'embed-runtime' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o): o is Rollup.OutputChunk => o.type === 'chunk');
  if (!chunk) throw new Error('the embed runtime produced no script');
  return chunk.code;
}

export function embedRuntimePlugin(): Plugin {
  let code: Promise<string> | null = null;
  return {
    name: 'threadline-embed-runtime',
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      code ??= bundleRuntime();
      return `export default ${JSON.stringify(await code)};`;
    },
    // In development the runtime is bundled again when its code (or the model it draws with) changes.
    handleHotUpdate({ file, server }) {
      if (!/[/\\]src[/\\](embed|model)[/\\]/.test(file)) return;
      code = null;
      const mod = server.moduleGraph.getModuleById(RESOLVED);
      if (mod) server.moduleGraph.invalidateModule(mod);
    },
  };
}
