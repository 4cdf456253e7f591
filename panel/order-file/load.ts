/**
 * What *Open an order file* loads when the user picks a file: the run (pipeline, customer table) and DuckDB-Wasm's
 * loader. The hosts that offer the action (the Excel task pane, the playground page) hand this module to the panel
 * as `PanelHost.loadOrderFile`, a dynamic import, so it is a chunk of their own builds loaded on first use, and the
 * Google Sheets sidebar, whose host has no such loader, never bundles it.
 *
 * Cost: nothing until imported; then the pipeline (about 12 KB) and DuckDB-Wasm's library (about 200 KB minified).
 *
 * @example
 *   const { runOrderFile, openWasmDb } = await host.loadOrderFile!();
 */
export { openWasmDb } from './duckdb-wasm.js';
export { runOrderFile } from './run-order-file.js';
