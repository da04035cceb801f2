/**
 * `npm run export -- --dataset <dir> --focus <entity-id> [--depth N] --format png|svg|graphml|gexf|csv|json --out <file>`
 * Exports the neighbourhood of one entity: data formats are computed here through src/model/export, images are
 * rendered by the built app in headless Chromium through the same code as the Export menu.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { NO_FILTERS } from '../src/model/core/filters';
import { buildModel } from '../src/model/core/model-builder';
import { DATA_FORMATS, exportData, IMAGE_FORMATS, type ExportFormat } from '../src/model/export/formats';
import { neighbourhood } from '../src/model/export/neighbourhood';
import { checkPageTexts, PAGE_PRESET_IDS, type PagePreset } from '../src/model/export/page';
import { formatProblem, hasErrors } from '../src/model/format/problems';
import { subgraphOf } from '../src/model/core/subgraph';
import { validateDatasetFolder } from '../src/model/format/validate-folder';
import { displayPath, folderReader } from './dataset-files';
import { renderImage } from './export-render';

const USAGE =
  'usage: npm run export -- --dataset <dir> --focus <entity-id> [--depth N] --format png|svg|graphml|gexf|csv|json --out <file>\n' +
  '       images also take [--scale 1|2|4] [--background white|transparent] [--no-legend] [--no-citations]\n' +
  `       and [--page drawing|${PAGE_PRESET_IDS.join('|')}] (drawing: sized to the drawing) [--headline T] [--standfirst T] [--credit T]\n` +
  '       [--source-line T] [--date T] [--overflow continue|shorten] (further pages are written as <out>-page2.<ext>, …)';
const FORMATS: readonly string[] = [...IMAGE_FORMATS, ...DATA_FORMATS];

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

const { values } = (() => {
  try {
    return parseArgs({
      args: process.argv.slice(2).filter((a) => a !== '--'),
      options: {
        dataset: { type: 'string' },
        focus: { type: 'string' },
        depth: { type: 'string', default: '1' },
        format: { type: 'string' },
        out: { type: 'string' },
        scale: { type: 'string', default: '2' },
        background: { type: 'string', default: 'white' },
        'no-legend': { type: 'boolean', default: false },
        'no-citations': { type: 'boolean', default: false },
        page: { type: 'string', default: 'drawing' },
        headline: { type: 'string', default: '' },
        standfirst: { type: 'string', default: '' },
        credit: { type: 'string', default: '' },
        'source-line': { type: 'string', default: '' },
        date: { type: 'string', default: '' },
        overflow: { type: 'string', default: 'continue' },
      },
    });
  } catch (e) {
    return fail(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  }
})();

const { dataset, focus, format, out } = values;
if (!dataset || !focus || !format || !out) fail(USAGE);
if (!FORMATS.includes(format)) fail(`unknown format "${format}"\n${USAGE}`);
const depth = Number(values.depth);
if (!Number.isInteger(depth) || depth < 0 || depth > 10) fail('--depth is a whole number from 0 to 10');
const scale = Number(values.scale);
if (![1, 2, 4].includes(scale)) fail('--scale is 1, 2 or 4');
if (values.background !== 'white' && values.background !== 'transparent')
  fail('--background is white or transparent');
const page = values.page;
if (page !== 'drawing' && !(PAGE_PRESET_IDS as readonly string[]).includes(page))
  fail(`--page is drawing, ${PAGE_PRESET_IDS.join(', ')}`);
if (values.overflow !== 'continue' && values.overflow !== 'shorten')
  fail('--overflow is continue or shorten');
const texts = {
  headline: values.headline,
  standfirst: values.standfirst,
  credit: values.credit,
  sourceLine: values['source-line'],
  date: values.date,
};
const textProblem = checkPageTexts(texts)[0];
if (textProblem)
  fail(`--${textProblem.replace(/^Source line/, 'source-line').replace(/^\w/, (c) => c.toLowerCase())}`);

const { problems, bundle } = validateDatasetFolder(displayPath(dataset), folderReader(dataset));
if (hasErrors(problems) || !bundle) {
  problems.filter((p) => p.severity === 'error').forEach((p) => console.error(formatProblem(p)));
  fail(`${displayPath(dataset)} does not validate`, 1);
}
const model = buildModel(bundle);
if (!model.entities.has(focus)) {
  const near = bundle.entities.filter((e) => e.id.includes(focus) || focus.includes(e.id)).map((e) => e.id);
  fail(
    `no entity "${focus}" in ${bundle.dataset.id}${near.length > 0 ? `; did you mean ${near.slice(0, 5).join(', ')}?` : ''}`,
    1,
  );
}
const ids = neighbourhood(model, NO_FILTERS, focus, depth);
const subgraph = subgraphOf(model, ids, NO_FILTERS);

const write = (content: string | Uint8Array) => {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, content);
};

if ((DATA_FORMATS as readonly string[]).includes(format)) {
  const result = exportData(model, subgraph, {
    format: format as Exclude<ExportFormat, 'png' | 'svg'>,
    focus,
  });
  if (!result.ok) fail(result.reason, 1);
  write(result.file.content);
} else {
  const image = await renderImage(bundle, ids, focus, {
    format: format as 'png' | 'svg',
    scale,
    background: values.background,
    legend: !values['no-legend'],
    citations: !values['no-citations'],
    page: page as 'drawing' | PagePreset,
    scope: 'view',
    texts,
    overflow: values.overflow,
  }).catch((e: unknown) =>
    fail(`could not render the image: ${e instanceof Error ? e.message : String(e)}`, 1),
  );
  write(Buffer.from(image.base64, 'base64'));
  image.more.forEach((p, i) => {
    const file = out.replace(/(\.[a-z]+)?$/i, (ext) => `-page${i + 2}${ext}`);
    writeFileSync(file, Buffer.from(p.base64, 'base64'));
    console.log(`${displayPath(file)}: page ${i + 2}, the evidence continued`);
  });
  if (image.scale < scale)
    console.warn(`scaled down to ${image.scale.toFixed(2)}× to stay within the canvas limit`);
}
console.log(
  `${displayPath(out)}: ${format}, ${subgraph.entityIds.length} entities and ${subgraph.relations.length} relations within ${depth} of ${focus}`,
);
