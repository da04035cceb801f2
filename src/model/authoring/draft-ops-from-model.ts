/** The open dataset turned back into a Draft, so the bundled article (or any opened bundle) can be edited. */
import type { QuoteRecord, RelationFileRecord, RelationRecord } from '../format/schema';
import type { Model } from '../core/model';
import type { Draft } from './draft';

/**
 * Null while a compact dataset's evidence has not arrived: without its texts nothing could be cited. Null too
 * while a server dataset holds a source only as windows: a draft holds whole texts.
 */
export function draftFromModel(model: Model, key: string, now: Date = new Date()): Draft | null {
  const { data } = model;
  const ev = data.evidence;
  if (!ev || (ev.partial?.size ?? 0) > 0) return null;
  const entityIds = data.entities.map((e) => e.id);
  const quotes: QuoteRecord[] = data.quoteIds.map((id, q) => {
    const c = ev.quotes;
    const speaker = c.speaker[q]!;
    const joint = c.speakers.get(q);
    const occasion = c.occasion[q]!;
    const prefix = c.prefix.get(q);
    const suffix = c.suffix.get(q);
    return {
      id,
      source: data.sources[c.source[q]!]!.id,
      exact: ev.texts[c.source[q]!]!.slice(c.start[q]!, c.end[q]!),
      ...(prefix !== undefined ? { prefix } : {}),
      ...(suffix !== undefined ? { suffix } : {}),
      ...(joint && joint.length > 1
        ? { speakers: Array.from(joint, (e) => entityIds[e]!) }
        : speaker >= 0
          ? { speaker: entityIds[speaker]! }
          : {}),
      ...(occasion >= 0 ? { occasion: entityIds[occasion]! } : {}),
    };
  });
  return {
    key,
    dataset: { ...data.dataset },
    sources: data.sources.map((s) => ({ ...s })),
    texts: Object.fromEntries(data.sources.map((s, i) => [s.id, ev.texts[i]!])),
    relationTypes: data.relationTypes.slice(),
    ...(data.entityTypes.length > 0 ? { entityTypes: data.entityTypes.slice() } : {}),
    entities: data.entities.slice(),
    quotes,
    relations: data.relations.id.map((_, k) => asWritten(model.relationAt(k))),
    ignoredMentions: [],
    updatedAt: now.toISOString(),
  };
}

/** A compiled relation as relations.json holds it: claims back into evidence items, a relative date as written. */
function asWritten(r: RelationRecord): RelationFileRecord {
  const { claims, dateWritten, evidence, date, ...rest } = r;
  const out: RelationFileRecord = {
    ...rest,
    evidence: claims
      ? claims.map(({ quote, status, ...c }) =>
          status === r.status && Object.keys(c).length === 0
            ? quote
            : { quote, ...(status !== r.status ? { status } : {}), ...c },
        )
      : [...evidence],
  };
  if (dateWritten) out.date = { asWritten: dateWritten.asWritten, source: dateWritten.sourceId };
  else if (date !== undefined) out.date = date;
  return out;
}
