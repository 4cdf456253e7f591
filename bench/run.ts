/** `npm run bench`: every benchmark line in one run, as ratios against baselines measured in the same run. */
import { abcLines } from './abc.js';
import { report, type BenchLine } from './report.js';

const lines: BenchLine[] = [...abcLines()];
report(lines, new URL('./results.json', import.meta.url).pathname);
