/**
 * *Open an order file*: RFM_TABLE over an order file of any size, the browser twin of `segmentkit rfm`
 * (cli/rfm.ts). A database reads the file as text (DuckDB-Wasm in the panel, duckdb-wasm.ts; DuckDB in Node for the
 * tests), the core's own rules decide what each cell means (core/engine/order-lines-stream.ts: LineReader and
 * settleColumns, as the command line reads), the lines go back into the database as the input contract of the
 * generated SQL (core/sql: `orders(line, customer, order_id, order_date, revenue)`) and the query's answer comes out
 * either as the customer table for a new sheet (customer-table.ts) or, beyond what a sheet takes, as a CSV.
 *
 * The database is a port (OrderFileDb), so the same steps run on DuckDB-Wasm in the browser and on
 * @duckdb/node-api in the tests. Columns are guessed as the panel and the command line guess them
 * (core/engine/columns.ts with the RFM on order lines method: English and Vietnamese headers, order id,
 * Quantity × Price).
 *
 * Cost: two streamed passes over the file (the first stops as soon as the date order and the separators are
 * settled), O(lines) reading in JavaScript, one chunk of lines in memory at a time plus the customers with a line
 * left out; the database holds the lines and runs the query (hash aggregates, one sort per measure).
 *
 * @example
 *   const summary = await readOrderFile(db, { source: 'orders.csv', kind: 'csv', lang: 'vi', bytes: file.size });
 *   if (summary.sheetRows <= SHEET_MAX_ROWS) host.writeCustomerSheet({ table: await customerTable(db, summary), … });
 *   else offerCsv(await customerCsv(db, summary));
 */
import { RFM_ORDERS_METHOD, RFM_TABLE_HEADER } from '../../core/catalog/rfm-table.js';
import { serialToIso } from '../../core/dates.js';
import { findHeaderRow, guessMapping, guessRevenueSource } from '../../core/engine/columns.js';
import {
  amountColumns,
  leftOutReportText,
  lineColumnsOf,
  LineReader,
  scannedColumns,
  settleColumns,
  type Cell,
  type Chunk,
  type LineColumns,
  type LineRows,
  type LinesRead,
} from '../../core/engine/order-lines-stream.js';
import { label, type Lang } from '../../core/labels.js';
import type { LeftOutReport } from '../../core/methods/orders.js';
import { sqlFor } from '../../core/sql/index.js';

export type { Cell };

/** What the pipeline needs of a database: DuckDB-Wasm in the panel, DuckDB in Node for the tests. */
export interface OrderFileDb {
  /** Runs a statement. */
  run(sql: string): Promise<void>;
  /** A small query's rows, row by row. */
  rows(sql: string): Promise<Cell[][]>;
  /** A query's rows in chunks, each chunk column by column (`chunk[k][i]`: column k, row i). */
  chunks(sql: string): AsyncIterable<Cell[][]>;
  /** Makes `text` readable under a file name the SQL can use; answers that name (as an SQL string literal). */
  putText(name: string, text: string): Promise<string>;
  /** Forgets a text `putText` kept. */
  dropText(name: string): Promise<void>;
}

export type OrderFileKind = 'csv' | 'parquet';

/** Where the work is, for the progress line. */
export type OrderFilePhase = 'settle' | 'read' | 'score' | 'table';

export interface OrderFileProgress {
  readonly phase: OrderFilePhase;
  /** Lines read so far in this phase. */
  readonly lines: number;
  /** 0..1 when it can be told (from the file's size, or the lines known), else undefined. */
  readonly fraction?: number;
}

export interface OrderFileOptions {
  /** The file as the database's SQL names it (a registered browser file, or a path). */
  readonly source: string;
  readonly kind: OrderFileKind;
  readonly lang: Lang;
  /** The file's size in bytes (for the progress fraction). */
  readonly bytes?: number;
  readonly onProgress?: (progress: OrderFileProgress) => void;
  /** Checked between chunks; once true the pipeline stops with OrderFileError `cancelled`. */
  readonly isCancelled?: () => boolean;
}

/** Why a file cannot be used; `code` names the panel's message (panel/i18n.ts: `orderFile_<code>`). */
export type OrderFileErrorCode =
  'cancelled' | 'emptyFile' | 'noHeader' | 'noColumn' | 'noLines' | 'unreadable' | 'noWasm' | 'wasmFailed';

