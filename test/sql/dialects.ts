/**
 * The dialects the tests run, each with the database that runs it: DuckDB, PostgreSQL, and BigQuery's structure
 * with DuckDB's names (core/sql/dialect.ts bigQueryStructure) run in DuckDB. BigQuery's own names are checked by a
 * BigQuery parser (test/sql-bigquery.test.ts); the rest of BigQuery is on paper (README).
 */
import { bigQueryStructure, DIALECTS, type Dialect } from '../../core/sql/index.js';
import type { Database } from './databases.js';

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
