/** The export formats, their file names and MIME types, and the data formats computed from a view (shared by the UI and the CLI). */
import type { Model } from '../core/model';
import type { Subgraph } from '../core/subgraph';
import { csvZip } from './csv-zip';
import { buildExportGraph, type ExportGraphOptions, type Point } from './export-graph';
import { toGEXF } from './gexf';
import { toGraphML } from './graphml';
import { subBundle } from './sub-bundle';

export const IMAGE_FORMATS = ['png', 'svg'] as const;
export const DATA_FORMATS = ['json', 'graphml', 'gexf', 'csv'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];
export type DataFormat = (typeof DATA_FORMATS)[number];
export type ExportFormat = ImageFormat | DataFormat;

export const FORMAT_INFO: Record<ExportFormat, { extension: string; mime: string; label: string }> = {
  png: { extension: 'png', mime: 'image/png', label: 'PNG image' },
  svg: { extension: 'svg', mime: 'image/svg+xml', label: 'SVG image' },
  json: { extension: 'json', mime: 'application/json', label: 'Threadline bundle' },
  graphml: { extension: 'graphml', mime: 'application/graphml+xml', label: 'GraphML' },
  gexf: { extension: 'gexf', mime: 'application/gexf+xml', label: 'GEXF' },
  csv: { extension: 'zip', mime: 'application/zip', label: 'CSV (zip)' },
};

export interface ExportFile {
  fileName: string;
  mime: string;
  content: string | Uint8Array;
}

export type ExportResult = { ok: true; file: ExportFile } | { ok: false; reason: string };

/** Lowercase, hyphenated, safe on every file system. */
const slug = (s: string) =>
  s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'threadline';

/** "trump-putin--eric-trump.png": the dataset, then what the export is about (the selected entity, or "view"). */
export function exportFileName(datasetId: string, focus: string | null, format: ExportFormat): string {
  const suffix = format === 'csv' ? '-csv' : '';
  return `${slug(datasetId)}--${focus ? slug(focus) : 'view'}${suffix}.${FORMAT_INFO[format].extension}`;
}

export interface DataExportRequest extends Pick<ExportGraphOptions, 'communities' | 'importance'> {
  format: DataFormat;
  focus: string | null;
  positions?: ReadonlyMap<string, Point>;
  exportedAt?: Date;
}

export function exportData(model: Model, subgraph: Subgraph, request: DataExportRequest): ExportResult {
  const { format, focus } = request;
  const file = (content: string | Uint8Array): ExportResult => ({
    ok: true,
    file: {
      fileName: exportFileName(model.dataset.id, focus, format),
      mime: FORMAT_INFO[format].mime,
      content,
    },
  });
  if (subgraph.entityIds.length === 0) return { ok: false, reason: 'The view is empty: nothing to export.' };
  if (format === 'json') {
    const result = subBundle(model, subgraph);
    return result.ok ? file(JSON.stringify(result.bundle, null, 2) + '\n') : result;
  }
  const { positions, communities, importance } = request;
  const graph = buildExportGraph(model, subgraph, {
    focus,
    ...(positions ? { positions } : {}),
    ...(communities ? { communities } : {}),
    ...(importance ? { importance } : {}),
  });
  if (format === 'graphml') return file(toGraphML(graph));
  if (format === 'gexf') return file(toGEXF(graph));
  return file(csvZip(graph, request.exportedAt));
}
