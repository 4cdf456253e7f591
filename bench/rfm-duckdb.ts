/**
 * RFM_TABLE's definition as one DuckDB query (through @duckdb/node-api, the engine in-process), for the bench's
 * baseline. The query is the one core/sql generates from the catalog's constants (sqlFor('RFM_TABLE', 'duckdb')):
 * each line one order, a line ≤ 0 not a purchase but netted off revenue, customers without a purchase listed
 * unscored; quantile_cont is PERCENTILE.INC (R type 7); "clearly below" is by more than 1e-9 relative, as
 * core/tolerance.ts. The order lines are appended into table `orders` once (not timed); a timed run is the query
 * and fetching the columns the agreement compares (customer, recency, orders, revenue, R, F, M) into JavaScript.
 */
import { DuckDBInstance, dateValue, type DuckDBConnection } from '@duckdb/node-api';
import { serialToIso } from '../core/dates.js';
import { sqlFor } from '../core/sql/index.js';
import { rowsFromColumns, type RfmRow } from './rfm-agreement.js';
import type { OrderLines } from './rfm.js';

/** Excel's serial of 1970-01-01 (DuckDB counts DATE days from it). */
const EPOCH_SERIAL = 25_569;

export function rfmQuery(asOfSerial: number, bins: number): string {
  const table = sqlFor('RFM_TABLE', 'duckdb', { asOf: serialToIso(asOfSerial), bins });
  return `SELECT customer, recency_days, orders, revenue, r, f, m FROM (${table}) rfm`;
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

/** An in-memory DuckDB holding the order lines in table `orders` (core/sql/rfm-table.ts's input contract). */
export async function duckDbRfm(lines: OrderLines, asOfSerial: number, bins = 5): Promise<DuckDbRfm> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const defaultThreads = Number(await scalar(connection, "SELECT current_setting('threads')"));
  const version = String(await scalar(connection, 'SELECT version()'));
  await connection.run(
    'CREATE TABLE orders (line BIGINT, customer VARCHAR, order_id VARCHAR, order_date DATE, revenue DOUBLE)',
  );
  const appender = await connection.createAppender('orders');
  for (let i = 0; i < lines.customers.length; i++) {
    appender.appendBigInt(BigInt(i));
    appender.appendVarchar(lines.customers[i]![0] as string);
    appender.appendNull();
    appender.appendDate(dateValue((lines.dates[i]![0] as number) - EPOCH_SERIAL));
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
