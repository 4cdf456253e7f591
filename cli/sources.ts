/**
 * The files `segmentkit` reads, as columns of cells the core's readers take: CSV and Parquet through DuckDB (every
 * CSV cell as text, `read_csv(…, all_varchar = true)`; a Parquet number column as numbers, any other column as
 * text), `.xlsx` through ExcelJS's streaming reader (cells as Excel hands them to a formula: numbers, text, logical
 * values, dates as serials). Nothing here decides what a cell means: core/cells.ts does, in core/engine/order-lines-stream.ts.
 * Data comes in chunks of at most a few thousand rows, so memory does not grow with the file.
 *
 * @example
 *   const source = await openSource(connection, 'orders.csv');
 *   const top = await source.peek(11);               // the first rows, header included
 *   for await (const chunk of source.scan(0, [0, 2])) chunk.columns[1]; // the third column's cells
 */
import { existsSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { DuckDBConnection, DuckDBDataChunk } from '@duckdb/node-api';
import { MS_PER_DAY, UNIX_EPOCH_SERIAL } from '../core/dates.js';
import { CliError } from './text.js';

/** One cell as a host would pass it to a formula. */
export type Cell = string | number | boolean | null;

/** Rows of a file, by column: `columns[k][i]` is the cell of the k-th asked column on the i-th row. */
export interface Chunk {
  /** The file's own row number (1-based; a CSV's header is row 1) of each row. */
  readonly rows: readonly number[];
  readonly columns: readonly (readonly Cell[])[];
}

type SourceKind = 'csv' | 'parquet' | 'xlsx';

export interface Source {
  readonly file: string;
  readonly kind: SourceKind;
  /** Data rows, when the file says so without being read (Parquet's metadata). */
  readonly knownRows?: number;
  /** The first `count` rows, header included (Parquet: its column names, then data). */
  peek(count: number): Promise<Cell[][]>;
  /** The data rows below the header row `headerRow` (0-based among the peeked rows), columns `cols` only. */
  scan(headerRow: number, cols: readonly number[]): AsyncIterable<Chunk>;
}

const KINDS: Readonly<Record<string, SourceKind>> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.parquet': 'parquet',
  '.xlsx': 'xlsx',
};

/** How messages call each kind of file. */
const KIND_NAMES: Readonly<Record<SourceKind, string>> = { csv: 'CSV', parquet: 'Parquet', xlsx: 'Excel (.xlsx)' };

/** A file name as an SQL string literal. */
export function sqlText(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The first error line DuckDB gives, without its long hints. */
function duckMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n').find((line) => line.trim() !== '') ?? text).trim();
}

/** A DuckDB chunk's columns as cells. VARCHAR stays text, numbers become numbers, NULL is null. */
function chunkColumns(chunk: DuckDBDataChunk): Cell[][] {
  return Array.from({ length: chunk.columnCount }, (_, c) => {
    const vector = chunk.getColumnVector(c);
    const n = chunk.rowCount;
    const cells = new Array<Cell>(n);
    for (let i = 0; i < n; i++) {
      const value = vector.getItem(i);
      cells[i] =
        value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
          ? value
          : String(value);
    }
    return cells;
  });
}

/** Streams a query's chunks as cells, numbering rows from `firstRow`. */
async function* duckChunks(
  connection: DuckDBConnection,
  sql: string,
  firstRow: number,
  file: string,
  kind: SourceKind,
): AsyncGenerator<Chunk> {
  let result;
  try {
    result = await connection.stream(sql);
  } catch (error) {
    throw new CliError('unreadableFile', { file, kind: KIND_NAMES[kind], why: duckMessage(error) });
  }
  let row = firstRow;
  // The next chunk is fetched (DuckDB works on its own threads) while this one is read into cells and used.
  let pending: Promise<DuckDBDataChunk | null> = result.fetchChunk();
  for (;;) {
    let chunk: DuckDBDataChunk | null;
    try {
      chunk = await pending;
    } catch (error) {
      throw new CliError('unreadableFile', { file, kind: KIND_NAMES[kind], why: duckMessage(error) });
    }
    if (!chunk || chunk.rowCount === 0) return;
    pending = result.fetchChunk();
    // A failed fetch is reported when it is awaited, not as an unhandled rejection meanwhile.
    pending.catch(() => undefined);
    const rows = new Array<number>(chunk.rowCount);
    for (let i = 0; i < rows.length; i++) rows[i] = row++;
    yield { rows, columns: chunkColumns(chunk) };
  }
}

function csvSource(connection: DuckDBConnection, file: string): Source {
  const path = sqlText(file);
  return {
    file,
    kind: 'csv',
    async peek(count) {
      // No header assumed: the header row is found among these rows (a title may sit above it).
      const sql = `SELECT * FROM read_csv(${path}, all_varchar = true, header = false, null_padding = true) LIMIT ${count}`;
      try {
        const rows = (await connection.runAndReadAll(sql)).getRows();
        return rows.map((row) => row.map((v) => (v === null ? null : String(v))));
      } catch (error) {
        throw new CliError('unreadableFile', { file, kind: KIND_NAMES.csv, why: duckMessage(error) });
      }
    },
    scan(headerRow, cols) {
      // Only the columns asked for, by position (`#3`): DuckDB then skips building the others.
      const select = cols.map((c) => `#${c + 1}`).join(', ');
      const sql = `SELECT ${select} FROM read_csv(${path}, all_varchar = true, header = true, skip = ${headerRow})`;
      return duckChunks(connection, sql, headerRow + 2, file, 'csv');
    },
  };
}

