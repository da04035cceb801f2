/**
 * Reads what `npm run db:import` and `npm run serve` load: a dataset folder, a bundle, or a compact index
 * (with its evidence file beside it), checked with the validator's own checks and messages.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { MAX_JSON_BYTES } from '../src/model/format/limits';
import type { Problem } from '../src/model/format/problems';
import type { Bundle } from '../src/model/format/bundle';
import { validateBundleText } from '../src/model/format/validate-bundle';
import { validateDatasetFolder } from '../src/model/format/validate-folder';
import { evidenceFromText, modelFromCompactIndex } from '../src/model/format/compact/load';
import { receiveEvidence } from '../src/model/core/model';
import { subBundle } from '../src/model/export/sub-bundle';
import { displayPath, folderReader } from './dataset-files';

export interface DatasetInput {
  problems: Problem[];
  bundle?: Bundle;
}

const problem = (file: string, code: Problem['code'], message: string): DatasetInput => ({
  problems: [{ severity: 'error', code, file, pointer: '', message }],
});

function readLimited(path: string): string | DatasetInput {
  const size = statSync(path).size;
  if (size > MAX_JSON_BYTES)
    return problem(displayPath(path), 'too-large', `file is ${size} bytes; the limit is ${MAX_JSON_BYTES}`);
  return readFileSync(path, 'utf8');
}

/** The compact index and the evidence file `npm run compile -- --compact` wrote beside it, as one bundle. */
function compactInput(indexPath: string, text: string): DatasetInput {
  const file = displayPath(indexPath);
  const indexed = modelFromCompactIndex(text, file);
  if (!indexed.ok) return { problems: indexed.problems };
  const evidencePath = indexPath.replace(/(\.json)?$/, '.evidence.json');
  if (!existsSync(evidencePath))
    return problem(displayPath(evidencePath), 'file-missing', `the evidence file of ${file} is missing`);
  const evidenceText = readLimited(evidencePath);
  if (typeof evidenceText !== 'string') return evidenceText;
  const { model } = indexed.value;
  const evidence = evidenceFromText(evidenceText, model, displayPath(evidencePath), file);
  if (!evidence.ok) return { problems: evidence.problems };
  receiveEvidence(model, evidence.value);
  const all = model.data.relations.id.map((id) => model.relations.get(id)!);
  const whole = subBundle(model, { entityIds: model.data.entities.map((e) => e.id), relations: all });
  if (!whole.ok) return problem(file, 'no-evidence', whole.reason);
  return { problems: [], bundle: { ...whole.bundle, relationTypes: model.data.relationTypes } };
}

export function readDatasetInput(path: string): DatasetInput {
  if (!existsSync(path)) return problem(displayPath(path), 'file-missing', 'no such file or folder');
  if (statSync(path).isDirectory()) return validateDatasetFolder(displayPath(path), folderReader(path));
  const text = readLimited(path);
  if (typeof text !== 'string') return text;
  if (/^\s*\{\s*"format"\s*:\s*"threadline-compact"/.test(text.slice(0, 200)))
    return compactInput(path, text);
  return validateBundleText(text, displayPath(path));
}
