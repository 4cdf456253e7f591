/**
 * The pieces of SQL that differ between DuckDB, PostgreSQL and BigQuery, and the comparisons every generated query
 * shares (core/tolerance.ts's relative tolerance written as SQL). Everything else the generators write is plain SQL
 * that the three accept alike: CTEs, CASE, GROUP BY, window RANK and running SUM, LEFT JOIN … ON TRUE,
 * COUNT/SUM/MAX over CASE (no FILTER, which BigQuery lacks), no QUALIFY (PostgreSQL lacks it).
 *
 * What differs, and how each dialect writes it:
 * - quantiles (PERCENTILE.INC, R type 7): DuckDB `quantile_cont(x, [p…])` as an aggregate; PostgreSQL
 *   `percentile_cont(ARRAY[p…]) WITHIN GROUP (ORDER BY x)`, an ordered-set aggregate only; BigQuery
 *   `PERCENTILE_CONT(x, p) OVER ()`, an analytic function only (so one row is kept with LIMIT 1);
 * - whole days between two dates: `a - b` (DuckDB, PostgreSQL), `DATE_DIFF(a, b, DAY)` (BigQuery);
 * - type names (DOUBLE / DOUBLE PRECISION / FLOAT64, BIGINT / INT64), and numeric literals: PostgreSQL reads `1e-9`
 *   as NUMERIC, DuckDB reads `0.8` as DECIMAL, so every number is cast to the double the core computes with;
 * - string literals: `'Can''t'` (DuckDB, PostgreSQL), `'Can\'t'` (BigQuery);
 * - code-unit order of texts: PostgreSQL needs `COLLATE "C"` (its default collation is the locale's).
 *
 * @example
 *   atMostSql(DIALECTS.postgres, 'share', '0.8')
 *   // → "share <= CAST(0.8 AS DOUBLE PRECISION) + CAST(1e-9 AS DOUBLE PRECISION) * GREATEST(ABS(share), ABS(…))"
 */
import { RELATIVE_TOLERANCE } from '../tolerance.js';

export type DialectName = 'duckdb' | 'postgres' | 'bigquery';

export const DIALECT_NAMES: readonly DialectName[] = ['duckdb', 'postgres', 'bigquery'];

/** A measure of a population and the name its cut points get (`name_1` … `name_{k}`). */
interface QuantileMeasure {
  readonly name: string;
  readonly expr: string;
}

export interface Dialect {
  readonly name: DialectName;
  readonly double: string;
  readonly bigint: string;
  /** Whole days from `earlier` to `later` (both DATE). */
  dayDiff(later: string, earlier: string): string;
  /** A string literal. */
  text(value: string): string;
  /** An expression ordered by code unit (for ORDER BY). */
  codeUnitOrder(expr: string): string;
  /**
   * A SELECT over `source` giving one row (none in BigQuery when `source` is empty) with the columns
   * `${measure.name}_${k}` = the (k / bins)-th PERCENTILE.INC quantile of the measure, k = 1 … bins − 1.
   */
  quantiles(source: string, measures: readonly QuantileMeasure[], bins: number): string;
}

/** The probabilities k / bins, k = 1 … bins − 1, as SQL doubles divided in SQL (the same double as JS's k / bins). */
function probabilities(d: Dialect, bins: number): string[] {
  return Array.from({ length: bins - 1 }, (_, k) => `CAST(${k + 1} AS ${d.double}) / ${bins}`);
}

function cutColumns(measures: readonly QuantileMeasure[], bins: number, cell: (m: string, k: number) => string) {
  return measures.flatMap((m) =>
    Array.from({ length: bins - 1 }, (_, k) => `${cell(m.name, k + 1)} AS ${m.name}_${k + 1}`),
  );
}

const sqlQuote = (value: string): string => `'${value.replace(/'/g, "''")}'`;

const duckdb: Dialect = {
  name: 'duckdb',
  double: 'DOUBLE',
  bigint: 'BIGINT',
  dayDiff: (later, earlier) => `(${later} - ${earlier})`,
  text: sqlQuote,
  codeUnitOrder: (expr) => expr,
  quantiles(source, measures, bins) {
    const probs = `[${probabilities(duckdb, bins).join(', ')}]`;
    const lists = measures.map((m) => `quantile_cont(${m.expr}, ${probs}) AS ${m.name}`).join(', ');
    return `SELECT ${cutColumns(measures, bins, (m, k) => `q.${m}[${k}]`).join(', ')} FROM (SELECT ${lists} FROM ${source}) q`;
  },
};

