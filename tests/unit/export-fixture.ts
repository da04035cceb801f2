/**
 * A small bundle full of hostile strings (markup, ampersands, quotes, commas, line breaks, a control
 * character) for the export tests. The control character sits in a description: the validator refuses
 * one in a quote or a name, but descriptions still carry whatever the dataset holds into exports.
 */
import type { Bundle } from '../../src/model/format/bundle';
import { buildModel } from '../../src/model/core/model-builder';
import { type Model } from '../../src/model/core/model';
import { checkBundle } from '../../src/model/format/validate-bundle';

const TEXT = [
  'Intro. Ann said "<b>rock & roll</b>" is \'great\', twice.',
  'Bob denied it: <script>alert(1)</script>.',
  'Café ☕, a=1+2; in the 1990s.\u0001 The end.',
].join('\n');

const quote = (id: string, exact: string, extra: { speaker?: string; occasion?: string } = {}) => {
  const start = TEXT.indexOf(exact);
  if (start < 0) throw new Error(`fixture quote ${id} is not in the text`);
  return { id, sourceId: 'notes', exact, start, end: start + exact.length, ...extra };
};

export function hostileBundle(): Bundle {
  return {
    format: 'threadline-bundle',
    version: 1,
    dataset: { id: 'hostile', title: 'Tom & Jerry\'s <"Evil"> dataset' },
    relationTypes: [
      {
        id: 'praised',
        label: 'praised',
        inverseLabel: 'praised by',
        directed: true,
        domain: ['person'],
        range: ['person'],
      },
      {
        id: 'met',
        label: 'met <with>',
        inverseLabel: 'met',
        directed: false,
        domain: ['person'],
        range: ['person'],
      },
      {
        id: 'member_of',
        label: 'member of',
        inverseLabel: 'has member',
        directed: true,
        domain: ['person'],
        range: ['organization'],
      },
      {
        id: 'unused_type',
        label: 'unused',
        inverseLabel: 'unused',
        directed: true,
        domain: ['person'],
        range: ['person'],
      },
    ],
    sources: [
      {
        id: 'notes',
        title: 'Notes, "annotated" <draft>',
        file: 'sources/notes.txt',
        publisher: 'A & B Press',
        author: null,
        language: 'en',
        date: '2001-03',
        url: 'https://example.org/notes?a=1&b=2',
        text: TEXT,
      },
      {
        id: 'uncited',
        title: 'Never cited',
        file: 'sources/uncited.txt',
        publisher: null,
        author: null,
        language: 'en',
        date: null,
        url: null,
        text: 'Nothing here.',
      },
    ],
    entities: [
      { id: 'ann', type: 'person', name: 'Ann "The <Rock>" & Co', description: 'Says, "hi".\nTwice.' },
      {
        id: 'bob',
        type: 'person',
        name: "Bob, O'Neil",
        description: 'Denies <things>.\u0001',
        role: 'critic',
      },
      {
        id: 'club',
        type: 'organization',
        name: 'Club =1+2',
        aliases: ['A|B', 'C;D'],
        description: 'A club.',
      },
      {
        id: 'gig',
        type: 'event',
        name: 'The gig',
        description: 'Where it was said.',
        date: { start: '1990s', end: '2001-03', approximate: true },
      },
      { id: 'loner', type: 'person', name: 'Loner', description: 'In no relation.' },
    ],
    relations: [
      {
        id: 'ann-praised-bob',
        source: 'ann',
        target: 'bob',
        type: 'praised',
        status: 'claim',
        evidence: ['q-rock'],
      },
      {
        id: 'bob-praised-ann',
        source: 'bob',
        target: 'ann',
        type: 'praised',
        status: 'denial',
        evidence: ['q-script'],
      },
      {
        id: 'ann-met-bob',
        source: 'ann',
        target: 'bob',
        type: 'met',
        status: 'fact',
        evidence: ['q-rock', 'q-script'],
      },
      {
        id: 'ann-member-of-club',
        source: 'ann',
        target: 'club',
        type: 'member_of',
        status: 'reported',
        date: '2001-03-04',
        note: 'A note with "quotes", commas\nand a line break.',
        evidence: ['q-cafe'],
      },
    ],
    quotes: [
      quote('q-rock', '"<b>rock & roll</b>" is \'great\'', { speaker: 'ann', occasion: 'gig' }),
      quote('q-script', '<script>alert(1)</script>', { speaker: 'bob' }),
      quote('q-cafe', 'Café ☕, a=1+2; in the 1990s.'),
    ],
  };
}

export function hostileModel(): Model {
  const bundle = hostileBundle();
  const errors = checkBundle(bundle, () => ({ file: 'fixture', pointer: '' })).filter(
    (p) => p.severity === 'error',
  );
  if (errors.length > 0) throw new Error(`hostile fixture is invalid: ${JSON.stringify(errors)}`);
  return buildModel(bundle);
}
