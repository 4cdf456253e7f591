/**
 * The browser playground (`npm start`, `npm run build:playground`): root playground/, output dist/playground.
 * Everything the page needs is bundled, the sample orders included; the page fetches nothing from the network.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig(({ command }) => ({
  root: here('./playground'),
  base: './',
  publicDir: here('./playground/public'),
  plugins: [react()],
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
