/** ABC_CLASS on a million values against a bare typed-array sort, and row-by-row against spill (paired runs). */
import { performance } from 'node:perf_hooks';
import { paired, revenues, timed, type Timer } from './measure.js';
import type { Core } from './bundled-core.js';
import type { BenchLine } from './report.js';

/** @param core the bundled core (bundledCore()), as the hosts run it */
export async function abcLines({ invoke }: Core): Promise<BenchLine[]> {
  const n = 1_048_576;
  const values = revenues(n);
  const column = values.map((v) => [v]);
  const big = await paired(
    timed(() => invoke('ABC_CLASS', [column])),
    timed(() => Float64Array.from(values).sort()),
    { warmup: 2, pairs: 9 },
  );

  const rows = 10_000;
  const population = revenues(rows, 2).map((v) => [v]);
  const spill = timed(() => invoke('ABC_CLASS', [population]));
  const rowByRow = await paired(
    timed(() => {
      for (let i = 0; i < rows; i++) invoke('ABC_CLASS', [population[i], population]);
    }),
    spill,
    { warmup: 10, pairs: 31 },
  );
  const copies = await paired(withFreshCopies(invoke, population, rows), spill, { warmup: 0, pairs: 3 });
  return [
    {
      name: 'ABC_CLASS, 1,048,576 values (a host column)',
      figureMs: big.oursMs,
      baselineName: 'Float64Array sort of the same values',
      baselineMs: big.baselineMs,
      paired: big,
      target: { atMost: 1.5 },
    },
    {
      name: 'ABC_CLASS row by row (=ABC_CLASS(C2, C$2:C$10001) × 10,000), same range object',
      figureMs: rowByRow.oursMs,
      baselineName: 'one spilled =ABC_CLASS(C2:C10001)',
      baselineMs: rowByRow.baselineMs,
      paired: rowByRow,
      target: { atMost: 3 },
    },
    {
      name: 'ABC_CLASS row by row, a fresh copy of the range per call (as Excel marshals it)',
      figureMs: copies.oursMs,
      baselineName: 'one spilled =ABC_CLASS(C2:C10001)',
      baselineMs: copies.baselineMs,
      paired: copies,
      note: 'copies are made outside the timed part; each call compares its copy cell by cell with the cached population (O(n), no parsing, no sort), so this grows as N·n: prefer the spilled form in Excel',
    },
  ];
}

/** N row-by-row calls, each handed a new copy of the population (copies made outside the timed part). */
function withFreshCopies(invoke: Core['invoke'], population: number[][], rows: number): Timer {
  return () => {
    const batch = 250;
    let total = 0;
    for (let start = 0; start < rows; start += batch) {
      const copies = Array.from({ length: batch }, () => population.map((r) => [r[0] as number]));
      const begin = performance.now();
      for (let j = 0; j < batch; j++) invoke('ABC_CLASS', [population[start + j], copies[j]]);
      total += performance.now() - begin;
    }
    return total;
  };
}
