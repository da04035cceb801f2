/** The analysis requests the UI makes, answered the same way on the main thread or in the analysis worker. */
import type { Model } from '../core/model';
import { communities } from './communities';
import { importanceScores, type ImportanceMeasure } from './importance';
import { findPaths, type PathOptions, type PathSearchResult } from './paths';

export type AnalysisRequest =
  | { kind: 'paths'; from: string; to: string; options: PathOptions }
  | { kind: 'importance'; measure: ImportanceMeasure }
  | { kind: 'communities' };

/** Every answer is plain structured-cloneable data (maps, arrays, records), so it crosses the worker boundary as is. */
export type AnalysisResult<R extends AnalysisRequest> = R extends { kind: 'paths' }
  ? PathSearchResult
  : Map<string, number>;

export function runAnalysis<R extends AnalysisRequest>(model: Model, request: R): AnalysisResult<R>;
export function runAnalysis(model: Model, request: AnalysisRequest): PathSearchResult | Map<string, number> {
  switch (request.kind) {
    case 'paths':
      return findPaths(model, request.from, request.to, request.options);
    case 'importance':
      return importanceScores(model, request.measure);
    case 'communities':
      return communities(model);
  }
}
