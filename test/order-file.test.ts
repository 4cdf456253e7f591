/**
 * *Open an order file* (panel/order-file/) in Node: the pipeline on DuckDB (@duckdb/node-api standing in for
 * DuckDB-Wasm behind the same OrderFileDb port: the same SQL, the same chunked reading by the core's rules), the
 * customer sheet it writes through the playground host and the Excel host on its strict fake, undo of that sheet,
 * Cancel, the row limit and the CSV offered beyond it.
 * - The sheet holds what RFM_TABLE returns on the same lines (core/engine/rfm-orders.ts as the panel runs it), cell
 *   for cell: a Vietnamese point-of-sale CSV (Quantity × Price in `450.000 ₫`, day-first dates, order ids, returns,
 *   walk-in customers blank, an impossible date on a known customer's line) and an English file with ISO dates.
 * - A Parquet file gives the sheet its CSV gives.
 * - Undo removes the sheet; a cell changed since makes it ask; a sheet deleted by the user ends it with a message.
 * - Cancel (before the database answers, or half way through the write) leaves the workbook and the undo record as
 *   they were.
 * - Beyond the sheet's rows nothing is written and the CSV holds the same table as the sheet would.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { withArgPlaces, type LocatedArg } from '../core/arg-places.js';
import { serialToIso } from '../core/dates.js';
import { guessMapping, guessRevenueSource } from '../core/engine/columns.js';
import { PanelError } from '../core/engine/messages.js';
import type { Plan } from '../core/engine/plan.js';
import { segmentOrderLines } from '../core/engine/rfm-orders.js';
import type { CellValue } from '../core/engine/sheet-io.js';
import { describeProblem, isProblem } from '../core/errors.js';
import type { Lang } from '../core/labels.js';
import { isDateOut, type OutCell } from '../core/output.js';
import type { PanelHost } from '../panel/host.js';
import { csvLine, SHEET_MAX_ROWS } from '../panel/order-file/customer-table.js';
import { OrderFileError, sqlText, tableHeader, type Cell, type OrderFileDb } from '../panel/order-file/pipeline.js';
import { runOrderFile, type OpenedDb, type OrderFileOutcome } from '../panel/order-file/run-order-file.js';
import { Workbook } from '../playground/engine/workbook.js';
import { createPlaygroundHost } from '../playground/panel/host.js';
import { PlaygroundSheetIO } from '../playground/panel/sheet-io.js';
import { posExport } from './fixtures/exports.js';
import { createExcelHost, workbook as excelWorkbook } from './hosts/excel-panel-workbook.js';

const folder = mkdtempSync(join(tmpdir(), 'segmentkit-order-file-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** DuckDB in Node behind the pipeline's port: streams on their own connection, texts as files in the temp folder. */
async function nodeDb(): Promise<OpenedDb & { readonly closed: () => boolean }> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const main = await instance.connect();
  const streaming = await instance.connect();
  let closed = false;
  const cell = (v: unknown): Cell =>
    v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
      ? v
      : typeof v === 'bigint'
        ? Number(v)
        : String(v);
  const columnsOf = async function* (connection: DuckDBConnection, sql: string): AsyncGenerator<Cell[][]> {
    const result = await connection.stream(sql);
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) return;
      yield Array.from({ length: chunk.columnCount }, (_, c) => {
        const vector = chunk.getColumnVector(c);
        return Array.from({ length: chunk.rowCount }, (_, i) => cell(vector.getItem(i)));
      });
    }
  };
  const db: OrderFileDb = {
    run: async (sql) => void (await main.run(sql)),
    rows: async (sql) => (await main.runAndReadAll(sql)).getRows().map((row) => row.map(cell)),
    chunks: (sql) => columnsOf(streaming, sql),
    async putText(name, text) {
      const path = join(folder, `${Math.random().toString(36).slice(2)}-${name}`);
      writeFileSync(path, text);
      paths.set(name, path);
      return sqlText(path);
    },
    async dropText(name) {
      const path = paths.get(name);
      if (path) rmSync(path, { force: true });
      paths.delete(name);
    },
  };
  const paths = new Map<string, string>();
  return {
    db,
    source: '',
    close() {
      if (closed) return;
      closed = true;
      streaming.closeSync();
      main.closeSync();
      instance.closeSync();
    },
    closed: () => closed,
  };
}