/** Parquet number types, read as numbers; every other type is read as its text (a DATE as 2024-05-31). */
const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/;

async function parquetSource(connection: DuckDBConnection, file: string): Promise<Source> {
  const from = `read_parquet(${sqlText(file)})`;
  let names: string[];
  let types: string[];
  let knownRows: number;
  try {
    const described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRows();
    names = described.map((row) => String(row[0]));
    types = described.map((row) => String(row[1]));
    const counted = (await connection.runAndReadAll(`SELECT count(*) FROM ${from}`)).getRows();
    knownRows = Number(counted[0]?.[0] ?? 0);
  } catch (error) {
    throw new CliError('unreadableFile', { file, kind: KIND_NAMES.parquet, why: duckMessage(error) });
  }
  const cast = (k: number): string => {
    const column = `"${(names[k] as string).replace(/"/g, '""')}"`;
    return NUMERIC.test(types[k] as string) ? `CAST(${column} AS DOUBLE)` : `CAST(${column} AS VARCHAR)`;
  };
  const select = (cols: readonly number[]): string => `SELECT ${cols.map(cast).join(', ')} FROM ${from}`;
  return {
    file,
    kind: 'parquet',
    knownRows,
    async peek(count) {
      const all = names.map((_, k) => k);
      const rows = (await connection.runAndReadAll(`${select(all)} LIMIT ${Math.max(0, count - 1)}`)).getRows();
      return [names, ...rows.map((row) => row.map((v) => (v === null ? null : (v as Cell))))];
    },
    scan(_headerRow, cols) {
      return duckChunks(connection, select(cols), 2, file, 'parquet');
    },
  };
}

/** Rows per chunk from an .xlsx sheet. */
const XLSX_CHUNK = 2048;

/** An ExcelJS cell value as Excel passes it to a formula: a date as its serial, a formula as its result. */
function excelCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if ('result' in v) return excelCell(v.result);
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('');
    if (typeof v.error === 'string') return v.error;
    if (v.text !== undefined) return excelCell(v.text);
  }
  return String(value);
}

interface SheetRow {
  readonly number: number;
  readonly values: unknown;
}

async function* sheetRows(file: string): AsyncGenerator<SheetRow> {
  const ExcelJS = (await import('exceljs')).default;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<SheetRow>) yield row;
      return; // the first sheet only
    }
  } catch (error) {
    throw new CliError('unreadableFile', { file, kind: KIND_NAMES.xlsx, why: duckMessage(error) });
  }
}

/** ExcelJS's row values are 1-based: cell k (0-based) is values[k + 1]. */
function rowCells(values: unknown, width?: number): Cell[] {
  const list = Array.isArray(values) ? (values as unknown[]) : [];
  const n = width ?? Math.max(0, list.length - 1);
  const cells = new Array<Cell>(n);
  for (let k = 0; k < n; k++) cells[k] = excelCell(list[k + 1]);
  return cells;
}

function xlsxSource(file: string): Source {
  return {
    file,
    kind: 'xlsx',
    async peek(count) {
      const rows: Cell[][] = [];
      let next = 1;
      for await (const row of sheetRows(file)) {
        if (row.number > count) break;
        for (; next < row.number; next++) rows.push([]); // rows missing from the sheet are blank
        rows.push(rowCells(row.values));
        next = row.number + 1;
      }
      const width = Math.max(0, ...rows.map((r) => r.length));
      return rows.map((r) => (r.length < width ? [...r, ...new Array<Cell>(width - r.length).fill(null)] : r));
    },
    async *scan(headerRow, cols) {
      let rows: number[] = [];
      let columns: Cell[][] = cols.map(() => []);
      for await (const row of sheetRows(file)) {
        if (row.number <= headerRow + 1) continue;
        const list = Array.isArray(row.values) ? (row.values as unknown[]) : [];
        rows.push(row.number);
        cols.forEach((c, k) => (columns[k] as Cell[]).push(excelCell(list[c + 1])));
        if (rows.length === XLSX_CHUNK) {
          yield { rows, columns };
          rows = [];
          columns = cols.map(() => []);
        }
      }
      if (rows.length > 0) yield { rows, columns };
    },
  };
}

/** Opens an input file by its extension, after checking it exists; a clear CliError otherwise. */
export async function openSource(connection: DuckDBConnection, file: string): Promise<Source> {
  if (!existsSync(file)) throw new CliError('missingFile', { file, cwd: process.cwd() });
  if (!statSync(file).isFile()) throw new CliError('notAFile', { file });
  const kind = KINDS[extname(file).toLowerCase()];
  if (kind === undefined) throw new CliError('unknownKind', { file, ext: extname(file) || '(none)' });
  if (kind === 'parquet') return parquetSource(connection, file);
  if (kind === 'xlsx') return xlsxSource(file);
  return csvSource(connection, file);
}
