/** The API described as OpenAPI 3.1, served at /api/openapi.json; docs/server.md summarises it. */
import { STATUSES } from '../model/core/vocabulary';

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const query = (name: string, schema: Json, description: string, required = false) => ({
  name,
  in: 'query',
  required,
  schema,
  description,
});
const path = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description,
});
const dataset = path('dataset', 'Dataset id');
const version = query(
  'version',
  { type: 'integer' },
  "Read the dataset's previous version (the current and the previous one are kept)",
);
const ok = (description: string, schema: Json) => ({
  description,
  content: { 'application/json': { schema } },
});
/** A required JSON object body with these properties, `required` of them named. */
const jsonBody = (required: string[], properties: Record<string, Json>) => ({
  required: true,
  content: { 'application/json': { schema: { type: 'object', required, properties } } },
});
/**
 * The explorer's answers carry long sources as windows, /subgraph whole texts, each up to a cap
 * (SOURCE_TEXT_MAX_BYTES) that guards an answer still too large.
 */
const tooMuch = {
  '413': {
    description:
      'The request body is too large, or the text the answer would carry of the sources its evidence cites (their windows; for /subgraph, their whole texts) is more than 64 MB (the message says which)',
    content: { 'application/json': { schema: ref('Error') } },
  },
};
const errors = {
  '400': {
    description: 'A parameter is invalid (the message names it)',
    content: { 'application/json': { schema: ref('Error') } },
  },
  '404': {
    description: 'No such dataset, version, entity, relation or source',
    content: { 'application/json': { schema: ref('Error') } },
  },
  '503': {
    description: 'The database is unavailable or the query ran past the time limit',
    content: { 'application/json': { schema: ref('Error') } },
  },
};
const get = (summary: string, parameters: Json[], response: Json) => ({
  get: { summary, parameters: [dataset, version, ...parameters], responses: { '200': response, ...errors } },
});
const idsBody = {
  required: true,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['entityIds'],
        properties: { entityIds: { type: 'array', items: { type: 'string' }, maxItems: 2000 } },
      },
    },
  },
};
const int = { type: 'integer' };
const str = { type: 'string' };
const arr = (items: Json) => ({ type: 'array', items });
/** A source in the explorer's answers: whole (text), held already (text null), or long (length and windows). */
const explorerSource = {
  type: 'object',
  required: ['id', 'title'],
  properties: {
    id: str,
    title: str,
    text: {
      type: ['string', 'null'],
      description:
        "The whole text, for a source of at most 8,192 characters within the answer's budget of text; null when sourcesHeld names it",
    },
    length: { ...int, description: 'A long source: its whole text length (UTF-16 code units)' },
    windows: {
      type: 'array',
      description:
        "A long source: its text 1,000 characters either side of each quote cited, overlapping ones joined; past the answer's budget of text (200,000 characters by default), each quote's own stretch alone, and /contexts gives the rest",
      items: {
        type: 'object',
        required: ['start', 'text'],
        properties: { start: int, text: str },
      },
    },
  },
};
const held = {
  type: 'array',
  items: str,
  maxItems: 2000,
  description: 'Sources the explorer holds whole: left out (those held as windows are not named)',
};

