/**
 * Folds the accents of the names a version imported before the typeahead folded them holds (its `search`
 * text and word table), so that "eric" and "Éric" find "Éric" there as in a version imported since. Only
 * names with a character beyond ASCII can change: at a million mostly ASCII names it reads a few rows.
 */
import type { Db } from './db';
import { DERIVED } from './import';
import { entityWords, searchText } from './import-rows';
import { hasWordTables } from './queries';
import { versionsWithNamesUnfolded } from './schema';

/** Folds every version that needs it, each in one transaction; returns how many entities' names changed. */
export async function foldNames(db: Db, say: (line: string) => void = () => {}): Promise<number> {
  const versions = await versionsWithNamesUnfolded(db);
  if (versions.length === 0) return 0;
  say('Folding accents in the names the typeahead matches (once)…');
  let changed = 0;
  for (const version of versions) changed += await db.transaction((tx) => foldVersion(tx, version));
  return changed;
}

async function foldVersion(tx: Db, version: number): Promise<number> {
  await tx.query('SET LOCAL statement_timeout = 0');
  const entities = await tx.query<{
    row: number;
    name: string;
    aliases: string[] | null;
    search: string;
    degree: number;
  }>(
    `SELECT row, name, aliases, search, degree FROM tl_entities
      WHERE version = $1 AND octet_length(search) <> length(search) ORDER BY row`,
    [version],
  );
  const moved = entities.map((e) => ({ ...e, folded: searchText(e) })).filter((e) => e.folded !== e.search);
  if (moved.length > 0) {
    await tx.query(
      `UPDATE tl_entities e SET search = x.search FROM unnest($2::int[], $3::text[]) AS x(row, search)
        WHERE e.version = $1 AND e.row = x.row`,
      [version, moved.map((e) => e.row), moved.map((e) => e.folded)],
    );
    // A version imported before the word tables has none: its typo pass reads the names' trigrams.
    if (await hasWordTables(tx, version)) {
      const rows = moved.flatMap((e) => entityWords(e).map(([word, whole]) => ({ word, whole, e })));
      await tx.query(`DELETE FROM tl_name_words WHERE version = $1 AND entity = ANY($2::int[])`, [
        version,
        moved.map((e) => e.row),
      ]);
      await tx.query(
        `INSERT INTO tl_name_words (version, word, entity, degree, whole)
         SELECT $1::int, * FROM unnest($2::text[], $3::int[], $4::int[], $5::boolean[])`,
        [
          version,
          rows.map((r) => r.word),
          rows.map((r) => r.e.row),
          rows.map((r) => r.e.degree),
          rows.map((r) => r.whole),
        ],
      );
      await tx.query(`DELETE FROM tl_words WHERE version = $1`, [version]);
      await tx.query(DERIVED.tl_words(version));
    }
  }
  await tx.query(`UPDATE tl_versions SET names_folded = true WHERE version = $1`, [version]);
  return moved.length;
}
