/**
 * `segmentkit rfm <orders>`: RFM_TABLE over an orders file of any size. DuckDB reads the file (or ExcelJS an .xlsx),
 * the core's rules read each cell (core/engine/order-lines-stream.ts), the lines go into DuckDB as the input contract of the generated
 * SQL (core/sql: `orders(line, customer, order_id, order_date, revenue)`), and the query's answer streams to
 * customers.csv through DuckDB's COPY (or to an .xlsx through ExcelJS's streaming writer): no per-customer row is
 * built in JavaScript. The columns are guessed as the panel guesses them (core/engine/columns.ts with the RFM on
 * order lines method), English and Vietnamese headers, revenue from a column or Quantity × Price.
 *
 * customers.csv holds what RFM_TABLE returns for the same lines: its header, one row per customer in order of first
 * appearance (a customer with a line left out shows that problem in Last purchase), and the final row counting the
 * lines without a readable customer. Cells are as a spreadsheet would show them: dates as 2025-12-31, numbers plain.
 *
 * Cost: two streamed passes over the file (the first settles the date order and the separators, and stops early
 * when both are settled), O(lines) reading, then the query in DuckDB (hash aggregates over the lines, a sort per
 * measure over the customers). Memory: one chunk of lines in JavaScript at a time, plus the customers with a line
 * left out; DuckDB holds the lines (beyond its 1 GB limit it spills to the temp folder).
 *
 * @example
 *   await runRfm({ input: 'orders.csv', out: 'customers.csv', lang: 'vi', quiet: false, columns: {}, noOrderId: false });
 *   // customers.csv: Khách hàng, Lần mua cuối, …, Phân khúc; the summary on standard output
 */
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DOUBLE, DuckDBDataChunk, DuckDBInstance, INTEGER, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { readDate } from '../core/cells.js';
import { RFM_ORDERS_METHOD, RFM_TABLE_HEADER } from '../core/catalog/rfm-table.js';
import { serialToIso } from '../core/dates.js';
import { guessMapping, guessRevenueSource, findHeaderRow, normalizeHeader } from '../core/engine/columns.js';
import { customersFromLines, leftOutText, rowsText } from '../core/engine/lines-text.js';
import { label, type Lang } from '../core/labels.js';
import { LEFT_OUT_REASONS } from '../core/methods/orders.js';
import { DEFAULT_BINS } from '../core/methods/rfm.js';
import { formatCount } from '../core/number-format.js';
import { sqlFor } from '../core/sql/index.js';
import {
  amountColumns,
  leftOutReportText,
  lineColumnsOf,
  LineReader,
  scannedColumns,
  settleColumns,
  type LineColumns,
  type LinesRead,
} from '../core/engine/order-lines-stream.js';
import { Progress } from './progress.js';
import { openSource, sqlText, type Cell, type Source } from './sources.js';
import { CliError, cliText } from './text.js';

export interface RfmOptions {
  readonly input: string;
  /** customers.csv by default; a path ending in .xlsx writes a workbook. */
  readonly out: string;
  /** ISO date. */
  readonly asOf?: string;
  readonly bins?: number;
  readonly lang: Lang;
  readonly quiet: boolean;
  /** Headers given instead of the guesses, by role (customer, orderDate, revenue, quantity, price, orderId). */
  readonly columns: Readonly<Partial<Record<string, string>>>;
  /** Each line is one order even when an order id column is found. */
  readonly noOrderId: boolean;
  /** DuckDB's threads (default: its own choice). */
  readonly threads?: number;
  /** Where the summary goes (standard output by default). */
  readonly print?: (line: string) => void;
}

/** Rows a sheet takes below its header (1,048,576 in all). */
const XLSX_MAX_ROWS = 1_048_575;
/** Rows looked at for the header and the guesses. */
const PEEK_ROWS = 11;

export interface RfmResult {
  readonly read: LinesRead;
  readonly customers: number;
  readonly rowsWritten: number;
}

/** The flags that name a column instead of its guess. */
const COLUMN_FLAGS: Readonly<Record<string, string>> = {
  customer: '--customer',
  orderDate: '--date',
  revenue: '--revenue',
  quantity: '--quantity',
  price: '--price',
  orderId: '--order-id',
};

function headerList(headers: readonly string[]): string {
  return headers.map((h) => `"${h}"`).join(', ');
}

