/**
 * SQL for sheets that are not ours (migration 012): a full-page reading is a scan_reading (with its
 * suggested fields in scan_reading_field) plus the numbers and lines found on the page, and, once a
 * person confirms it, which box each confirmed value was taken from.
 */
import type { WorksheetColumn } from '../model/scan-reading';
import type { CountyStore } from './county-store';
import { databaseOf } from './database-of';
import { insertScanReading, type NewScanReading } from './scan-records';

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface StoredNumberToken {
  readonly index: number;
  readonly value: number;
  readonly text: string;
  readonly confidence: number;
  readonly line: number;
  readonly box: Box;
}

export interface StoredTextLine {
  readonly index: number;
  readonly text: string;
  readonly box: Box;
}

export interface ForeignReadingDetails {
  readonly suggestedPrecinct: string | null;
  readonly tokens: readonly StoredNumberToken[];
  readonly lines: readonly StoredTextLine[];
}

export interface NewForeignScanReading extends NewScanReading {
  readonly suggestedPrecinct: string | null;
  readonly tokens: readonly Omit<StoredNumberToken, 'index'>[];
  readonly lines: readonly Omit<StoredTextLine, 'index'>[];
}

/** Stores a full-page reading: the reading and its suggested fields, then its tokens and lines. */
export function insertForeignScanReading(store: CountyStore, reading: NewForeignScanReading): number {
  const readingId = insertScanReading(store, reading);
  databaseOf(store)
    .prepare('INSERT INTO scan_reading_foreign (scan_reading_id, suggested_precinct) VALUES (?, ?)')
    .run(readingId, reading.suggestedPrecinct);
  const token = databaseOf(store).prepare(
    `INSERT INTO scan_reading_token (scan_reading_id, token_index, value, text, confidence, line_index,
       box_x, box_y, box_width, box_height) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [index, entry] of reading.tokens.entries()) {
    token.run(
      readingId,
      index,
      entry.value,
      entry.text,
      Math.min(1, Math.max(0, entry.confidence)),
      entry.line,
      entry.box.x,
      entry.box.y,
      entry.box.width,
      entry.box.height,
    );
  }
  const line = databaseOf(store).prepare(
    `INSERT INTO scan_reading_line (scan_reading_id, line_index, text, box_x, box_y, box_width, box_height)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [index, entry] of reading.lines.entries()) {
    line.run(readingId, index, entry.text, entry.box.x, entry.box.y, entry.box.width, entry.box.height);
  }
  return readingId;
}

/** The full-page details of a reading, or null when it is a worksheet's reading. */
export function foreignReadingDetails(store: CountyStore, readingId: number): ForeignReadingDetails | null {
  const row = databaseOf(store)
    .prepare('SELECT suggested_precinct AS suggestedPrecinct FROM scan_reading_foreign WHERE scan_reading_id = ?')
    .get(readingId) as { suggestedPrecinct: string | null } | undefined;
  if (!row) return null;
  const tokens = databaseOf(store)
    .prepare(
      `SELECT token_index AS "index", value, text, confidence, line_index AS line, box_x AS x, box_y AS y,
              box_width AS width, box_height AS height
         FROM scan_reading_token WHERE scan_reading_id = ? ORDER BY token_index`,
    )
    .all(readingId) as (Omit<StoredNumberToken, 'box'> & Box)[];
  const lines = databaseOf(store)
    .prepare(
      `SELECT line_index AS "index", text, box_x AS x, box_y AS y, box_width AS width, box_height AS height
         FROM scan_reading_line WHERE scan_reading_id = ? ORDER BY line_index`,
    )
    .all(readingId) as (Omit<StoredTextLine, 'box'> & Box)[];
  const boxOf = ({ x, y, width, height }: Box): Box => ({ x, y, width, height });
  return {
    suggestedPrecinct: row.suggestedPrecinct,
    tokens: tokens.map((entry) => ({
      index: entry.index,
      value: entry.value,
      text: entry.text,
      confidence: entry.confidence,
      line: entry.line,
      box: boxOf(entry),
    })),
    lines: lines.map((entry) => ({ index: entry.index, text: entry.text, box: boxOf(entry) })),
  };
}

export interface NewConfirmedToken {
  readonly candidateId: number;
  readonly column: WorksheetColumn;
  readonly tokenIndex: number | null;
}

/** Which box each confirmed value of a foreign page came from (null: the person typed it). */
export function insertConfirmedTokens(
  store: CountyStore,
  confirmationId: number,
  tokens: readonly NewConfirmedToken[],
): void {
  const insert = databaseOf(store).prepare(
    'INSERT INTO scan_confirmed_token (scan_confirmation_id, candidate_id, column_name, token_index) VALUES (?, ?, ?, ?)',
  );
  for (const entry of tokens) insert.run(confirmationId, entry.candidateId, entry.column, entry.tokenIndex);
}

export function confirmedTokens(
  store: CountyStore,
  confirmationId: number,
): { readonly candidate: string; readonly column: WorksheetColumn; readonly tokenIndex: number | null }[] {
  return databaseOf(store)
    .prepare(
      `SELECT c.name AS candidate, t.column_name AS "column", t.token_index AS tokenIndex
         FROM scan_confirmed_token t JOIN candidate c ON c.id = t.candidate_id
        WHERE t.scan_confirmation_id = ? ORDER BY c.ballot_order, t.column_name`,
    )
    .all(confirmationId) as { candidate: string; column: WorksheetColumn; tokenIndex: number | null }[];
}