export class OrderFileError extends Error {
  constructor(
    readonly code: OrderFileErrorCode,
    readonly values: Readonly<Record<string, string | number>> = {},
  ) {
    super(`order file: ${code} ${JSON.stringify(values)}`);
    this.name = 'OrderFileError';
  }
}

/** What the file gave, before the customer table is taken out of the database. */
export interface OrderFileSummary {
  readonly lang: Lang;
  readonly read: LinesRead;
  /** Revenue is Quantity × Price. */
  readonly quantityPrice: boolean;
  /** The headers of the columns used: customer, date, revenue (or `Quantity × Price`), order id (or ''). */
  readonly columnsUsed: {
    readonly customer: string;
    readonly date: string;
    readonly revenue: string;
    readonly orderId: string;
  };
  /** Customers in the table (rows below its header, the final problem row not counted). */
  readonly customers: number;
  /** The final row counting the lines without a readable customer, as RFM_TABLE writes it; absent when none. */
  readonly finalRow?: string;
  /** Rows the table takes on a sheet: header, customers, final row. */
  readonly sheetRows: number;
  /** The day recency is counted to (ISO). */
  readonly asOf: string;
  /** Customers per segment, most first. */
  readonly segments: readonly { readonly label: string; readonly count: number }[];
  /** Customers with a line left out by name, for the query that writes their row. */
  readonly withMessages: boolean;
}

/** Rows looked at for the header and the guesses. */
const PEEK_ROWS = 11;
/** Lines sent to the database in one insert. */
const INSERT_LINES = 100_000;

/** A text as an SQL string literal. */
export function sqlText(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The first line of a database error, without its long hints. */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n').find((line) => line.trim() !== '') ?? text).trim();
}

/** The file as rows of text cells, header included, and its data rows column by column. */
interface FileReader {
  peek(count: number): Promise<Cell[][]>;
  scan(headerRow: number, cols: readonly number[]): AsyncIterable<Chunk>;
  /** Data rows when the file says so without being read (Parquet). */
  readonly knownRows?: number;
}

async function* numbered(chunks: AsyncIterable<Cell[][]>, firstRow: number): AsyncGenerator<Chunk> {
  let row = firstRow;
  try {
    for await (const columns of chunks) {
      const n = columns[0]?.length ?? 0;
      if (n === 0) continue;
      const rows = new Array<number>(n);
      for (let i = 0; i < n; i++) rows[i] = row++;
      yield { rows, columns };
    }
  } catch (error) {
    if (error instanceof OrderFileError) throw error;
    throw new OrderFileError('unreadable', { why: firstLine(error) });
  }
}

function csvReader(db: OrderFileDb, source: string): FileReader {
  const path = sqlText(source);
  return {
    async peek(count) {
      // No header assumed: the header row is found among these rows (a title may sit above it).
      const sql = `SELECT * FROM read_csv(${path}, all_varchar = true, header = false, null_padding = true) LIMIT ${count}`;
      try {
        return (await db.rows(sql)).map((row) => row.map((v) => (v === null ? null : String(v))));
      } catch (error) {
        throw new OrderFileError('unreadable', { why: firstLine(error) });
      }
    },
    scan(headerRow, cols) {
      const select = cols.map((c) => `#${c + 1}`).join(', ');
      const sql = `SELECT ${select} FROM read_csv(${path}, all_varchar = true, header = true, skip = ${headerRow})`;
      return numbered(db.chunks(sql), headerRow + 2);
    },
  };
}

/** Parquet number types, read as numbers; every other type is read as its text (a DATE as 2024-05-31). */
const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/;

