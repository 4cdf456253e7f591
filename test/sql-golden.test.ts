/**
 * The spec's examples (../shared/spec/functions.md and the catalog's own examples) as golden tests of the generated
 * SQL in each dialect that runs here: DuckDB, PostgreSQL (a throwaway server, test/sql/pg-server.ts), and BigQuery's
 * structure with DuckDB's names. The expected answers are the spec's, written out, not the core's.
 */
import { describe, expect, it } from 'vitest';
import { sqlWith } from '../core/sql/index.js';
import type { Cell, Table } from './sql/databases.js';
import { runnersForFile, type Runner } from './sql/dialects.js';

const all = runnersForFile();

const lines = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

function valuesTable(values: readonly Cell[]): Table {
  return {
    name: 'customers',
    columns: [
      { name: 'line', type: 'BIGINT', values: lines(values.length) },
      { name: 'customer', type: 'TEXT', values: values.map((_, i) => `C${i + 1}`) },
      { name: 'value', type: 'DOUBLE', values },
    ],
  };
}

function ordersTable(rows: readonly [Cell, Cell, string, number][]): Table {
  return {
    name: 'orders',
    columns: [
      { name: 'line', type: 'BIGINT', values: lines(rows.length) },
      { name: 'customer', type: 'TEXT', values: rows.map((r) => r[0]) },
      { name: 'order_id', type: 'TEXT', values: rows.map((r) => r[1]) },
      { name: 'order_date', type: 'DATE', values: rows.map((r) => r[2]) },
      { name: 'revenue', type: 'DOUBLE', values: rows.map((r) => r[3]) },
    ],
  };
}

/** Each runner's answer column for a table and a query. */
async function eachDialect(
  table: Table,
  query: (runner: Runner) => string,
  pick: (rows: Record<string, Cell>[]) => unknown,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const runner of all) {
    await runner.db.load(table);
    out[runner.title] = pick(await runner.db.query(query(runner)));
  }
  return out;
}

const same = (expected: unknown): Record<string, unknown> => Object.fromEntries(all.map((r) => [r.title, expected]));

describe('ABC_CLASS', () => {
  it('[27000,24000,18000,16000,6000,5000,4000] → A A A B B C C', async () => {
    const got = await eachDialect(
      valuesTable([27000, 24000, 18000, 16000, 6000, 5000, 4000]),
      (r) => sqlWith('ABC_CLASS', r.dialect),
      (rows) => rows.map((row) => row.class),
    );
    expect(got).toEqual(same(['A', 'A', 'A', 'B', 'B', 'C', 'C']));
  });

  it('[50,30,15,5] puts 15 in B at b_share 0.95 (a share on the cut, within 1e-9); a blank is blank, ≤ 0 is C', async () => {
    const got = await eachDialect(
      valuesTable([50, 30, 15, 5, null, 0, -20]),
      (r) => sqlWith('ABC_CLASS', r.dialect),
      (rows) => rows.map((row) => row.class),
    );
    expect(got).toEqual(same(['A', 'A', 'B', 'C', null, 'C', 'C']));
  });

  it('one dominant customer: over 80% alone is B, over 95% is C; equal values share a class', async () => {
    const got = await eachDialect(
      valuesTable([90, 5, 5, 96.5, 1, 1, 1]),
      (r) => sqlWith('ABC_CLASS', r.dialect, { table: 'customers' }),
      (rows) => rows.map((row) => row.class),
    );
    // Total 199.5: S(96.5) = 0.48, S(90) = 0.93, S(5) = 0.98 for both 5s, S(1) = 1.
    expect(got).toEqual(same(['B', 'C', 'C', 'A', 'C', 'C', 'C']));
  });
});

describe('CUSTOMER_TIER', () => {
  it('100 values 100…1: 100 Top, 99–96 Large, 95–81 Medium, 80–1 Small; ≤ 0 Inactive; Vietnamese labels', async () => {
    const values: Cell[] = [...Array.from({ length: 100 }, (_, i) => 100 - i), 0, -5, null];
    const got = await eachDialect(
      valuesTable(values),
      (r) => sqlWith('CUSTOMER_TIER', r.dialect, { lang: 'vi' }),
      (rows) => rows.map((row) => row.tier),
    );
    const expected = [
      'Siêu cấp',
      ...Array<string>(4).fill('Lớn'),
      ...Array<string>(15).fill('Vừa'),
      ...Array<string>(80).fill('Nhỏ'),
      'Không hoạt động',
      'Không hoạt động',
      null,
    ];
    expect(got).toEqual(same(expected));
  });

  it('shares {0.07,0.3,0.5} on 100 values: ceil(0.07·100) is 7, not 8; ties share the better rank', async () => {
    const values: Cell[] = Array.from({ length: 100 }, (_, i) => (i < 8 ? 1000 : 100 - i));
    const got = await eachDialect(
      valuesTable(values),
      (r) => sqlWith('CUSTOMER_TIER', r.dialect, { shares: [0.07, 0.3, 0.5] }),
      (rows) => rows.map((row) => row.tier),
    );
    // Eight tied at 1000 all have rank 1 ≤ 7: Top. Ranks 9…30 Large, 31…50 Medium, the rest Small.
    expect(got).toEqual(
      same([
        ...Array<string>(8).fill('Top'),
        ...Array<string>(22).fill('Large'),
        ...Array<string>(20).fill('Medium'),
        ...Array<string>(50).fill('Small'),
      ]),
    );
  });
});

