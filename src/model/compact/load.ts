/** The model from the compact files: the index makes it searchable and expandable, the evidence arrives after. */
import { modelFrom, type Model } from '../model';
import { entitySearchFrom, type EntitySearch } from '../search';
import type { EvidenceData } from '../model-data';
import { decodeEvidence, decodeIndex, type Decoded } from './decode';

export interface IndexedModel {
  model: Model;
  search: EntitySearch;
}

/** Parses and checks the compact index; the model's quotes stay empty until `withEvidence`. */
export function modelFromCompactIndex(text: string, file: string): Decoded<IndexedModel> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      problems: [{ severity: 'error', code: 'json-syntax', file, pointer: '', message: String(e) }],
    };
  }
  const decoded = decodeIndex(json, file);
  if (!decoded.ok) return decoded;
  const { data, entityIndex, relationIndex, dates, search } = decoded.value;
  return {
    ok: true,
    value: {
      model: modelFrom(data, { entityIndex, relationIndex, dates }),
      search: entitySearchFrom(data.entities, search),
    },
  };
}

/** Parses and checks the evidence document against the model it belongs to. */
export function evidenceFromText(
  text: string,
  model: Model,
  file: string,
  indexFile: string,
): Decoded<EvidenceData> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      problems: [{ severity: 'error', code: 'json-syntax', file, pointer: '', message: String(e) }],
    };
  }
  return decodeEvidence(json, model.data, model.index.quote(), file, indexFile);
}