async function parquetReader(db: OrderFileDb, source: string): Promise<FileReader> {
  const from = `read_parquet(${sqlText(source)})`;
  let names: string[];
  let types: string[];
  let knownRows: number;
  try {
    const described = await db.rows(`DESCRIBE SELECT * FROM ${from}`);
    names = described.map((row) => String(row[0]));
    types = described.map((row) => String(row[1]));
    knownRows = Number((await db.rows(`SELECT CAST(count(*) AS DOUBLE) FROM ${from}`))[0]?.[0] ?? 0);
  } catch (error) {
    throw new OrderFileError('unreadable', { why: firstLine(error) });
  }
  const cast = (k: number): string => {
    const column = `"${(names[k] as string).replace(/"/g, '""')}"`;
    return NUMERIC.test(types[k] as string) ? `CAST(${column} AS DOUBLE)` : `CAST(${column} AS VARCHAR)`;
  };
  const select = (cols: readonly number[]): string => `SELECT ${cols.map(cast).join(', ')} FROM ${from}`;
  return {
    knownRows,
    async peek(count) {
      const rows = await db.rows(`${select(names.map((_, k) => k))} LIMIT ${Math.max(0, count - 1)}`);
      return [names, ...rows];
    },
    scan(_headerRow, cols) {
      return numbered(db.chunks(select(cols)), 2);
    },
  };
}

/** The columns to read: the panel's guesses for RFM on order lines. */
function chooseColumns(headers: readonly string[], sample: readonly (readonly Cell[])[], lang: Lang): LineColumns {
  const mapping = guessMapping(RFM_ORDERS_METHOD.id, headers, sample as Cell[][]);
  const columns = lineColumnsOf(mapping, headers, guessRevenueSource(mapping) === 'quantityPrice');
  if (!('missing' in columns)) return columns;
  const spec = RFM_ORDERS_METHOD.columns.find((c) => c.role === columns.missing);
  throw new OrderFileError('noColumn', {
    role: spec ? spec.label[lang] : columns.missing,
    headers: headers.map((h) => `"${h}"`).join(', '),
    examples: (spec?.guesses ?? []).slice(0, 5).join(', '),
  });
}

/** The lines' table and the contract view the generated SQL reads (days are spreadsheet serials). */
const CREATE_LINES = [
  'CREATE OR REPLACE TABLE sk_lines (line INTEGER, customer VARCHAR, order_id VARCHAR, day INTEGER, revenue DOUBLE)',
  `CREATE OR REPLACE VIEW orders AS
    SELECT CAST(line AS BIGINT) AS line, customer, order_id, DATE '1899-12-30' + day AS order_date, revenue
    FROM sk_lines`,
];

function csvField(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A chunk of read lines as CSV text for the database to insert: identities quoted (they are never empty), a missing
 * order id, date or revenue as an empty unquoted field (NULL), numbers as JavaScript writes them (they read back as
 * the same double). O(lines).
 */
export function linesCsv(rows: LineRows): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.line.length; i++) {
    const orderId = rows.orderId[i];
    const day = rows.day[i];
    const revenue = rows.revenue[i];
    parts.push(
      `${rows.line[i]},${csvField(rows.customer[i] as string)},${orderId == null ? '' : csvField(orderId)},` +
        `${day == null ? '' : day},${revenue == null ? '' : String(revenue)}\n`,
    );
  }
  return parts.join('');
}

/** The insert of a chunk's CSV text (named as `putText` answered) into the lines' table. */
export function insertLinesSql(file: string): string {
  return `INSERT INTO sk_lines SELECT * FROM read_csv(${file}, header = false, quote = '"', escape = '"',
    columns = {'line': 'INTEGER', 'customer': 'VARCHAR', 'order_id': 'VARCHAR', 'day': 'INTEGER', 'revenue': 'DOUBLE'})`;
}

/** Appends read lines to the database, INSERT_LINES at a time. */
class LineSink {
  private pending: LineRows = { line: [], customer: [], orderId: [], day: [], revenue: [] };
  private part = 0;
  constructor(private readonly db: OrderFileDb) {}

  async add(rows: LineRows): Promise<void> {
    const p = this.pending as { -readonly [K in keyof LineRows]: LineRows[K] };
    for (let i = 0; i < rows.line.length; i++) {
      p.line.push(rows.line[i] as number);
      p.customer.push(rows.customer[i] as string);
      p.orderId.push(rows.orderId[i] ?? null);
      p.day.push(rows.day[i] ?? null);
      p.revenue.push(rows.revenue[i] ?? null);
    }
    if (p.line.length >= INSERT_LINES) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.line.length === 0) return;
    const name = `sk-lines-${this.part++}.csv`;
    const file = await this.db.putText(name, linesCsv(this.pending));
    this.pending = { line: [], customer: [], orderId: [], day: [], revenue: [] };
    try {
      await this.db.run(insertLinesSql(file));
    } finally {
      await this.db.dropText(name);
    }
  }
}

