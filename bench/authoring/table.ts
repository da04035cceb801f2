/** The Authoring section's tables, printed by npm run bench and pasted into docs/performance.md. */
import { table } from '../table';
import type { AuthoringResult } from '../tasks/authoring';

export const AUTHORING_TARGETS = { entitiesFound: 0.9, loomFound: 0.8, mentionsMs: 2000 };

const pct = (n: number, of: number) => (of === 0 ? '–' : `${((100 * n) / of).toFixed(0)}% (${n}/${of})`);
const mark = (ok: boolean) => (ok ? ' ✓' : ' ✗');

export function authoringTables(r: AuthoringResult): string {
  const { quality: q, long } = r;
  const m = q.mentions;
  const head = `Authoring suggestions on ${q.dataset} (source ${q.source}, ${q.words} words)`;
  const main = table(
    ['measure', 'value', 'target'],
    [
      [
        'entities named in the text found among the mentions',
        pct(m.namedFound, m.named) + mark(m.namedFound / m.named >= AUTHORING_TARGETS.entitiesFound),
        '≥ 90%',
      ],
      ['all entities of the dataset found among the mentions', pct(m.found, m.entities), '–'],
      ['mentions that are entities of the dataset', pct(m.real, m.suggested), '–'],
      [
        'relations whose evidence sentence is a loom candidate for their pair',
        pct(q.loom.found, q.loom.relations) +
          mark(q.loom.found / q.loom.relations >= AUTHORING_TARGETS.loomFound),
        '≥ 80%',
      ],
      ['of those, proposed with the dataset’s relation type', pct(q.loom.typeAgreed, q.loom.found), '–'],
      ['loom candidates', String(q.loom.candidates), '–'],
      ['quoted speakers proposed right', pct(q.speakers.agreed, q.speakers.quotes), '–'],
      [
        `mentions of a ${long.words}-word text, ms (first call / again)`,
        `${long.mentionsColdMs.toFixed(0)} / ${long.mentionsWarmMs.toFixed(0)}` +
          mark(long.mentionsColdMs < AUTHORING_TARGETS.mentionsMs),
        '< 2000',
      ],
      [`loom of that text with the dataset's entities, ms`, long.loomMs.toFixed(0), '–'],
    ],
  );
  const status = table(
    ['dataset status', 'relations', 'proposed the same'],
    q.status.map((s) => [s.status, String(s.relations), pct(s.agreed, s.relations)]),
  );
  const missed = [
    m.missed.length > 0 ? `entities not found: ${m.missed.join('; ')}` : '',
    m.notEntities.length > 0 ? `mentions that are no entity: ${m.notEntities.join('; ')}` : '',
  ].filter(Boolean);
  return [head, main, status, ...missed].join('\n\n');
}
