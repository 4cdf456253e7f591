/**
 * `npx vitest run` runs the four projects below; `npx vitest run --project unit` (or playground, artifacts, scale) runs one.
 * - unit: the sources only (core, engine, panel, the hosts' adapters on the strict fakes): no build, no bundle, no
 *   formula engine, no performance-sized case, no tool run over the repository. About 15 s on an idle 2-core machine.
 * - playground: the playground on its formula engine (HyperFormula workbooks opened in the test process: the sample
 *   workbook, the function plugin, file import into a workbook, the panel host and its SheetIO contract).
 * - artifacts: the built files in dist/ (functions.js and Code.js in node:vm, the manifest and functions.json,
 *   licence notices, the Content-Security-Policy, HyperFormula kept out of the bundles) and package.json's list of
 *   dependencies (knip): `*.dist.test.ts`. Its global setup (test/dist-setup.ts) builds
 *   dist/ once, when it is missing or older than its sources; the tests never build and never skip.
 * - scale: the performance-sized cases (1,048,576 rows, 100,000 rows, a second webpack build for SEGMENTKIT_URL):
 *   `*.scale.test.ts`, each next to the file with the rest of its suite. Its global setup builds dist/apps-script
 *   when stale (one case runs in Code.js).
 * The browser tests have their own config (vitest.browser.config.ts).
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const DIST = 'test/**/*.dist.test.ts';
const SCALE = 'test/**/*.scale.test.ts';
const DIST_SETUP = 'test/dist-setup.ts';
/** The suites that open HyperFormula workbooks. */
const PLAYGROUND = [
  'test/playground-io.test.ts',
  'test/playground-panel-host.test.ts',
  'test/playground-plugin.test.ts',
  'test/playground-remote.test.ts',
  'test/playground-sample.test.ts',
  'test/playground-workbook.test.ts',
  'test/contract/playground.test.ts',
  'test/order-file.test.ts',
  'test/order-file-offer.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Vitest's default leaves a core to its main process: on 2 cores that is one worker, half the machine idle.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'node_modules/**', DIST, SCALE, ...PLAYGROUND],
          // The files share their workers' module cache instead of importing HyperFormula, ExcelJS and the core
          // again each (about a third of the run). No unit test touches a global; one that must, belongs elsewhere.
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'playground', include: PLAYGROUND, isolate: false },
      },
      {
        extends: true,
        test: { name: 'artifacts', include: [DIST], globalSetup: [DIST_SETUP] },
      },
      {
        extends: true,
        // A hang guard only (no test asserts on time): a loaded 2-core machine has run the 100,000-row Sheets case
        // past two minutes.
        test: { name: 'scale', include: [SCALE], globalSetup: [DIST_SETUP], testTimeout: 600_000 },
      },
    ],
  },
});
