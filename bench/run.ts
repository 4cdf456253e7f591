/** `npm run bench`: every benchmark line in one run, as ratios against baselines measured in the same run. */
import { abcLines } from './abc.js';
import { bundledCore } from './bundled-core.js';
import { bundleLines } from './bundles.js';
import { playgroundLines } from './playground.js';
import { report, type BenchLine } from './report.js';

const core = await bundledCore();
const lines: BenchLine[] = [...abcLines(core), ...bundleLines(new URL('../', import.meta.url)), ...playgroundLines()];
report(lines, new URL('./results.json', import.meta.url).pathname);
