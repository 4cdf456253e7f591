/**
 * Builds the command line into dist/cli/segmentkit.js: cli/segmentkit.ts and the core it imports bundled by
 * esbuild for Node (ES module, a `#!/usr/bin/env node` line so npm can link it as the `segmentkit` bin). DuckDB's
 * native packages and ExcelJS stay outside the bundle: they are dependencies the package installs.
 * `npm run build` runs it (scripts/build.ts); `npx tsx cli/build.ts` alone.
 */
import { chmodSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const CLI_ENTRY = fileURLToPath(new URL('./segmentkit.ts', import.meta.url));
export const CLI_DIST = fileURLToPath(new URL('../dist/cli/segmentkit.js', import.meta.url));

export async function buildCli(): Promise<void> {
  const start = performance.now();
  await build({
    entryPoints: [CLI_ENTRY],
    outfile: CLI_DIST,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['@duckdb/*', 'exceljs'],
    banner: { js: '#!/usr/bin/env node' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  chmodSync(CLI_DIST, 0o755);
  console.log(`command line built into dist/cli in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildCli();
}
