/**
 * The panel's RFM on order lines on the exports shops really have (test/fixtures/exports.ts), as an import leaves
 * them (every cell text): the columns guessed (order id, Quantity × Price), the per-customer orders, revenue, recency
 * and scores equal to the table worked out independently (fixtures/expected-rfm.ts), counts of customers and not
 * lines, the lines without a customer, the return lines and the unreadable lines counted with their first rows, in
 * both languages; the summary sheet says the same; a yyyymmdd column converted into dates, and undone.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../core/engine/apply.js';
import { convertDates } from '../core/engine/convert.js';
import { guessMapping, guessRevenueSource } from '../core/engine/columns.js';
import { countText, customersFromLines } from '../core/engine/lines-text.js';
import { MemorySheet, MemoryUndoStore } from '../core/engine/memory-sheet.js';
import type { Plan } from '../core/engine/plan.js';
import { previewResult } from '../core/engine/preview.js';
import { summarySheet } from '../core/engine/summary-sheet.js';
import { segmentTable } from '../core/engine/segment.js';
import type { CellValue } from '../core/engine/sheet-io.js';
import { undoLast } from '../core/engine/undo.js';
import type { Lang } from '../core/labels.js';
import type { OutGrid } from '../core/output.js';
import { matches, neutralFromCore } from './cases/neutral.js';
import type { ExpectedCell } from './cases/types.js';
import { expectedTable } from './fixtures/expected-rfm.js';
import { exportFiles, posExport, toCsv, type ExportFile, type TrueLine } from './fixtures/exports.js';

/** The file as an import leaves it: every cell text, blanks as the hosts hand them (null). */
function imported(file: ExportFile): CellValue[][] {
  const parsed = Papa.parse<string[]>(toCsv(file), { skipEmptyLines: true });
  return parsed.data.map((row) => row.map((cell) => (cell === '' ? null : cell)));
}

function planFor(values: readonly CellValue[][], lang: Lang = 'en', change: Partial<Plan> = {}): Plan {
  const headers = (values[0] ?? []).map(String);
  const columns = guessMapping('rfmOrders', headers, values.slice(1, 21));
  return {
    sheetName: 'Orders',
    table: { row: 0, col: 0, rows: values.length, cols: headers.length },
    method: 'rfmOrders',
    columns,
    options: { revenueFrom: guessRevenueSource(columns) },
    lang,
    colorRows: false,
    ...change,
  };
}

function expectTable(actual: OutGrid, expected: ExpectedCell[][]): void {
  const neutral = actual.map((row) => row.map(neutralFromCore));
  expect(neutral.length).toBe(expected.length);
  neutral.forEach((row, i) =>
    row.forEach((cell, j) =>
      expect(matches(cell, expected[i]![j]!), `row ${i + 1} col ${j + 1}: ${JSON.stringify(cell)}`).toBe(true),
    ),
  );
}

/** Customers per segment and each line's segment, from the expected table. */
function expectedSegments(truth: readonly TrueLine[]) {
  const table = expectedTable(truth);
  const segmentOf = new Map<string, string>();
  for (const row of table.slice(1)) if (typeof row[0] === 'string' && row[9]) segmentOf.set(row[0], String(row[9]));
  const counts = new Map<string, number>();
  for (const s of segmentOf.values()) counts.set(s, (counts.get(s) ?? 0) + 1);
  return { table, segmentOf, counts };
}

/** The 0-based lines that belong to an order of value 0 or below (returns and cancellations). */
function returnLines(truth: readonly TrueLine[]): number[] {
  const orders = new Map<string, number>();
  for (const l of truth)
    if (l.customer)
      orders.set(`${l.customer}|${l.orderId}`, (orders.get(`${l.customer}|${l.orderId}`) ?? 0) + l.revenue);
  return truth.flatMap((l, i) => (l.customer && (orders.get(`${l.customer}|${l.orderId}`) ?? 0) <= 1e-9 ? [i] : []));
}

const FILES = exportFiles(1);