/** The columns to read: the panel's guesses (core/engine/columns.ts), or the headers given. */
function chooseColumns(
  file: string,
  headers: readonly string[],
  sample: readonly (readonly Cell[])[],
  options: Pick<RfmOptions, 'columns' | 'noOrderId'>,
): LineColumns {
  const mapping: Record<string, number | number[] | undefined> = guessMapping(
    RFM_ORDERS_METHOD.id,
    headers,
    sample as (string | number | boolean | null)[][],
  );
  for (const [role, name] of Object.entries(options.columns)) {
    if (name === undefined) continue;
    let k = headers.indexOf(name);
    if (k < 0) k = headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(name));
    if (k < 0) {
      throw new CliError('unknownColumn', {
        file,
        flag: COLUMN_FLAGS[role] ?? role,
        name,
        headers: headerList(headers),
      });
    }
    // The column now plays this role only (a guess may have given it to another).
    for (const other of Object.keys(mapping))
      if (mapping[other] === k && options.columns[other] === undefined) delete mapping[other];
    mapping[role] = k;
    // A named revenue column wins over Quantity × Price; a named quantity or price over a guessed revenue.
    if (role === 'revenue') delete mapping.quantity;
    if ((role === 'quantity' || role === 'price') && options.columns.revenue === undefined) delete mapping.revenue;
  }
  if (options.noOrderId) delete mapping.orderId;
  const columns = lineColumnsOf(mapping, headers, guessRevenueSource(mapping) === 'quantityPrice');
  if (!('missing' in columns)) return columns;
  const spec = RFM_ORDERS_METHOD.columns.find((c) => c.role === columns.missing);
  throw new CliError('noColumn', {
    file,
    role: spec ? `"${spec.label.en}" / "${spec.label.vi}"` : columns.missing,
    headers: headerList(headers),
    examples: (spec?.guesses ?? []).slice(0, 5).join(', '),
    flag: COLUMN_FLAGS[columns.missing] ?? columns.missing,
  });
}

/** The lines' table and the contract view the generated SQL reads. */
async function createOrders(connection: DuckDBConnection): Promise<void> {
  await connection.run(
    'CREATE TABLE sk_lines (line INTEGER, customer VARCHAR, order_id VARCHAR, day INTEGER, revenue DOUBLE)',
  );
  // Days are spreadsheet serials (days since 1899-12-30).
  await connection.run(`CREATE VIEW orders AS
    SELECT CAST(line AS BIGINT) AS line, customer, order_id, DATE '1899-12-30' + day AS order_date, revenue
    FROM sk_lines`);
}

const LINE_TYPES = [INTEGER, VARCHAR, VARCHAR, INTEGER, DOUBLE];

/** The identifier of a column named in the language. */
function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The answer's columns, named as RFM_TABLE's header; `text`: formatted as text for a CSV (dates ISO, whole numbers plain). */
function outputSelect(lang: Lang, text: boolean, withMessages: boolean): string {
  const names = RFM_TABLE_HEADER.map((key) => quoted(label(key, lang)));
  const lastPurchase = text ? `strftime(r.last_purchase, '%Y-%m-%d')` : 'CAST(r.last_purchase AS VARCHAR)';
  const revenue = text
    ? `CASE WHEN r.revenue = trunc(r.revenue) AND abs(r.revenue) < 1e15 THEN CAST(CAST(r.revenue AS BIGINT) AS VARCHAR) ELSE CAST(r.revenue AS VARCHAR) END`
    : 'r.revenue';
  const columns = [
    'r.customer',
    withMessages ? `CASE WHEN r.lines_left_out > 0 THEN l.message ELSE ${lastPurchase} END` : lastPurchase,
    'r.recency_days',
    'r.orders',
    revenue,
    'r.r',
    'r.f',
    'r.m',
    'r.rfm_score',
    'r.segment',
  ];
  const join = withMessages ? ' LEFT JOIN sk_left_out l ON l.customer = r.customer' : '';
  return `SELECT ${columns.map((c, k) => `${c} AS ${names[k]}`).join(', ')} FROM sk_result r${join} ORDER BY r.rowid`;
}

