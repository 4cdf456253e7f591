/**
 * RFM on order lines through the Sheets panel server as Apps Script runs it (the built Code.js in node:vm, the strict
 * fake of SpreadsheetApp), on the Vietnamese POS export (test/fixtures/exports.ts) as a CSV import leaves it: every
 * cell text, day-first dates with times, `₫` amounts. The preview counts customers and reports the lines left out;
 * the apply writes each line its customer's segment and a summary that says customers from lines; undo is exact;
 * the date column is converted into real dates on the server and undone; the server checks what it is handed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { guessMapping, guessRevenueSource } from '../core/engine/columns.js';
import type { Plan } from '../core/engine/plan.js';
import type { PreviewResult } from '../core/engine/preview.js';
import { defaultRules } from '../core/catalog/rfm-segment.js';
import type { ApplyResult, ConvertDatesResult, TableInfo } from '../panel/host.js';
import { expectedTable } from './fixtures/expected-rfm.js';
import { posExport, type ExportFile } from './fixtures/exports.js';
import { FakeSpreadsheetApp } from './hosts/fake-spreadsheet-app.js';
import { requireCodeJs, loadCodeJs, sidebarCall } from './hosts/sheets-vm.js';

beforeAll(requireCodeJs);

const SHEET = 'Đơn hàng';
const SUMMARY = 'Tổng hợp phân khúc';

function setUp(file: ExportFile) {
  const app = new FakeSpreadsheetApp(SHEET);
  const sheet = app.sheet(SHEET);
  sheet.fill([[...file.header], ...file.rows.map((row) => [...row])]);
  const script = loadCodeJs({ globals: app.globals() });
  const call = sidebarCall(script);
  sheet.active = { row: 3, col: 2, rows: 1, cols: 1 };
  const table = call<TableInfo>('segmentkitDetectTable');
  const columns = guessMapping('rfmOrders', table.headers, table.sample);
  const plan: Plan = {
    sheetName: SHEET,
    table: table.table,
    method: 'rfmOrders',
    columns,
    options: { revenueFrom: guessRevenueSource(columns) },
    lang: 'vi',
    colorRows: true,
  };
  return { app, sheet, call, table, plan };
}

/** The expected segment of each customer, in Vietnamese. */
function expectedSegments(file: ExportFile): Map<string, string> {
  const vi = new Map(defaultRules('en').map((rule, i) => [rule.name, defaultRules('vi')[i]!.name]));
  const out = new Map<string, string>();
  for (const row of expectedTable(file.truth).slice(1))
    if (typeof row[0] === 'string' && row[9]) out.set(row[0], vi.get(String(row[9])) ?? String(row[9]));
  return out;
}