describe.each(FILES.map((f) => [f.name, f] as const))('RFM on the order lines of the %s export', (_name, file) => {
  const values = imported(file);
  const plan = planFor(values);
  const segmentation = segmentTable(plan, values);
  const { table, segmentOf, counts } = expectedSegments(file.truth);

  it('guesses the customer, date and order id columns, and the revenue column or Quantity × Price', () => {
    const { customer, date, orderId, revenue, quantity, price } = file.columns;
    expect(plan.columns).toMatchObject({ customer, orderDate: date, orderId });
    if (revenue !== undefined) expect(plan.columns.revenue).toBe(revenue);
    else expect(plan.columns).toMatchObject({ quantity, price });
    expect(plan.options.revenueFrom).toBe(revenue === undefined ? 'quantityPrice' : 'column');
  });

  it('scores each customer as the expected table: orders, revenue, recency, R, F, M and segment', () => {
    expectTable(segmentation.customers!, table);
  });

  it('counts customers per segment, not lines, and gives each line its customer’s segment', () => {
    expect(segmentation.unit).toBe('customers');
    expect(Object.fromEntries(segmentation.counts.map((c) => [c.label, c.count]))).toEqual(Object.fromEntries(counts));
    const scored = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(segmentation.counts.reduce((sum, c) => sum + c.share, 0)).toBeCloseTo(1, 12);
    expect(segmentation.lines?.customers).toBe(scored);
    expect(segmentation.labels).toEqual(file.truth.map((l) => (l.customer ? (segmentOf.get(l.customer) ?? '') : '')));
  });

  it('reports the lines: used, returns, and those without a customer with their first rows', () => {
    const blank = file.truth.flatMap((l, i) => (l.customer === undefined ? [i] : []));
    const returns = returnLines(file.truth);
    const lines = segmentation.lines!;
    expect(lines.lines).toBe(file.rows.length);
    expect(lines.usedLines).toBe(file.rows.length - blank.length);
    expect(lines.returnLines).toEqual({ count: returns.length, rows: returns.slice(0, 5) });
    expect(lines.leftOut).toEqual(
      blank.length ? [{ reason: 'noCustomer', count: blank.length, rows: blank.slice(0, 5) }] : [],
    );
    expect(segmentation.problems.map((p) => p.row)).toEqual(blank);
    expect(segmentation.usable).toBe(lines.usedLines);
    const buyers = new Set(file.truth.filter((l) => l.customer).map((l) => l.customer));
    expect(lines.customers + lines.customersWithoutPurchase).toBe(buyers.size);
  });

  it('the preview numbers rows as the sheet does, and the summary says customers from lines', () => {
    const preview = previewResult(plan, segmentation);
    const blank = file.truth.findIndex((l) => l.customer === undefined);
    const { cells } = summarySheet(plan, segmentation);
    const header = cells.findIndex((r) => r[0] === 'Segment');
    expect(preview.unit).toBe('customers');
    expect(cells[header]?.slice(0, 6)).toEqual([
      'Segment',
      'Customers',
      'Customer share',
      'Value',
      'Value share',
      'Average value',
    ]);
    const [total, customers] = cells[header + preview.counts.length + 1]!;
    expect(customers).toBe(segmentation.lines!.customers);
    const fromLines = `Total: ${segmentation.lines!.customers} customers from ${file.rows.length} lines`;
    if (blank < 0) {
      expect(total).toBe(fromLines);
      return;
    }
    expect(preview.lines?.leftOut[0]?.rows[0]).toBe(blank + 2);
    expect(preview.problems[0]?.sheetRow).toBe(blank + 2);
    expect(total).toMatch(new RegExp(`^${fromLines}; left out: \\d+ lines without a customer \\(rows ${blank + 2}, `));
  });
});

describe('RFM on order lines, Quantity × Price and the lines it leaves out', () => {
  it('says customers from lines with counts as each language groups them', () => {
    expect(customersFromLines(2345, 20497, 'en')).toBe('2,345 customers from 20,497 lines');
    expect(customersFromLines(2345, 20497, 'vi')).toBe('2.345 khách hàng từ 20.497 dòng');
    expect(countText(432, 'vi')).toBe('432');
  });

  const file = posExport(2);

  it('Quantity × Price of the POS export (₫ prices read with the column as a whole) gives the same table', () => {
    const values = imported(file);
    const byColumn = segmentTable(planFor(values), values);
    const byProduct = segmentTable(planFor(values, 'en', { options: { revenueFrom: 'quantityPrice' } }), values);
    expectTable(byProduct.customers!, expectedTable(file.truth));
    expect(byProduct.labels).toEqual(byColumn.labels);
    // Without its Thành tiền column, the guess is Quantity × Price.
    const noTotal = values.map((row) => row.slice(0, 5));
    const guessed = planFor(noTotal);
    expect(guessed.options.revenueFrom).toBe('quantityPrice');
    expect(guessed.columns).toMatchObject({ orderId: 0, quantity: 3, price: 4 });
    expectTable(segmentTable(guessed, noTotal).customers!, expectedTable(file.truth));
  });

  it('names unreadable lines by their column, counts them by reason with their first rows, in Vietnamese', () => {
    const values = imported(file).map((row) => row.slice(0, 5));
    const line = (i: number): CellValue[] => values[i + 1]!;
    const known = file.truth.findIndex((l) => l.customer !== undefined);
    line(known)[4] = 'hai trăm'; // a price that is no number
    line(known + 1)[1] = 'hôm qua'; // a date that is no date
    const segmentation = segmentTable(planFor(values, 'vi'), values);
    const lines = segmentation.lines!;
    expect(lines.leftOut.map((g) => [g.reason, g.count, g.rows[0]])).toEqual([
      ['noCustomer', file.truth.filter((l) => !l.customer).length, file.truth.findIndex((l) => !l.customer)],
      ['badDate', 1, known + 1],
      ['badRevenue', 1, known],
    ]);
    expect(lines.customersWithLinesLeftOut).toBeGreaterThanOrEqual(1);
    const messages = new Map(segmentation.problems.map((p) => [p.row, p.message]));
    expect(messages.get(known)).toMatch(/^Đơn giá: "hai trăm" không phải là số/);
    expect(messages.get(known + 1)).toMatch(/^Thời gian: "hôm qua" không phải là ngày/);
    const { cells } = summarySheet(planFor(values, 'vi'), segmentation);
    const total = cells[cells.findIndex((r) => r[0] === 'Phân khúc') + segmentation.counts.length + 1]![0];
    expect(total).toContain('dòng không đọc được số lượng hoặc đơn giá (dòng ');
    expect(total).toMatch(new RegExp(`^Tổng: \\d+ khách hàng từ ${file.rows.length} dòng; bỏ qua: `));
  });
});

