/**
 * `segmentkit rfm` on files shaped like real exports: its customers.csv holds what RFM_TABLE returns on the same
 * lines, cell for cell, as the panel runs it (core/engine/rfm-orders.ts: the same column guesses, Quantity × Price,
 * order ids), dates as ISO text: a Vietnamese point-of-sale CSV (day-first dates, `450.000 ₫`, returns, walk-in
 * customers blank, an impossible date), the three exports of test/fixtures/exports.ts, an English shop CSV with ISO
 * dates and `1,234.50` (as_of given, a line after it, 4 bins, a line with an unreadable amount), a Parquet file
 * written by DuckDB, an .xlsx written by ExcelJS with a title row above its header. The problem cells name the
 * file's column and row where RFM_TABLE names its parameter and the row of the range; the test maps one to the other.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { withArgPlaces, type LocatedArg } from '../core/arg-places.js';
import { serialToIso } from '../core/dates.js';
import { guessMapping, guessRevenueSource } from '../core/engine/columns.js';
import type { Plan } from '../core/engine/plan.js';
import { segmentOrderLines } from '../core/engine/rfm-orders.js';
import type { Cell as PanelCell } from '../core/engine/table-columns.js';
import { describeProblem, isProblem } from '../core/errors.js';
import type { Lang } from '../core/labels.js';
import { isDateOut, type OutCell } from '../core/output.js';
import { runRfm, type RfmOptions } from '../cli/rfm.js';
import { segmentkit } from '../cli/segmentkit.js';
import { exportFiles, posExport, toCsv, type ExportFile } from './fixtures/exports.js';

const folder = mkdtempSync(join(tmpdir(), 'segmentkit-cli-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Ran {
  readonly printed: string[];
  readonly rows: string[][];
}

async function runCli(input: string, options: Partial<RfmOptions> = {}): Promise<Ran> {
  const printed: string[] = [];
  const out = options.out ?? join(folder, `customers-${Math.random().toString(36).slice(2)}.csv`);
  await runRfm({
    input,
    out,
    lang: 'en',
    quiet: true,
    columns: {},
    noOrderId: false,
    print: (line) => printed.push(line),
    ...options,
  });
  const text = readFileSync(out, 'utf8');
  expect(text.startsWith('\ufeff')).toBe(true);
  const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
  return { printed, rows };
}

/** The file's columns as RFM_TABLE's parameters name them in the panel's call. */
const PARAMS = { customer: 'customers', orderDate: 'order_dates', revenue: 'revenues', orderId: 'order_ids' } as const;

interface Expected {
  readonly grid: OutCell[][];
  /** RFM_TABLE's parameter → the column's header, for problem texts. */
  readonly names: ReadonlyMap<string, string>;
}

/**
 * RFM_TABLE as the panel runs it on the same cells (headers, data rows as the host hands them), its problems placed
 * on the file's rows (the first data row is `firstRow`).
 */
function expected(
  headers: readonly string[],
  rows: readonly (readonly PanelCell[])[],
  lang: Lang,
  firstRow: number,
  values: Record<string, string | number> = {},
  mapping?: Record<string, number>,
): Expected {
  const columns = mapping ?? guessMapping('rfmOrders', headers, rows.slice(0, 10));
  const plan: Plan = {
    sheetName: 'Orders',
    table: { row: 0, col: 0, rows: rows.length + 1, cols: headers.length },
    method: 'rfmOrders',
    columns,
    options: { revenueFrom: guessRevenueSource(columns), values },
    lang,
    colorRows: false,
  };
  const places = new Map<string, LocatedArg>(
    Object.values(PARAMS).map((p) => [p, { row: firstRow, vector: true }] as const),
  );
  const grid = withArgPlaces(places, () => segmentOrderLines(plan, headers, rows).customers);
  const header = (role: string): string => {
    const k = columns[role];
    return typeof k === 'number' ? (headers[k] as string) : '';
  };
  const revenue =
    guessRevenueSource(columns) === 'quantityPrice' ? `${header('quantity')} × ${header('price')}` : header('revenue');
  const names = new Map([
    [PARAMS.customer, header('customer')],
    [PARAMS.orderDate, header('orderDate')],
    [PARAMS.revenue, revenue],
    [PARAMS.orderId, header('orderId')],
  ]);
  return { grid, names };
}

