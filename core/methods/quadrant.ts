/**
 * One two-axis engine for every quadrant method (BCG customer matrix, segment prioritisation): each pair (x, y)
 * is high or low on each axis against a cut, where high means ≥ cut (with the shared relative tolerance).
 * The default cut of an axis is the median (PERCENTILE.INC 0.5) of its usable values, so a spilled formula
 * agrees with a row-by-row formula that passes `MEDIAN(...)` of the same column.
 *
 * Cost: O(n log n) for the default medians (one sort per axis), O(1) per pair after that.
 *
 * @see https://en.wikipedia.org/wiki/Growth%E2%80%93share_matrix
 * @example quadrantOf(120, 0.05, { x: 100, y: 0.1 }) // → 'highLow' (high sales, low growth: a Cash Cow)
 */
import { median } from './quantile.js';
import { atLeast } from '../tolerance.js';

/** x side first: `highLow` is high on x (sales, attractiveness) and low on y (growth, feasibility). */
export type Quadrant = 'highHigh' | 'lowHigh' | 'highLow' | 'lowLow';

export interface QuadrantCuts {
  readonly x: number;
  readonly y: number;
}

/** True when a value is on the high side of a cut: value ≥ cut, allowing the shared relative tolerance. */
export function isHigh(value: number, cut: number): boolean {
  return atLeast(value, cut);
}

export function quadrantOf(x: number, y: number, cuts: QuadrantCuts): Quadrant {
  const highX = isHigh(x, cuts.x);
  const highY = isHigh(y, cuts.y);
  if (highX) return highY ? 'highHigh' : 'highLow';
  return highY ? 'lowHigh' : 'lowLow';
}

/**
 * The median of the values whose flag is set (NaN when none is): the default cut of one axis.
 * `usable[i]` is 1 for a value that belongs to the axis's population.
 */
export function medianWhere(values: Float64Array, usable: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < usable.length; i++) if (usable[i] === 1) count++;
  if (count === values.length) return median(values);
  const picked = new Float64Array(count);
  count = 0;
  for (let i = 0; i < usable.length; i++) if (usable[i] === 1) picked[count++] = values[i] as number;
  return median(picked);
}