describe('RFM_TABLE', () => {
  it("the catalog's example: Ann 555 Champions, Bo 111 Lost", async () => {
    const got = await eachDialect(
      ordersTable([
        ['Ann', null, '2024-05-01', 120],
        ['Bo', null, '2024-03-01', 80],
        ['Ann', null, '2024-06-30', 60],
      ]),
      (r) => sqlWith('RFM_TABLE', r.dialect, { asOf: '2024-06-30' }),
      (rows) => rows,
    );
    const row = (
      customer: string,
      last: string,
      days: number,
      orders: number,
      revenue: number,
      score: number,
      segment: string,
    ) => ({
      customer,
      last_purchase: last,
      recency_days: days,
      orders,
      revenue,
      r: Math.floor(score / 100),
      f: Math.floor(score / 10) % 10,
      m: score % 10,
      rfm_score: score,
      segment,
      lines_left_out: 0,
    });
    expect(got).toEqual(
      same([row('Ann', '2024-06-30', 0, 2, 180, 555, 'Champions'), row('Bo', '2024-03-01', 121, 1, 80, 111, 'Lost')]),
    );
  });

  it('order ids: an invoice of two lines is one order, a cancellation invoice nets off and is no purchase; a customer with only returns is unscored', async () => {
    // core/methods/orders.ts's example: Ann buys on invoices 1 (two lines) and 2 and returns 30 on C1; Bo only returns.
    const got = await eachDialect(
      ordersTable([
        ['Ann', '1', '2024-05-01', 10],
        ['Ann', '1', '2024-05-01', 20],
        ['Ann', '2', '2024-06-01', 50],
        ['Ann', 'C1', '2024-06-02', -30],
        ['Bo', '3', '2024-06-03', -5],
        [null, '4', '2024-06-03', 70],
        ['  ', '5', '2024-06-03', 70],
      ]),
      (r) => sqlWith('RFM_TABLE', r.dialect, { orderIds: true }),
      (rows) =>
        rows.map((row) => [row.customer, row.last_purchase, row.recency_days, row.orders, row.revenue, row.segment]),
    );
    // as_of is the latest date of the lines used (2024-06-03, Bo's return): Ann's last purchase 2 days before. Ann is
    // the whole population, so every cut point is her own value: R 5, F 1, M 1 (511), New Customers.
    expect(got).toEqual(
      same([
        ['Ann', '2024-06-01', 2, 2, 50, 'New Customers'],
        ['Bo', null, null, 0, -5, null],
      ]),
    );
  });

  it("the spec's thresholds {115,181,297,482;4,5,6,8;256,382,506,666}: R = 5 below 115 days, each bound counts from itself", async () => {
    const got = await eachDialect(
      ordersTable([
        ['A', null, '2024-12-31', 700],
        ['B', null, '2024-09-07', 256],
        ['C', null, '2023-12-31', 255],
      ]),
      (r) =>
        sqlWith('RFM_TABLE', r.dialect, {
          asOf: '2024-12-31',
          thresholds: [
            [115, 181, 297, 482],
            [4, 5, 6, 8],
            [256, 382, 506, 666],
          ],
        }),
      (rows) => rows.map((row) => [row.customer, row.recency_days, row.rfm_score]),
    );
    // B: 115 days is on the first bound, so R = 4; revenue 256 on M's first bound: M = 2. C: 366 days, R = 2.
    expect(got).toEqual(
      same([
        ['A', 0, 515],
        ['B', 115, 412],
        ['C', 366, 211],
      ]),
    );
  });
});

describe('LIFECYCLE_STAGE', () => {
  it("the spec's example → Evangelist, New, Prospect, Lost, and the problems by code", async () => {
    const table: Table = {
      name: 'customers',
      columns: [
        { name: 'line', type: 'BIGINT', values: lines(7) },
        { name: 'customer', type: 'TEXT', values: lines(7).map(String) },
        {
          name: 'first_purchase',
          type: 'DATE',
          values: ['2023-01-10', '2024-05-01', null, '2022-03-01', '2024-06-01', null, null],
        },
        {
          name: 'last_purchase',
          type: 'DATE',
          values: ['2024-06-20', '2024-06-01', null, '2023-05-01', '2024-05-01', null, '2024-07-02'],
        },
        { name: 'orders', type: 'DOUBLE', values: [7, 1, 0, 3, 2, null, 1] },
        { name: 'referrals', type: 'DOUBLE', values: [2, 0, 0, 0, null, null, null] },
      ],
    };
    const got = await eachDialect(
      table,
      (r) => sqlWith('LIFECYCLE_STAGE', r.dialect, { asOf: '2024-06-30' }),
      (rows) => rows.map((row) => row.stage ?? row.problem),
    );
    expect(got).toEqual(same(['Evangelist', 'New', 'Prospect', 'Lost', 'firstAfterLast', null, 'missingDate']));
  });
});

describe('SEGMENT_SUMMARY', () => {
  it("the spec's example: A 2 800, B 1 200, C 1 100, Total 4 1100 275", async () => {
    const table: Table = {
      name: 'segments',
      columns: [
        { name: 'line', type: 'BIGINT', values: lines(4) },
        { name: 'segment', type: 'TEXT', values: ['A', 'B', 'A', 'C'] },
        { name: 'value', type: 'DOUBLE', values: [500, 200, 300, 100] },
      ],
    };
    const got = await eachDialect(
      table,
      (r) => sqlWith('SEGMENT_SUMMARY', r.dialect, { lang: 'vi' }),
      (rows) =>
        rows.map((row) => Object.values(row).map((v) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v))),
    );
    expect(got).toEqual(
      same([
        ['A', 2, 0.5, 800, 0.727, 400],
        ['B', 1, 0.25, 200, 0.182, 200],
        ['C', 1, 0.25, 100, 0.091, 100],
        ['Tổng', 4, 1, 1100, 1, 275],
      ]),
    );
  });
});