/** A problem's text with RFM_TABLE's parameter names replaced by the file's headers. */
function renamed(text: string, names: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [param, header] of names) out = out.replace(new RegExp(`\\b${param}, (row|dòng) `, 'g'), `${header}, $1 `);
  return out;
}

function expectSameTable(actual: readonly string[][], want: Expected, lang: Lang): void {
  expect(actual.length).toBe(want.grid.length);
  want.grid.forEach((row, i) => {
    const got = actual[i] as string[];
    expect(got.length, `row ${i + 1}`).toBe(10);
    row.forEach((cell, j) => {
      const where = `row ${i + 1}, column ${j + 1}: ${JSON.stringify(got[j])} vs ${JSON.stringify(cell)}`;
      const text = got[j] as string;
      if (typeof cell === 'number') {
        expect(text, where).not.toBe('');
        expect(Math.abs(Number(text) - cell), where).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(cell)));
      } else if (isDateOut(cell)) expect(text, where).toBe(serialToIso(cell.serial));
      else if (isProblem(cell)) expect(text, where).toBe(renamed(describeProblem(cell, lang), want.names));
      else expect(text, where).toBe(String(cell));
    });
  });
}

/** A file's rows as a CSV import leaves them (every cell text, blanks as null). */
function cellsOf(file: { header: readonly string[]; rows: readonly (readonly string[])[] }): PanelCell[][] {
  return file.rows.map((row) => row.map((cell) => (cell === '' ? null : cell)));
}

