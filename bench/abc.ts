/** ABC_CLASS on a million values against a bare typed-array sort, and row-by-row against spill. */
import { performance } from 'node:perf_hooks';
import { revenues, time } from './measure.js';
import type { Core } from './bundled-core.js';
import type { BenchLine } from './report.js';

/** @param core the bundled core (bundledCore()), as the hosts run it */
export function abcLines({ invoke }: Core): BenchLine[] {
  const n = 1_048_576;
  const values = revenues(n);
  const column = values.map((v) => [v]);
  const sort = time(() => Float64Array.from(values).sort());
  const abc = time(() => invoke('ABC_CLASS', [column]));

  const rows = 10_000;
  const population = revenues(rows, 2).map((v) => [v]);
  const spill = time(() => invoke('ABC_CLASS', [population]), { warmup: 10, runs: 31 });
  const rowByRow = time(
    () => {
      for (let i = 0; i < rows; i++) invoke('ABC_CLASS', [population[i], population]);
    },
    { warmup: 10, runs: 31 },
  );
  const rowByRowCopies = timeWithFreshCopies(invoke, population, rows);
  return [
    {
      name: 'ABC_CLASS, 1,048,576 values (a host column)',
      figureMs: abc.medianMs,
      baselineName: 'Float64Array sort of the same values',
      baselineMs: sort.medianMs,
      target: { atMost: 1.5 },
    },
    {
      name: 'ABC_CLASS row by row (=ABC_CLASS(C2, C$2:C$10001) × 10,000), same range object',
      figureMs: rowByRow.medianMs,
      baselineName: 'one spilled =ABC_CLASS(C2:C10001)',
      baselineMs: spill.medianMs,
      target: { atMost: 3 },
    },
    {
      name: 'ABC_CLASS row by row, a fresh copy of the range per call (as Excel marshals it)',
      figureMs: rowByRowCopies.medianMs,
      baselineName: 'one spilled =ABC_CLASS(C2:C10001)',
      baselineMs: spill.medianMs,
      note: 'copies are made outside the timed part; each call compares its copy cell by cell with the cached population (O(n), no parsing, no sort), so this grows as N·n: prefer the spilled form in Excel',
    },
  ];
}

/** N row-by-row calls, each handed a new copy of the population (copies made outside the timed part). */
function timeWithFreshCopies(invoke: Core['invoke'], population: number[][], rows: number): { medianMs: number } {
  const batch = 250;
  let total = 0;
  for (let start = 0; start < rows; start += batch) {
    const copies = Array.from({ length: batch }, () => population.map((r) => [r[0] as number]));
    const begin = performance.now();
    for (let j = 0; j < batch; j++) invoke('ABC_CLASS', [population[start + j], copies[j]]);
    total += performance.now() - begin;
  }
  return { medianMs: total };
}