/** customers.csv with a byte-order mark (so Excel reads its Vietnamese as UTF-8), and RFM_TABLE's final row. */
async function writeCsv(connection: DuckDBConnection, out: string, select: string, finalRow?: string): Promise<void> {
  const part = `${out}.part`;
  try {
    await connection.run(`COPY (${select}) TO ${sqlText(part)} (FORMAT csv, HEADER)`);
    const target = createWriteStream(out);
    target.write('\ufeff');
    await pipeline(createReadStream(part), target, { end: false });
    if (finalRow !== undefined) target.write(`${csvCell(finalRow)}${','.repeat(RFM_TABLE_HEADER.length - 1)}\n`);
    await new Promise<void>((resolve, reject) =>
      target.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  } catch (error) {
    throw new CliError('cannotWrite', {
      out,
      why: error instanceof Error ? error.message.split('\n')[0]! : String(error),
    });
  } finally {
    rmSync(part, { force: true });
  }
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function writeXlsx(
  connection: DuckDBConnection,
  out: string,
  select: string,
  lang: Lang,
  summary: readonly string[],
  finalRow?: string,
): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  const part = `${out}.part`;
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: part, useStyles: true });
    const sheet = workbook.addWorksheet(lang === 'vi' ? 'Khách hàng' : 'Customers');
    sheet.addRow(RFM_TABLE_HEADER.map((key) => label(key, lang))).commit();
    const result = await connection.stream(select);
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      for (const row of chunk.getRows()) {
        const cells = row.map((v) => (typeof v === 'bigint' ? Number(v) : v));
        const date = cells[1];
        const excelRow = sheet.addRow(
          cells.map((v, k) =>
            k === 1 && typeof date === 'string' && /^\d{4}-/.test(date) ? new Date(`${date}T00:00:00Z`) : v,
          ),
        );
        if (typeof date === 'string' && /^\d{4}-/.test(date)) excelRow.getCell(2).numFmt = 'yyyy-mm-dd';
        excelRow.commit();
      }
    }
    if (finalRow !== undefined) sheet.addRow([finalRow]).commit();
    sheet.commit();
    const about = workbook.addWorksheet(lang === 'vi' ? 'Tóm tắt' : 'Summary');
    for (const line of summary) about.addRow([line]).commit();
    about.commit();
    await workbook.commit();
    renameSync(part, out);
  } catch (error) {
    rmSync(part, { force: true });
    throw new CliError('cannotWrite', {
      out,
      why: error instanceof Error ? error.message.split('\n')[0]! : String(error),
    });
  }
}

/** The lines left out, by reason: "43 lines without a customer (rows 5, 9, …)". */
function leftOutLines(read: LinesRead, quantityPrice: boolean, lang: Lang): string[] {
  return LEFT_OUT_REASONS.flatMap((reason) => {
    const tally = read.leftOutByReason[reason];
    if (!tally) return [];
    const what = leftOutText(reason, tally.count, quantityPrice ? 'quantityPrice' : 'column', lang);
    return [`  ${what} (${rowsText(tally, lang)})`];
  });
}

