/** The typeahead over the database: names that start with the text, best connected first, then trigram matches. */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db';
import { forgetWordTables, searchEntities } from '../../src/server/queries';
import { nameTypo } from './name-typo';
import { importedOnce } from './server-db';
import { generatedBundle } from './generated-bundle';

const bundle = generatedBundle({ entities: 400, relations: 2000, seed: 11 });
let db: Db;
let version: number;
importedOnce(
  'search',
  () => bundle,
  (opened) => ({ db, version } = opened),
);

describe('entity search', () => {
  it('lists every name starting with the text first, best connected first', async () => {
    // The most common first three letters: long enough for the trigram pass, and shared by several names.
    const starts = new Map<string, number>();
    for (const e of bundle.entities) {
      const c = e.name.slice(0, 3).toLowerCase();
      starts.set(c, (starts.get(c) ?? 0) + 1);
    }
    const [letter, count] = [...starts].sort((a, b) => b[1] - a[1])[0]!;
    expect(count).toBeGreaterThan(3);
    const hits = await searchEntities(db, version, letter.toUpperCase(), Math.min(count, 10));
    expect(hits).toHaveLength(Math.min(count, 10));
    for (const h of hits) expect(h.name.toLowerCase().startsWith(letter)).toBe(true);
    const degrees = hits.map((h) => h.degree);
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
    // No name starting with the letter is better connected than the last one listed.
    const starting = await db.query<{ max: number }>(
      `SELECT max(degree) AS max FROM tl_entities WHERE version = $1 AND search LIKE $2 AND NOT (id = ANY($3::text[]))`,
      [version, `${letter}%`, hits.map((h) => h.id)],
    );
    expect(starting[0]!.max).toBeLessThanOrEqual(degrees.at(-1)!);
  });

  it('fills the page after the names that start with the text with similar ones, typos forgiven', async () => {
    // A letter dropped from a word: no name starts with it, trigrams still find it.
    const { target, typo } = nameTypo(bundle.entities);
    const hits = await searchEntities(db, version, typo, 50);
    expect(hits.map((h) => h.id)).toContain(target.id);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('entity search by the words of a name', () => {
  const words = (e: (typeof bundle.entities)[number]) =>
    [e.name, ...(e.aliases ?? [])].flatMap((t) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter(Boolean);

  it('finds a later word of a name from its first two letters, best connected first', async () => {
    // Two letters no name starts with but a later word does: too short for trigrams, so only the word
    // table finds them.
    const starts = new Set(bundle.entities.map((e) => e.name.slice(0, 2).toLowerCase()));
    const text = bundle.entities
      .flatMap((e) => e.name.toLowerCase().split(' ').slice(1))
      .map((w) => w.slice(0, 2))
      .find((p) => /^\p{L}{2}$/u.test(p) && !starts.has(p))!;
    expect(text).toBeDefined();
    const hits = await searchEntities(db, version, text, 5);
    const having = bundle.entities.filter((e) => words(e).some((w) => w.startsWith(text)));
    expect(hits.length).toBe(Math.min(5, having.length));
    for (const h of hits) expect(having.map((e) => e.id)).toContain(h.id);
    const degrees = hits.map((h) => h.degree);
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
    const best = await db.query<{ max: number }>(
      `SELECT max(degree) AS max FROM tl_entities WHERE version = $1 AND id = ANY($2::text[]) AND NOT (id = ANY($3::text[]))`,
      [version, having.map((e) => e.id), hits.map((h) => h.id)],
    );
    if (best[0]!.max !== null) expect(best[0]!.max).toBeLessThanOrEqual(degrees.at(-1)!);
  });

  it('matches every typed word as the start of a word of the name, in any order', async () => {
    const target = bundle.entities.find((e) => e.name.split(' ').filter((w) => w.length >= 4).length >= 2)!;
    const [first, second] = target.name.split(' ').filter((w) => w.length >= 4);
    // The later word first, each cut short: no name starts with it, and each word is a prefix.
    const text = `${second!.slice(0, 3)} ${first!.slice(0, 3)}`;
    const having = bundle.entities
      .filter((e) => text.split(' ').every((t) => words(e).some((w) => w.startsWith(t))))
      .map((e) => e.id);
    expect(having.length).toBeLessThan(50);
    const hits = await searchEntities(db, version, text, 50);
    // Those names first (any similar ones only after them), the target among them.
    expect(
      hits
        .slice(0, having.length)
        .map((h) => h.id)
        .sort(),
    ).toEqual([...having].sort());
    expect(hits.map((h) => h.id)).toContain(target.id);
  });
});

/** The database, counting the statements sent through it. */
function counting(inner: Db): { db: Db; sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    db: {
      kind: inner.kind,
      query: (sql, params) => {
        sent.push(sql);
        return inner.query(sql, params);
      },
      copyFrom: (...a) => inner.copyFrom(...a),
      copyText: (...a) => inner.copyText(...a),
      connections: inner.connections,
      transaction: (work) => inner.transaction(work),
      close: () => inner.close(),
    },
  };
}

describe('entity search round trips', () => {
  // A typo no name starts with: every pass runs, the typo pass last.
  const typo = () => {
    const word = bundle.entities
      .flatMap((e) => e.name.split(' '))
      .find((w) => w.length >= 7)!
      .toLowerCase();
    return word.slice(0, 3) + word.slice(4);
  };

  it('asks the catalog for the word tables once per version, not on every keystroke', async () => {
    const { db: watched, sent } = counting(db);
    for (const text of ['al', 'alb', typo()]) await searchEntities(watched, version, text, 10);
    expect(sent.filter((s) => s.includes('to_regclass'))).toHaveLength(1);
  });

  it('sends one statement per search once the catalog is known, however many passes it takes', async () => {
    const { db: watched, sent } = counting(db);
    await searchEntities(watched, version, 'warm', 10);
    sent.length = 0;
    const hits = await searchEntities(watched, version, typo(), 50);
    expect(hits.length).toBeGreaterThan(0);
    expect(sent).toHaveLength(1);
  });

  it('asks the catalog again for a version it was told to forget', async () => {
    const { db: watched, sent } = counting(db);
    await searchEntities(watched, version, 'ab', 10);
    forgetWordTables(watched, version);
    await searchEntities(watched, version, 'ab', 10);
    expect(sent.filter((s) => s.includes('to_regclass'))).toHaveLength(2);
  });

  it('gives as a short page the start of a longer one, whichever pass fills it', async () => {
    // A pass's best few, not any few of its candidates: a typo shared by many names, a word's start, a name's.
    const counts = new Map<string, number>();
    for (const e of bundle.entities)
      for (const w of e.name.toLowerCase().split(' '))
        if (w.length >= 6) counts.set(w, (counts.get(w) ?? 0) + 1);
    const common = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    // Its last letter wrong: no name has it, many have the word.
    const swapped = common.slice(0, -1) + (common.endsWith('q') ? 'x' : 'q');
    const texts = [swapped, common.slice(0, 3), bundle.entities[0]!.name.slice(0, 2)];
    for (const text of texts) {
      const long = (await searchEntities(db, version, text, 50)).map((h) => h.id);
      expect(long.length, text).toBeGreaterThan(5);
      for (const n of [1, 2, 3, 5])
        expect(
          (await searchEntities(db, version, text, n)).map((h) => h.id),
          `${text} ${n}`,
        ).toEqual(long.slice(0, n));
    }
  });

  it('lists an entity once, though several passes find it', async () => {
    // A whole one-word alias or name is found by the exact pass, the word pass and maybe the prefix pass.
    const single = bundle.entities
      .flatMap((e) => [e.name, ...(e.aliases ?? [])])
      .find((n) => /^\p{L}{4,}$/u.test(n))!;
    expect(single).toBeDefined();
    for (const text of [single, single.slice(0, 3), typo()]) {
      const ids = (await searchEntities(db, version, text, 50)).map((h) => h.id);
      expect(new Set(ids).size, text).toBe(ids.length);
    }
  });
});

describe('entity search past the word table’s ranges', () => {
  const initialled = bundle.entities.filter((e) => /^\p{L}{4,} \p{Lu}\. \p{L}{4,}$/u.test(e.name));

  it('checks a typed word of one letter in the names the longer words leave, as exactly as a range would', async () => {
    // "Jorun A. C": the initial and the last name's first letter are each the start of a great many words.
    const target = initialled[0]!;
    const [first, initial, last] = target.name.split(' ');
    const text = `${first} ${initial} ${last![0]}`;
    const starts = (e: (typeof bundle.entities)[number]) => {
      const ws = [e.name, ...(e.aliases ?? [])].flatMap((t) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u));
      return text
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean)
        .every((t) => ws.some((w) => w.startsWith(t)));
    };
    const having = bundle.entities.filter(starts).map((e) => e.id);
    const hits = await searchEntities(db, version, text, 50);
    const exact = hits.filter((h) => h.score === 1).map((h) => h.id);
    expect(exact.sort()).toEqual([...having].sort());
    expect(exact).toContain(target.id);
  });

  it('forgives a typo in one of several words', async () => {
    const target = initialled.find((e) => e.name.split(' ')[2]!.length >= 6)!;
    const [first, , last] = target.name.split(' ');
    const typo = last!.slice(0, 2) + last![3] + last![2] + last!.slice(4);
    const hits = await searchEntities(db, version, `${first} ${typo}`, 10);
    expect(hits.map((h) => h.id)).toContain(target.id);
  });

  it('takes a number with a wrong digit for no other number', async () => {
    // "(2002)" typed "(2092)": years and amounts a digit apart are other events, not typos.
    const dated = bundle.entities.find((e) => /\(\d{4}\)$/.test(e.name))!;
    const year = /\((\d{4})\)$/.exec(dated.name)![1]!;
    const names = bundle.entities.flatMap((e) => [e.name, ...(e.aliases ?? [])]);
    // Its third digit changed to one that makes a number no name has.
    const wrong = [...'0123456789']
      .map((d) => `${year.slice(0, 2)}${d}${year[3]}`)
      .find((n) => !names.some((name) => name.includes(n)))!;
    expect(wrong).toBeDefined();
    expect(await searchEntities(db, version, `(${wrong})`, 10)).toEqual([]);
  });
});

describe('entity search on a version imported before the word table', () => {
  it('still forgives typos, from the names themselves', async () => {
    const { target, typo } = nameTypo(bundle.entities);
    // Such a version has no partitions of the word tables (run last: this changes the file's database).
    // The search knows this version had them: what drops them tells it to forget.
    await searchEntities(db, version, typo, 50);
    for (const table of ['tl_words', 'tl_name_words']) await db.query(`DROP TABLE ${table}_v${version}`);
    forgetWordTables(db, version);
    const hits = await searchEntities(db, version, typo, 50);
    expect(hits.map((h) => h.id)).toContain(target.id);
  });
});
