/**
 * One *Open an order file* run, from the picked file to its outcome, without React: open the database (DuckDB-Wasm
 * in the panel), read the file (pipeline.ts), then either hand the customer table to the host for a new sheet or,
 * when the sheet cannot take it, make the CSV to download. Cancel (the signal) stops it at once; the database is
 * closed whatever happens.
 *
 * The database is closed before the host writes (its memory is given back first); `maxRows` is the hosts' limit, so a
 * table too big for the sheet is known before anything is written.
 *
 * Cost: the pipeline's, plus the host's write (O(customers)).
 *
 * @example
 *   const outcome = await runOrderFile({ host, file, lang, signal, openDb: (f, s) => openWasmDb(f, base, s), onStatus });
 */
import type { Lang } from '../../core/labels.js';
import type { CustomerSheetResult, PanelHost } from '../host.js';
import { csvFileName, customerCsv, customerTable, fitsOnSheet, SHEET_MAX_ROWS } from './customer-table.js';
import {
  OrderFileError,
  readOrderFile,
  type OrderFileDb,
  type OrderFileKind,
  type OrderFileProgress,
  type OrderFileSummary,
} from './pipeline.js';

/** What the panel shows while a run goes on. */
export type OrderFileStatus =
  | { readonly kind: 'loading' }
  | { readonly kind: 'progress'; readonly progress: OrderFileProgress }
  | { readonly kind: 'writing'; readonly fraction: number };

export type OrderFileOutcome =
  | {
      readonly kind: 'written';
      readonly summary: OrderFileSummary;
      readonly result: Extract<CustomerSheetResult, { kind: 'written' }>;
    }
  /** More rows than a sheet takes: the table as a CSV file instead. */
  | {
      readonly kind: 'csv';
      readonly summary: OrderFileSummary;
      readonly csv: Blob;
      readonly name: string;
      readonly rows: number;
      readonly max: number;
    }
  /** The host takes fewer rows than `maxRows` said (nothing was written). */
  | { readonly kind: 'tooBig'; readonly rows: number; readonly max: number }
  | { readonly kind: 'cancelled' };

export interface OpenedDb {
  readonly db: OrderFileDb;
  readonly source: string;
  close(): void;
}

export interface RunOrderFileDeps {
  readonly host: Pick<PanelHost, 'writeCustomerSheet'>;
  /** The picked file (its name tells CSV from Parquet, its size the progress). */
  readonly file: { readonly name: string; readonly size: number };
  readonly lang: Lang;
  readonly signal: AbortSignal;
  readonly openDb: () => Promise<OpenedDb>;
  readonly onStatus: (status: OrderFileStatus) => void;
  /** The most rows a sheet takes, header included (Excel's and the playground's by default). */
  readonly maxRows?: number;
}

export function fileKind(name: string): OrderFileKind {
  return /\.parquet$/i.test(name) ? 'parquet' : 'csv';
}

/** Runs it; throws OrderFileError (or the host's error) when the file or the write fails. */
export async function runOrderFile(deps: RunOrderFileDeps): Promise<OrderFileOutcome> {
  const { host, file, lang, signal, onStatus } = deps;
  const maxRows = deps.maxRows ?? SHEET_MAX_ROWS;
  if (!host.writeCustomerSheet) throw new Error('this host writes no customer sheet');
  onStatus({ kind: 'loading' });
  let opened: OpenedDb | undefined;
  try {
    opened = await deps.openDb();
    const { db } = opened;
    const summary = await readOrderFile(db, {
      source: opened.source,
      kind: fileKind(file.name),
      lang,
      bytes: file.size,
      onProgress: (progress) => onStatus({ kind: 'progress', progress }),
      isCancelled: () => signal.aborted,
    });
    const tableProgress = (rows: number): void => {
      if (signal.aborted) throw new OrderFileError('cancelled');
      onStatus({
        kind: 'progress',
        progress: { phase: 'table', lines: rows, fraction: Math.min(1, rows / Math.max(1, summary.customers)) },
      });
    };
    if (!fitsOnSheet(summary, maxRows)) {
      const csv = await customerCsv(db, summary, tableProgress);
      return { kind: 'csv', summary, csv, name: csvFileName(lang), rows: summary.sheetRows, max: maxRows };
    }
    const table = await customerTable(db, summary, tableProgress);
    opened.close();
    opened = undefined;
    onStatus({ kind: 'writing', fraction: 0 });
    const result = await host.writeCustomerSheet(
      { table },
      (p) => onStatus({ kind: 'writing', fraction: p.fraction }),
      signal,
    );
    if (result.kind !== 'written') return result;
    return { kind: 'written', summary, result };
  } catch (error) {
    if (error instanceof OrderFileError && error.code === 'cancelled') return { kind: 'cancelled' };
    if (signal.aborted) return { kind: 'cancelled' };
    throw error;
  } finally {
    opened?.close();
  }
}
