/**
 * LIFECYCLE_STAGE as SQL (core/methods/lifecycle.ts with its default settings and the tolerance). First match wins:
 * `Prospect` (no orders and no purchase dates) → `Lost` (days since last ≥ lost_days) → `At Risk` (≥ at_risk_days)
 * → `New` (days since first < new_days) → `Evangelist` (orders ≥ loyal_orders and referrals ≥ 1) → `Loyal`
 * (orders ≥ loyal_orders) → `Active`.
 *
 * Input contract, table `customers` (another name by option):
 *   customers(line BIGINT, customer TEXT NULL, first_purchase DATE NULL, last_purchase DATE NULL,
 *             orders DOUBLE NULL, referrals DOUBLE NULL)
 * `line` is unique. A row with all four NULL is a blank (NULL stage). Rows the core answers with a per-row problem
 * get a NULL stage and the problem's code in `problem`: `negativeCount` (orders not a whole number ≥ 0), `notACount`
 * (referrals), `ordersWithoutDates`, `missingDate`, `firstAfterLast`, `dateAfterAsOf`.
 * as_of defaults to the latest last_purchase of the rows with both dates in order.
 * Output: line, customer, stage, problem.
 *
 * Cost in the database: one pass for as_of, one to stage.
 *
 * @example
 *   sqlFor('LIFECYCLE_STAGE', 'duckdb', { asOf: '2024-06-30', settings: { newDays: 60, atRiskDays: 120, lostDays: 300, loyalOrders: 4 } })
 */
import { STAGE_LABEL } from '../catalog/lifecycle.js';
import { label, type Lang } from '../labels.js';
import { DEFAULT_SETTINGS, type LifecycleSettings, type Stage } from '../methods/lifecycle.js';
import { atLeastSql, clearlyBelowSql, dateLiteral, num, tableName, type Dialect } from './dialect.js';

export interface LifecycleSqlOptions {
  /** The input table (default `customers`). */
  readonly table?: string;
  /** ISO date; default the latest last_purchase of the dated rows. */
  readonly asOf?: string;
  readonly settings?: LifecycleSettings;
  readonly lang?: Lang;
}

export function lifecycleSql(d: Dialect, options: LifecycleSqlOptions = {}): string {
  const table = tableName(options.table ?? 'customers');
  const s = options.settings ?? DEFAULT_SETTINGS;
  const values = [s.newDays, s.atRiskDays, s.lostDays, s.loyalOrders];
  if (values.some((v) => !(Number.isFinite(v) && v >= 0)) || !(s.atRiskDays < s.lostDays)) {
    throw new Error('SQL: lifecycle settings must be numbers ≥ 0 with at_risk_days < lost_days');
  }
  const lang = options.lang ?? 'en';
  const stage = (key: Stage): string => d.text(label(STAGE_LABEL[key], lang));
  const isCount = (x: string): string => `(${x} >= 0 AND ${x} = FLOOR(${x}))`;
  const shape = `CASE
      WHEN first_purchase IS NULL AND last_purchase IS NULL AND orders IS NULL AND referrals IS NULL THEN 'blank'
      WHEN orders IS NOT NULL AND NOT ${isCount('orders')} THEN 'negativeCount'
      WHEN referrals IS NOT NULL AND NOT ${isCount('referrals')} THEN 'notACount'
      WHEN first_purchase IS NULL AND last_purchase IS NULL AND (orders IS NULL OR orders = 0) THEN 'prospect'
      WHEN first_purchase IS NULL AND last_purchase IS NULL THEN 'ordersWithoutDates'
      WHEN first_purchase IS NULL OR last_purchase IS NULL THEN 'missingDate'
      WHEN first_purchase > last_purchase THEN 'firstAfterLast'
      ELSE 'dated' END`;
  const sinceLast = `CAST(${d.dayDiff('a.as_of', 'c.last_purchase')} AS ${d.double})`;
  const sinceFirst = `CAST(${d.dayDiff('a.as_of', 'c.first_purchase')} AS ${d.double})`;
  const loyal = `(c.orders IS NOT NULL AND ${atLeastSql(d, 'c.orders', num(d, s.loyalOrders))})`;
  const referred = `(c.referrals IS NOT NULL AND ${atLeastSql(d, 'c.referrals', num(d, 1))})`;
  return `WITH sk_rows AS (
  SELECT line, customer, first_purchase, last_purchase,
         CAST(orders AS ${d.double}) AS orders, CAST(referrals AS ${d.double}) AS referrals
  FROM ${table}),
sk_shaped AS (SELECT line, customer, first_purchase, last_purchase, orders, referrals, ${shape} AS shape FROM sk_rows),
sk_as_of AS (
  ${options.asOf === undefined ? "SELECT MAX(CASE WHEN shape = 'dated' THEN last_purchase END) AS as_of FROM sk_shaped" : `SELECT ${dateLiteral(options.asOf)} AS as_of`})
SELECT c.line, c.customer,
       CASE WHEN c.shape = 'prospect' THEN ${stage('Prospect')}
            WHEN c.shape <> 'dated' OR c.last_purchase > a.as_of THEN NULL
            WHEN ${atLeastSql(d, sinceLast, num(d, s.lostDays))} THEN ${stage('Lost')}
            WHEN ${atLeastSql(d, sinceLast, num(d, s.atRiskDays))} THEN ${stage('AtRisk')}
            WHEN ${clearlyBelowSql(d, sinceFirst, num(d, s.newDays))} THEN ${stage('New')}
            WHEN ${loyal} AND ${referred} THEN ${stage('Evangelist')}
            WHEN ${loyal} THEN ${stage('Loyal')}
            ELSE ${stage('Active')} END AS stage,
       CASE WHEN c.shape IN ('blank', 'prospect') THEN NULL
            WHEN c.shape <> 'dated' THEN c.shape
            WHEN c.last_purchase > a.as_of THEN 'dateAfterAsOf' END AS problem
FROM sk_shaped c CROSS JOIN sk_as_of a
ORDER BY c.line`;
}