function writeCsv(
  name: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  delimiter = ',',
): string {
  const path = join(folder, name);
  const field = (t: string): string => (t.includes(delimiter) || /["\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  writeFileSync(path, [header, ...rows].map((r) => r.map(field).join(delimiter)).join('\r\n') + '\r\n');
  return path;
}

/**
 * A point-of-sale export without a line total: Khách hàng, Ngày (day first, with times), Số lượng, Đơn giá
 * (`450.000 ₫`), Mã hóa đơn; returns (negative quantities), walk-in customers blank, and an impossible date
 * (31/02/2026) on a known customer's line.
 */
function posQuantityPrice(): { header: string[]; rows: string[][] } {
  const pos = posExport(5, 120);
  const [id, date, customer, quantity, price] = [0, 1, 2, 3, 4];
  const rows = pos.rows.map((r) => [r[customer], r[date], r[quantity], r[price], r[id]] as string[]);
  const known = rows.find((r) => r[0] !== '')?.[0] as string;
  rows.splice(7, 0, [known, '31/02/2026 10:00:00', '1', '89.000 ₫', 'HD999001']);
  rows.splice(12, 0, ['', '03/09/2026 10:00:00', '2', '45.000 ₫', 'HD999002']);
  return { header: ['Khách hàng', 'Ngày', 'Số lượng', 'Đơn giá', 'Mã hóa đơn'], rows };
}

describe('segmentkit rfm: customers.csv is RFM_TABLE on the same lines', () => {
  it('a Vietnamese point-of-sale CSV: Quantity × Price, order ids, day-first dates, ₫ amounts, in Vietnamese', async () => {
    const file = posQuantityPrice();
    const path = writeCsv('pos-vn.csv', file.header, file.rows);
    const { rows, printed } = await runCli(path, { lang: 'vi' });
    const want = expected(file.header, cellsOf(file), 'vi', 2);
    expectSameTable(rows, want, 'vi');
    expect(rows[0]).toEqual([
      'Khách hàng',
      'Lần mua cuối',
      'Số ngày từ lần mua cuối',
      'Số đơn',
      'Doanh thu',
      'R',
      'F',
      'M',
      'Điểm RFM',
      'Phân khúc',
    ]);
    // The impossible date stays in its customer's row; the blank customers in the final row.
    expect(rows.some((r) => r[1]!.includes('Ngày, dòng 9: "31/02/2026 10:00:00"'))).toBe(true);
    expect(rows.at(-1)![0]).toMatch(/^đã bỏ qua \d+ dòng: Khách hàng, dòng \d+: ô bị trống/);
    expect(printed.join('\n')).toMatch(/dòng không có khách hàng \(dòng /);
  });

  for (const file of exportFiles(1)) {
    it(`the ${file.name} export (${file.header.slice(0, 3).join(', ')}, …)`, async () => {
      const path = join(folder, `${file.name}.csv`);
      writeFileSync(path, toCsv(file as ExportFile));
      const { rows } = await runCli(path);
      expectSameTable(rows, expected(file.header, cellsOf(file), 'en', 2), 'en');
    });
  }

  it('an English shop CSV with ISO dates and 1,234.50 amounts, as_of given, 4 bins', async () => {
    const header = ['Order ID', 'Order Date', 'Customer Name', 'Sales'];
    const customers = ['Alice Ng', 'Bob Tran', 'Chloe Vu', 'Dan Le', 'Eve Pham', 'Finn Do', 'Gia Ho'];
    const rows: string[][] = [];
    for (let k = 0; k < 60; k++) {
      const day = new Date(Date.UTC(2025, 0, 3) + k * 5 * 86_400_000).toISOString().slice(0, 10);
      const amount = ((k * 7919) % 3000) + 0.5 * (k % 3);
      rows.push([
        `SO-${1000 + k}`,
        `${day}T10:${String(k % 60).padStart(2, '0')}:00`,
        customers[(k * 5) % 7]!,
        amount.toLocaleString('en-US'),
      ]);
    }
    rows.push(['SO-2000', '2025-11-02', 'Alice Ng', '-1,234.50']); // a refund
    rows.push(['SO-2001', '2026-02-01', 'Bob Tran', '99.00']); // after as_of
    rows.push(['SO-2002', '2025-05-05', 'Chloe Vu', 'n/a']); // unreadable
    const path = writeCsv('shop-en.csv', header, rows);
    const { rows: got, printed } = await runCli(path, { asOf: '2025-12-31', bins: 4 });
    const want = expected(header, cellsOf({ header, rows }), 'en', 2, { as_of: '2025-12-31', bins: 4 });
    expectSameTable(got, want, 'en');
    expect(got.find((r) => r[0] === 'Bob Tran')![1]).toContain(
      'Order Date, row 63: the date 2026-02-01 is after as_of',
    );
    expect(got.find((r) => r[0] === 'Chloe Vu')![1]).toContain('Sales, row 64: "n/a" is not a number');
    expect(printed.join('\n')).toContain('as of 2025-12-31 (given), 4 score levels');
  });

  it('columns named on the command line win over the guesses (--customer, --quantity, --price, --no-order-id)', async () => {
    const header = ['Invoice', 'Date', 'Buyer ref', 'Qty', 'Unit price', 'Amount', 'Customer note'];
    const rows = Array.from({ length: 40 }, (_, i) => [
      `INV${100 + (i >> 1)}`,
      `2025-0${1 + (i % 9)}-1${i % 10}`,
      `B${(i * 3) % 7}`,
      String(1 + (i % 4)),
      `${(12.5 * (1 + (i % 5))).toFixed(2)}`,
      'see quantity',
      i % 3 === 0 ? 'repeat' : '',
    ]);
    const path = writeCsv('named.csv', header, rows);
    const { rows: got } = await runCli(path, {
      columns: { customer: 'buyer ref', quantity: 'Qty', price: 'Unit Price' },
      noOrderId: true,
    });
    const mapping = { customer: 2, orderDate: 1, quantity: 3, price: 4 };
    expectSameTable(got, expected(header, cellsOf({ header, rows }), 'en', 2, {}, mapping), 'en');
  });

  it('a Parquet file written by DuckDB (typed columns: dates, numbers, numeric order ids)', async () => {
    const path = join(folder, 'orders.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const lines = Array.from({ length: 300 }, (_, i) => ({
      customer: i % 17 === 0 ? null : `C${(i * 7) % 23}`,
      day: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 3) % 28)).padStart(2, '0')}`,
      revenue: i % 19 === 0 ? -40 : 10 + ((i * 37) % 500) / 4,
      invoice: 5000 + Math.floor(i / 2),
    }));
    const values = lines
      .map((l) => `(${l.customer === null ? 'NULL' : `'${l.customer}'`}, DATE '${l.day}', ${l.revenue}, ${l.invoice})`)
      .join(', ');
    await connection.run(
      `COPY (SELECT * FROM (VALUES ${values}) t("Customer", "Invoice Date", "Revenue", "Invoice No")) TO '${path}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    const header = ['Customer', 'Invoice Date', 'Revenue', 'Invoice No'];
    const cells = lines.map((l) => [l.customer, l.day, l.revenue, l.invoice]);
    const { rows } = await runCli(path);
    expectSameTable(rows, expected(header, cells, 'en', 2), 'en');
  });

  it('an .xlsx written by ExcelJS, with a title row above the header and date cells', async () => {
    const path = join(folder, 'orders.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Đơn hàng');
    sheet.addRow(['Báo cáo bán hàng quý 3']);
    const header = ['Mã khách hàng', 'Ngày mua', 'Doanh thu', 'Ghi chú'];
    sheet.addRow(header);
    const cells: PanelCell[][] = [];
    for (let i = 0; i < 200; i++) {
      const serial = 46_000 + ((i * 13) % 240);
      const customer = i % 23 === 0 ? null : `KH${(i * 11) % 31}`;
      const revenue = i % 29 === 0 ? -120_000 : 50_000 + ((i * 7919) % 40) * 25_000;
      sheet.addRow([customer, new Date((serial - 25_569) * 86_400_000), revenue, i % 5 === 0 ? 'giao nhanh' : null]);
      cells.push([customer, serial, revenue, i % 5 === 0 ? 'giao nhanh' : null]);
    }
    await workbook.xlsx.writeFile(path);
    const { rows } = await runCli(path, { lang: 'vi' });
    expectSameTable(rows, expected(header, cells, 'vi', 3), 'vi');
  });
});

