/**
 * SQL generated from the catalog's own constants (the tolerance, default shares, bins, segment rules, thresholds,
 * lifecycle settings and the en/vi labels), for DuckDB, PostgreSQL and BigQuery, so a warehouse answers as the
 * spreadsheet functions do and the SQL cannot drift from the core. Each method's input contract is in its file:
 * - `RFM_TABLE` (rfm-table.ts): `orders(line, customer, order_id, order_date, revenue)`;
 * - `ABC_CLASS` (abc.ts), `CUSTOMER_TIER` (tier.ts): `customers(line, customer, value)`;
 * - `LIFECYCLE_STAGE` (lifecycle.ts): `customers(line, customer, first_purchase, last_purchase, orders, referrals)`;
 * - `SEGMENT_SUMMARY` (summary.ts): `segments(line, segment, value)`.
 * Dialect differences are in dialect.ts. Pure text generation: no database is touched here.
 *
 * @example
 *   sqlFor('RFM_TABLE', 'postgres', { orderIds: true, asOf: '2025-12-31' })
 *   sqlFor('ABC_CLASS', 'bigquery', { table: 'shop.customers', lang: 'vi' })
 */
import { abcSql, type AbcSqlOptions } from './abc.js';
import { DIALECTS, type Dialect, type DialectName } from './dialect.js';
import { lifecycleSql, type LifecycleSqlOptions } from './lifecycle.js';
import { rfmTableSql, type RfmTableSqlOptions } from './rfm-table.js';
import { summarySql, type SummarySqlOptions } from './summary.js';
import { tierSql, type TierSqlOptions } from './tier.js';

export { DIALECT_NAMES, DIALECTS, bigQueryStructure, type Dialect, type DialectName } from './dialect.js';

export interface SqlOptions {
  RFM_TABLE: RfmTableSqlOptions;
  ABC_CLASS: AbcSqlOptions;
  CUSTOMER_TIER: TierSqlOptions;
  LIFECYCLE_STAGE: LifecycleSqlOptions;
  SEGMENT_SUMMARY: SummarySqlOptions;
}

export type SqlMethod = keyof SqlOptions;

export const SQL_METHODS: readonly SqlMethod[] = [
  'RFM_TABLE',
  'ABC_CLASS',
  'CUSTOMER_TIER',
  'LIFECYCLE_STAGE',
  'SEGMENT_SUMMARY',
];

/** One query for a method in a dialect. Throws on options the function would reject as a whole-call problem. */
export function sqlFor<M extends SqlMethod>(method: M, dialect: DialectName, options: SqlOptions[M] = {}): string {
  return sqlWith(method, DIALECTS[dialect], options);
}

/** sqlFor with a dialect object (the tests run BigQuery's structure with DuckDB's names: dialect.ts). */
export function sqlWith<M extends SqlMethod>(method: M, d: Dialect, options: SqlOptions[M] = {}): string {
  switch (method) {
    case 'RFM_TABLE':
      return rfmTableSql(d, options as RfmTableSqlOptions);
    case 'ABC_CLASS':
      return abcSql(d, options as AbcSqlOptions);
    case 'CUSTOMER_TIER':
      return tierSql(d, options as TierSqlOptions);
    case 'LIFECYCLE_STAGE':
      return lifecycleSql(d, options as LifecycleSqlOptions);
    case 'SEGMENT_SUMMARY':
      return summarySql(d, options as SummarySqlOptions);
    default:
      throw new Error(`SQL: no query for ${String(method)}`);
  }
}
