import { describe, expect, it } from 'vitest';
import { encodeCompact } from '../../src/model/format/compact/encode';
import { evidenceFromText, modelFromCompactIndex } from '../../src/model/format/compact/load';
import type { Bundle } from '../../src/model/format/bundle';
import { fixtureBundle } from './fixtures';

/** Compact files made from a bundle altered in memory, past the validator, as a hand-made file would be. */
function compact(alter: (b: Bundle) => void) {
  const bundle = fixtureBundle('valid-minimal');
  alter(bundle);
  const { index, evidence } = encodeCompact(bundle);
  return { index: JSON.stringify(index), evidence: JSON.stringify(evidence) };
}

describe('compact files hold no text the validator refuses', () => {
  it('refuses an entity name with a right-to-left override', () => {
    const files = compact((b) => (b.entities[0]!.name = 'Ada \u202eecalevoL'));
    const decoded = modelFromCompactIndex(files.index, 'x.index.json');
    expect(decoded.ok).toBe(false);
    if (!decoded.ok)
      expect(decoded.problems).toContainEqual(
        expect.objectContaining({ code: 'invisible-character', pointer: '/entities/name/0' }),
      );
  });

  it('refuses an alias or a role hiding a direction override or a zero-width space', () => {
    const files = compact((b) => {
      b.entities[1]!.aliases = ['Babbage', 'Bab\u202ebage'];
      b.entities[0]!.role = 'Mathe\u200bmatician';
    });
    const decoded = modelFromCompactIndex(files.index, 'x.index.json');
    if (decoded.ok) throw new Error('decoded');
    expect(decoded.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'invisible-character', pointer: '/entities/aliases/1/1' }),
        expect.objectContaining({ code: 'invisible-character', pointer: '/entities/role/0' }),
      ]),
    );
  });

  it('names a huge, multi-line id in one short line', () => {
    const files = compact(() => {});
    const index = JSON.parse(files.index) as { entities: { id: string[] } };
    index.entities.id[0] = `Bad\n${'x'.repeat(1_000_000)}`;
    const decoded = modelFromCompactIndex(JSON.stringify(index), 'x.index.json');
    if (decoded.ok) throw new Error('decoded');
    const message = decoded.problems[0]!.message;
    expect(message).toMatch(/^"Bad\\nxxx.*…" is not a slug id$/);
    expect(message.length).toBeLessThan(200);
  });

  it('refuses a quote holding one, and a quote that splits a surrogate pair', () => {
    for (const [alter, code] of [
      [
        (b: Bundle) => {
          const s = b.sources[0]!;
          s.text = s.text.replace('Babbage called', 'Babbage\u202e called');
          b.quotes[0]!.end! += 1;
        },
        'invisible-character',
      ],
      [
        (b: Bundle) => {
          const s = b.sources[0]!;
          s.text = `😀${s.text}`;
          b.quotes[0]!.start = 1;
          b.quotes[0]!.end! += 2;
        },
        'quote-splits-character',
      ],
    ] as const) {
      const files = compact(alter);
      const indexed = modelFromCompactIndex(files.index, 'x.index.json');
      if (!indexed.ok) throw new Error(JSON.stringify(indexed.problems));
      const evidence = evidenceFromText(
        files.evidence,
        indexed.value.model,
        'x.evidence.json',
        'x.index.json',
      );
      expect(evidence.ok, code).toBe(false);
      if (!evidence.ok) expect(evidence.problems.map((p) => p.code)).toContain(code);
    }
  });
});
