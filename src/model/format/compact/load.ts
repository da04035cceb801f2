/** The model from the compact files: the index makes it searchable and expandable, the evidence arrives after. */
import type { Model } from '../../core/model';
import type { EntitySearch } from '../../search/search';
import type { EvidenceData } from '../../core/model-data';
import { decodeEvidence, decodeIndex, type Decoded } from './decode';
import { compactSlices, createCompactAssembler } from './slices';

export interface IndexedModel {
  model: Model;
  search: EntitySearch;
}

/** JSON text parsed, or the syntax error as a problem of `file`. */
function parsed(text: string, file: string): Decoded<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return {
      ok: false,
      problems: [{ severity: 'error', code: 'json-syntax', file, pointer: '', message: String(e) }],
    };
  }
}

/** Parses and checks the compact index; the model's quotes stay empty until `receiveEvidence`. */
export function modelFromCompactIndex(text: string, file: string): Decoded<IndexedModel> {
  const json = parsed(text, file);
  if (!json.ok) return json;
  const decoded = decodeIndex(json.value, file);
  if (!decoded.ok) return decoded;
  // The same assembler the browser feeds slice by slice, so Node tooling and the app build one model.
  const assembler = createCompactAssembler(decoded.value);
  for (const slice of compactSlices(decoded.value, Infinity)) assembler.add(slice);
  return { ok: true, value: assembler.finish() };
}

/** Parses and checks the evidence document against the model it belongs to. */
export function evidenceFromText(
  text: string,
  model: Model,
  file: string,
  indexFile: string,
): Decoded<EvidenceData> {
  const json = parsed(text, file);
  if (!json.ok) return json;
  return decodeEvidence(json.value, model.data, model.index.quote(), file, indexFile);
}
