/**
 * Reads a found path as a chain of sentences, each step with every source that presents it (how, and who asserts
 * it) and the quotes it rests on, and as citable text.
 */
import { voicesOf, type Claim } from '../core/claims';
import type { Model } from '../core/model';
import { evidenceFor, type Evidence } from '../core/queries';
import { relationVerb, statement, voicesSentence } from '../core/relation-wording';
import type { BundleSource } from '../format/bundle';
import type { EntityRecord, RelationRecord } from '../format/schema';
import { STATUS_LOOKS } from '../style/entity-style';
import type { FoundPath } from './paths';

/** One quote of a step, with how its source presents the relation there and who asserts it. */
export interface StepClaim {
  claim: Claim;
  evidence: Evidence;
  asserters: EntityRecord[];
}

/** One source's say on a step. */
export interface StepVoice {
  source: BundleSource;
  claims: StepClaim[];
}

export interface NarrativeStep {
  from: EntityRecord;
  to: EntityRecord;
  /** The relation the sentence reads: the firmest one joining the two entities. */
  relation: RelationRecord;
  /** The relation type's wording in the direction of travel ("funded by", or "led by" when walked backwards). */
  phrase: string;
  /** "→" for directed relation types, "—" for symmetric ones. */
  arrow: '→' | '—';
  /** Every source that presents the relation, in the dataset's source order; empty until a compact dataset's evidence arrives. */
  voices: StepVoice[];
  /** "Stated as fact by the report; denied by Donald Trump", or empty when no claim is loaded. */
  voicesText: string;
  /** Further relations joining the same two entities. */
  others: RelationRecord[];
}

function voicesOfStep(model: Model, relation: RelationRecord): StepVoice[] {
  const quotes = new Map(evidenceFor(model, relation.id).map((e) => [e.quote.id, e]));
  return voicesOf(model, relation.id).flatMap((voice) => {
    const source = model.sources.get(voice.sourceId);
    const claims = voice.claims.flatMap((claim) => {
      const evidence = quotes.get(claim.quoteId);
      if (!evidence) return [];
      const asserters = claim.assertedBy.flatMap((id) => model.entities.get(id) ?? []);
      return [{ claim, evidence, asserters }];
    });
    return source && claims.length > 0 ? [{ source, claims }] : [];
  });
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
    const voices = voicesOfStep(model, relation);
    return [
      {
        from,
        to,
        relation,
        phrase,
        arrow: type?.directed === false ? '—' : '→',
        voices,
        voicesText: voices.length > 0 ? voicesSentence(model, relation) : '',
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

/** Under a quote: its status, who asserts it, and whose words they are when that is someone else ("Denial · Donald Trump"). */
export function claimAttribution({ claim, evidence, asserters }: StepClaim): string {
  const names = asserters.map((e) => e.name);
  const speaker = evidence.speaker?.name;
  const who = names.length > 0 ? names.join(' and ') : speaker;
  const words = speaker && who !== speaker && !names.includes(speaker) ? `, in the words of ${speaker}` : '';
  return `${STATUS_LOOKS[claim.status].label}${who ? ` · ${who}` : ''}${words}`;
}

/** A source once, as the copied text's source list and the image footers print it. */
export const sourceReference = (src: BundleSource): string =>
  [src.title, src.author, src.publisher, src.date, src.url].filter(Boolean).join('. ');

/**
 * The path as plain text for the clipboard: numbered steps (each saying its status unless a fact), how every source
 * presents it, each quote with its status, asserter and source number, then each source cited once.
 */
export function pathAsText(model: Model, path: FoundPath): string {
  const steps = narratePath(model, path);
  const first = steps[0]?.from.name ?? '';
  const last = steps[steps.length - 1]?.to.name ?? '';
  const sources: BundleSource[] = [];
  const cite = (source: BundleSource) => {
    const i = sources.findIndex((s) => s.id === source.id);
    return i >= 0 ? i + 1 : sources.push(source);
  };
  const lines = [`${first} → ${last}: ${steps.length} step${steps.length === 1 ? '' : 's'}`];
  steps.forEach((s, i) => {
    const more = s.others.length > 0 ? ` (+${s.others.length} more between them)` : '';
    lines.push(`${i + 1}. ${stepSentence(s)}${more}`);
    if (s.voicesText) lines.push(`   ${s.voicesText}`);
    for (const voice of s.voices) {
      const n = cite(voice.source);
      for (const c of voice.claims)
        lines.push(`   “${c.evidence.quote.exact}” — ${claimAttribution(c)} [${n}]`);
    }
  });
  if (sources.length > 0) lines.push('', 'Sources:');
  sources.forEach((src, i) => lines.push(`[${i + 1}] ${sourceReference(src)}`));
  return lines.join('\n');
}