describe('RFM on order lines through the Sheets panel server in Code.js', () => {
  const file = posExport(2);
  const segments = expectedSegments(file);
  const blank = file.truth.flatMap((l, i) => (l.customer === undefined ? [i] : []));

  it('previews customers, not lines, with the lines left out and the date column it could convert', () => {
    const { call, table, plan } = setUp(file);
    expect(table.table).toEqual({ row: 0, col: 0, rows: file.rows.length + 1, cols: 6 });
    expect(plan.columns).toEqual({ customer: 2, orderDate: 1, orderId: 0, revenue: 5, quantity: 3, price: 4 });
    const preview = call<PreviewResult>('segmentkitPreview', plan);
    const counts = new Map<string, number>();
    for (const s of segments.values()) counts.set(s, (counts.get(s) ?? 0) + 1);
    expect(preview.unit).toBe('customers');
    expect(Object.fromEntries(preview.counts.map((c) => [c.label, c.count]))).toEqual(Object.fromEntries(counts));
    expect(preview.lines).toMatchObject({
      lines: file.rows.length,
      customers: segments.size,
      leftOut: [{ reason: 'noCustomer', count: blank.length, rows: blank.slice(0, 5).map((i) => i + 2) }],
    });
    expect(preview.dateColumns).toMatchObject([
      { column: 1, header: 'Thời gian', found: 'text', readAs: file.truth[0]!.date, withTime: true },
    ]);
    // Quantity × Price, the ₫ prices read by the server's core: the same customers.
    const product = call<PreviewResult>('segmentkitPreview', {
      ...plan,
      options: { revenueFrom: 'quantityPrice' },
    });
    expect(product.counts).toEqual(preview.counts);
  });

  it('applies each line its customer’s segment, with a summary of customers from lines, and undo is exact', () => {
    const { app, sheet, call, plan } = setUp(file);
    const before = sheet.dump();
    const applied = call<ApplyResult>('segmentkitApply', { plan, confirmOverwrite: false, summarySheet: true }, 'o1');
    expect(applied).toMatchObject({ kind: 'applied', target: `G1:G${file.rows.length + 1}`, summarySheet: SUMMARY });
    expect(sheet.peek(1, 7).value).toBe('Phân khúc');
    file.truth.forEach((line, i) =>
      expect(sheet.peek(i + 2, 7).value, `line ${i + 1}`).toBe(
        line.customer ? (segments.get(line.customer) ?? '') : '',
      ),
    );
    const summary = app.sheet(SUMMARY);
    // The total row: the one whose first cell starts "Tổng:" (title and notes come before the segments).
    let totalRow = 1;
    while (totalRow <= summary.getLastRow() && !String(summary.peek(totalRow, 1).value).startsWith('Tổng:')) totalRow++;
    expect(String(summary.peek(totalRow, 1).value)).toMatch(
      new RegExp(
        `^Tổng: ${segments.size} khách hàng từ ${file.rows.length} dòng; bỏ qua: ${blank.length} dòng không có khách hàng \\(dòng ${blank[0]! + 2}, `,
      ),
    );
    expect(summary.peek(totalRow, 2).value).toBe(segments.size);
    expect(call('segmentkitUndo', false)).toEqual({ kind: 'undone' });
    expect(sheet.dump()).toEqual(before);
    expect(app.sheets.map((s) => s.getName())).toEqual([SHEET]);
  });

  it('converts the day-first text dates into real dates under the lock, and undo puts the text back', () => {
    const { app, sheet, call, plan, table } = setUp(file);
    const before = sheet.dump();
    const preview = call<PreviewResult>('segmentkitPreview', plan);
    const converted = call<ConvertDatesResult>('segmentkitConvertDates', {
      sheetName: SHEET,
      table: table.table,
      column: 1,
    });
    expect(converted).toEqual({ target: `B1:B${file.rows.length + 1}`, cells: file.rows.length });
    expect(sheet.peek(2, 2).numberFormat).toBe('yyyy-mm-dd');
    const after = call<PreviewResult>('segmentkitPreview', plan);
    expect(after.dateColumns).toEqual([]);
    expect(after.counts).toEqual(preview.counts);
    expect(call('segmentkitLastApply')).toEqual({ method: 'convertDates', header: 'Thời gian', unfinished: false });
    app.holdLockElsewhere();
    expect(() => call('segmentkitConvertDates', { sheetName: SHEET, table: table.table, column: 1 })).toThrow(
      /Another SegmentKit action/,
    );
    app.releaseLockElsewhere();
    expect(call('segmentkitUndo', false)).toEqual({ kind: 'undone' });
    expect(sheet.dump()).toEqual(before);
    expect(app.sheets.map((s) => s.getName())).toEqual([SHEET]);
  });

  it.each([
    ['a column outside the table', { column: 6 }, /The column 6 is not in the table/],
    ['a column that is not a whole number', { column: 1.5 }, /is not in the table/],
    [
      'an order that is neither day nor month first',
      { column: 1, order: 'ymd' },
      /day first or month first, not "ymd"/,
    ],
    ['a table that is not the detected one', { table: { row: 0, col: 1, rows: 10, cols: 3 } }, /is not on the sheet/],
    ['SegmentKit’s own hidden sheet', { sheetName: 'SegmentKit undo record x' }, /SegmentKit's own hidden sheet/],
  ])('refuses to convert %s, and changes nothing', (_, change, message) => {
    const { sheet, call, table } = setUp(file);
    const before = sheet.dump();
    expect(() =>
      call('segmentkitConvertDates', { sheetName: SHEET, table: table.table, column: 1, ...change }),
    ).toThrow(message);
    expect(sheet.dump()).toEqual(before);
  });
});
