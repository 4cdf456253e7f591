/**
 * The browser playground (`npm start`, `npm run build:playground`): root playground/, output dist/playground.
 * Everything the page needs is bundled, the sample orders included; the page fetches nothing from the network.
 */
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * DuckDB-Wasm's single-threaded ("eh") wasm and worker, copied into dist/playground/duckdb/ so *Open an order file*
 * loads them from the page's own origin (panel/order-file/duckdb-wasm.ts), never from a CDN.
 */
const DUCKDB_WASM_FILES = ['duckdb-eh.wasm', 'duckdb-browser-eh.worker.js'];

function duckdbWasmFiles(): Plugin {
  return {
    name: 'segmentkit-duckdb-wasm',
    apply: 'build',
    generateBundle() {
      for (const file of DUCKDB_WASM_FILES) {
        this.emitFile({
          type: 'asset',
          fileName: `duckdb/${file}`,
          source: readFileSync(here(`./node_modules/@duckdb/duckdb-wasm/dist/${file}`)),
        });
      }
    },
  };
}

export default defineConfig(({ command }) => ({
  root: here('./playground'),
  base: './',
  publicDir: here('./playground/public'),
  plugins: [react(), duckdbWasmFiles()],
  // The workbook's Web Worker (playground/engine/worker.ts) is an ES module, so ExcelJS can load in it on demand.
  worker: { format: 'es' },
  logLevel: 'warn',
  build: {
    outDir: here('./dist/playground'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // HyperFormula, Fluent UI and ExcelJS are large; the page loads them from localhost only.
    chunkSizeWarningLimit: 4096,
    modulePreload: { polyfill: false },
  },
  // React's production build: with Vite's JavaScript API, NODE_ENV may be unset (postcss then sets it to
  // "development") or "test" (under vitest), and React would be bundled in development mode.
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  server: { fs: { allow: [here('.')] } },
}));
