/** Reads a found path as a chain of sentences, each step with its status and the quote it rests on, and as citable text. */
import type { Model } from '../core/model';
import { evidenceFor, type Evidence } from '../core/queries';
import { relationVerb, statement } from '../core/relation-wording';
import type { EntityRecord, RelationRecord } from '../format/schema';
import type { FoundPath } from './paths';

export interface NarrativeStep {
  from: EntityRecord;
  to: EntityRecord;
  /** The relation the sentence reads: the firmest one joining the two entities. */
  relation: RelationRecord;
  /** The relation type's wording in the direction of travel ("funded by", or "led by" when walked backwards). */
  phrase: string;
  /** "→" for directed relation types, "—" for symmetric ones. */
  arrow: '→' | '—';
  /** The first quote behind the relation, when the bundle has it. */
  evidence: Evidence | undefined;
  /** Further relations joining the same two entities. */
  others: RelationRecord[];
}

export function narratePath(model: Model, path: FoundPath): NarrativeStep[] {
  return path.steps.flatMap((step) => {
    const from = model.entities.get(step.from);
    const to = model.entities.get(step.to);
    const [relation, ...rest] = step.relationIds.flatMap((id) => model.relations.get(id) ?? []);
    if (!from || !to || !relation) return [];
    const type = model.relationTypes.get(relation.type);
    const forward = relation.source === step.from;
    const phrase = relationVerb(type, relation.type, forward);
    return [
      {
        from,
        to,
        relation,
        phrase,
        arrow: type?.directed === false ? '—' : '→',
        evidence: evidenceFor(model, relation.id)[0],
        others: rest,
      },
    ];
  });
}

/** "Claimed: Eric Trump — funded by → Russia". */
export const stepSentence = (s: NarrativeStep): string =>
  statement({
    status: s.relation.status,
    source: s.from.name,
    verb: s.phrase,
    target: s.to.name,
    arrow: s.arrow,
  });

/** The path as plain text for the clipboard: numbered steps (each saying its status unless a fact) and quotes, then the sources cited. */
export function pathAsText(model: Model, path: FoundPath): string {
  const steps = narratePath(model, path);
  const first = steps[0]?.from.name ?? '';
  const last = steps[steps.length - 1]?.to.name ?? '';
  const sources: string[] = [];
  const cite = (sourceId: string) => {
    const i = sources.indexOf(sourceId);
    return i >= 0 ? i + 1 : sources.push(sourceId);
  };
  const lines = [`${first} → ${last}: ${steps.length} step${steps.length === 1 ? '' : 's'}`];
  steps.forEach((s, i) => {
    const more = s.others.length > 0 ? ` (+${s.others.length} more between them)` : '';
    lines.push(`${i + 1}. ${stepSentence(s)}${more}`);
    if (s.evidence) {
      const who = s.evidence.speaker ? ` — ${s.evidence.speaker.name}` : '';
      lines.push(`   “${s.evidence.quote.exact}”${who} [${cite(s.evidence.source.id)}]`);
    }
  });
  if (sources.length > 0) lines.push('', 'Sources:');
  sources.forEach((id, i) => {
    const src = model.sources.get(id);
    if (!src) return;
    const parts = [src.title, src.author, src.publisher, src.date, src.url].filter(Boolean);
    lines.push(`[${i + 1}] ${parts.join('. ')}`);
  });
  return lines.join('\n');
}
