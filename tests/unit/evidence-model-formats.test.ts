/** The evidence model survives every form a dataset takes: bundle, model records, compact files, old versions. */
import { describe, expect, it } from 'vitest';
import { claimsOf, disputesOf } from '../../src/model/core/claims';
import { baseTypeOf, entityTypeLabel } from '../../src/model/core/entity-types';
import { entityPasses, NO_FILTERS } from '../../src/model/core/filters';
import { receiveEvidence, type Model } from '../../src/model/core/model';
import { buildModel } from '../../src/model/core/model-builder';
import type { Bundle } from '../../src/model/format/bundle';
import { encodeCompact } from '../../src/model/format/compact/encode';
import { evidenceFromText, modelFromCompactIndex } from '../../src/model/format/compact/load';
import { validateBundleText } from '../../src/model/format/validate-bundle';
import { fixtureBundle } from './fixtures';

const bundle = fixtureBundle('two-sources');

/** A bundle written back from a model's records, the way an export writes one. */
function bundleFromModel(model: Model): Bundle {
  return {
    format: 'threadline-bundle',
    version: 2,
    dataset: model.dataset,
    relationTypes: model.data.relationTypes,
    entityTypes: model.data.entityTypes,
    sources: [...model.sources.values()],
    entities: [...model.entities.values()],
    relations: [...model.relations.values()],
    quotes: [...model.quotes.values()],
  };
}

type Json = Record<string, unknown> & { relations: Record<string, unknown>; quotes: Record<string, unknown> };

function fromCompact(b: Bundle, downgrade?: (index: Json, evidence: Json) => void): Model {
  const { index, evidence } = JSON.parse(JSON.stringify(encodeCompact(b))) as { index: Json; evidence: Json };
  downgrade?.(index, evidence);
  const indexed = modelFromCompactIndex(JSON.stringify(index), 'x.index.json');
  if (!indexed.ok) throw new Error(JSON.stringify(indexed.problems));
  const ev = evidenceFromText(
    JSON.stringify(evidence),
    indexed.value.model,
    'x.evidence.json',
    'x.index.json',
  );
  if (!ev.ok) throw new Error(JSON.stringify(ev.problems));
  receiveEvidence(indexed.value.model, ev.value);
  return indexed.value.model;
}

const everyClaim = (m: Model) => [...m.relations.keys()].map((id) => claimsOf(m, id));

describe('the evidence model across formats', () => {
  it('round-trips model → bundle → validator → model with every claim, answer, speaker and type', () => {
    const model = buildModel(bundle);
    const text = JSON.stringify(bundleFromModel(model));
    const { problems, bundle: again } = validateBundleText(text, 'again.json');
    expect(problems).toEqual([]);
    expect(again).toEqual(bundle);
    expect(everyClaim(buildModel(again!))).toEqual(everyClaim(model));
  });

  it('keeps claims and disputes in compact files', () => {
    const model = fromCompact(bundle);
    expect(everyClaim(model)).toEqual(everyClaim(buildModel(bundle)));
    expect(disputesOf(model)).toEqual(disputesOf(buildModel(bundle)));
    expect(baseTypeOf(model, model.entities.get('sea-falcon')!.type)).toBe('organization');
  });

  it('still loads version 1 compact files, with one claim per quote at the relation’s status', () => {
    const v1 = fixtureBundle('valid-minimal');
    const model = fromCompact(v1, (index, evidence) => {
      index.version = 1;
      evidence.version = 1;
      for (const key of ['claimStatus', 'claimAssertedBy', 'claimAnswers', 'answers', 'dateWritten'])
        delete index.relations[key];
      delete evidence.quotes.speakers;
    });
    expect(claimsOf(model, 'babbage-praised-lovelace')).toEqual([
      { quoteId: 'enchantress', sourceId: 'letter', status: 'fact', assertedBy: ['charles-babbage'] },
    ]);
  });

  it('refuses a compact claim status outside the vocabulary, located', () => {
    const { index } = JSON.parse(JSON.stringify(encodeCompact(bundle))) as { index: Json };
    (index.relations.claimStatus as number[])[1] = 9;
    const r = modelFromCompactIndex(JSON.stringify(index), 'x.index.json');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]).toMatchObject({
      file: 'x.index.json',
      pointer: '/relations/claimStatus/1',
    });
  });
});

describe('declared entity types', () => {
  const model = buildModel(bundle);
  it('map onto their base for drawing and keep their label for words', () => {
    expect(baseTypeOf(model, 'vessel')).toBe('organization');
    expect(entityTypeLabel(model, 'vessel')).toBe('Vessel');
    expect(baseTypeOf(model, 'person')).toBe('person');
    expect(entityTypeLabel(model, 'person')).toBe('Person');
    expect(model.entityTypes.get('vessel')).toEqual({ id: 'vessel', label: 'Vessel', base: 'organization' });
  });

  it('are hidden with their base type', () => {
    const ship = model.entities.get('sea-falcon')!;
    const noOrganizations = { ...NO_FILTERS, hiddenEntityTypes: new Set(['organization'] as const) };
    expect(entityPasses(NO_FILTERS, ship, undefined, model.entityTypes)).toBe(true);
    expect(entityPasses(noOrganizations, ship, undefined, model.entityTypes)).toBe(false);
  });
});