function check(options: OrderFileOptions): void {
  if (options.isCancelled?.()) throw new OrderFileError('cancelled');
}

/**
 * Reads the file into the database (the lines, then RFM_TABLE's answer in `sk_result`, and the messages of
 * customers with a line left out in `sk_left_out`) and answers what it found. Throws OrderFileError on a file it
 * cannot use, or `cancelled`.
 */
export async function readOrderFile(db: OrderFileDb, options: OrderFileOptions): Promise<OrderFileSummary> {
  const { lang, onProgress = () => {} } = options;
  const file = options.kind === 'parquet' ? await parquetReader(db, options.source) : csvReader(db, options.source);
  const top = await file.peek(PEEK_ROWS);
  check(options);
  if (top.length === 0) throw new OrderFileError('emptyFile');
  const headerRow = options.kind === 'parquet' ? 0 : findHeaderRow(top);
  if (headerRow < 0) throw new OrderFileError('noHeader', { rows: PEEK_ROWS - 1 });
  const headers = (top[headerRow] ?? []).map((h) => (h === null ? '' : String(h).trim()));
  const columns = chooseColumns(headers, top.slice(headerRow + 1), lang);
  const head = (k: number | undefined): string => (k === undefined ? '' : (headers[k] ?? ''));

  // The progress fraction: lines against the file's size over the bytes per line of the first rows, or the count.
  const sampleRows = top.slice(headerRow + 1);
  const bytesPerLine =
    sampleRows.length === 0
      ? 0
      : sampleRows.reduce((sum, row) => sum + row.reduce<number>((s, c) => s + String(c ?? '').length + 1, 1), 0) /
        sampleRows.length;
  const fraction = (lines: number): number | undefined =>
    file.knownRows
      ? Math.min(1, lines / file.knownRows)
      : options.bytes && bytesPerLine > 0
        ? Math.min(0.99, (lines * bytesPerLine) / options.bytes)
        : undefined;
  const tell = (phase: OrderFilePhase, lines: number): void => {
    const f = fraction(lines);
    onProgress({ phase, lines, ...(f === undefined ? {} : { fraction: f }) });
  };

  // First pass: the date column's day/month order and the amounts' separators, settled by the whole column.
  const amounts = amountColumns(columns);
  const settled = await settleColumns(file.scan(headerRow, [columns.date, ...amounts]), amounts.length, (rows) => {
    check(options);
    tell('settle', rows);
  });
  check(options);

  // Second pass: every line read by the core's rules, sent to the database in chunks.
  for (const sql of CREATE_LINES) await db.run(sql);
  const reader = new LineReader(columns, settled, {});
  const sink = new LineSink(db);
  let lines = 0;
  for await (const chunk of file.scan(headerRow, scannedColumns(columns))) {
    check(options);
    await sink.add(reader.readChunk(chunk));
    lines += chunk.rows.length;
    tell('read', lines);
  }
  await sink.flush();
  check(options);
  const read = reader.read;
  if (read.usedLines === 0) throw new OrderFileError('noLines', { lines: read.lines });

  // The generated query (core/sql), its answer kept in order in a table.
  onProgress({ phase: 'score', lines: read.lines });
  const sql = sqlFor('RFM_TABLE', 'duckdb', { lang, orderIds: columns.orderId !== undefined });
  await db.run(`CREATE OR REPLACE TABLE sk_result AS ${sql}`);
  check(options);
  const withMessages = read.leftOutByCustomer.size > 0;
  if (withMessages) await writeMessages(db, read.leftOutByCustomer, lang);
  const customers = Number((await db.rows('SELECT CAST(count(*) AS DOUBLE) FROM sk_result'))[0]?.[0] ?? 0);
  const segments = (
    await db.rows(
      'SELECT segment, CAST(count(*) AS DOUBLE) AS n FROM sk_result WHERE segment IS NOT NULL GROUP BY segment ORDER BY n DESC, segment',
    )
  ).map(([s, n]) => ({ label: String(s), count: Number(n) }));
  const finalRow = read.leftOutWithoutCustomer ? leftOutReportText(read.leftOutWithoutCustomer, lang) : undefined;
  return {
    lang,
    read,
    quantityPrice: columns.revenue === undefined,
    columnsUsed: {
      customer: head(columns.customer),
      date: head(columns.date),
      revenue: amounts.map(head).join(' × '),
      orderId: head(columns.orderId),
    },
    customers,
    ...(finalRow === undefined ? {} : { finalRow }),
    sheetRows: customers + 1 + (finalRow === undefined ? 0 : 1),
    asOf: serialToIso(read.latestDate),
    segments,
    withMessages,
  };
}

