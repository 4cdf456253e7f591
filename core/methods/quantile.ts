/**
 * Quantiles as Excel's PERCENTILE.INC and R's `quantile(type = 7)` compute them: linear interpolation
 * between order statistics at h = (n − 1)·p. Cost: O(n log n) for the sort, O(1) per quantile after it.
 *
 * @see https://en.wikipedia.org/wiki/Quantile#Estimating_quantiles_from_a_sample
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5) // → 2.5
 */

/** A sorted copy (ascending) of the values. */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(values);
  sorted.sort();
  return sorted;
}

/** The p-quantile (0 ≤ p ≤ 1) of values already sorted ascending; NaN when there are none. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const low = sorted[lo] as number;
  if (lo + 1 >= n) return low;
  return low + (h - lo) * ((sorted[lo + 1] as number) - low);
}

/** The median (PERCENTILE.INC at 0.5) of unsorted values. */
export function median(values: ArrayLike<number>): number {
  return quantileSorted(sortedCopy(values), 0.5);
}
