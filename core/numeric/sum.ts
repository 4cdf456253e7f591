/**
 * Compensated summation (Neumaier's improvement of Kahan's): the one accumulator behind every total that must not
 * depend on the order of its values (group sums, Pareto's running shares, order values). Each running sum is a slot
 * `k` of two parallel arrays: `sum[k]`, the plain sum, and `compensation[k]`, the rounding error it has lost so far;
 * its value is `sum[k] + compensation[k]`. Keeping the state in arrays lets hot loops add one value per call with
 * no closure or object per value, and many sums (one per group) share two arrays.
 *
 * No `Math.*` call: these run once per value, and a global looked up per call is slow in some script hosts
 * (Apps Script, node:vm). Cost: O(1) per value added.
 *
 * @see https://en.wikipedia.org/wiki/Kahan_summation_algorithm#Further_enhancements (Neumaier)
 * @example
 *   stableSum([1e16, 1, -1e16])                  // → 1 (a plain sum gives 0)
 *   runningSums(Float64Array.of(0.7, 0.2, 0.1))  // → [0.7, 0.8999999999999999, 1] (a plain sum ends at 0.99…9)
 */

/** Adds `value` to the running sum in slot `k`. */
export function addCompensated(sum: Float64Array, compensation: Float64Array, k: number, value: number): void {
  const s = sum[k] as number;
  const next = s + value;
  const sizeS = s < 0 ? -s : s;
  const sizeV = value < 0 ? -value : value;
  compensation[k] = (compensation[k] as number) + (sizeS >= sizeV ? s - next + value : value - next + s);
  sum[k] = next;
}

/** The compensated sum of values. O(n). */
export function stableSum(values: ArrayLike<number>): number {
  const sum = new Float64Array(1);
  const compensation = new Float64Array(1);
  for (let i = 0; i < values.length; i++) addCompensated(sum, compensation, 0, values[i] as number);
  return (sum[0] as number) + (compensation[0] as number);
}

/** The compensated sums of each prefix of values: the last one is the total, summed in the same order. O(n). */
export function runningSums(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  const sum = new Float64Array(1);
  const compensation = new Float64Array(1);
  for (let i = 0; i < values.length; i++) {
    addCompensated(sum, compensation, 0, values[i] as number);
    out[i] = (sum[0] as number) + (compensation[0] as number);
  }
  return out;
}
