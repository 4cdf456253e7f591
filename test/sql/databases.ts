/**
 * The two databases the SQL tests run the generated queries in, behind one interface: an in-process DuckDB
 * (@duckdb/node-api) and a client of the throwaway PostgreSQL server (pg-server.ts). Tables are loaded from columns;
 * answers come back as rows of plain values (numbers, texts, ISO dates, null).
 */
import { DuckDBInstance, dateValue, DuckDBDateValue, type DuckDBAppender } from '@duckdb/node-api';
import type pg from 'pg';

export type Cell = number | string | null;
export type ColumnType = 'BIGINT' | 'TEXT' | 'DATE' | 'DOUBLE';
export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  /** DATE as ISO text. */
  readonly values: readonly Cell[];
}
export interface Table {
  readonly name: string;
  readonly columns: readonly Column[];
}
export type Row = Record<string, Cell>;

export interface Database {
  readonly name: string;
  load(table: Table): Promise<void>;
  query(sql: string): Promise<Row[]>;
  close(): Promise<void>;
}

const DAY_MS = 86_400_000;

function appendCell(appender: DuckDBAppender, type: ColumnType, value: Cell): void {
  if (value === null) appender.appendNull();
  else if (type === 'BIGINT') appender.appendBigInt(BigInt(value));
  else if (type === 'TEXT') appender.appendVarchar(String(value));
  else if (type === 'DOUBLE') appender.appendDouble(Number(value));
  else appender.appendDate(dateValue(Date.parse(`${String(value)}T00:00:00Z`) / DAY_MS));
}

function plain(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (value instanceof DuckDBDateValue) return value.toString();
  throw new Error(`unexpected value from the database: ${String(value)}`);
}

export async function openDuckDb(): Promise<Database> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return {
    name: 'DuckDB',
    async load(table) {
      await connection.run(`DROP TABLE IF EXISTS ${table.name}`);
      await connection.run(
        `CREATE TABLE ${table.name} (${table.columns.map((c) => `${c.name} ${c.type === 'TEXT' ? 'VARCHAR' : c.type}`).join(', ')})`,
      );
      const appender = await connection.createAppender(table.name);
      const n = table.columns[0]?.values.length ?? 0;
      for (let i = 0; i < n; i++) {
        for (const column of table.columns) appendCell(appender, column.type, column.values[i] as Cell);
        appender.endRow();
      }
      appender.closeSync();
    },
    async query(sql) {
      const reader = await connection.runAndReadAll(sql);
      const names = reader.columnNames();
      return reader.getRows().map((values) => Object.fromEntries(names.map((name, j) => [name, plain(values[j])])));
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

const PG_TYPES: Record<ColumnType, string> = {
  BIGINT: 'BIGINT',
  TEXT: 'TEXT',
  DATE: 'DATE',
  DOUBLE: 'DOUBLE PRECISION',
};
const CHUNK = 50_000;

export function postgresDatabase(client: pg.Client): Database {
  return {
    name: 'PostgreSQL',
    async load(table) {
      await client.query(`DROP TABLE IF EXISTS ${table.name}`);
      await client.query(
        `CREATE TABLE ${table.name} (${table.columns.map((c) => `${c.name} ${PG_TYPES[c.type]}`).join(', ')})`,
      );
      const n = table.columns[0]?.values.length ?? 0;
      const arrays = table.columns.map((c, j) => `$${j + 1}::${PG_TYPES[c.type]}[]`).join(', ');
      for (let start = 0; start < n; start += CHUNK) {
        await client.query(
          `INSERT INTO ${table.name} SELECT * FROM unnest(${arrays})`,
          table.columns.map((c) => c.values.slice(start, start + CHUNK)),
        );
      }
      await client.query(`ANALYZE ${table.name}`);
    },
    async query(sql) {
      const result = await client.query(sql);
      return result.rows.map((row: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])),
      );
    },
    async close() {
      await client.end();
    },
  };
}
