/**
 * `npm run bench`: every benchmark line in one run, as ratios against baselines measured in the same run (the
 * median of paired, alternating runs), printed as one table with the machine's load average and written to
 * bench/results.json. Run `npm run build` first (bundle sizes, Code.js for the Sheets panel line). Several minutes
 * on two cores, most of it the tutorial recipes in HyperFormula and the 4,000,000-line scaling point.
 *
 * `npm run bench -- --only rfm` (or `--only abc,scaling`) runs some sections alone and writes their table to the
 * system's temp folder instead, so bench/results.json always holds a whole run.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { abcLines } from './abc.js';
import { abcShippedLines } from './abc-shipped.js';
import { bundledCore, type Core } from './bundled-core.js';
import { clvLines } from './clv.js';
import { bundleLines } from './bundles.js';
import { cliLines } from './cli.js';
import { excelIoLines, sheetsIoLines } from './panel-io.js';
import { playgroundLines } from './playground.js';
import { recipeLines } from './recipes.js';
import { machineLoad, report, type BenchLine } from './report.js';
import { rfmTableLines } from './rfm.js';
import { scalingLines } from './scaling.js';

const SECTIONS: Record<string, (core: Core) => BenchLine[] | Promise<BenchLine[]>> = {
  abc: abcLines,
  shipped: () => abcShippedLines(),
  rfm: (core) => rfmTableLines(core),
  clv: (core) => clvLines(core),
  recipes: () => recipeLines(),
  scaling: (core) => scalingLines(core),
  panel: async () => [...(await excelIoLines()), ...(await sheetsIoLines())],
  bundles: () => bundleLines(new URL('../', import.meta.url)),
  playground: () => playgroundLines(),
  cli: () => cliLines(),
};

function chosenSections(argv: readonly string[]): string[] {
  const at = argv.indexOf('--only');
  if (at < 0) return Object.keys(SECTIONS);
  const names = (argv[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((name) => !(name in SECTIONS));
  if (names.length === 0 || unknown.length)
    throw new Error(`--only takes sections among ${Object.keys(SECTIONS).join(', ')} (got "${argv[at + 1] ?? ''}")`);
  return names;
}

const sections = chosenSections(process.argv.slice(2));
const whole = sections.length === Object.keys(SECTIONS).length;
const started = performance.now();
const load = machineLoad();
const core = await bundledCore();
const lines: BenchLine[] = [];
for (const name of sections) lines.push(...(await SECTIONS[name]!(core)));
const path = whole
  ? new URL('./results.json', import.meta.url).pathname
  : join(tmpdir(), `segmentkit-bench-${sections.join('-')}.json`);
report(lines, path, load);
console.log(`\nbench took ${((performance.now() - started) / 1000).toFixed(0)} s; results in ${path}`);
