/**
 * Timing for benchmarks. A ratio is never two medians taken apart: `paired` runs ours and the baseline
 * alternately (ours, baseline, ours, baseline …), takes the ratio of each pair, and reports the median ratio with
 * the smallest and largest, so a burst of load from another process lands on both sides of a pair.
 */
import { performance } from 'node:perf_hooks';
import { seededRandom } from '../core/numeric/random.js';

/** One timed run, in milliseconds; async when the baseline runs elsewhere (DuckDB, a Python process). */
export type Timer = () => number | Promise<number>;

/** A timer around a synchronous function. */
export function timed(fn: () => unknown): Timer {
  return () => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  };
}

/** A timer around an asynchronous function (awaited inside the timed part). */
export function timedAsync(fn: () => Promise<unknown>): Timer {
  return async () => {
    const start = performance.now();
    await fn();
    return performance.now() - start;
  };
}

export interface Paired {
  /** Median of our runs and of the baseline's runs (shown; the ratio is not their quotient). */
  readonly oursMs: number;
  readonly baselineMs: number;
  /** Median, smallest and largest of the per-pair ratios ours / baseline. */
  readonly ratio: number;
  readonly minRatio: number;
  readonly maxRatio: number;
  readonly pairs: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Per-pair samples (already measured, ours first in each pair) summed up as a Paired. */
export function pairedFrom(ours: readonly number[], baseline: readonly number[]): Paired {
  if (ours.length === 0 || ours.length !== baseline.length) throw new Error('paired runs need equal, non-zero counts');
  const ratios = ours.map((t, i) => t / (baseline[i] as number));
  return {
    oursMs: median(ours),
    baselineMs: median(baseline),
    ratio: median(ratios),
    minRatio: Math.min(...ratios),
    maxRatio: Math.max(...ratios),
    pairs: ratios.length,
  };
}

/** `warmup` unmeasured pairs, then `pairs` measured ones, alternating ours and the baseline. */
export async function paired(ours: Timer, baseline: Timer, { warmup = 1, pairs = 7 } = {}): Promise<Paired> {
  for (let i = 0; i < warmup; i++) {
    await ours();
    await baseline();
  }
  const oursMs: number[] = [];
  const baselineMs: number[] = [];
  for (let i = 0; i < pairs; i++) {
    oursMs.push(await ours());
    baselineMs.push(await baseline());
  }
  return pairedFrom(oursMs, baselineMs);
}

export interface Timing {
  readonly medianMs: number;
  readonly runs: number;
}

/** The median of several runs of one side alone, for lines that have no baseline. */
export function time(fn: () => unknown, { warmup = 2, runs = 5 } = {}): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const run = timed(fn);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(run() as number);
  return { medianMs: median(samples), runs };
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
