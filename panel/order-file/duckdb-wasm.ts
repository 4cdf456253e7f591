/**
 * DuckDB-Wasm as the order-file pipeline's database (pipeline.ts OrderFileDb), loaded only when the user opens a
 * file: this module and the library are their own chunk, imported dynamically by OpenOrderFile.tsx (imported by
 * name here, so the bundlers drop the library's CDN helpers, which we never call), the wasm and its worker from this page's own origin, in the
 * folder `duckdb/` beside the page (copied there by the task pane's webpack build and the playground's Vite build;
 * never a CDN). The single-threaded "eh" build: no cross-origin isolation needed. The worker is started from its
 * URL (not a blob:), so the task pane's Content-Security-Policy, which allows no wasm in the page, does not apply
 * to the worker that compiles the wasm.
 *
 * The picked file is registered as a browser file handle: DuckDB reads it in its worker with FileReaderSync, piece
 * by piece; it is never read whole into a JavaScript string. Cancel terminates the worker: every call waiting on it
 * fails at once with OrderFileError `cancelled`.
 *
 * Cost: about 35 MB of wasm fetched (once per page; the browser caches it), 1.5–3 s to start; memory is DuckDB's
 * (the lines read, about 30 bytes each, and the query's hash tables) within wasm32's 4 GB.
 *
 * @example
 *   const opened = await openWasmDb(file, new URL('duckdb/', document.baseURI), signal);
 *   try { await readOrderFile(opened.db, { source: opened.source, kind: 'csv', lang }); } finally { opened.close(); }
 */
import { AsyncDuckDB, DuckDBDataProtocol, VoidLogger } from '@duckdb/duckdb-wasm';
import { OrderFileError, type Cell, type OrderFileDb } from './pipeline.js';

/** The files the builds copy into `duckdb/` beside the page (webpack.config.js, vite.config.ts). */
export const DUCKDB_WASM_FILES = {
  module: 'duckdb-eh.wasm',
  worker: 'duckdb-browser-eh.worker.js',
} as const;

/** The part of an Arrow vector read here. */
interface ArrowVector {
  readonly length: number;
  readonly nullCount: number;
  toArray(): ArrayLike<unknown>;
  [Symbol.iterator](): Iterator<unknown>;
}
interface ArrowBatch {
  readonly numCols: number;
  readonly numRows: number;
  getChildAt(k: number): ArrowVector | null;
}

function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}

/** An Arrow column as cells: null where the column is null (a number array alone would show 0 there). */
export function vectorCells(vector: ArrowVector | null, rows: number): Cell[] {
  if (!vector) return new Array<Cell>(rows).fill(null);
  const values = vector.nullCount === 0 ? vector.toArray() : Array.from(vector as Iterable<unknown>);
  const cells = new Array<Cell>(values.length);
  for (let i = 0; i < values.length; i++) cells[i] = cellOf(values[i]);
  return cells;
}

function batchColumns(batch: ArrowBatch): Cell[][] {
  return Array.from({ length: batch.numCols }, (_, k) => vectorCells(batch.getChildAt(k), batch.numRows));
}

export interface OpenedWasmDb {
  readonly db: OrderFileDb;
  /** The picked file's name in DuckDB's SQL. */
  readonly source: string;
  /** Ends the worker (and with it everything DuckDB holds). */
  close(): void;
}

/** The reason a load failed, in one line. */
function why(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? text).slice(0, 200);
}

/**
 * Starts DuckDB-Wasm from `base` (a folder URL of this origin) and registers `file`. Throws OrderFileError `noWasm`
 * without WebAssembly, `wasmFailed` when the library, the worker or the wasm cannot be loaded, `cancelled` when the
 * signal is aborted meanwhile.
 */
/** What the page offers for running DuckDB-Wasm (the globals by default; the tests hand their own). */
export interface WasmEnv {
  readonly WebAssembly: unknown;
  readonly Worker: (new (url: string) => Worker) | undefined;
}

const PAGE_ENV = (): WasmEnv => ({
  WebAssembly: typeof WebAssembly === 'undefined' ? undefined : WebAssembly,
  Worker: typeof Worker === 'undefined' ? undefined : Worker,
});

export async function openWasmDb(
  file: File,
  base: URL,
  signal: AbortSignal,
  env: WasmEnv = PAGE_ENV(),
): Promise<OpenedWasmDb> {
  if (env.WebAssembly === undefined || env.Worker === undefined) throw new OrderFileError('noWasm');
  const WorkerClass = env.Worker;
  let worker: Worker | undefined;
  const stopped = new Promise<never>((_, reject) => {
    const stop = (): void => {
      worker?.terminate();
      reject(new OrderFileError('cancelled'));
    };
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
  stopped.catch(() => undefined);
  const race = <T>(work: Promise<T>): Promise<T> => Promise.race([work, stopped]);

  let db: AsyncDuckDB;
  try {
    worker = new WorkerClass(new URL(DUCKDB_WASM_FILES.worker, base).href);
    if (signal.aborted) worker.terminate();
    db = new AsyncDuckDB(new VoidLogger(), worker);
    await race(db.instantiate(new URL(DUCKDB_WASM_FILES.module, base).href));
  } catch (error) {
    worker?.terminate();
    if (error instanceof OrderFileError) throw error;
    throw new OrderFileError('wasmFailed', { why: why(error) });
  }
  const source = `orders${/\.parquet$/i.test(file.name) ? '.parquet' : '.csv'}`;
  await race(db.registerFileHandle(source, file, DuckDBDataProtocol.BROWSER_FILEREADER, true));
  const connection = await race(db.connect());
  // Streams have their own connection: a statement run on the connection a result streams from would end it.
  const streaming = await race(db.connect());

  const orderFileDb: OrderFileDb = {
    async run(sql) {
      await race(connection.query(sql));
    },
    async rows(sql) {
      const table = await race(connection.query(sql));
      const columns = table.batches.flatMap((batch) => {
        const cols = batchColumns(batch as unknown as ArrowBatch);
        return cols.length === 0 ? [] : [cols];
      });
      const out: Cell[][] = [];
      for (const cols of columns) {
        const n = cols[0]?.length ?? 0;
        for (let i = 0; i < n; i++) out.push(cols.map((c) => c[i] ?? null));
      }
      return out;
    },
    async *chunks(sql) {
      // Streamed: the worker sends the answer batch by batch as it is asked for.
      const reader = await race(streaming.send(sql, true));
      for (;;) {
        const next = await race(reader.next());
        if (next.done) return;
        const batch = next.value as unknown as ArrowBatch;
        if (batch.numRows > 0) yield batchColumns(batch);
      }
    },
    async putText(name, text) {
      await race(db.registerFileText(name, text));
      return `'${name}'`;
    },
    async dropText(name) {
      await race(db.dropFile(name));
    },
  };
  return {
    db: orderFileDb,
    source,
    close() {
      worker?.terminate();
    },
  };
}
