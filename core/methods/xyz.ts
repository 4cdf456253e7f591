/**
 * XYZ classification: how steady a customer's (or product's) demand is over periods, by the coefficient of
 * variation CV = sample standard deviation (Excel's `STDEV.S`, n − 1 in the denominator) / mean.
 * `X` if CV ≤ cuts[0], `Y` if CV ≤ cuts[1], else `Z`; a row whose mean is 0 or below is `Z` (no steady demand).
 *
 * The standard deviation is computed in two passes (mean first, then squared deviations from it), which stays
 * accurate for large values with a small spread, where the one-pass Σx² − (Σx)²/n formula cancels.
 * Cost: O(p) per row of p periods, O(n·p) for an n×p matrix.
 *
 * @see https://en.wikipedia.org/wiki/Coefficient_of_variation
 * @example xyzClass(coefficientOfVariation(Float64Array.of(2, 4, 4, 4, 5, 5, 7, 9)), [0.5, 1])
 *   // CV = √(32/7) / 5 ≈ 0.4276 → 'X'
 */
import { atMost } from '../tolerance.js';

export type XyzClass = 'X' | 'Y' | 'Z';

/** The CV cut-offs ending X and Y when none are given. */
export const XYZ_DEFAULT_CUTS: readonly [number, number] = [0.5, 1];

/** Mean of the values (at least one). */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return sum / values.length;
}

/** Sample standard deviation (STDEV.S) of two or more values; NaN for fewer. */
export function sampleStdev(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - m;
    squares += d * d;
  }
  return Math.sqrt(squares / (n - 1));
}

/**
 * STDEV.S / AVERAGE of two or more values; Infinity when the mean is 0 or below, so such a row is always `Z`.
 */
export function coefficientOfVariation(values: ArrayLike<number>): number {
  const m = mean(values);
  if (!(m > 0)) return Infinity;
  return sampleStdev(values) / m;
}

/** The class of a coefficient of variation, with the shared tolerance on both cuts. */
export function xyzClass(cv: number, cuts: readonly [number, number]): XyzClass {
  if (!Number.isFinite(cv)) return 'Z'; // mean ≤ 0 (the tolerance of an infinite CV would be infinite)
  if (atMost(cv, cuts[0])) return 'X';
  if (atMost(cv, cuts[1])) return 'Y';
  return 'Z';
}
