/**
 * SEGMENT_SUMMARY as SQL (core/methods/summary.ts, labels from core/labels.ts): one row per segment, sorted by value
 * descending then by name in code-unit order, then a `Total` row.
 *
 * Input contract, table `segments` (another name by option):
 *   segments(line BIGINT, segment TEXT NULL, value DOUBLE NULL)
 * `segment` is trimmed; a line with a blank segment is not counted (SEGMENT_SUMMARY reports one with a value in its
 * final row); a NULL value counts the customer and adds nothing.
 * Output: segment, customers, customer_share, value, value_share, average_value (a share is NULL when its whole is 0).
 * Code-unit order is byte order in DuckDB, BigQuery and PostgreSQL's "C" collation: the same as the core's for texts
 * without characters beyond U+FFFF.
 *
 * Cost in the database: one hash aggregate, a sort of the segments.
 *
 * @example
 *   sqlFor('SEGMENT_SUMMARY', 'postgres', { lang: 'vi' })
 *   // → "… UNION ALL SELECT 1, 'Tổng', … ORDER BY part, value DESC, segment COLLATE \"C\""
 */
import { label, type Lang } from '../labels.js';
import { identity, tableName, type Dialect } from './dialect.js';

export interface SummarySqlOptions {
  /** The input table (default `segments`). */
  readonly table?: string;
  readonly lang?: Lang;
}

export function summarySql(d: Dialect, options: SummarySqlOptions = {}): string {
  const table = tableName(options.table ?? 'segments');
  const lang = options.lang ?? 'en';
  const dbl = (x: string): string => `CAST(${x} AS ${d.double})`;
  return `WITH sk_lines AS (SELECT ${identity('segment')} AS segment, CAST(value AS ${d.double}) AS value FROM ${table}),
sk_groups AS (
  SELECT segment, CAST(COUNT(*) AS ${d.bigint}) AS customers, COALESCE(SUM(value), ${dbl('0')}) AS value
  FROM sk_lines WHERE segment IS NOT NULL GROUP BY segment),
sk_total AS (
  SELECT CAST(COALESCE(SUM(customers), 0) AS ${d.bigint}) AS customers, COALESCE(SUM(value), ${dbl('0')}) AS value
  FROM sk_groups)
SELECT segment, customers, customer_share, value, value_share, average_value FROM (
  SELECT 0 AS part, g.segment, g.customers,
         CASE WHEN t.customers = 0 THEN NULL ELSE ${dbl('g.customers')} / t.customers END AS customer_share,
         g.value,
         CASE WHEN t.value = 0 THEN NULL ELSE g.value / t.value END AS value_share,
         g.value / g.customers AS average_value
  FROM sk_groups g CROSS JOIN sk_total t
  UNION ALL
  SELECT 1 AS part, ${d.text(label('headerTotal', lang))} AS segment, t.customers,
         CASE WHEN t.customers = 0 THEN NULL ELSE ${dbl('1')} END AS customer_share,
         t.value,
         CASE WHEN t.value = 0 THEN NULL ELSE ${dbl('1')} END AS value_share,
         CASE WHEN t.customers = 0 THEN NULL ELSE t.value / t.customers END AS average_value
  FROM sk_total t) sk_rows
ORDER BY part, value DESC, ${d.codeUnitOrder('segment')}`;
}
