/**
 * RFM_TABLE on 1,000,000 seeded order lines (returns and cancellation invoices, order ids, ties on the cut points,
 * blank customers): the core against the generated SQL in DuckDB, in a real PostgreSQL server (started and stopped
 * here) and, in DuckDB, BigQuery's structure, with 0 mismatches per column. The same rows, so the same order.
 */
import { describe, expect, it } from 'vitest';
import { sqlWith } from '../core/sql/index.js';
import { coreRfm, mismatches, noMismatches } from './sql/core-answers.js';
import { orderLines, ordersTable } from './sql/data.js';
import { runnersForFile } from './sql/dialects.js';

const LINES = 1_000_000;
const data = orderLines(LINES, 1001, { days: 365, wide: true });
const all = runnersForFile(async (databases) => {
  const table = ordersTable(data);
  for (const db of databases) await db.load(table);
});

describe(`RFM_TABLE on ${LINES.toLocaleString('en-US')} lines: core = DuckDB = PostgreSQL = BigQuery's structure`, () => {
  it.each([
    ['each line an order', { orderIds: false }],
    ['order ids', { orderIds: true }],
  ] as const)('%s', async (_title, options) => {
    const expected = coreRfm(data, options);
    expect(expected.length).toBeGreaterThan(100_000);
    expect(expected.filter((row) => row.orders === 0).length).toBeGreaterThan(100);
    for (const { dialect, db, title } of all) {
      const actual = await db.query(sqlWith('RFM_TABLE', dialect, options));
      expect({ db: title, ...mismatches(expected, actual) }).toEqual({ db: title, ...noMismatches(expected) });
    }
  });
});