describe('a yyyymmdd date column converted in place', () => {
  const file = FILES[2]!;

  it('is offered with what it holds and reads as, converts, previews the same customers, and undo puts it back', async () => {
    // As Excel or the playground open the file: the yyyymmdd dates are numbers.
    const values = imported(file).map((row, r) => row.map((cell, c) => (r > 0 && c === 0 ? Number(cell) : cell)));
    const sheet = new MemorySheet('Orders', values);
    const store = new MemoryUndoStore();
    const plan = planFor(values);
    const before = sheet.dump();
    const preview = previewResult(plan, segmentTable(plan, await sheet.readValues(plan.table)));
    const first = file.truth[0]!.date;
    expect(preview.dateColumns).toEqual([
      {
        role: 'orderDate',
        column: 0,
        header: 'Ngày chứng từ',
        found: 'numbers',
        example: first.replace(/-/g, ''),
        readAs: first,
        convertible: file.rows.length,
        notDates: 0,
        withTime: false,
      },
    ]);
    const outcome = await convertDates({ io: sheet, store }, { sheetName: 'Orders', table: plan.table, column: 0 });
    expect(outcome.cells).toBe(file.rows.length);
    expect(sheet.dump()[1]?.[0]).toMatchObject({ numberFormat: 'yyyy-mm-dd' });
    const after = segmentTable(plan, await sheet.readValues(plan.table));
    expect(after.dateColumns).toEqual([]);
    expectTable(after.customers!, expectedTable(file.truth));
    expect((await store.load())?.meta).toMatchObject({ method: 'convertDates', header: 'Ngày chứng từ' });

    const applied = await applyPlan({ io: sheet, store }, plan, false);
    expect(applied.kind).toBe('applied');
    expect(await undoLast({ io: () => sheet, store })).toEqual({ kind: 'undone' });
    // The apply was the last action: undoing it leaves the converted dates.
    expect(sheet.dump()[1]?.[0]).toMatchObject({ numberFormat: 'yyyy-mm-dd' });

    await convertDates({ io: sheet, store }, { sheetName: 'Orders', table: plan.table, column: 0 }).catch(
      (error: Error) => expect(error.message).toContain('holds no 8-digit numbers or date text'),
    );
    expect(sheet.dump()[1]?.[0]).toMatchObject({ numberFormat: 'yyyy-mm-dd' });
    const fresh = new MemorySheet('Orders', values);
    const freshStore = new MemoryUndoStore();
    await convertDates({ io: fresh, store: freshStore }, { sheetName: 'Orders', table: plan.table, column: 0 });
    expect(await undoLast({ io: () => fresh, store: freshStore })).toEqual({ kind: 'undone' });
    expect(fresh.dump()).toEqual(before);
  });

  it('an apply on a table whose every line is unreadable is refused before it writes anything', async () => {
    const values = imported(file).map((row, r) => row.map((cell, c) => (r > 0 && c === 0 ? 'sometime' : cell)));
    const sheet = new MemorySheet('Orders', values);
    const plan = planFor(values);
    const preview = previewResult(plan, segmentTable(plan, values));
    expect(preview.usable).toBe(0);
    expect(preview.dateColumns).toEqual([]);
    expect(preview.lines?.leftOut).toEqual([{ reason: 'badDate', count: file.rows.length, rows: [2, 3, 4, 5, 6] }]);
    const before = sheet.dump();
    await expect(applyPlan({ io: sheet, store: new MemoryUndoStore() }, plan, false)).rejects.toThrow(
      /No row of the table can be used/,
    );
    expect(sheet.dump()).toEqual(before);
  });
});