export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Threadline server',
      version: '1',
      description:
        'Evidence-backed knowledge graphs over PostgreSQL. Read-only but for publishing, which needs the write token.',
    },
    paths: {
      '/api/datasets': {
        get: {
          summary: 'Datasets on this server, each at its current version',
          responses: {
            '200': ok('Datasets', { type: 'object', properties: { datasets: arr(ref('Dataset')) } }),
            '503': errors['503'],
          },
        },
        post: {
          summary:
            'Publish a bundle as the new version of its dataset (atomic; the previous version is kept)',
          security: [{ writeToken: [] }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { description: 'A Threadline bundle (graph-data/schema/bundle.schema.json)' },
              },
            },
          },
          responses: {
            '201': ok('Published', {
              type: 'object',
              properties: { dataset: str, version: int, previousVersion: { type: ['integer', 'null'] } },
            }),
            '401': { description: 'Wrong or missing token' },
            '403': { description: 'Publishing is off (no token configured)' },
            '413': { description: 'The bundle is too large' },
            '422': ok('The bundle does not validate; nothing changed', {
              type: 'object',
              properties: { error: str, problems: arr(str) },
            }),
            '503': errors['503'],
          },
        },
      },
      '/api/datasets/{dataset}': get(
        'Dataset details: counts, relation types, sources, statuses',
        [],
        ok('Details', { type: 'object' }),
      ),
      '/api/datasets/{dataset}/facets': get(
        'Counts per entity type, relation type and status',
        [],
        ok('Facets', ref('Facets')),
      ),
      '/api/datasets/{dataset}/opening': get(
        'The entities the explorer opens on: the most connected first',
        [query('size', { ...int, minimum: 1, maximum: 200, default: 25 }, 'How many')],
        ok('Entity ids', { type: 'object', properties: { entityIds: arr(str) } }),
      ),
      '/api/datasets/{dataset}/loaded': {
        post: {
          summary:
            "The explorer's sub-bundle of what it has loaded: as /subgraph, but a long source as its windows and the texts of the sources it holds as null, and beside it the answers its denials make to relations outside it",
          parameters: [dataset],
          requestBody: jsonBody(['entityIds'], {
            entityIds: { type: 'array', items: str, maxItems: 2000 },
            sourcesHeld: held,
          }),
          responses: {
            '200': ok('A bundle, its long sources as windows', {
              type: 'object',
              properties: { sources: arr(explorerSource) },
            }),
            ...tooMuch,
            ...errors,
          },
        },
      },
      '/api/datasets/{dataset}/delta': {
        post: {
          summary:
            'What the explorer adds to what it holds: the relations joining entityIds to the known entities (and among themselves), their quotes, the entities those name, and the sources not held whole (a long one as its windows)',
          parameters: [dataset],
          requestBody: jsonBody(['entityIds'], {
            entityIds: { type: 'array', items: str, maxItems: 2000 },
            known: { type: 'array', items: str, maxItems: 2000 },
            sourcesHeld: held,
          }),
          responses: {
            '200': ok('Records to append', {
              type: 'object',
              properties: {
                relationTypes: arr({ type: 'object' }),
                sources: arr(explorerSource),
                entities: arr({ type: 'object' }),
                quotes: arr({ type: 'object' }),
                relations: arr({ type: 'object' }),
                // What a denial answers, left out of its record until the explorer holds the target.
                answers: arr({ type: 'object' }),
              },
            }),
            ...tooMuch,
            ...errors,
          },
        },
      },
      '/api/datasets/{dataset}/contexts': {
        post: {
          summary:
            'The text around quotes an explorer answer carried alone (past its budget of text): each source they cite as its windows, or whole when short',
          parameters: [dataset],
          requestBody: jsonBody(['quotes'], {
            quotes: { type: 'array', items: str, minItems: 1, maxItems: 500 },
          }),
          responses: {
            '200': ok('The sources, with the windows of those quotes', {
              type: 'object',
              properties: { sources: arr(explorerSource) },
            }),
            ...tooMuch,
            ...errors,
          },
        },
      },
      '/api/datasets/{dataset}/expand': {
        post: {
          summary:
            "An expansion in one round trip: the entity's neighbour pages (of a type, or all) and, as delta, what adding those not known brings (as /delta), up to room entities",
          parameters: [dataset],
          requestBody: jsonBody(['id'], {
            id: str,
            type: str,
            limit: { ...int, minimum: 1, maximum: 200, default: 50 },
            pages: { ...int, minimum: 1, maximum: 2, default: 1 },
            known: { type: 'array', items: str, maxItems: 2000 },
            sourcesHeld: held,
            room: { ...int, minimum: 0, maximum: 2000, default: 2000 },
          }),
          responses: {
            '200': ok('The neighbours and what they add', {
              type: 'object',
              properties: {
                counts: arr({ type: 'object' }),
                entityIds: arr(str),
                next: { type: ['integer', 'null'] },
                dropped: int,
                delta: { type: ['object', 'null'] },
              },
            }),
            ...tooMuch,
            ...errors,
          },
        },
      },
      '/api/datasets/{dataset}/timeline': get(
        'Timeline overview: dated items per year, earliest and latest',
        [],
        ok('Overview', {
          type: 'object',
          properties: {
            count: int,
            min: { type: ['number', 'null'] },
            max: { type: ['number', 'null'] },
            perYear: arr({ type: 'object', properties: { year: int, n: int } }),
          },
        }),
      ),
      '/api/datasets/{dataset}/search/entities': get(
        'Typeahead over names and aliases, accents folded as in a query (names by prefix, then by the start of each word, best connected first; then trigram similarity for typos)',
        [
          query('q', str, 'Text as typed (at most 200 characters)', true),
          query('limit', { ...int, maximum: 50, default: 10 }, 'Results'),
        ],
        ok('Entities', { type: 'object', properties: { entities: arr(ref('Entity')) } }),
      ),
      '/api/datasets/{dataset}/search/quotes': get(
        'Full-text search over quotes, English stemming, accents folded (web-search syntax: words, "phrases", -not, or)',
        [query('q', str, 'Query', true), query('limit', { ...int, maximum: 50, default: 10 }, 'Results')],
        ok('Quotes', {
          type: 'object',
          properties: {
            quotes: arr({
              type: 'object',
              properties: { id: str, exact: str, sourceId: str, start: int, end: int, relations: arr(str) },
            }),
          },
        }),
      ),
      '/api/datasets/{dataset}/search/passages': get(
        "The search box's full-text group, matching as a local dataset's does: quotes in which every word typed starts a word, accents folded (so a word still being typed finds), those holding every word whole (English stemming, ranked as search/quotes ranks) first, then shorter quotes first; at most 200 quotes ranked per pass. Each is cut to a snippet with the matched words marked and the relations it backs worded, those whose ends it names first. No word of two letters: no passages",
        [
          query(
            'q',
            str,
            'Words: letters and digits, anything else separating them (no query syntax); the first 7 count',
            true,
          ),
          query('limit', { ...int, maximum: 50, default: 10 }, 'Results'),
        ],
        ok('Passages', {
          type: 'object',
          properties: {
            passages: arr({
              type: 'object',
              properties: {
                quote: str,
                sourceId: str,
                start: int,
                end: int,
                snippet: { ...str, description: 'The quote, cut around its first match when long' },
                marks: {
                  ...arr({ type: 'object', properties: { start: int, end: int } }),
                  description: 'Where the matched words are in the snippet (UTF-16 code units)',
                },
                relations: arr({
                  type: 'object',
                  properties: {
                    id: str,
                    source: str,
                    target: str,
                    type: str,
                    status: { enum: [...STATUSES] },
                    sentence: { ...str, description: 'The relation in words, with its status' },
                  },
                }),
              },
            }),
          },
        }),
      ),
      '/api/datasets/{dataset}/entities/{id}': get(
        'One entity with its relation counts per type',
        [path('id', 'Entity id')],
        ok('Entity', {
          type: 'object',
          properties: { entity: ref('Entity'), relationCounts: arr(ref('TypeCount')) },
        }),
      ),
      '/api/datasets/{dataset}/entities/{id}/neighbours': get(
        "A page of an entity's relations (of one type, or all) with the entities they reach, and the counts per type for the hub guard",
        [
          path('id', 'Entity id'),
          query('type', str, 'Relation type'),
          query('limit', { ...int, maximum: 200, default: 50 }, 'Page size'),
          query('after', { ...int, default: -1 }, 'The `next` of the previous page'),
        ],
        ok('Page', {
          type: 'object',
          properties: {
            counts: arr(ref('TypeCount')),
            total: int,
            relations: arr(ref('Relation')),
            entities: arr(ref('Entity')),
            next: { type: ['integer', 'null'] },
          },
        }),
      ),
      '/api/datasets/{dataset}/between': get(
        'Every relation joining two entities',
        [query('a', str, 'Entity id', true), query('b', str, 'Entity id', true)],
        ok('Relations', { type: 'object', properties: { relations: arr(ref('Relation')) } }),
      ),
      '/api/datasets/{dataset}/among': {
        post: {
          summary: 'The relations among a set of entities (what a view draws)',
          parameters: [dataset, version],
          requestBody: idsBody,
          responses: {
            '200': ok('Relations', { type: 'object', properties: { relations: arr(ref('Relation')) } }),
            '413': { description: 'Body too large' },
            ...errors,
          },
        },
      },
      '/api/datasets/{dataset}/subgraph': {
        post: {
          summary:
            'A Threadline bundle of the given entities, the relations among them and their evidence (for exports)',
          parameters: [dataset, version],
          requestBody: idsBody,
          responses: {
            '200': ok('Bundle', { type: 'object' }),
            '422': ok('No relations among them', ref('Error')),
            ...tooMuch,
            ...errors,
          },
        },
      },
      '/api/datasets/{dataset}/relations/{id}': get(
        'A relation with its evidence: each quote, its offsets in its source, speakers, occasion and status',
        [path('id', 'Relation id')],
        ok('Relation', {
          type: 'object',
          properties: {
            relation: ref('Relation'),
            evidence: arr({
              type: 'object',
              properties: {
                quote: { type: 'object' },
                source: { type: 'object', properties: { id: str, title: str } },
                status: { enum: [...STATUSES] },
                assertedBy: arr(str),
                answers: str,
              },
            }),
          },
        }),
      ),
      '/api/datasets/{dataset}/sources/{id}/text': get(
        'A range of a source text (offsets in UTF-16 code units, as quotes give them; at most 100,000 at a time)',
        [
          path('id', 'Source id'),
          query('start', { ...int, default: 0 }, 'First offset'),
          query('end', int, 'Offset after the last', true),
        ],
        ok('Text', {
          type: 'object',
          properties: { id: str, title: str, length: int, start: int, end: int, text: str },
        }),
      ),
      '/api/datasets/{dataset}/speakers': get(
        'Entities quoted, most quoted first',
        [
          query('limit', { ...int, maximum: 500, default: 100 }, 'Page size'),
          query('offset', { ...int, default: 0 }, 'Skip'),
        ],
        ok('Speakers', {
          type: 'object',
          properties: {
            total: int,
            speakers: arr({ type: 'object', properties: { id: str, name: str, type: str, quotes: int } }),
          },
        }),
      ),
      '/api/datasets/{dataset}/paths': get(
        'Shortest chains of relations between two entities (bidirectional breadth-first search)',
        [
          query('from', str, 'Entity id', true),
          query('to', str, 'Entity id', true),
          query('maxLength', { ...int, maximum: 6, default: 4 }, 'Most steps'),
          query(
            'minStatus',
            { enum: [...STATUSES] },
            'Weakest status a step may rest on (with a floor, refuted never counts; without one, every relation does)',
          ),
          query('maxHubDegree', int, 'Do not pass through entities with more relations than this'),
          query('maxPaths', { ...int, maximum: 20, default: 5 }, 'Most paths'),
          query('relationTypes', str, 'Comma-separated relation types to keep to'),
        ],
        ok('Paths', {
          type: 'object',
          properties: {
            paths: arr({
              type: 'object',
              properties: {
                entityIds: arr(str),
                steps: arr({ type: 'object', properties: { from: str, to: str, relationIds: arr(str) } }),
              },
            }),
            more: { type: 'boolean' },
            reason: { enum: ['same-entity', 'unknown-entity', 'too-far', 'disconnected', 'budget'] },
          },
        }),
      ),
      '/api/health': {
        get: {
          summary: 'Whether the database answers',
          responses: { '200': ok('Up', { type: 'object' }), '503': errors['503'] },
        },
      },
    },
    components: {
      securitySchemes: {
        writeToken: { type: 'http', scheme: 'bearer', description: 'THREADLINE_WRITE_TOKEN' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'string', description: 'One line saying what went wrong and where' } },
        },
        Dataset: {
          type: 'object',
          properties: {
            id: str,
            title: str,
            description: str,
            version: int,
            previousVersion: { type: ['integer', 'null'] },
            publishedAt: { type: 'string', format: 'date-time' },
            counts: { type: 'object' },
          },
        },
        Entity: {
          type: 'object',
          required: ['id', 'type', 'name', 'description', 'degree', 'pagerank'],
          properties: {
            id: str,
            type: str,
            name: str,
            aliases: arr(str),
            description: str,
            role: str,
            date: {},
            degree: int,
            pagerank: { type: 'number' },
          },
        },
        Relation: {
          type: 'object',
          required: ['id', 'source', 'target', 'type', 'status', 'evidence'],
          properties: {
            id: str,
            source: str,
            target: str,
            type: str,
            status: { enum: [...STATUSES] },
            date: {},
            note: str,
            answers: str,
            evidence: arr(str),
          },
        },
        TypeCount: { type: 'object', properties: { type: str, n: int } },
        Facets: {
          type: 'object',
          properties: {
            entityTypes: { type: 'object' },
            relationTypes: { type: 'object' },
            statuses: { type: 'object' },
          },
        },
      },
    },
  };
}
