/**
 * RFM_TABLE on order-line files shaped like real exports (test/fixtures/exports.ts): an online shop's invoice lines
 * with cancellations, a Vietnamese POS export, an accounting export with yyyymmdd dates and semicolons. Each file is
 * rendered as CSV, parsed back as an import would (every cell text), and RFM_TABLE's answer is checked against a
 * table worked out from what each line means, without the core (fixtures/expected-rfm.ts): in the core here, in the
 * built Sheets Code.js and Excel functions.js in exports.dist.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { invoke, type OutGrid } from '../core/index.js';
import { neutralFromCore } from './cases/neutral.js';
import { expectGrid, imported, rfmArgs } from './fixtures/export-import.js';
import { expectedTable } from './fixtures/expected-rfm.js';
import { exportFiles, toCsv } from './fixtures/exports.js';

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
