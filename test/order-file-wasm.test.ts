/**
 * *Open an order file* where DuckDB-Wasm cannot run (panel/order-file/duckdb-wasm.ts): without WebAssembly (Office
 * builds without it) or when its worker or wasm cannot be loaded, the run fails with a message in English and in
 * Vietnamese that says so and points to the command line, and nothing else of the panel is involved. Arrow columns
 * with nulls read as blanks, not as zeros.
 */
import { describe, expect, it } from 'vitest';
import { openWasmDb, vectorCells, type WasmEnv } from '../panel/order-file/duckdb-wasm.js';
import { failureText } from '../panel/order-file/OpenOrderFile.js';
import { OrderFileError } from '../panel/order-file/pipeline.js';

const file = new File(['Customer,Order date,Revenue\nAnn,2026-01-02,10\n'], 'orders.csv', { type: 'text/csv' });
const base = new URL('http://localhost/duckdb/');

/** A page with WebAssembly, and the given Worker (none by default). */
const page = (worker?: unknown): WasmEnv => ({ WebAssembly: {}, Worker: worker as WasmEnv['Worker'] });

async function failure(env: WasmEnv): Promise<OrderFileError> {
  const error = await openWasmDb(file, base, new AbortController().signal, env).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OrderFileError);
  return error as OrderFileError;
}

describe('Open an order file without DuckDB-Wasm', () => {
  it('no WebAssembly: a clear message in both languages, naming the command line', async () => {
    const error = await failure({ WebAssembly: undefined, Worker: page(class {}).Worker });
    expect(error.code).toBe('noWasm');
    expect(failureText(error, 'en')).toMatch(
      /needs WebAssembly.*Everything else in the panel still works.*segmentkit rfm/,
    );
    expect(failureText(error, 'vi')).toMatch(/cần WebAssembly.*vẫn dùng được.*segmentkit rfm/);
  });

  it('a worker that cannot be started (the file missing, a policy refusing it): said in both languages, the browser’s English reason in English only', async () => {
    class RefusedWorker {
      constructor(url: string) {
        throw new Error(`Failed to construct 'Worker': ${url} refused`);
      }
    }
    const error = await failure(page(RefusedWorker));
    expect(error.code).toBe('wasmFailed');
    expect(failureText(error, 'en')).toContain('could not be loaded from this add-in');
    expect(failureText(error, 'en')).toContain('http://localhost/duckdb/duckdb-browser-eh.worker.js refused');
    expect(failureText(error, 'vi')).toContain('Không tải được bộ đọc tệp');
    // the browser's English reason stays out of the Vietnamese text
    expect(failureText(error, 'vi')).not.toContain('refused');
  });

  it('a file DuckDB cannot read: its English reason in English; in Vietnamese, what to check instead', () => {
    const error = new OrderFileError('unreadable', { why: 'Invalid Input Error: Error when sniffing file' });
    expect(failureText(error, 'en')).toBe(
      'The file could not be read as a table: Invalid Input Error: Error when sniffing file',
    );
    expect(failureText(error, 'vi')).toMatch(
      /^Không đọc được tệp dưới dạng bảng: hãy kiểm tra .*CSV.*Parquet.*UTF-8\.$/,
    );
    expect(failureText(error, 'vi')).not.toContain('Error');
  });

  it('cancelled before it starts: cancelled, no worker left', async () => {
    const made: string[] = [];
    class IdleWorker {
      constructor(url: string) {
        made.push(url);
      }
      terminate(): void {
        made.push('terminated');
      }
      addEventListener(): void {}
      removeEventListener(): void {}
      postMessage(): void {}
    }
    const controller = new AbortController();
    controller.abort();
    const error = await openWasmDb(file, base, controller.signal, page(IdleWorker)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as OrderFileError).code).toBe('cancelled');
    expect(made.at(-1)).toBe('terminated');
  });
});

describe('Arrow columns as cells', () => {
  it('a number column with nulls gives blanks where the nulls are; text stays text; bigints become numbers', () => {
    const withNulls = {
      length: 3,
      nullCount: 1,
      toArray: () => new Float64Array([1.5, 0, 3]),
      *[Symbol.iterator]() {
        yield 1.5;
        yield null;
        yield 3;
      },
    };
    expect(vectorCells(withNulls, 3)).toEqual([1.5, null, 3]);
    const text = { length: 2, nullCount: 0, toArray: () => ['a', 'b'], *[Symbol.iterator]() {} };
    expect(vectorCells(text, 2)).toEqual(['a', 'b']);
    const big = { length: 1, nullCount: 0, toArray: () => [12n], *[Symbol.iterator]() {} };
    expect(vectorCells(big, 1)).toEqual([12]);
    expect(vectorCells(null, 2)).toEqual([null, null]);
  });
});