function writeCsv(name: string, header: readonly string[], rows: readonly (readonly string[])[]): string {
  const path = join(folder, name);
  const field = (t: string): string => (/[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  writeFileSync(path, [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n');
  return path;
}

/** A Vietnamese point-of-sale export without a line total (as test/cli.test.ts builds it). */
function posQuantityPrice(): { header: string[]; rows: string[][] } {
  const pos = posExport(5, 120);
  const [id, date, customer, quantity, price] = [0, 1, 2, 3, 4];
  const rows = pos.rows.map((r) => [r[customer], r[date], r[quantity], r[price], r[id]] as string[]);
  const known = rows.find((r) => r[0] !== '')?.[0] as string;
  rows.splice(7, 0, [known, '31/02/2026 10:00:00', '1', '89.000 ₫', 'HD999001']);
  rows.splice(12, 0, ['', '03/09/2026 10:00:00', '2', '45.000 ₫', 'HD999002']);
  return { header: ['Khách hàng', 'Ngày', 'Số lượng', 'Đơn giá', 'Mã hóa đơn'], rows };
}

/** An English shop file: ISO dates, `1,234.50` amounts, a line without a customer, one with a bad amount. */
function englishShop(lines: number): { header: string[]; rows: string[][] } {
  const rows: string[][] = [];
  for (let i = 0; i < lines; i++) {
    const customer = `C${String((i * 7919) % Math.max(1, Math.floor(lines / 3))).padStart(5, '0')}`;
    const day = 1 + ((i * 31) % 700);
    const date = serialToIso(45_000 + day);
    const amount = ((i * 37) % 2000) - 100;
    rows.push([
      customer,
      date,
      amount >= 1000 ? `${Math.floor(amount / 1000)},${String(amount % 1000).padStart(3, '0')}.50` : `${amount}.25`,
    ]);
  }
  rows.splice(3, 0, ['', serialToIso(45_100), '12.00']);
  rows.splice(5, 0, ['C00001', serialToIso(45_100), 'twelve']);
  return { header: ['Customer', 'Order date', 'Revenue'], rows };
}

/** RFM_TABLE on the same lines as the panel runs it, problems named by the file's headers and rows. */
function expectedGrid(file: { header: string[]; rows: string[][] }, lang: Lang): OutCell[][] {
  const rows = file.rows.map((row) => row.map((c) => (c === '' ? null : c)));
  const columns = guessMapping('rfmOrders', file.header, rows.slice(0, 10));
  const plan: Plan = {
    sheetName: 'Orders',
    table: { row: 0, col: 0, rows: rows.length + 1, cols: file.header.length },
    method: 'rfmOrders',
    columns,
    options: { revenueFrom: guessRevenueSource(columns), values: {} },
    lang,
    colorRows: false,
  };
  const params = ['customers', 'order_dates', 'revenues', 'order_ids'];
  const places = new Map<string, LocatedArg>(params.map((p) => [p, { row: 2, vector: true }] as const));
  return withArgPlaces(places, () => segmentOrderLines(plan, file.header, rows).customers);
}

/** The problem texts name RFM_TABLE's parameters; the file's name its columns. */
function renamed(text: string, file: { header: string[] }): string {
  const quantityPrice = file.header.includes('Số lượng');
  const names: Record<string, string> = quantityPrice
    ? { customers: 'Khách hàng', order_dates: 'Ngày', revenues: 'Số lượng × Đơn giá', order_ids: 'Mã hóa đơn' }
    : { customers: 'Customer', order_dates: 'Order date', revenues: 'Revenue', order_ids: '' };
  let out = text;
  for (const [param, header] of Object.entries(names))
    out = out.replace(new RegExp(`\\b${param}, (row|dòng) `, 'g'), `${header}, $1 `);
  return out;
}

function expectSheetIsTable(
  sheet: readonly (readonly CellValue[])[],
  want: OutCell[][],
  file: { header: string[] },
  lang: Lang,
): void {
  expect(sheet.length).toBe(want.length);
  want.forEach((row, i) => {
    row.forEach((cell, j) => {
      const got = sheet[i]?.[j] ?? null;
      const where = `row ${i + 1}, column ${j + 1}: ${JSON.stringify(got)} vs ${JSON.stringify(cell)}`;
      if (typeof cell === 'number')
        expect(Math.abs(Number(got) - cell), where).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(cell)));
      else if (isDateOut(cell)) expect(got, where).toBe(cell.serial);
      else if (isProblem(cell)) expect(got, where).toBe(renamed(describeProblem(cell, lang), file));
      else expect(got === null ? '' : got, where).toBe(cell === null ? '' : String(cell));
    });
  });
}

function playground(): { workbook: Workbook; host: PanelHost } {
  const workbook = Workbook.open([
    {
      name: 'Orders',
      cells: [
        ['Customer', 'Revenue'],
        ['Ann', 10],
      ],
      headerRow: true,
    },
  ]);
  return { workbook, host: createPlaygroundHost(workbook) };
}

async function sheetValues(workbook: Workbook, name: string): Promise<CellValue[][]> {
  const io = new PlaygroundSheetIO(workbook, name);
  return io.readValues(await io.usedRect());
}

interface Run {
  readonly outcome: OrderFileOutcome;
  readonly statuses: string[];
  readonly opened: { closed: () => boolean }[];
}

async function run(
  host: PanelHost,
  path: string,
  lang: Lang,
  extra: { maxRows?: number; signal?: AbortSignal; onStatus?: (kind: string) => void } = {},
): Promise<Run> {
  const statuses: string[] = [];
  const opened: { closed: () => boolean }[] = [];
  const outcome = await runOrderFile({
    host,
    file: { name: path, size: 1_000 },
    lang,
    signal: extra.signal ?? new AbortController().signal,
    openDb: async () => {
      const db = await nodeDb();
      opened.push(db);
      return { ...db, source: path };
    },
    onStatus: (status) => {
      const kind = status.kind === 'progress' ? status.progress.phase : status.kind;
      statuses.push(kind);
      extra.onStatus?.(kind);
    },
    ...(extra.maxRows === undefined ? {} : { maxRows: extra.maxRows }),
  });
  return { outcome, statuses, opened };
}

describe('Open an order file: the customer sheet is RFM_TABLE on the same lines', () => {
  it('a Vietnamese point-of-sale CSV (Quantity × Price, ₫, day-first dates, order ids, problems), in the playground', async () => {
    const file = posQuantityPrice();
    const path = writeCsv('pos.csv', file.header, file.rows);
    const { workbook, host } = playground();
    const { outcome, statuses, opened } = await run(host, path, 'vi');
    expect(outcome.kind).toBe('written');
    if (outcome.kind !== 'written') return;
    expect(outcome.result.sheet).toBe('Khách hàng');
    expect(outcome.summary.columnsUsed).toEqual({
      customer: 'Khách hàng',
      date: 'Ngày',
      revenue: 'Số lượng × Đơn giá',
      orderId: 'Mã hóa đơn',
    });
    const want = expectedGrid(file, 'vi');
    expect(want.at(-1)?.[0]).toSatisfy(isProblem); // the final row: lines without a customer
    expectSheetIsTable(await sheetValues(workbook, 'Khách hàng'), want, file, 'vi');
    expect(outcome.result.rows).toBe(want.length);
    // Progress was told, reading then scoring then writing; the database was closed.
    expect(statuses).toEqual(expect.arrayContaining(['loading', 'settle', 'read', 'score', 'table', 'writing']));
    expect(opened.every((db) => db.closed())).toBe(true);
    // Segment cells carry their segment's colour; the undo line names RFM on order lines.
    const sheetId = workbook.sheetId('Khách hàng');
    const segment = want.findIndex((row, i) => i > 0 && typeof row[9] === 'string' && row[9] !== '');
    expect(workbook.background(sheetId, segment, 9)).toMatch(/^#[0-9a-f]{6}$/);
    expect(workbook.background(sheetId, segment, 8)).toBeNull();
    expect(await host.lastApply()).toMatchObject({ method: 'rfmOrders', unfinished: false });
  });

  it('an English file with ISO dates and thousands separators, on the Excel host over its strict fake (1,500 customers)', async () => {
    const file = englishShop(4_600);
    const path = writeCsv('shop.csv', file.header, file.rows);
    const excel = excelWorkbook(5);
    const host = createExcelHost({ run: excel.run });
    const { outcome } = await run(host, path, 'en');
    expect(outcome).toMatchObject({ kind: 'written', result: { sheet: 'Customers' } });
    const want = expectedGrid(file, 'en');
    expect(want.length).toBeGreaterThan(1_001);
    const sheet = excel.sheet('Customers');
    const values = want.map((row, r) => row.map((_, c) => sheet.peek(r, c).value as CellValue));
    expectSheetIsTable(values, want, file, 'en');
    expect(sheet.peek(1, 1).numberFormat).toBe('yyyy-mm-dd');
    expect(await host.undo()).toEqual({ kind: 'undone' });
    expect(excel.sheets.has('Customers')).toBe(false);
    expect(await host.lastApply()).toBeUndefined();
  });
});

describe('Open an order file: Parquet', () => {
  it('a Parquet file (numbers as numbers, dates as DATE) gives the sheet its CSV gives', async () => {
    const shop = englishShop(2_000);
    // Plain amounts only, so the Parquet file can hold them as numbers.
    const file = { header: shop.header, rows: shop.rows.filter((r) => /^-?\d+(\.\d+)?$/.test(r[2] as string)) };
    const csv = writeCsv('for-parquet.csv', file.header, file.rows);
    const parquet = join(folder, 'orders.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT Customer, CAST("Order date" AS DATE) AS "Order date", CAST(Revenue AS DOUBLE) AS Revenue
         FROM read_csv(${sqlText(csv)}, all_varchar = true))
       TO ${sqlText(parquet)} (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    const fromCsv = playground();
    await run(fromCsv.host, csv, 'en');
    const fromParquet = playground();
    const { outcome } = await run(fromParquet.host, parquet, 'en');
    expect(outcome.kind).toBe('written');
    expect(await sheetValues(fromParquet.workbook, 'Customers')).toEqual(
      await sheetValues(fromCsv.workbook, 'Customers'),
    );
  });
});

describe('Open an order file: undo, cancel, the row limit', () => {
  const small = (): string => {
    const file = englishShop(60);
    return writeCsv(`small-${Math.random().toString(36).slice(2)}.csv`, file.header, file.rows);
  };

  it('undo removes the sheet; a cell changed since makes it ask first; a sheet deleted since ends it', async () => {
    const { workbook, host } = playground();
    await run(host, small(), 'en');
    expect(workbook.sheetNames()).toEqual(['Orders', 'Customers']);
    const io = new PlaygroundSheetIO(workbook, 'Customers');
    await io.write({ row: 2, col: 4, rows: 1, cols: 1 }, [[123456]], null);
    await io.commit();
    expect(await host.undo()).toEqual({ kind: 'needsConfirmation', changed: 1 });
    expect(workbook.sheetNames()).toContain('Customers');
    // Something typed beside the table counts too.
    await io.write({ row: 0, col: 12, rows: 1, cols: 1 }, [['note']], null);
    await io.commit();
    expect(await host.undo()).toEqual({ kind: 'needsConfirmation', changed: 2 });
    expect(await host.undo(true)).toEqual({ kind: 'undone' });
    expect(workbook.sheetNames()).toEqual(['Orders']);

    await run(host, small(), 'en');
    workbook.removeSheet('Customers');
    await expect(host.undo()).rejects.toSatisfy((e: unknown) => PanelError.from(e)?.code === 'undoSheetGone');
    expect(await host.lastApply()).toBeUndefined();
  });

  it('Cancel half way through the write removes the sheet and keeps the earlier undo record', async () => {
    const { workbook, host } = playground();
    await run(host, small(), 'en');
    const before = await host.lastApply();
    const big = englishShop(75_000);
    const path = writeCsv('cancel.csv', big.header, big.rows);
    const controller = new AbortController();
    let writes = 0;
    const { outcome } = await run(host, path, 'en', {
      signal: controller.signal,
      onStatus: (kind) => {
        if (kind === 'writing' && ++writes === 2) controller.abort();
      },
    });
    expect(outcome).toEqual({ kind: 'cancelled' });
    expect(workbook.sheetNames()).toEqual(['Orders', 'Customers']);
    expect(await host.lastApply()).toEqual(before);
    expect(await host.undo()).toEqual({ kind: 'undone' });
    expect(workbook.sheetNames()).toEqual(['Orders']);
  });

  it('Cancel while the file is read writes nothing and closes the database', async () => {
    const { workbook, host } = playground();
    const controller = new AbortController();
    const { outcome, opened } = await run(host, small(), 'en', {
      signal: controller.signal,
      onStatus: (kind) => kind === 'read' && controller.abort(),
    });
    expect(outcome).toEqual({ kind: 'cancelled' });
    expect(workbook.sheetNames()).toEqual(['Orders']);
    expect(await host.lastApply()).toBeUndefined();
    expect(opened.every((db) => db.closed())).toBe(true);
  });

  it('beyond the rows a sheet takes: nothing is written, and the CSV holds the table the sheet would have', async () => {
    const file = englishShop(300);
    const path = writeCsv('limit.csv', file.header, file.rows);
    const { workbook, host } = playground();
    const written = await run(host, path, 'en');
    expect(written.outcome.kind).toBe('written');
    const onSheet = await sheetValues(workbook, 'Customers');
    const max = onSheet.length - 1;
    const { outcome } = await run(host, path, 'en', { maxRows: max });
    expect(outcome).toMatchObject({ kind: 'csv', rows: onSheet.length, max, name: 'customers.csv' });
    if (outcome.kind !== 'csv') return;
    expect(workbook.sheetNames()).toEqual(['Orders', 'Customers']);
    const bytes = new Uint8Array(await outcome.csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark Excel needs for UTF-8
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    expect(csv).toBe(onSheet.map((row) => csvLine(row)).join(''));
    expect(Papa.parse<string[]>(csv, { skipEmptyLines: true }).data[1]?.[1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(SHEET_MAX_ROWS).toBe(1_048_576);
  });

  it('the host itself refuses a table over its rows and writes nothing', async () => {
    const { workbook, host } = playground();
    const header = tableHeader('en');
    const row: CellValue[] = ['Ann', 45_000, 1, 1, 10, 5, 5, 5, 555, 'Champions'];
    const rows = Array.from({ length: 1_048_576 }, () => row);
    const answer = await host.writeCustomerSheet?.(
      { table: { lang: 'en', header, rows } },
      () => {},
      new AbortController().signal,
    );
    expect(answer).toEqual({ kind: 'tooBig', rows: 1_048_577, max: 1_048_576 });
    expect(workbook.sheetNames()).toEqual(['Orders']);
  });

  it('a file it cannot use says why', async () => {
    const { host } = playground();
    const path = writeCsv('no-customer.csv', ['Ngày', 'Doanh thu'], [['2026-01-02', '10']]);
    await expect(run(host, path, 'vi')).rejects.toSatisfy(
      (e: unknown) => e instanceof OrderFileError && e.code === 'noColumn',
    );
  });
});
