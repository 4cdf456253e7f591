/**
 * ABC_CLASS as SQL (core/methods/abc.ts with its default shares and the tolerance): the Pareto class of each value
 * by S(v) = (sum of the positive values ≥ v) / (sum of the positive values); `A` if S(v) ≤ a_share, `B` if
 * S(v) ≤ b_share, else `C`; ties share a class (a running SUM over RANGE takes in the whole block of equal values);
 * zero and negative values are `C` and add nothing to the total.
 *
 * Input contract, table `customers` (another name by option), the population being the table itself:
 *   customers(line BIGINT, customer TEXT NULL, value DOUBLE NULL)
 * `line` is unique (the answers come back in its order); a NULL value is a blank: a NULL class, not in the population.
 * Output: line, customer, value, class.
 *
 * Cost in the database: one sort of the positive values for the running sum, one pass to classify.
 *
 * @example
 *   sqlFor('ABC_CLASS', 'postgres', { aShare: 0.7 })
 *   // → "WITH sk_values AS (SELECT line, customer, CAST(value AS DOUBLE PRECISION) AS value FROM customers), …"
 */
import { CLASS_LABEL } from '../catalog/abc.js';
import { label, type Lang } from '../labels.js';
import { ABC_DEFAULT_SHARES } from '../methods/abc.js';
import { atMostSql, num, tableName, type Dialect } from './dialect.js';

export interface AbcSqlOptions {
  /** The input table (default `customers`). */
  readonly table?: string;
  readonly aShare?: number;
  readonly bShare?: number;
  readonly lang?: Lang;
}

export function abcSql(d: Dialect, options: AbcSqlOptions = {}): string {
  const table = tableName(options.table ?? 'customers');
  const a = options.aShare ?? ABC_DEFAULT_SHARES.a;
  const b = options.bShare ?? ABC_DEFAULT_SHARES.b;
  if (!(a > 0 && a < b && b <= 1)) throw new Error('SQL: ABC shares must satisfy 0 < a_share < b_share ≤ 1');
  const lang = options.lang ?? 'en';
  const share = 'r.running / t.total';
  return `WITH sk_values AS (SELECT line, customer, CAST(value AS ${d.double}) AS value FROM ${tableName(table)}),
sk_total AS (SELECT SUM(CASE WHEN value > 0 THEN value END) AS total FROM sk_values),
sk_running AS (
  SELECT line, SUM(value) OVER (ORDER BY value DESC RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running
  FROM sk_values WHERE value > 0)
SELECT v.line, v.customer, v.value,
       CASE WHEN v.value IS NULL THEN NULL
            WHEN v.value > 0 AND ${atMostSql(d, share, num(d, a))} THEN ${d.text(label(CLASS_LABEL.A, lang))}
            WHEN v.value > 0 AND ${atMostSql(d, share, num(d, b))} THEN ${d.text(label(CLASS_LABEL.B, lang))}
            ELSE ${d.text(label(CLASS_LABEL.C, lang))} END AS class
FROM sk_values v LEFT JOIN sk_running r ON r.line = v.line CROSS JOIN sk_total t
ORDER BY v.line`;
}
