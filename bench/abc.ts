/**
 * ABC_CLASS row by row against one spilled call (paired runs). The million-value line against a bare sort is in
 * abc-shipped.ts, through the built functions.js and through the core.
 */
import { performance } from 'node:perf_hooks';
import { paired, revenues, timed, type Timer } from './measure.js';
import type { Core } from './bundled-core.js';
import type { BenchLine } from './report.js';

/** @param core the bundled core (bundledCore()), as the hosts run it */
export async function abcLines({ invoke }: Core): Promise<BenchLine[]> {
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
