/**
 * Source texts are stored once, in parts (`tl_source_parts`): consecutive stretches of about
 * TEXT_PART_CHARS UTF-16 units, cut in JavaScript at import. A window around a quote then reads the one or
 * two parts it falls in, where a text stored whole had to be read and decompressed whole, and PostgreSQL's
 * substr walked it character by character from its start (at 5M relations an expansion citing 1,200 sources
 * of 370 KB took 12 s). Cut and sliced in JavaScript, offsets are the quotes' own (UTF-16 units): a text
 * with characters beyond the Basic Multilingual Plane, which PostgreSQL counts once and JavaScript twice,
 * needs no handling of its own.
 */
import type { Db } from './db';

/** UTF-16 units per part: a window (a quote and 1,000 characters either side) spans one to three. */
export const TEXT_PART_CHARS = 2048;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * `text` as its parts, `[start, text]` in order: TEXT_PART_CHARS units each (the last fewer), one more where
 * a cut would fall inside a surrogate pair, since PostgreSQL stores neither half alone. None for ''.
 */
export function textParts(text: string): Array<[number, string]> {
  const parts: Array<[number, string]> = [];
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + TEXT_PART_CHARS);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end++;
    parts.push([at, text.slice(at, end)]);
    at = end;
  }
  return parts;
}

/** A stretch of a source's text wanted: the source's row, and the offsets, `to` past the end if need be. */
export interface StretchWanted {
  source: number;
  from: number;
  to: number;
}

/**
 * The text of each stretch in `wanted`, in order, cut where its source's text ends. One statement: each
 * stretch's parts are found by the part index's range, a part holding `from` starting at most
 * TEXT_PART_CHARS before it.
 */
export async function readStretches(
  db: Db,
  version: number,
  wanted: readonly StretchWanted[],
): Promise<string[]> {
  if (wanted.length === 0) return [];
  const rows = await db.query<{ k: string | number; start: number; text: string }>(
    `SELECT w.k, p.start, p.text
     FROM unnest($2::int[], $3::int[], $4::int[]) WITH ORDINALITY AS w(source, f, t, k)
     JOIN tl_source_parts p ON p.version = $1 AND p.source = w.source AND p.start >= w.f - $5 AND p.start < w.t
     ORDER BY w.k, p.start`,
    [
      version,
      wanted.map((w) => w.source),
      wanted.map((w) => w.from),
      wanted.map((w) => w.to),
      TEXT_PART_CHARS,
    ],
  );
  const texts: string[] = wanted.map(() => '');
  const starts: number[] = wanted.map(() => -1);
  for (const r of rows) {
    const k = Number(r.k) - 1;
    if (starts[k] === -1) starts[k] = r.start;
    texts[k] += r.text;
  }
  return wanted.map(({ from, to }, k) =>
    starts[k]! < 0 ? '' : texts[k]!.slice(Math.max(0, from - starts[k]!), Math.max(0, to - starts[k]!)),
  );
}

/** SQL for a source's whole text from its parts, given the version and row expressions of a `tl_sources` row. */
export const wholeTextSql = (version: string, row: string) =>
  `coalesce((SELECT string_agg(p.text, '' ORDER BY p.start) FROM tl_source_parts p WHERE p.version = ${version} AND p.source = ${row}), '')`;

/** Texts read per statement while moving them into parts: a few megabytes at a time. */
const MOVE_BATCH = 64;

/** Whether `tl_sources` still holds its texts whole, as databases imported before the parts did. */
export async function textsHeldWhole(db: Db): Promise<boolean> {
  const [row] = await db.query<{ whole: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_attribute
       WHERE attrelid = to_regclass('tl_sources') AND attname = 'text' AND NOT attisdropped) AS whole`,
  );
  return row!.whole;
}

/**
 * Moves the texts of a database imported before they were stored in parts into `tl_source_parts`,
 * counting each one's length, then drops the column that held them: in one transaction, so an interrupted
 * move leaves the database as it was (and the next start moves them again). Returns how many it moved.
 */
export async function moveTextsIntoParts(db: Db): Promise<number> {
  const moved = await db.transaction(async (tx) => {
    const versions = await tx.query<{ version: number }>(
      `SELECT DISTINCT version FROM tl_sources ORDER BY version`,
    );
    for (const { version } of versions) {
      const v = Math.trunc(version);
      await tx.query(
        `CREATE TABLE IF NOT EXISTS tl_source_parts_v${v} PARTITION OF tl_source_parts FOR VALUES IN (${v})`,
      );
    }
    let moved = 0;
    for (let after = { version: -1, row: -1 }; ;) {
      const batch = await tx.query<{ version: number; row: number; text: string }>(
        `SELECT version, row, text FROM tl_sources WHERE (version, row) > ($1, $2) ORDER BY version, row LIMIT ${MOVE_BATCH}`,
        [after.version, after.row],
      );
      if (batch.length === 0) break;
      await tx.copyFrom(
        'tl_source_parts',
        ['version', 'source', 'start', 'text'],
        batch.flatMap((s) => textParts(s.text).map(([start, text]) => [s.version, s.row, start, text])),
      );
      await tx.query(
        `UPDATE tl_sources s SET chars = x.chars
         FROM unnest($1::int[], $2::int[], $3::int[]) AS x(version, row, chars)
         WHERE s.version = x.version AND s.row = x.row`,
        [batch.map((s) => s.version), batch.map((s) => s.row), batch.map((s) => s.text.length)],
      );
      moved += batch.length;
      after = batch[batch.length - 1]!;
    }
    await tx.query(`ALTER TABLE tl_sources DROP COLUMN text`);
    await tx.query(`ALTER TABLE tl_sources DROP COLUMN IF EXISTS astral`);
    return moved;
  });
  // As after an import (parent-stats.ts): the planner estimates the parts' join from the parent's statistics.
  await db.query(`ANALYZE tl_source_parts`);
  await db.query(`ANALYZE tl_sources`);
  return moved;
}
