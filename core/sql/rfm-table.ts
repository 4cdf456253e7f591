/**
 * RFM_TABLE as one SQL query (core/catalog/rfm-table.ts, methods/orders.ts and methods/rfm.ts, with their
 * constants: the tolerance, the default bins, the default segment rules and their labels).
 *
 * Input contract, table `orders` (another name by option):
 *   orders(line BIGINT, customer TEXT NULL, order_id TEXT NULL, order_date DATE NULL, revenue DOUBLE NULL)
 * - `line` numbers the lines as the sheet had them (unique; the loader writes it): customers come back in order of
 *   first appearance, which SQL has no other way to know.
 * - `customer` and `order_id` are trimmed text (the loader writes the number 1001 as '1001'); blank or NULL
 *   customer: the line is left out (RFM_TABLE reports such lines in its final row; here they are just not used).
 * - `order_date` is the day (a time of day dropped by the loader); `revenue` a number, ≤ 0 for returns.
 * - A line with a customer but a NULL date or revenue, a blank order id when order ids are used, or a date after an
 *   explicit `asOf`, is left out: its customer is listed with `lines_left_out` > 0 and nothing else, as RFM_TABLE
 *   shows the problem in that customer's row.
 *
 * Output, one row per customer in order of first appearance:
 *   customer, last_purchase DATE, recency_days, orders, revenue, r, f, m, rfm_score, segment, lines_left_out
 * A customer with no purchase (every order ≤ 0) has orders 0, its net revenue, the rest NULL.
 *
 * Rules, as the core: an order is a line, or with order ids the lines of one customer sharing an id (dated by its
 * latest line, valued at their sum); it is a purchase when its value is above 1e-9 · the sum of its lines' sizes.
 * as_of defaults to the latest date of the lines used. Quantile mode: cut points at k / bins (PERCENTILE.INC) of the
 * scored customers' days, orders and revenue; F = 1 + cut points clearly below the value, R = bins − that count;
 * threshold mode: F = 1 + bounds ≤ the value (within the tolerance). Segment: the first default rule that holds.
 *
 * Cost in the database: one pass over the lines (a hash aggregate, two with order ids), one sort per measure for its
 * quantiles, O(customers · bins) to score.
 *
 * @example
 *   sqlFor('RFM_TABLE', 'duckdb', { asOf: '2024-06-30', orderIds: true, lang: 'vi' })
 *   // → "WITH sk_lines AS (SELECT line, NULLIF(TRIM(customer), '') AS customer, …) … ORDER BY first_line"
 */
import { label, type Lang } from '../labels.js';
import { DEFAULT_BINS, DEFAULT_RULES, MAX_BINS, MIN_BINS } from '../methods/rfm.js';
import { RELATIVE_TOLERANCE } from '../tolerance.js';
import { atMostSql, clearlyBelowSql, dateLiteral, identity, num, oneIf, tableName, type Dialect } from './dialect.js';

export interface RfmTableSqlOptions {
  /** The input table (default `orders`). */
  readonly table?: string;
  /** ISO date recency is counted to; default the latest date of the lines used. */
  readonly asOf?: string;
  /** Score levels, 2 to 9 (default 5); with thresholds it follows from their width. */
  readonly bins?: number;
  /** Threshold mode: lower bounds of R (days), F and M, bins − 1 each, ascending. */
  readonly thresholds?: readonly [readonly number[], readonly number[], readonly number[]];
  /** Group the lines of a customer by `order_id` (default: each line is one order). */
  readonly orderIds?: boolean;
  readonly lang?: Lang;
}

const MEASURES = ['r', 'f', 'm'] as const;

function readBins(options: RfmTableSqlOptions): number {
  const t = options.thresholds;
  if (t) {
    const width = t[0].length;
    if (width < 1 || width > MAX_BINS - 1 || t.some((row) => row.length !== width)) {
      throw new Error(`SQL: thresholds must be 3 rows of 1 to ${MAX_BINS - 1} bounds each`);
    }
    for (const row of t) {
      if (row.some((b, k) => !Number.isFinite(b) || (k > 0 && !(b > (row[k - 1] as number))))) {
        throw new Error('SQL: each row of thresholds must be strictly ascending numbers');
      }
    }
    if (options.bins !== undefined && options.bins !== width + 1) {
      throw new Error(`SQL: bins ${options.bins} does not match thresholds of ${width} bounds (bins ${width + 1})`);
    }
    return width + 1;
  }
  const bins = options.bins ?? DEFAULT_BINS;
  if (!Number.isInteger(bins) || bins < MIN_BINS || bins > MAX_BINS) {
    throw new Error(`SQL: bins must be a whole number from ${MIN_BINS} to ${MAX_BINS}`);
  }
  return bins;
}

/** The default rules as one CASE over r, f, m (first match wins, else Others), labels in the language. */
function segmentCase(d: Dialect, lang: Lang): string {
  const whens = DEFAULT_RULES.map(({ name, bounds: [r0, r1, f0, f1, m0, m1] }) => {
    const holds = `r BETWEEN ${r0} AND ${r1} AND f BETWEEN ${f0} AND ${f1} AND m BETWEEN ${m0} AND ${m1}`;
    return `WHEN ${holds} THEN ${d.text(label(name, lang))}`;
  });
  return `CASE ${whens.join(' ')} ELSE ${d.text(label('rfmOthers', lang))} END`;
}

