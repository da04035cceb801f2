/**
 * A denial and what it answers, loaded from the server in either order: once both are held, the explorer's
 * model shows the one answering the other, as the whole dataset does.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersTo } from '../../src/model/core/claims';
import { createServerSource } from '../../src/data/graph-source/server-source';
import type { Fetch } from '../../src/data/graph-source/server-http';
import { createApp } from '../../src/server/app';
import type { Db } from '../../src/server/db';
import { importBundle } from '../../src/server/import';
import { articleBundle } from '../unit/fixtures';
import { testDatabase, type TestDatabase } from './server-db';

let database: TestDatabase;
let db: Db;
let app: Hono;

beforeAll(async () => {
  database = await testDatabase('answers_order');
  db = await database.open();
  await importBundle(db, articleBundle());
  app = createApp({ db });
});
afterAll(async () => {
  await db.close();
  await database.dispose();
});

// Putin's denial (Putin → the interference) answers the relation saying Russia interfered (Russia → the
// election): their ends differ, so either can be loaded without the other.
const DENIAL = 'putin-denied-interference';
const ANSWERED = 'russia-interfered-2016';
const DENIAL_ENDS = ['vladimir-putin', 'russian-interference-2016'];
const ANSWERED_ENDS = ['russia', 'election-2016'];

const fetchFn: Fetch = async (input, init) => app.request(String(input), init);

/** A server source that loads each group of entities in turn; the model once all are loaded. */
async function loadInTurn(...groups: string[][]) {
  const source = createServerSource({
    api: 'http://threadline.test/api/',
    dataset: 'trump-putin',
    datasets: [],
    fetch: fetchFn,
  });
  const models = [];
  for (const ids of groups) {
    const grown = await source.ensure({ kind: 'entities', ids });
    models.push(grown!.model);
  }
  return models;
}

describe('a denial and what it answers, loaded in either order', () => {
  it('opened with the denial, then given what it answers: the answer is restored', async () => {
    const [first, last] = await loadInTurn(DENIAL_ENDS, ANSWERED_ENDS);
    expect(first!.relations.has(DENIAL)).toBe(true);
    expect(first!.relations.has(ANSWERED)).toBe(false);
    // Until then the partial model holds no answer to a relation it lacks: it stays a valid dataset.
    expect(first!.relations.get(DENIAL)!.answers).toBeUndefined();
    expect(last!.relations.get(DENIAL)!.answers).toBe(ANSWERED);
    expect(answersTo(last!, ANSWERED)).toEqual([DENIAL]);
  });

  it('given the denial in a step, then what it answers in a later one: the answer is restored', async () => {
    const [, withDenial, last] = await loadInTurn(
      ['paul-manafort', 'konstantin-kilimnik'],
      DENIAL_ENDS,
      ANSWERED_ENDS,
    );
    expect(withDenial!.relations.has(DENIAL)).toBe(true);
    expect(withDenial!.relations.has(ANSWERED)).toBe(false);
    expect(answersTo(last!, ANSWERED)).toEqual([DENIAL]);
  });

  it('given the denial by an expansion (one …/expand request), then what it answers: the answer is restored', async () => {
    const source = createServerSource({
      api: 'http://threadline.test/api/',
      dataset: 'trump-putin',
      datasets: [],
      fetch: fetchFn,
    });
    await source.ensure({ kind: 'entities', ids: ['russian-interference-2016', 'fbi'] });
    // Expanding the interference brings Putin's denial, and Russia, but not the election it answers about.
    const withDenial = await source.ensure({ kind: 'expand', id: 'russian-interference-2016', limit: 200 });
    expect(withDenial!.model.relations.has(DENIAL)).toBe(true);
    expect(withDenial!.model.relations.has(ANSWERED)).toBe(false);
    const last = await source.ensure({ kind: 'entities', ids: ['election-2016'] });
    expect(last!.model.relations.has(ANSWERED)).toBe(true);
    expect(answersTo(last!.model, ANSWERED)).toEqual([DENIAL]);
  });

  it('given what it answers first, then the denial: the answer comes with it', async () => {
    const [, last] = await loadInTurn(ANSWERED_ENDS, DENIAL_ENDS);
    expect(answersTo(last!, ANSWERED)).toEqual([DENIAL]);
  });
});
