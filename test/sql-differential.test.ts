/**
 * Seeded differential tests of the generated SQL (core/sql): the core's answers (invoke, as a host calls the
 * functions) against the same method's query run in DuckDB, in a real PostgreSQL server (started here on a
 * Unix socket in a temporary folder, stopped after) and, in DuckDB, BigQuery's structure with DuckDB's names
 * (test/sql/dialects.ts), with 0 mismatches per column. The data has returns and
 * cancellation invoices, order ids, ties on the cut points, blank and padded customers (test/sql/data.ts).
 */
import { describe, expect, it } from 'vitest';
import { quantileCutPoints } from '../core/methods/rfm.js';
import { sqlWith } from '../core/sql/index.js';
import {
  coreAbc,
  coreLifecycle,
  coreRfm,
  coreSummary,
  coreTier,
  mismatches,
  noMismatches,
  type RfmCoreOptions,
} from './sql/core-answers.js';
import type { Row } from './sql/databases.js';
import {
  customerValues,
  lifecycleRows,
  lifecycleTable,
  orderLines,
  ordersTable,
  segmentLines,
  segmentsTable,
  valuesTable,
} from './sql/data.js';
import { runnersForFile } from './sql/dialects.js';

const all = runnersForFile();

/** Scored customers whose recency, orders or revenue is exactly one of the quantile cut points (ties on a cut). */
function tiesOnCuts(rows: readonly Row[], bins: number): number {
  const scored = rows.filter((row) => row.r !== null);
  let ties = 0;
  for (const key of ['recency_days', 'orders', 'revenue']) {
    const values = scored.map((row) => row[key] as number);
    const cuts = new Set(quantileCutPoints(values, bins));
    ties += values.filter((v) => cuts.has(v)).length;
  }
  return ties;
}

describe('RFM_TABLE: core against DuckDB and PostgreSQL', () => {
  const narrow = orderLines(20_000, 11);
  const wide = orderLines(20_000, 12, { days: 400, wide: true });
  const cases: [string, typeof narrow, RfmCoreOptions][] = [
    ['each line an order, ties on every cut point', narrow, {}],
    ['order ids, returns, cancellation invoices', narrow, { orderIds: true }],
    [
      'order ids, as_of before the last lines (later lines left out), 4 bins, Vietnamese',
      narrow,
      { orderIds: true, asOf: '2024-04-10', bins: 4, lang: 'vi' },
    ],
    ['log-normal revenue in cents over 400 days, 9 bins', wide, { bins: 9 }],
    [
      'thresholds',
      wide,
      {
        thresholds: [
          [30, 90, 180, 300],
          [2, 3, 5, 8],
          [500, 2000, 5000, 20000],
        ],
        orderIds: true,
      },
    ],
  ];
  for (const [title, data, options] of cases) {
    it(title, async () => {
      const expected = coreRfm(data, options);
      expect(expected.length).toBeGreaterThan(1000);
      // The data reaches the cases it was made for.
      expect(expected.some((row) => row.orders === 0)).toBe(true);
      if (options.orderIds || options.asOf)
        expect(expected.some((row) => (row.lines_left_out as number) > 0)).toBe(true);
      if (!options.thresholds) expect(tiesOnCuts(expected, options.bins ?? 5)).toBeGreaterThan(100);
      for (const { dialect, db, title } of all) {
        await db.load(ordersTable(data));
        const sql = sqlWith('RFM_TABLE', dialect, {
          ...options,
          thresholds: options.thresholds as [number[], number[], number[]] | undefined,
        });
        const actual = await db.query(sql);
        expect({ db: title, ...mismatches(expected, actual) }).toEqual({ db: title, ...noMismatches(expected) });
      }
    });
  }
});

it('the comparison finds a difference: the SQL with 4 bins against the core with 5', async () => {
  const data = orderLines(5_000, 13);
  const expected = coreRfm(data);
  for (const { dialect, db, title } of all) {
    await db.load(ordersTable(data));
    const found = mismatches(expected, await db.query(sqlWith('RFM_TABLE', dialect, { bins: 4 })));
    expect({ db: title, r: found.columns.r! > 0, m: found.columns.m! > 0, revenue: found.columns.revenue }).toEqual({
      db: title,
      r: true,
      m: true,
      revenue: 0,
    });
  }
});

describe('ABC_CLASS and CUSTOMER_TIER: core against DuckDB and PostgreSQL', () => {
  const data = customerValues(20_000, 21);
  const small = customerValues(57, 22);
  it.each([
    ['default shares', data, undefined, undefined],
    ['a_share 0.5, b_share 0.9, 57 values', small, 0.5, 0.9],
  ] as const)('ABC_CLASS, %s', async (_title, values, a, b) => {
    const expected = coreAbc(values, a, b);
    for (const { dialect, db, title } of all) {
      await db.load(valuesTable(values));
      const actual = await db.query(sqlWith('ABC_CLASS', dialect, { aShare: a, bShare: b }));
      expect({ db: title, ...mismatches(expected, actual) }).toEqual({ db: title, ...noMismatches(expected) });
    }
  });
  it.each([
    ['default shares', data, undefined],
    ['shares 0.07, 0.3, 0.5 on 100 values (0.07 · 100 is 7)', customerValues(100, 23), [0.07, 0.3, 0.5] as const],
  ] as const)('CUSTOMER_TIER, %s', async (_title, values, shares) => {
    const expected = coreTier(values, shares, 'vi');
    for (const { dialect, db, title } of all) {
      await db.load(valuesTable(values));
      const actual = await db.query(
        sqlWith('CUSTOMER_TIER', dialect, { shares: shares as [number, number, number] | undefined, lang: 'vi' }),
      );
      expect({ db: title, ...mismatches(expected, actual) }).toEqual({ db: title, ...noMismatches(expected) });
    }
  });
});

describe('LIFECYCLE_STAGE: core against DuckDB and PostgreSQL', () => {
  const data = lifecycleRows(20_000, 31);
  it.each([
    ['default settings, as_of the latest last purchase', {}],
    ['as_of given, other settings', { asOf: '2026-03-01', settings: [60, 120, 300, 4] }],
  ] as const)('%s', async (_title, options) => {
    const settings = 'settings' in options ? options.settings : undefined;
    const expected = coreLifecycle(data, options);
    for (const { dialect, db, title } of all) {
      await db.load(lifecycleTable(data));
      const sql = sqlWith('LIFECYCLE_STAGE', dialect, {
        asOf: 'asOf' in options ? options.asOf : undefined,
        settings: settings && {
          newDays: settings[0],
          atRiskDays: settings[1],
          lostDays: settings[2],
          loyalOrders: settings[3],
        },
      });
      const actual = (await db.query(sql)).map((r) => ({
        line: r.line ?? null,
        stage: r.stage ?? null,
        problem: r.problem ?? null,
      }));
      expect({ db: title, ...mismatches(expected, actual) }).toEqual({ db: title, ...noMismatches(expected) });
    }
  });
});

describe('SEGMENT_SUMMARY: core against DuckDB and PostgreSQL', () => {
  it.each(['en', 'vi'] as const)('%s', async (lang) => {
    const data = segmentLines(20_000, 41);
    const expected = coreSummary(data, lang);
    for (const { dialect, db, title } of all) {
      await db.load(segmentsTable(data));
      const actual = await db.query(sqlWith('SEGMENT_SUMMARY', dialect, { lang }));
      expect({ db: title, ...mismatches(expected, actual) }).toEqual({ db: title, ...noMismatches(expected) });
    }
  });
});
