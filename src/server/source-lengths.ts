/**
 * Each source text's length in UTF-16 units (`tl_sources.chars`), which an import counts. A database
 * imported before it did has the column empty; answers then fall back to `length(text)`, which reads a
 * compressed text whole (a 5M dataset's 1,711 sources of 370 KB: seconds), so the server fills it once.
 */
import type { Db } from './db';

/** Sources read per statement while filling: a few megabytes of text at a time. */
const BATCH = 64;

/** Whether some source lacks its counted length. */
export async function sourceLengthsMissing(db: Db): Promise<boolean> {
  const [row] = await db.query<{ missing: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM tl_sources WHERE chars IS NULL) AS missing`,
  );
  return row!.missing;
}

/**
 * Counts the length of every source that lacks it, in JavaScript's units (PostgreSQL's length() counts a
 * character beyond the Basic Multilingual Plane once, JavaScript twice). Returns how many were filled.
 */
export async function fillSourceLengths(db: Db): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await db.query<{ version: number; row: number; text: string }>(
      `SELECT version, row, text FROM tl_sources WHERE chars IS NULL ORDER BY version, row LIMIT ${BATCH}`,
    );
    if (rows.length === 0) return filled;
    await db.query(
      `UPDATE tl_sources s SET chars = x.chars
       FROM unnest($1::int[], $2::int[], $3::int[]) AS x(version, row, chars)
       WHERE s.version = x.version AND s.row = x.row`,
      [rows.map((r) => r.version), rows.map((r) => r.row), rows.map((r) => r.text.length)],
    );
    filled += rows.length;
  }
}
