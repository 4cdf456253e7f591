/**
 * Order lines read chunk by chunk by the core's own rules: the command line's name for core/engine/order-lines-stream.ts,
 * where the reader lives so the panel's *Open an order file* (DuckDB-Wasm in the browser) reads files the same way.
 *
 * @example
 *   const settled = await settleColumns(source.scan(0, [1, 2]), 1);
 *   const reader = new LineReader(columns, settled, {});
 */
export {
  amountColumns,
  LineReader,
  readAmount,
  scannedColumns,
  settleColumns,
  type LineColumns,
  type LineRows,
  type LinesRead,
  type ReadOptions,
  type Settled,
} from '../core/engine/order-lines-stream.js';
