/**
 * The BigQuery SQL (core/sql, dialect 'bigquery') cannot run here: its structure runs in DuckDB with DuckDB's names
 * (test/sql-golden.test.ts, test/sql-differential.test.ts), and its text is checked here by node-sql-parser's
 * BigQuery grammar, for every method and option that changes the text. What neither checks (PERCENTILE_CONT's
 * interpolation, DATE_DIFF, FLOAT64 sums, byte order of strings) is listed in the README as verified on paper.
 */
import { Parser } from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { DIALECTS, sqlFor, SQL_METHODS, type SqlMethod } from '../core/sql/index.js';

const parser = new Parser();
const parses = (sql: string): boolean => {
  try {
    parser.astify(sql, { database: 'BigQuery' });
    return true;
  } catch {
    return false;
  }
};

const VARIANTS: Record<SqlMethod, readonly object[]> = {
  RFM_TABLE: [
    {},
    { orderIds: true, asOf: '2024-06-30', bins: 9, lang: 'vi' },
    {
      thresholds: [
        [115, 181, 297, 482],
        [4, 5, 6, 8],
        [256, 382, 506, 666],
      ],
      table: 'shop.sales.orders',
    },
  ],
  ABC_CLASS: [{}, { aShare: 0.7, bShare: 0.9, lang: 'vi' }],
  CUSTOMER_TIER: [{}, { shares: [0.02, 0.1, 0.3], lang: 'vi' }],
  LIFECYCLE_STAGE: [
    {},
    { asOf: '2024-06-30', settings: { newDays: 60, atRiskDays: 120, lostDays: 300, loyalOrders: 4 } },
  ],
  SEGMENT_SUMMARY: [{}, { lang: 'vi' }],
};

describe('BigQuery SQL text', () => {
  for (const method of SQL_METHODS) {
    it.each(VARIANTS[method].map((options) => [JSON.stringify(options), options]))(
      `${method} %s parses as BigQuery`,
      (_t, options) => {
        const sql = sqlFor(method, 'bigquery', options as never);
        expect(parses(sql)).toBe(true);
        // None of what BigQuery lacks or spells otherwise.
        expect(sql).not.toMatch(
          /\bFILTER\s*\(|\bQUALIFY\b|WITHIN GROUP|quantile_cont|DOUBLE PRECISION|\bDOUBLE\b|\w''\w/,
        );
      },
    );
  }

  it("the grammar rejects the other dialects' text, so it is a real check", () => {
    for (const dialect of ['duckdb', 'postgres'] as const) {
      expect({ dialect, parses: parses(sqlFor('RFM_TABLE', dialect)) }).toEqual({ dialect, parses: false });
    }
    expect(parses('SELECT COUNT(*) FILTER (WHERE x > 0) FROM t')).toBe(false);
  });

  it("writes a quote in a label BigQuery's way (Can't Lose Them)", () => {
    expect(DIALECTS.bigquery.text("Can't \\ Lose")).toBe("'Can\\'t \\\\ Lose'");
    expect(sqlFor('RFM_TABLE', 'bigquery')).toContain("'Can\\'t Lose Them'");
  });
});