/** Runs the command line in this process; its exit code and what it wrote. */
async function command(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
  try {
    const code = await segmentkit(argv);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('segmentkit: a clear message for every input it cannot use', () => {
  const out = (): string => join(folder, `out-${Math.random().toString(36).slice(2)}.csv`);

  it('a missing file: exit 1, the file and the folder it was looked for in', async () => {
    const missing = join(folder, 'no-such-orders.csv');
    const en = await command(['rfm', missing, '--out', out()]);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(
      `${missing}: no such file. Check the path (it is read from the current folder: ${process.cwd()})`,
    );
    const vi = await command(['rfm', missing, '--lang', 'vi', '--out', out()]);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toContain(`${missing}: không có tệp này`);
  });

  it('no customer column: exit 1, the headers found and how to name or give the column', async () => {
    const path = writeCsv('no-customer.csv', ['Ngày', 'Doanh thu'], [['01/02/2026', '450.000 ₫']]);
    const result = await command(['rfm', path, '--out', out()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path}: no "Customer" / "Khách hàng" column among "Ngày", "Doanh thu"`);
    expect(result.stderr).toContain('or give it with --customer');
    const named = await command(['rfm', path, '--customer', 'Khach', '--out', out()]);
    expect(named.code).toBe(1);
    expect(named.stderr).toContain(`${path}: --customer "Khach" is not a column; the columns are "Ngày", "Doanh thu"`);
  });

  it('a file that is not a CSV: exit 1, the file and the fix', async () => {
    const path = join(folder, 'picture.csv');
    const bytes = Buffer.alloc(6000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 151 + 7) % 256;
    writeFileSync(path, Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), bytes]));
    const result = await command(['rfm', path, '--out', out()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^segmentkit: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(result.stderr).toMatch(/save it again as CSV UTF-8 or \.xlsx|put the column names/);
    const kind = await command(['rfm', join(folder, 'orders.pdf'), '--out', out()]);
    expect(kind.code).toBe(1);
    const pdf = join(folder, 'orders.pdf');
    writeFileSync(pdf, '%PDF-1.4');
    const wrongKind = await command(['rfm', pdf, '--out', out()]);
    expect(wrongKind.stderr).toContain('cannot read ".pdf" files: give a .csv, .parquet or .xlsx file');
  });

  it('no line can be used: exit 1, the lines left out by reason with their rows', async () => {
    const path = writeCsv(
      'bad-dates.csv',
      ['Customer', 'Date', 'Revenue'],
      [
        ['Ann', 'soon', '5'],
        ['Bo', 'later', '7'],
      ],
    );
    const result = await command(['rfm', path, '--out', out()]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('2 lines whose date cannot be read (rows 2, 3)');
    expect(result.stderr).toContain(`${path}: no order line can be used (2 lines read)`);
  });

  it('a wrong command or option: exit 2 and where to look', async () => {
    for (const argv of [
      ['frob'],
      ['rfm'],
      ['rfm', 'x.csv', '--bins', '12'],
      ['rfm', 'x.csv', '--out', 'x.json'],
      ['rfm', 'x.csv', '--colour'],
    ]) {
      const result = await command(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toContain('Run segmentkit --help');
    }
    const help = await command(['--help', '--lang', 'vi']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('segmentkit rfm <orders.csv|orders.parquet|orders.xlsx>');
    expect(help.stdout).toContain('Mã thoát');
  });

  it('sql prints the generated query of a method for a dialect', async () => {
    const postgres = await command(['sql', 'rfm_table', '--dialect', 'postgres', '--bins', '4']);
    expect(postgres.code).toBe(0);
    expect(postgres.stdout).toContain('WITHIN GROUP (ORDER BY');
    const bigquery = await command(['sql', 'ABC_CLASS', '--dialect', 'bigquery']);
    expect(bigquery.code).toBe(0);
    expect(bigquery.stdout).toContain('FLOAT64');
    expect((await command(['sql', 'RFM_TABLE', '--dialect', 'oracle'])).code).toBe(2);
  });

  it('a progress line on standard error (lines and percent), none with --quiet; the summary on standard output', async () => {
    const file = posQuantityPrice();
    const path = writeCsv('pos-progress.csv', file.header, file.rows);
    const loud = await command(['rfm', path, '--out', out()]);
    expect(loud.code).toBe(0);
    const lines = file.rows.length.toLocaleString('en');
    expect(loud.stderr).toContain(`reading ${path}: ${lines} lines (100 %)`);
    expect(loud.stderr).toContain(
      'columns: customer "Khách hàng", date "Ngày", revenue "Số lượng" × "Đơn giá", order id "Mã hóa đơn"',
    );
    expect(loud.stdout).toMatch(/^written: .*customers|written: /m);
    const quiet = await command(['rfm', path, '--out', out(), '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toContain(`${path}: ${lines} lines read`);
  });

  it('--out customers.xlsx: the same rows in a workbook, dates as date cells, and a summary sheet', async () => {
    const file = posQuantityPrice();
    const path = writeCsv('pos-xlsx.csv', file.header, file.rows);
    const csv = await runCli(path);
    const xlsx = join(folder, 'customers.xlsx');
    expect((await command(['rfm', path, '--out', xlsx, '--quiet'])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(csv.rows.length);
    sheet.eachRow((row, r) => {
      const cells = (row.values as unknown[]).slice(1);
      const want = csv.rows[r - 1]!;
      want.forEach((text, j) => {
        const cell = cells[j];
        const shownCell =
          cell instanceof Date
            ? cell.toISOString().slice(0, 10)
            : cell === undefined || cell === null
              ? ''
              : String(cell);
        expect(shownCell, `row ${r}, column ${j + 1}`).toBe(text);
      });
    });
    expect(workbook.worksheets[1]!.name).toBe('Summary');
  });

  it('the real entry point exits with the code it says (a child process)', async () => {
    const run = promisify(execFile);
    const missing = join(folder, 'nothing-here.csv');
    const error = await run(process.execPath, ['--import', 'tsx', 'cli/segmentkit.ts', 'rfm', missing], {
      cwd: process.cwd(),
    }).catch((e: { code: number; stderr: string }) => e);
    expect(error).toMatchObject({ code: 1 });
    expect((error as { stderr: string }).stderr).toContain(`${missing}: no such file`);
  });
});
