/**
 * Pareto figures. `paretoLeaders`: the items (products, customers) that together make a share of the total,
 * after summing repeated items; `paretoRatio`: how many times more the top share of customers (by count)
 * buys on average than the rest ("the top 20% buy 16× more").
 *
 * Cost: O(n) to sum n lines by item, O(g log g) to sort g items; O(n log n) for the ratio (one sort).
 *
 * @see https://en.wikipedia.org/wiki/Pareto_principle
 * @example paretoLeaders(['a', 'b', 'c', 'd'], Float64Array.of(50, 30, 15, 5), 0.8)
 *   // → [{ item: 'a', value: 50, cumulativeShare: 0.5 }, { item: 'b', value: 30, cumulativeShare: 0.8 }]
 * @example paretoRatio(Float64Array.of(100, 10, 10, 10, 10), 0.2) // → { kind: 'ratio', value: 10, top: 1 }
 */
import { ceilShare, atLeast, atMost } from '../tolerance.js';
import { runningSums, stableSum } from '../numeric/sum.js';
import { compareText } from './summary.js';

export interface Leader {
  readonly item: string;
  readonly value: number;
  readonly cumulativeShare: number;
}

/**
 * The smallest leading set of items (by summed value, descending; ties by name) whose cumulative share of the
 * positive total reaches `share` (with the shared tolerance); a block of equal values at the boundary goes in
 * whole, so the answer does not depend on the order of the lines. Items whose sum is 0 or below (returns,
 * credit notes) add nothing to the total and are never leaders. No positive item: no leaders.
 */
export function paretoLeaders(items: readonly string[], sums: ArrayLike<number>, share: number): Leader[] {
  const order: number[] = [];
  for (let i = 0; i < items.length; i++) if ((sums[i] as number) > 0) order.push(i);
  order.sort(
    (a, b) => (sums[b] as number) - (sums[a] as number) || compareText(items[a] as string, items[b] as string),
  );
  const sorted = Float64Array.from(order, (i) => sums[i] as number);
  const cumulative = runningSums(sorted);
  const total = cumulative[cumulative.length - 1] as number;
  const leaders: Leader[] = [];
  if (order.length === 0 || atLeast(0, share)) return leaders;
  let end = 0;
  while (end < order.length && !atLeast((cumulative[end] as number) / total, share)) end++;
  end = Math.min(end + 1, order.length);
  const boundary = sorted[end - 1] as number;
  while (end < order.length && atLeast(sorted[end] as number, boundary)) end++;
  for (let j = 0; j < end; j++) {
    const item = items[order[j] as number] as string;
    leaders.push({ item, value: sorted[j] as number, cumulativeShare: (cumulative[j] as number) / total });
  }
  return leaders;
}

export type ParetoRatio =
  | { readonly kind: 'ratio'; readonly value: number; readonly top: number }
  /** Fewer than two values: there is no top and rest to compare. */
  | { readonly kind: 'tooFew'; readonly count: number }
  /** ceil(top_share·n) takes every value: the rest is empty. */
  | { readonly kind: 'emptyRest'; readonly top: number; readonly count: number }
  /** The rest's average is 0 or below (within the tolerance): the ratio is undefined. */
  | { readonly kind: 'restNotPositive'; readonly average: number };

/**
 * Average of the top ceil(topShare·n) values divided by the average of the rest, over every value given
 * (zeros and negatives included, as AVERAGE would). Ties at the boundary do not matter: equal values give
 * equal sums whichever copy is counted in the top.
 */
export function paretoRatio(values: ArrayLike<number>, topShare: number): ParetoRatio {
  const n = values.length;
  if (n < 2) return { kind: 'tooFew', count: n };
  const top = Math.max(1, ceilShare(topShare, n));
  if (top >= n) return { kind: 'emptyRest', top, count: n };
  const sorted = Float64Array.from(values).sort();
  const rest = sorted.subarray(0, n - top);
  const restSum = stableSum(rest);
  let restAbs = 0;
  for (let i = 0; i < rest.length; i++) restAbs += Math.abs(rest[i] as number);
  // 0 or below, where "0" allows the rounding of a sum of opposite values: restSum ≤ 1e-9 · Σ|rest|
  if (atMost(restAbs + restSum, restAbs)) return { kind: 'restNotPositive', average: restSum / rest.length };
  const topSum = stableSum(sorted.subarray(n - top));
  return { kind: 'ratio', value: topSum / top / (restSum / rest.length), top };
}
