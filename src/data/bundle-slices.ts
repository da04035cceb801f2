/** Cuts a bundle into the slices the worker posts: each small enough to deserialise and add without a long task. */
import type { Bundle } from '../model/format/bundle';
import type { BundleHead, BundleSlice } from '../model/core/model-builder';

export interface SliceSizes {
  /** Records per slice of entities, quotes or relations. */
  records: number;
  /** Characters of source text per slice of sources (a source's text is never split). */
  textChars: number;
}

const SLICE_SIZES: SliceSizes = { records: 5000, textChars: 4_000_000 };

export function headOf(bundle: Bundle): BundleHead {
  const { sources: _s, entities: _e, relations: _r, quotes: _q, ...head } = bundle;
  return head;
}

/** Sources, then entities, then quotes, then relations: the order the model builder needs. */
export function* bundleSlices(bundle: Bundle, sizes: SliceSizes = SLICE_SIZES): Generator<BundleSlice> {
  let batch: Bundle['sources'] = [];
  let chars = 0;
  for (const source of bundle.sources) {
    if (batch.length > 0 && chars + source.text.length > sizes.textChars) {
      yield { kind: 'sources', records: batch };
      batch = [];
      chars = 0;
    }
    batch.push(source);
    chars += source.text.length;
  }
  if (batch.length > 0) yield { kind: 'sources', records: batch };
  for (let i = 0; i < bundle.entities.length; i += sizes.records)
    yield { kind: 'entities', records: bundle.entities.slice(i, i + sizes.records) };
  for (let i = 0; i < bundle.quotes.length; i += sizes.records)
    yield { kind: 'quotes', records: bundle.quotes.slice(i, i + sizes.records) };
  for (let i = 0; i < bundle.relations.length; i += sizes.records)
    yield { kind: 'relations', records: bundle.relations.slice(i, i + sizes.records) };
}

export const recordCount = (bundle: Bundle): number =>
  bundle.sources.length + bundle.entities.length + bundle.quotes.length + bundle.relations.length;
