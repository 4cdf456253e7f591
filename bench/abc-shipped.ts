/**
 * ABC_CLASS on 1,048,576 values through what ships: the built `dist/addin/functions.js` loaded in a fresh V8 context
 * as Excel's runtime loads it (test/hosts/excel-vm.ts), called through the id it associated with the arguments Excel
 * passes (every parameter, omitted ones as `null`, then the invocation with the range's address). Each call gets a
 * fresh 1,048,576×1 array of one-cell rows made inside that context, as Excel marshals a range for every call; the
 * copy is made outside the timed part. Beside it, the bundled core's `invoke` (the in-process path) on its own copy.
 *
 * Each pair of runs times the call and a Float64Array sort of the same values (a fresh copy, made outside the timed
 * part), alternating which goes first; a ratio is the median of the per-pair ratios, with their min and max and the
 * machine's load average. Run alone: `npx tsx bench/abc-shipped.ts [pairs] [path/to/functions.js]` (build the add-in
 * first: `npx webpack --mode production`); `abcShippedLines` gives the same figures as bench lines.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { FUNCTIONS_JS_PATH, loadFunctionsJs } from '../test/hosts/excel-vm.js';
import { bundledCore, type Core } from './bundled-core.js';
import { pairedFrom, revenues } from './measure.js';
import type { BenchLine } from './report.js';

export const ROWS = 1_048_576;

/** The per-pair ratios of one call against the sort: median, min and max, and the median times. */
export interface PairedRatio {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly figureMs: number;
  readonly sortMs: number;
  readonly pairs: number;
  /** Every pair's times, in order: the call's and the sort's. */
  readonly callSamples: readonly number[];
  readonly sortSamples: readonly number[];
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * `pairs` paired runs after `warmup` unpaired ones: `prepare()` makes the call's input outside the timed part,
 * `call(input)` is timed, and so is the sort of a fresh Float64Array copy of `values`; the order alternates.
 */
export function pairedAgainstSort<I>(
  values: readonly number[],
  prepare: () => I,
  call: (input: I) => unknown,
  { pairs = 11, warmup = 2 } = {},
): PairedRatio {
  const timeCall = (): number => {
    const input = prepare();
    const start = performance.now();
    call(input);
    return performance.now() - start;
  };
  const timeSort = (): number => {
    const copy = Float64Array.from(values);
    const start = performance.now();
    copy.sort();
    return performance.now() - start;
  };
  for (let i = 0; i < warmup; i++) {
    timeCall();
    timeSort();
  }
  const ratios: number[] = [];
  const calls: number[] = [];
  const sorts: number[] = [];
  for (let i = 0; i < pairs; i++) {
    let callMs: number;
    let sortMs: number;
    if (i % 2 === 0) {
      callMs = timeCall();
      sortMs = timeSort();
    } else {
      sortMs = timeSort();
      callMs = timeCall();
    }
    calls.push(callMs);
    sorts.push(sortMs);
    ratios.push(callMs / sortMs);
  }
  return {
    median: median(ratios),
    min: Math.min(...ratios),
    max: Math.max(...ratios),
    figureMs: median(calls),
    sortMs: median(sorts),
    pairs,
    callSamples: calls,
    sortSamples: sorts,
  };
}

/** A 1-row Excel invocation for a formula in B1 over A1:A{rows}, with the addresses functions.json asks for. */
function invocation(rows: number): { address: string; parameterAddresses: (string | null)[] } {
  return { address: 'Sheet1!B1', parameterAddresses: [`Sheet1!$A$1:$A$${rows}`, null, null, null, null] };
}

/** The shipped call: functions.js in its own context, a fresh range copy per call made in that context. */
export function shippedAbc(values: readonly number[], functionsJs = FUNCTIONS_JS_PATH, pairs = 11): PairedRatio {
  const loaded = loadFunctionsJs({ source: readFileSync(functionsJs, 'utf8') });
  const abc = loaded.associated.get('ABC_CLASS');
  if (!abc) throw new Error(`${functionsJs} associated no ABC_CLASS`);
  // Excel hands a range as rows of cells, new arrays of the function's own realm on every call.
  const copyRange = vm.runInContext(
    '(source) => { const rows = new Array(source.length); for (let i = 0; i < source.length; i++) rows[i] = [source[i]]; return rows; }',
    loaded.context,
  ) as (source: Float64Array) => unknown[][];
  const source = Float64Array.from(values);
  const where = invocation(values.length);
  const checked = abc(copyRange(source), null, null, null, null, where);
  checkAnswer(checked, values.length);
  return pairedAgainstSort(
    values,
    () => copyRange(source),
    (range) => abc(range, null, null, null, null, where),
    { pairs },
  );
}

/** The in-process core, as bench/abc.ts calls it: `invoke` on a host-shaped column (fresh per call). */
export function coreAbc(core: Core, values: readonly number[], pairs = 11): PairedRatio {
  const copyRange = (): number[][] => values.map((v) => [v]);
  const checked = core.invoke('ABC_CLASS', [copyRange()]);
  if (!checked.ok) throw new Error(`ABC_CLASS failed: ${checked.error.message}`);
  checkAnswer(checked.grid, values.length);
  return pairedAgainstSort(values, copyRange, (range) => core.invoke('ABC_CLASS', [range]), { pairs });
}

/** Fails the bench when the answer is not one class per value. */
function checkAnswer(answer: unknown, rows: number): void {
  if (!Array.isArray(answer) || answer.length !== rows) throw new Error('ABC_CLASS did not answer one row per value');
  const counts = new Map<unknown, number>();
  for (const row of answer as unknown[][]) counts.set(row[0], (counts.get(row[0]) ?? 0) + 1);
  for (const key of counts.keys()) {
    if (key !== 'A' && key !== 'B' && key !== 'C') throw new Error(`unexpected ABC answer ${String(key)}`);
  }
}

const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

function describe(label: string, r: PairedRatio): string {
  return (
    `${label}: ${r.figureMs.toFixed(0)} ms vs sort ${r.sortMs.toFixed(0)} ms; ratio median ${r.median.toFixed(2)}× ` +
    `(min ${r.min.toFixed(2)}, max ${r.max.toFixed(2)}, ${r.pairs} pairs)`
  );
}

/**
 * Both figures as bench lines for bench/run.ts. A line's figure is its median ratio times the median sort, so the
 * table's ratio is the median of the paired ratios (not a ratio of two medians).
 */
export async function abcShippedLines(pairs = 11): Promise<BenchLine[]> {
  const values = revenues(ROWS);
  const shipped = shippedAbc(values, FUNCTIONS_JS_PATH, pairs);
  const inCore = coreAbc(await bundledCore(), values, pairs);
  const line = (name: string, r: PairedRatio): BenchLine => ({
    name,
    figureMs: r.median * r.sortMs,
    baselineName: 'Float64Array sort of the same values',
    baselineMs: r.sortMs,
    paired: pairedFrom(r.callSamples, r.sortSamples),
    target: { atMost: 1.5 },
    note: `median of ${r.pairs} paired runs (ratios ${r.min.toFixed(2)}–${r.max.toFixed(2)}); load average ${load()}`,
  });
  return [
    line('ABC_CLASS, 1,048,576 values through the built functions.js (an Excel range copy per call)', shipped),
    line('ABC_CLASS, 1,048,576 values through the core (invoke)', inCore),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pairs = Number(process.argv[2] ?? 11);
  const functionsJs = process.argv[3] ?? FUNCTIONS_JS_PATH;
  const values = revenues(ROWS);
  console.log(`load average before: ${load()}`);
  console.log(describe(`shipped (${functionsJs})`, shippedAbc(values, functionsJs, pairs)));
  console.log(`load average: ${load()}`);
  console.log(describe('core (bundled invoke)', coreAbc(await bundledCore(), values, pairs)));
  console.log(`load average after: ${load()}`);
}
