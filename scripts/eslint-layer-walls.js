/**
 * An ESLint rule that keeps the layers of src/ pointing one way (docs/architecture.md, "Walls"). Imports are
 * resolved to the folder they land in, so a wall holds however many `../` a path takes; a bare specifier is a
 * package, checked against the packages a layer may use.
 */
import { dirname, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** What each layer of src/ may import from src/ (besides itself). */
const MAY_IMPORT = {
  lib: [],
  model: [],
  store: ['model'],
  data: ['model', 'lib'],
  'graph-view': ['model', 'store', 'lib'],
  components: ['model', 'store', 'lib'],
  features: ['model', 'store', 'data', 'components', 'lib', 'graph-view/canvas-handle'],
  app: ['model', 'store', 'data', 'components', 'features', 'graph-view', 'lib'],
  // The single-file embed's page: a separate, small program that draws what the model layer wrote for it.
  embed: ['model'],
  // The Node server (npm run serve): the domain below it, nothing of the browser's layers.
  server: ['model', 'lib'],
  main: ['app'],
};

/** Packages only one layer may import: the renderer is graph-view's alone, React stays out of the domain. */
const PACKAGE_OWNERS = [
  {
    test: /^cytoscape(-|$)/,
    layers: ['graph-view', 'embed'],
    why: 'only src/graph-view/ (and the embed page, a program of its own) touches Cytoscape',
  },
  {
    test: /^(react|react-dom)(\/|$)/,
    not: ['model', 'data', 'lib', 'server'],
    why: 'the domain, data and server layers stay free of React',
  },
  {
    test: /^(pg|pg-copy-streams|@electric-sql\/pglite|hono|@hono\/node-server)(\/|$)/,
    layers: ['server'],
    why: 'only src/server/ talks to the database and serves HTTP; the browser bundle stays free of them',
  },
];

/**
 * Folders inside a layer that fewer layers may reach. The server graph source is chosen and built by the
 * shell alone; the store and the features reach it only through the seam (src/model/source/graph-source.ts).
 */
const INNER_WALLS = [
  {
    folder: 'data/graph-source',
    from: ['app', 'data'],
    why: 'the store and the features talk to the graph source through the seam in src/model/source/',
  },
];

/** Folders outside src/ that code in src/ (and scripts/) must never reach. */
const OUTSIDE = { src: ['tests', 'bench', 'scripts'], scripts: ['tests', 'bench'] };

/** "src/model/core/x.ts" → "model"; "src/main.tsx" → "main"; "scripts/x.ts" → "scripts". */
function layerOf(path) {
  const parts = relative(ROOT, path).split(sep);
  if (parts[0] !== 'src') return { top: parts[0], layer: null };
  if (parts.length === 2) return { top: 'src', layer: parts[1].replace(/\.[^.]+$/, '') };
  return { top: 'src', layer: parts[1], rest: parts.slice(2).join('/') };
}

const allowed = (from, to) =>
  from.layer === to.layer ||
  (MAY_IMPORT[from.layer] ?? []).some(
    (entry) => entry === to.layer || entry === `${to.layer}/${(to.rest ?? '').replace(/\.[^.]+$/, '')}`,
  );

export default {
  rules: {
    'layer-walls': {
      meta: { type: 'problem', schema: [], docs: { description: 'imports follow the layers of src/' } },
      create(context) {
        const file = context.filename;
        const from = layerOf(file);
        const check = (node, specifier) => {
          if (typeof specifier !== 'string') return;
          if (!specifier.startsWith('.')) {
            if (from.top !== 'src') return;
            for (const owner of PACKAGE_OWNERS) {
              if (!owner.test.test(specifier)) continue;
              const ok = owner.layers ? owner.layers.includes(from.layer) : !owner.not.includes(from.layer);
              if (!ok)
                context.report({
                  node,
                  message: `${from.layer} may not import '${specifier}': ${owner.why}.`,
                });
            }
            return;
          }
          const to = layerOf(resolve(dirname(file), specifier.split('?')[0]));
          if (from.top !== 'src') {
            if ((OUTSIDE[from.top] ?? []).includes(to.top))
              context.report({ node, message: `${from.top}/ may not import from ${to.top}/.` });
            return;
          }
          if (to.top !== 'src') {
            if (OUTSIDE.src.includes(to.top))
              context.report({
                node,
                message: `src/ may not import from ${to.top}/: product code stands alone.`,
              });
            return;
          }
          for (const wall of INNER_WALLS)
            if (
              `${to.layer}/${to.rest ?? ''}`.startsWith(`${wall.folder}/`) &&
              !wall.from.includes(from.layer)
            )
              context.report({
                node,
                message: `src/${from.layer} may not import src/${wall.folder}: ${wall.why}.`,
              });
          if (!allowed(from, to))
            context.report({
              node,
              message: `src/${from.layer} may not import src/${to.layer}${to.rest ? `/${to.rest}` : ''} (allowed: ${(MAY_IMPORT[from.layer] ?? []).join(', ') || 'nothing'}).`,
            });
        };
        return {
          ImportDeclaration: (node) => check(node, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
          ExportAllDeclaration: (node) => check(node, node.source.value),
          ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
        };
      },
    },
  },
};