const postgres: Dialect = {
  name: 'postgres',
  double: 'DOUBLE PRECISION',
  bigint: 'BIGINT',
  dayDiff: (later, earlier) => `(${later} - ${earlier})`,
  text: sqlQuote,
  codeUnitOrder: (expr) => `${expr} COLLATE "C"`,
  quantiles(source, measures, bins) {
    const probs = `ARRAY[${probabilities(postgres, bins).join(', ')}]`;
    const lists = measures
      .map((m) => `percentile_cont(${probs}) WITHIN GROUP (ORDER BY ${m.expr}) AS ${m.name}`)
      .join(', ');
    return `SELECT ${cutColumns(measures, bins, (m, k) => `q.${m}[${k}]`).join(', ')} FROM (SELECT ${lists} FROM ${source}) q`;
  },
};

/** The names a dialect gives types, day differences, strings and a windowed percentile. */
export interface DialectNames extends Pick<Dialect, 'double' | 'bigint' | 'dayDiff' | 'text'> {
  /** The p-quantile of `expr` over the whole table as a window function. */
  windowPercentile(expr: string, p: string): string;
}

/**
 * BigQuery's way of writing the queries (quantiles only as a window function over the whole table, one row kept
 * with LIMIT 1) with another dialect's names: the test suite runs this with DuckDB's names, so everything of the
 * BigQuery SQL except the names themselves is run; BigQuery's names are checked by a BigQuery parser.
 */
export function bigQueryStructure(names: DialectNames): Dialect {
  const d: Dialect = {
    name: 'bigquery',
    double: names.double,
    bigint: names.bigint,
    dayDiff: names.dayDiff,
    text: names.text,
    codeUnitOrder: (expr) => expr,
    quantiles(source, measures, bins) {
      const probs = probabilities(d, bins);
      const columns = measures.flatMap((m) =>
        probs.map((p, k) => `${names.windowPercentile(m.expr, p)} AS ${m.name}_${k + 1}`),
      );
      return `SELECT ${columns.join(', ')} FROM ${source} LIMIT 1`;
    },
  };
  return d;
}

const bigquery = bigQueryStructure({
  double: 'FLOAT64',
  bigint: 'INT64',
  dayDiff: (later, earlier) => `DATE_DIFF(${later}, ${earlier}, DAY)`,
  text: (value) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
  windowPercentile: (expr, p) => `PERCENTILE_CONT(${expr}, ${p}) OVER ()`,
});

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = { duckdb, postgres, bigquery };

/** A number as the double the core computes with (the literal cast, so no dialect reads it as NUMERIC or DECIMAL). */
export function num(d: Dialect, value: number): string {
  if (!Number.isFinite(value)) throw new Error(`SQL: ${value} is not a finite number`);
  return `CAST(${String(value)} AS ${d.double})`;
}

/** `a ≤ b` within the relative tolerance (core/tolerance.ts atMost): a ≤ b + 1e-9 · max(|a|, |b|). */
export function atMostSql(d: Dialect, a: string, b: string): string {
  return `(${a} <= ${b} + ${num(d, RELATIVE_TOLERANCE)} * GREATEST(ABS(${a}), ABS(${b})))`;
}

/** `a ≥ b` within the tolerance (atLeast). */
export function atLeastSql(d: Dialect, a: string, b: string): string {
  return atMostSql(d, b, a);
}

/** `a < b` by more than the tolerance (clearlyBelow). */
export function clearlyBelowSql(d: Dialect, a: string, b: string): string {
  return `(NOT ${atMostSql(d, b, a)})`;
}

/** 1 when the condition holds, else 0 (portable: no boolean-to-integer cast). */
export function oneIf(condition: string): string {
  return `CASE WHEN ${condition} THEN 1 ELSE 0 END`;
}

/** ceil(share · n), a product within the tolerance of a whole number counting as that number (ceilShare). */
export function ceilShareSql(d: Dialect, share: number, n: string): string {
  const p = `(${num(d, share)} * ${n})`;
  return `(CASE WHEN ${atMostSql(d, p, `ROUND(${p})`)} AND ${atLeastSql(d, p, `ROUND(${p})`)} THEN ROUND(${p}) ELSE CEIL(${p}) END)`;
}

/** A date literal from an ISO date (yyyy-mm-dd), checked. */
export function dateLiteral(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(Date.parse(`${iso}T00:00:00Z`))) {
    throw new Error(`SQL: as_of must be an ISO date (yyyy-mm-dd), not "${iso}"`);
  }
  return `DATE '${iso}'`;
}

/** A table name as given (letters, digits, underscores, dots for a schema or dataset), else an error. */
export function tableName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){0,2}$/.test(name)) {
    throw new Error(`SQL: table name "${name}" must be letters, digits and underscores (schema.table allowed)`);
  }
  return name;
}

/** A trimmed text identity, NULL when blank (core/cells.ts readText; SQL TRIM removes spaces only). */
export function identity(expr: string): string {
  return `NULLIF(TRIM(${expr}), '')`;
}
