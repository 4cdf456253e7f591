/** Timing for benchmarks: the median of several runs after warm-up; only ratios within one run are compared. */
import { performance } from 'node:perf_hooks';
import { seededRandom } from '../core/numeric/random.js';

export interface Timing {
  readonly medianMs: number;
  readonly runs: number;
}

export function time(fn: () => unknown, { warmup = 2, runs = 5 } = {}): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)] as number, runs };
}

/** Revenue-like values: a long-tailed (log-normal) distribution rounded to whole đồng. */
export function revenues(n: number, seed = 1): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const u = 1 - random();
    const v = random();
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return Math.round(Math.exp(15 + 1.2 * normal));
  });
}
