/**
 * RFM_TABLE's definition as one DuckDB query (through @duckdb/node-api, the engine in-process), for the bench's
 * baseline. The order lines are appended into a table once (not timed); a timed run is the query and fetching its
 * columns into JavaScript. Same rules as the pandas recipe (rfm-pandas.py): each line one order, a line ≤ 0 not a
 * purchase but netted off revenue, customers without a purchase listed unscored; quantile_cont is PERCENTILE.INC
 * (R type 7); "clearly below" is by more than 1e-9 relative, as core/tolerance.ts.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { rowsFromColumns, type RfmRow } from './rfm-agreement.js';
import type { OrderLines } from './rfm.js';

const TOLERANCE = 1e-9;

/** Count of the bins − 1 cut points in list `cuts` clearly below `value` (SQL). */
function passed(cuts: string, value: string, bins: number): string {
  return Array.from(
    { length: bins - 1 },
    (_, k) =>
      `(${value} > ${cuts}[${k + 1}] + ${TOLERANCE} * greatest(abs(${value}), abs(${cuts}[${k + 1}])))::INTEGER`,
  ).join(' + ');
}

export function rfmQuery(asOfSerial: number, bins: number): string {
  const probs = Array.from({ length: bins - 1 }, (_, k) => (k + 1) / bins).join(', ');
  return `
WITH customers AS (
  SELECT customer, min(line) AS first_line,
         max(date) FILTER (WHERE revenue > 0) AS last_purchase,
         count(*) FILTER (WHERE revenue > 0)::INTEGER AS orders,
         sum(revenue) AS revenue
  FROM orders GROUP BY customer),
measures AS (
  SELECT *, CASE WHEN orders > 0 THEN ${asOfSerial} - last_purchase END AS recency FROM customers),
cuts AS (
  SELECT quantile_cont(recency, [${probs}]) FILTER (WHERE orders > 0) AS rc,
         quantile_cont(orders, [${probs}]) FILTER (WHERE orders > 0) AS fc,
         quantile_cont(revenue, [${probs}]) FILTER (WHERE orders > 0) AS mc
  FROM measures)
SELECT customer, recency, orders, revenue,
       CASE WHEN orders > 0 THEN ${bins} - (${passed('rc', 'recency', bins)}) END AS r,
       CASE WHEN orders > 0 THEN 1 + (${passed('fc', 'orders', bins)}) END AS f,
       CASE WHEN orders > 0 THEN 1 + (${passed('mc', 'revenue', bins)}) END AS m
FROM measures, cuts
ORDER BY first_line`;
}

export interface DuckDbRfm {
  readonly version: string;
  /** The instance's default thread count (before any SET threads). */
  readonly defaultThreads: number;
  setThreads(threads: number): Promise<void>;
  /** One computation: the query and its columns fetched into JavaScript. */
  run(): Promise<unknown[][]>;
  rows(columns: unknown[][]): RfmRow[];
  close(): void;
}

async function scalar(connection: DuckDBConnection, sql: string): Promise<unknown> {
  return (await connection.runAndReadAll(sql)).getRowsJS()[0]?.[0];
}

/** An in-memory DuckDB holding the order lines in table `orders` (line, customer, date, revenue). */
export async function duckDbRfm(lines: OrderLines, asOfSerial: number, bins = 5): Promise<DuckDbRfm> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const defaultThreads = Number(await scalar(connection, "SELECT current_setting('threads')"));
  const version = String(await scalar(connection, 'SELECT version()'));
  await connection.run('CREATE TABLE orders (line INTEGER, customer VARCHAR, date INTEGER, revenue DOUBLE)');
  const appender = await connection.createAppender('orders');
  for (let i = 0; i < lines.customers.length; i++) {
    appender.appendInteger(i);
    appender.appendVarchar(lines.customers[i]![0] as string);
    appender.appendInteger(lines.dates[i]![0] as number);
    appender.appendDouble(lines.revenues[i]![0] as number);
    appender.endRow();
  }
  appender.closeSync();
  const sql = rfmQuery(asOfSerial, bins);
  return {
    version,
    defaultThreads,
    async setThreads(threads) {
      await connection.run(`SET threads = ${threads}`);
    },
    async run() {
      return (await connection.runAndReadAll(sql)).getColumnsJS();
    },
    rows(columns) {
      const [customer = [], recencyDays = [], orders = [], revenue = [], r = [], f = [], m = []] = columns;
      return rowsFromColumns({ customer, recencyDays, orders, revenue, r, f, m });
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