/** Runs the command; throws CliError on an input it cannot use. */
export async function runRfm(options: RfmOptions): Promise<RfmResult> {
  const { lang, input, out } = options;
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const progress = new Progress(lang, options.quiet);
  const xlsxOut = extname(out).toLowerCase() === '.xlsx';
  const asOf = options.asOf === undefined ? undefined : readDate(options.asOf);
  if (typeof asOf === 'object') throw new CliError('badAsOf', { text: options.asOf ?? '' }, 2);

  const instance = await DuckDBInstance.create(':memory:', {
    // Beyond this DuckDB spills to the temp folder instead of growing (the lines of 10,000,000 rows are ~0.4 GB).
    memory_limit: '1GB',
    temp_directory: join(tmpdir(), 'segmentkit-duckdb'),
    ...(options.threads ? { threads: String(options.threads) } : {}),
  });
  const connection = await instance.connect();
  // The file streams through its own connection: appending on the one a result streams from would end that stream.
  const reading = await instance.connect();
  try {
    const source: Source = await openSource(reading, input);
    const top = await source.peek(PEEK_ROWS);
    if (top.length === 0) throw new CliError('emptyFile', { file: input });
    const headerRow = source.kind === 'parquet' ? 0 : findHeaderRow(top);
    if (headerRow < 0) throw new CliError('noHeader', { file: input, rows: PEEK_ROWS - 1 });
    const headers = (top[headerRow] ?? []).map((h) => (h === null ? '' : String(h).trim()));
    const columns = chooseColumns(input, headers, top.slice(headerRow + 1), options);
    const quantityPrice = columns.revenue === undefined;
    const head = (k: number | undefined): string => (k === undefined ? '' : (headers[k] ?? ''));
    progress.done();
    if (!options.quiet) {
      process.stderr.write(
        `${cliText('columnsUsed', lang, {
          customer: head(columns.customer),
          date: head(columns.date),
          revenue: amountColumns(columns)
            .map((k) => `"${head(k)}"`)
            .join(' × '),
          orderId:
            columns.orderId === undefined ? '' : cliText('orderIdUsed', lang, { orderId: head(columns.orderId) }),
        })}\n`,
      );
    }

    // First pass: the date column's day/month order and the amounts' separators, settled by the whole column.
    const settled = await settleColumns(
      source.scan(headerRow, [columns.date, ...amountColumns(columns)]),
      amountColumns(columns).length,
      (rows) => progress.lines('settling', input, rows, source.knownRows),
    );
    progress.lines('settling', input, settled.rows, source.knownRows, true);
    progress.done();
    const total = source.knownRows ?? (settled.rows > 0 ? settled.rows : undefined);

    // Second pass: every line read by the core's rules, appended to DuckDB chunk by chunk.
    await createOrders(connection);
    const appender = await connection.createAppender('sk_lines');
    const reader = new LineReader(
      columns,
      settled,
      asOf === undefined || asOf === null ? {} : { asOf: asOf as number },
    );
    let lines = 0;
    for await (const chunk of source.scan(headerRow, scannedColumns(columns))) {
      const rows = reader.readChunk(chunk);
      const n = rows.line.length;
      if (n > 0) {
        const data = DuckDBDataChunk.create(LINE_TYPES, n);
        data.setColumnValues(0, rows.line);
        data.setColumnValues(1, rows.customer);
        data.setColumnValues(2, rows.orderId);
        data.setColumnValues(3, rows.day);
        data.setColumnValues(4, rows.revenue);
        appender.appendDataChunk(data);
      }
      lines += chunk.rows.length;
      progress.lines('progress', input, lines, total);
    }
    appender.closeSync();
    progress.lines('progress', input, lines, total, true);
    progress.done();
    const read = reader.read;
    const leftOut = read.lines - read.usedLines;
    print(
      cliText('linesRead', lang, {
        file: input,
        lines: formatCount(read.lines, lang),
        used: formatCount(read.usedLines, lang),
        leftOut: formatCount(leftOut, lang),
      }),
    );
    for (const line of leftOutLines(read, quantityPrice, lang)) print(line);
    if (read.usedLines === 0) throw new CliError('noLines', { file: input, lines: formatCount(read.lines, lang) });

    // The generated query (core/sql), its answer kept in order in a table, then written out.
    progress.say('scoring');
    const sql = sqlFor('RFM_TABLE', 'duckdb', {
      lang,
      orderIds: columns.orderId !== undefined,
      ...(typeof asOf === 'number' ? { asOf: serialToIso(asOf) } : {}),
      ...(options.bins !== undefined ? { bins: options.bins } : {}),
    });
    await connection.run(`CREATE TABLE sk_result AS ${sql}`);
    const withMessages = read.leftOutByCustomer.size > 0;
    if (withMessages) {
      await connection.run('CREATE TABLE sk_left_out (customer VARCHAR, message VARCHAR)');
      const messages = await connection.createAppender('sk_left_out');
      for (const [customer, report] of read.leftOutByCustomer) {
        messages.appendVarchar(customer);
        messages.appendVarchar(leftOutReportText(report, lang));
        messages.endRow();
      }
      messages.closeSync();
    }
    const counts = (
      await connection.runAndReadAll(`SELECT count(*), count(segment),
        count(*) FILTER (WHERE lines_left_out = 0 AND orders = 0), count(*) FILTER (WHERE lines_left_out > 0)
        FROM sk_result`)
    ).getRows()[0] as unknown[];
    const [customers, scored, none, bad] = counts.map(Number) as [number, number, number, number];
    const segments = (
      await connection.runAndReadAll(
        'SELECT segment, count(*) AS n FROM sk_result WHERE segment IS NOT NULL GROUP BY segment ORDER BY n DESC, segment',
      )
    ).getRows();
    const finalRow = read.leftOutWithoutCustomer ? leftOutReportText(read.leftOutWithoutCustomer, lang) : undefined;
    const rowsWritten = customers + 1 + (finalRow === undefined ? 0 : 1);

    const summary = [
      customersFromLines(scored, read.lines, lang),
      cliText('customersLine', lang, {
        all: formatCount(customers, lang),
        scored: formatCount(scored, lang),
        none: formatCount(none, lang),
        bad: formatCount(bad, lang),
      }),
      cliText('asOfLine', lang, {
        asOf: serialToIso(typeof asOf === 'number' ? asOf : read.latestDate),
        how: cliText(typeof asOf === 'number' ? 'asOfGiven' : 'asOfLatest', lang),
        bins: options.bins ?? DEFAULT_BINS,
      }),
      cliText('segmentsLine', lang, {
        segments: segments.map(([s, n]) => `${String(s)} ${formatCount(Number(n), lang)}`).join(', '),
      }),
    ];
    if (xlsxOut) {
      if (customers + (finalRow === undefined ? 0 : 1) > XLSX_MAX_ROWS) {
        throw new CliError('tooManyRowsForXlsx', { out, rows: formatCount(customers, lang) });
      }
      await writeXlsx(connection, out, outputSelect(lang, false, withMessages), lang, summary, finalRow);
    } else {
      await writeCsv(connection, out, outputSelect(lang, true, withMessages), finalRow);
    }
    progress.done();
    for (const line of summary) print(line);
    print(cliText('written', lang, { out, rows: formatCount(rowsWritten, lang) }));
    return { read, customers, rowsWritten };
  } finally {
    reading.closeSync();
    connection.closeSync();
    instance.closeSync();
  }
}
