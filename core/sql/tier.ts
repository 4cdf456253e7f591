/**
 * CUSTOMER_TIER as SQL (core/methods/tier.ts with its default shares and the tolerance): among the n positive
 * values, rank r = 1 + the number of strictly larger values (SQL's RANK over value descending: ties share the better
 * rank); `Top` if r ≤ ceil(s₁·n), `Large` if r ≤ ceil(s₂·n), `Medium` if r ≤ ceil(s₃·n), else `Small`; a value ≤ 0
 * is `Inactive`. ceil(s·n) counts a product within the tolerance of a whole number as that number (0.07·100 is 7).
 *
 * Input contract, table `customers` (another name by option), the population being the table itself:
 *   customers(line BIGINT, customer TEXT NULL, value DOUBLE NULL)
 * `line` is unique; a NULL value is a blank: a NULL tier, not in the population. Output: line, customer, value, tier.
 *
 * Cost in the database: one sort of the positive values for RANK, one pass to classify.
 *
 * @example
 *   sqlFor('CUSTOMER_TIER', 'bigquery', { shares: [0.02, 0.1, 0.3], lang: 'vi' })
 *   // → "… WHEN k.rnk <= … THEN 'Siêu cấp' … ELSE 'Nhỏ' END AS tier …"
 */
import { TIER_LABEL } from '../catalog/tier.js';
import { label, type Lang } from '../labels.js';
import { TIER_DEFAULT_SHARES } from '../methods/tier.js';
import { ceilShareSql, tableName, type Dialect } from './dialect.js';

export interface TierSqlOptions {
  /** The input table (default `customers`). */
  readonly table?: string;
  /** Cumulative count shares ending Top, Large and Medium, strictly ascending. */
  readonly shares?: readonly [number, number, number];
  readonly lang?: Lang;
}

export function tierSql(d: Dialect, options: TierSqlOptions = {}): string {
  const table = tableName(options.table ?? 'customers');
  const shares = options.shares ?? TIER_DEFAULT_SHARES;
  if (
    shares.length !== 3 ||
    shares.some((s, i) => !(s >= 0 && s <= 1) || (i > 0 && !(s > (shares[i - 1] as number))))
  ) {
    throw new Error('SQL: tier shares must be 3 strictly ascending numbers from 0 to 1');
  }
  const lang = options.lang ?? 'en';
  const text = (key: keyof typeof TIER_LABEL): string => d.text(label(TIER_LABEL[key], lang));
  const [top, large, medium] = shares.map((s) => ceilShareSql(d, s, 'n.n')) as [string, string, string];
  return `WITH sk_values AS (SELECT line, customer, CAST(value AS ${d.double}) AS value FROM ${table}),
sk_ranked AS (SELECT line, RANK() OVER (ORDER BY value DESC) AS rnk FROM sk_values WHERE value > 0),
sk_n AS (SELECT CAST(COUNT(*) AS ${d.double}) AS n FROM sk_ranked),
sk_k AS (SELECT ${top} AS top_k, ${large} AS large_k, ${medium} AS medium_k FROM sk_n n)
SELECT v.line, v.customer, v.value,
       CASE WHEN v.value IS NULL THEN NULL
            WHEN NOT (v.value > 0) THEN ${text('Inactive')}
            WHEN r.rnk <= k.top_k THEN ${text('Top')}
            WHEN r.rnk <= k.large_k THEN ${text('Large')}
            WHEN r.rnk <= k.medium_k THEN ${text('Medium')}
            ELSE ${text('Small')} END AS tier
FROM sk_values v LEFT JOIN sk_ranked r ON r.line = v.line CROSS JOIN sk_k k
ORDER BY v.line`;
}
