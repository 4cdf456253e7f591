/**
 * `npm run bench`: every benchmark line in one run, as ratios against baselines measured in the same run, printed
 * as one table and written to bench/results.json. Run `npm run build` first (bundle sizes, Code.js for the Sheets
 * panel line). About five minutes on two cores, most of it the tutorial recipes in HyperFormula.
 */
import { abcLines } from './abc.js';
import { bundledCore } from './bundled-core.js';
import { bundleLines } from './bundles.js';
import { excelIoLines, sheetsIoLines } from './panel-io.js';
import { playgroundLines } from './playground.js';
import { recipeLines } from './recipes.js';
import { report, type BenchLine } from './report.js';
import { rfmTableLine } from './rfm.js';
import { scalingLines } from './scaling.js';

const started = performance.now();
const core = await bundledCore();
const lines: BenchLine[] = [
  ...abcLines(core),
  rfmTableLine(core),
  ...recipeLines(),
  ...scalingLines(core),
  ...(await excelIoLines()),
  ...(await sheetsIoLines()),
  ...bundleLines(new URL('../', import.meta.url)),
  ...playgroundLines(),
];
report(lines, new URL('./results.json', import.meta.url).pathname);
console.log(`\nbench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