/** The messages of the customers with a line left out, for their rows (`sk_left_out`). */
async function writeMessages(
  db: OrderFileDb,
  byCustomer: ReadonlyMap<string, LeftOutReport>,
  lang: Lang,
): Promise<void> {
  await db.run('CREATE OR REPLACE TABLE sk_left_out (customer VARCHAR, message VARCHAR)');
  let parts: string[] = [];
  let part = 0;
  const flush = async (): Promise<void> => {
    if (parts.length === 0) return;
    const name = `sk-left-out-${part++}.csv`;
    const file = await db.putText(name, parts.join(''));
    parts = [];
    try {
      await db.run(
        `INSERT INTO sk_left_out SELECT * FROM read_csv(${file}, header = false, quote = '"', escape = '"',
          columns = {'customer': 'VARCHAR', 'message': 'VARCHAR'})`,
      );
    } finally {
      await db.dropText(name);
    }
  };
  for (const [customer, report] of byCustomer) {
    parts.push(`${csvField(customer)},${csvField(leftOutReportText(report, lang))}\n`);
    if (parts.length >= INSERT_LINES) await flush();
  }
  await flush();
}

/** The table's header in the summary's language (RFM_TABLE's header). */
export function tableHeader(lang: Lang): string[] {
  return RFM_TABLE_HEADER.map((key) => label(key, lang));
}

/**
 * The answer's columns as cells: the customer, Last purchase as a day serial (or the problem text of a customer with
 * a line left out), the numbers as numbers (NULL as blank), the segment. One row per customer in order of first
 * appearance.
 */
export function answerSql(withMessages: boolean): string {
  const lastPurchase = `CAST(date_diff('day', DATE '1899-12-30', r.last_purchase) AS DOUBLE)`;
  const numbers = ['recency_days', 'orders', 'revenue', 'r', 'f', 'm', 'rfm_score'].map(
    (c) => `CAST(r.${c} AS DOUBLE)`,
  );
  const columns = [
    'r.customer',
    lastPurchase,
    withMessages ? `CASE WHEN r.lines_left_out > 0 THEN l.message END` : 'CAST(NULL AS VARCHAR)',
    ...numbers,
    'r.segment',
  ];
  const join = withMessages ? ' LEFT JOIN sk_left_out l ON l.customer = r.customer' : '';
  return `SELECT ${columns.join(', ')} FROM sk_result r${join} ORDER BY r.rowid`;
}

/** One customer's cells from a chunk of `answerSql` (columns: customer, day, message, 7 numbers, segment). */
export function answerRow(chunk: readonly (readonly Cell[])[], i: number): Cell[] {
  const at = (k: number): Cell => (chunk[k] as readonly Cell[])[i] ?? null;
  const message = at(2);
  const day = at(1);
  const num = (k: number): Cell => {
    const v = at(k);
    return v === null ? null : Number(v);
  };
  return [
    at(0) === null ? null : String(at(0)),
    message !== null ? String(message) : day === null ? null : Number(day),
    num(3),
    num(4),
    num(5),
    num(6),
    num(7),
    num(8),
    num(9),
    at(10) === null ? null : String(at(10)),
  ];
}

/**
 * Every customer row, in chunks, as `answerRow` gives them. O(customers); the chunks are the database's.
 */
export async function* answerRows(db: OrderFileDb, summary: OrderFileSummary): AsyncGenerator<Cell[][]> {
  for await (const chunk of db.chunks(answerSql(summary.withMessages))) {
    const n = chunk[0]?.length ?? 0;
    const rows = new Array<Cell[]>(n);
    for (let i = 0; i < n; i++) rows[i] = answerRow(chunk, i);
    yield rows;
  }
}
