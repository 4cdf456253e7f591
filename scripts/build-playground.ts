/**
 * Builds the browser playground into dist/playground with Vite (vite.config.ts). `npm run build:playground`, or
 * `import { buildPlayground } from './build-playground.js'` from the main build.
 * HyperFormula (GPL-3.0) is bundled here and only here: never into dist/addin or dist/apps-script.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

export const PLAYGROUND_CONFIG = fileURLToPath(new URL('../vite.config.ts', import.meta.url));
export const PLAYGROUND_DIST = fileURLToPath(new URL('../dist/playground', import.meta.url));

export async function buildPlayground(): Promise<void> {
  const start = performance.now();
  // React's JSX transform follows NODE_ENV: under vitest it is "test", and the development transform (jsxDEV)
  // would meet React's production build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: PLAYGROUND_CONFIG, logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  if (!existsSync(`${PLAYGROUND_DIST}/index.html`))
    throw new Error(`the playground build wrote no ${PLAYGROUND_DIST}/index.html`);
  console.log(`playground built into dist/playground in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildPlayground();
}