/** The count of cut points (`cuts.m_1` …) that count against `value`: clearly below it, or bounds ≤ it. */
function passed(d: Dialect, measure: string, value: string, bins: number, thresholds: boolean): string {
  return Array.from({ length: bins - 1 }, (_, k) => {
    const cut = `cuts.${measure}_${k + 1}`;
    return oneIf(thresholds ? atMostSql(d, cut, value) : clearlyBelowSql(d, cut, value));
  }).join(' + ');
}

export function rfmTableSql(d: Dialect, options: RfmTableSqlOptions = {}): string {
  const table = tableName(options.table ?? 'orders');
  const bins = readBins(options);
  const lang = options.lang ?? 'en';
  const ids = options.orderIds === true;
  const tol = num(d, RELATIVE_TOLERANCE);
  const asOf = options.asOf === undefined ? undefined : dateLiteral(options.asOf);

  const leftOut = ['order_date IS NULL', 'revenue IS NULL'];
  if (ids) leftOut.push('order_id IS NULL');
  if (asOf) leftOut.push(`order_date > ${asOf}`);

  const orders = ids
    ? `SELECT customer, MAX(order_date) AS order_date, SUM(revenue) AS order_value, SUM(ABS(revenue)) AS order_size
       FROM sk_used GROUP BY customer, order_id`
    : `SELECT customer, order_date, revenue AS order_value, ABS(revenue) AS order_size FROM sk_used`;

  const t = options.thresholds;
  const cuts = t
    ? `SELECT ${MEASURES.flatMap((m, i) => (t[i] as readonly number[]).map((b, k) => `${num(d, b)} AS ${m}_${k + 1}`)).join(', ')}`
    : d.quantiles(
        'sk_population',
        MEASURES.map((m) => ({ name: m, expr: m })),
        bins,
      );
  const mode = t !== undefined;

  return `WITH sk_lines AS (
  SELECT line, ${identity('customer')} AS customer, ${ids ? identity('order_id') : 'NULL'} AS order_id,
         order_date, CAST(revenue AS ${d.double}) AS revenue
  FROM ${table}),
sk_known AS (
  SELECT line, customer, order_id, order_date, revenue, ${oneIf(leftOut.join(' OR '))} AS left_out
  FROM sk_lines WHERE customer IS NOT NULL),
sk_used AS (SELECT customer, order_id, order_date, revenue FROM sk_known WHERE left_out = 0),
sk_as_of AS (${asOf ? `SELECT ${asOf} AS as_of` : 'SELECT MAX(order_date) AS as_of FROM sk_used'}),
sk_orders AS (${orders}),
sk_purchases AS (
  SELECT customer, order_date, order_value, ${oneIf(`order_value > ${tol} * order_size`)} AS purchase FROM sk_orders),
sk_totals AS (
  SELECT customer, MAX(CASE WHEN purchase = 1 THEN order_date END) AS last_purchase,
         CAST(SUM(purchase) AS ${d.bigint}) AS orders, SUM(order_value) AS revenue
  FROM sk_purchases GROUP BY customer),
sk_customers AS (
  SELECT customer, MIN(line) AS first_line, CAST(SUM(left_out) AS ${d.bigint}) AS lines_left_out
  FROM sk_known GROUP BY customer),
sk_measured AS (
  SELECT c.customer, c.first_line, c.lines_left_out, t.last_purchase, t.orders, t.revenue,
         ${d.dayDiff('a.as_of', 't.last_purchase')} AS days,
         ${oneIf('c.lines_left_out = 0 AND t.orders > 0')} AS scored
  FROM sk_customers c LEFT JOIN sk_totals t ON t.customer = c.customer CROSS JOIN sk_as_of a),
sk_population AS (
  SELECT CAST(days AS ${d.double}) AS r, CAST(orders AS ${d.double}) AS f, revenue AS m
  FROM sk_measured WHERE scored = 1),
sk_cuts AS (${cuts}),
sk_scored AS (
  SELECT s.customer, s.first_line, s.lines_left_out, s.last_purchase, s.orders, s.revenue, s.days, s.scored,
         CASE WHEN s.scored = 1 THEN ${bins} - (${passed(d, 'r', `CAST(s.days AS ${d.double})`, bins, mode)}) END AS r,
         CASE WHEN s.scored = 1 THEN 1 + ${passed(d, 'f', `CAST(s.orders AS ${d.double})`, bins, mode)} END AS f,
         CASE WHEN s.scored = 1 THEN 1 + ${passed(d, 'm', 's.revenue', bins, mode)} END AS m
  FROM sk_measured s LEFT JOIN sk_cuts cuts ON TRUE)
SELECT customer,
       CASE WHEN lines_left_out = 0 THEN last_purchase END AS last_purchase,
       CASE WHEN scored = 1 THEN days END AS recency_days,
       CASE WHEN lines_left_out = 0 THEN orders END AS orders,
       CASE WHEN lines_left_out = 0 THEN revenue END AS revenue,
       r, f, m,
       100 * r + 10 * f + m AS rfm_score,
       CASE WHEN scored = 1 THEN ${segmentCase(d, lang)} END AS segment,
       lines_left_out
FROM sk_scored
ORDER BY first_line`;
}
