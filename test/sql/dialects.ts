/**
 * The dialects the tests run, each with the database that runs it: DuckDB, PostgreSQL, and BigQuery's structure
 * with DuckDB's names (core/sql/dialect.ts bigQueryStructure) run in DuckDB. BigQuery's own names are checked by a
 * BigQuery parser (test/sql-bigquery.test.ts); the rest of BigQuery is on paper (README).
 */
import { bigQueryStructure, DIALECTS, type Dialect } from '../../core/sql/index.js';
import { afterAll, beforeAll } from 'vitest';
import { openDuckDb, postgresDatabase, type Database } from './databases.js';
import { startPostgres, type PostgresServer } from './pg-server.js';

export const BIGQUERY_ON_DUCKDB: Dialect = bigQueryStructure({
  ...DIALECTS.duckdb,
  windowPercentile: (expr, p) => `quantile_cont(${expr}, ${p}) OVER ()`,
});

export interface Runner {
  readonly title: string;
  readonly dialect: Dialect;
  readonly db: Database;
}

export function runners(duck: Database, postgres: Database): Runner[] {
  return [
    { title: 'DuckDB', dialect: DIALECTS.duckdb, db: duck },
    { title: 'PostgreSQL', dialect: DIALECTS.postgres, db: postgres },
    { title: 'BigQuery structure in DuckDB', dialect: BIGQUERY_ON_DUCKDB, db: duck },
  ];
}

/**
 * The runners of every dialect for a test file: DuckDB in this process and a throwaway PostgreSQL server
 * (pg-server.ts), opened before the file's tests (then `prepare`, e.g. loading a table into each database) and closed
 * after. The array is filled by the file's beforeAll.
 */
export function runnersForFile(prepare?: (databases: readonly Database[]) => Promise<void>): Runner[] {
  const all: Runner[] = [];
  let server: PostgresServer | undefined;
  const databases = (): Database[] => [...new Set(all.map((r) => r.db))];
  beforeAll(async () => {
    const duck = await openDuckDb();
    server = startPostgres();
    all.push(...runners(duck, postgresDatabase(await server.connect())));
    await prepare?.(databases());
  });
  afterAll(async () => {
    for (const db of databases()) await db.close();
    server?.stop();
  });
  return all;
}
