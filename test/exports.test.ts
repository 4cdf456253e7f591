/**
 * RFM_TABLE on order-line files shaped like real exports (test/fixtures/exports.ts): an online shop's invoice lines
 * with cancellations, a Vietnamese POS export, an accounting export with yyyymmdd dates and semicolons. Each file is
 * rendered as CSV, parsed back as an import would (every cell text), and RFM_TABLE's answer is checked against a
 * table worked out from what each line means, without the core (fixtures/expected-rfm.ts): in the core, in the built
 * Sheets Code.js and in the built Excel functions.js.
 */
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoke, type OutGrid } from '../core/index.js';
import { matches, neutralFromCore } from './cases/neutral.js';
import type { ExpectedCell } from './cases/types.js';
import { expectedTable } from './fixtures/expected-rfm.js';
import { exportFiles, toCsv, type ExportFile } from './fixtures/exports.js';
import { ensureAddinBuilt, loadFunctionsJs, neutralGridFromExcel, type LoadedFunctionsJs } from './hosts/excel-vm.js';
import { ensureCodeJs, loadCodeJs, neutralGridFromSheets, type LoadedCodeJs } from './hosts/sheets-vm.js';

/** The file as an import reads it: the CSV parsed back, every cell text, its delimiter detected. */
function imported(file: ExportFile): string[][] {
  const parsed = Papa.parse<string[]>(toCsv(file), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.delimiter).toBe(file.delimiter);
  return parsed.data;
}

/** RFM_TABLE's arguments from the imported rows: revenue a column, or Quantity × UnitPrice as `=D2*F2` computes it. */
function rfmArgs(file: ExportFile, rows: readonly string[][]): unknown[][][] {
  const column = (j: number): unknown[][] => rows.map((r) => [r[j] ?? '']);
  const { customer, date, revenue, quantity, price, orderId } = file.columns;
  const revenues =
    revenue !== undefined ? column(revenue) : rows.map((r) => [Number(r[quantity!]) * Number(r[price!])]);
  return [column(customer), column(date), revenues, column(orderId)];
}

function expectGrid(actual: ExpectedCell[][], expected: ExpectedCell[][]): void {
  expect(actual.length, JSON.stringify(actual.slice(-2))).toBe(expected.length);
  actual.forEach((row, i) =>
    row.forEach((cell, j) =>
      expect(
        matches(cell, expected[i]![j]!),
        `row ${i + 1} col ${j + 1}: ${JSON.stringify(cell)} vs ${JSON.stringify(expected[i]![j])}`,
      ).toBe(true),
    ),
  );
}

const FILES = exportFiles(1);

describe.each(FILES.map((f) => [f.name, f] as const))('the %s export', (_name, file) => {
  const rows = imported(file);
  const [customers, dates, revenues, ids] = rfmArgs(file, rows.slice(1));
  const expected = expectedTable(file.truth);

  it('is what a shop exports: its header, cancellations or returns, blank customers where they happen', () => {
    expect(rows[0]).toEqual(file.header);
    expect(rows.slice(1)).toEqual(file.rows);
    expect(file.truth.some((l) => l.revenue < 0)).toBe(true);
    expect(new Set(file.truth.map((l) => l.orderId)).size).toBeLessThan(file.truth.length);
    expect(exportFiles(1).map(toCsv)).toEqual(FILES.map(toCsv)); // the same seed, the same files
  });

  it('RFM_TABLE with order ids gives the expected orders, revenue, recency and scores (core)', () => {
    const result = invoke('RFM_TABLE', [customers, dates, revenues, null, null, null, ids]);
    expect(result.ok).toBe(true);
    expectGrid(
      (result as { grid: OutGrid }).grid.map((r) => r.map(neutralFromCore)),
      expected,
    );
  });

  it('without order ids every line counts as an order, so F measures basket size', () => {
    const grid = (invoke('RFM_TABLE', [customers, dates, revenues]) as { grid: OutGrid }).grid;
    const lines = grid.slice(1).reduce((sum, r) => sum + (typeof r[3] === 'number' ? r[3] : 0), 0);
    const orders = expected.slice(1).reduce((sum, r) => sum + (typeof r[3] === 'number' ? r[3] : 0), 0);
    expect(lines).toBeGreaterThan(orders);
  });
});

describe('the exports through the built Sheets Code.js and Excel functions.js', () => {
  let sheets: LoadedCodeJs;
  let excel: LoadedFunctionsJs;
  beforeAll(async () => {
    await ensureCodeJs();
    await ensureAddinBuilt();
    sheets = loadCodeJs();
    excel = loadFunctionsJs();
  }, 600_000);

  it.each(FILES.map((f) => [f.name, f] as const))('%s: Sheets and Excel give the expected table', (_name, file) => {
    const rows = imported(file).slice(1);
    const [customers, dates, revenues, ids] = rfmArgs(file, rows);
    const expected = expectedTable(file.truth);
    expectGrid(
      neutralGridFromSheets(
        sheets.call('RFM_TABLE', [customers, dates, revenues, undefined, undefined, undefined, ids]),
      ),
      expected,
    );
    expectGrid(
      neutralGridFromExcel(
        excel.call('RFM_TABLE', [customers, dates, revenues, null, null, null, ids, null]),
        expected,
      ),
      expected,
    );
  });
});
