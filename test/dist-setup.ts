/**
 * Global setup of the `artifacts` and `scale` projects (vitest.config.ts): the one build their tests read, made before
 * any test runs and only when dist/ is missing or older than its sources (the staleness checks of
 * test/hosts/sheets-vm.ts, test/hosts/excel-vm.ts and scripts/serve-playground.ts). `npm test` builds first, so there
 * it finds dist/ fresh and builds nothing. The tests themselves never build: they fail when a file is missing.
 */
import { existsSync, statSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildCli, CLI_DIST } from '../cli/build.js';
import { buildPlayground } from '../scripts/build-playground.js';
import { playgroundIsStale } from '../scripts/serve-playground.js';
import { ensureAddinBuilt } from './hosts/excel-vm.js';
import { ensureCodeJs, newestMtime } from './hosts/sheets-vm.js';

/** dist/cli is missing or older than the command line or the core it bundles. */
function cliIsStale(): boolean {
  if (!existsSync(CLI_DIST)) return true;
  const built = statSync(CLI_DIST).mtimeMs;
  return ['../cli', '../core'].some((dir) => newestMtime(new URL(dir, import.meta.url).pathname) > built);
}

export default async function setup(project: TestProject): Promise<void> {
  const start = performance.now();
  // dist/apps-script: Code.js, Sidebar.html, appsscript.json (esbuild). The scale project reads only Code.js.
  await ensureCodeJs();
  if (project.name === 'scale') return;
  // dist/addin: functions.js, functions.json, taskpane.*, manifest.xml, icons (webpack).
  await ensureAddinBuilt();
  // dist/cli/segmentkit.js (esbuild): the command line's own tests run it as npx does.
  if (cliIsStale()) await buildCli();
  // dist/playground (vite): the GPL check looks for HyperFormula in it.
  if (playgroundIsStale()) await buildPlayground();
  const seconds = (performance.now() - start) / 1000;
  if (seconds > 1) console.log(`dist/ built for the ${project.name} project in ${seconds.toFixed(1)} s`);
}
