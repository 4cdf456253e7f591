/**
 * RFM (recency, frequency, monetary) scoring and segment rules. Order lines are grouped into customers by
 * methods/orders.ts.
 *
 * Scores: each measure gets a digit 1..bins; the score is the number 100·R + 10·F + M (e.g. 545).
 * - Quantile mode: cut points at the 1/bins … (bins−1)/bins quantiles of the population, as Excel's
 *   PERCENTILE.INC (R type 7). Bins are right-closed: F = 1 + number of cut points strictly below the value;
 *   recency is reversed: R = bins − number of cut points strictly below the day count (a day count on a cut point
 *   gets the higher R).
 * - Threshold mode: given ascending lower bounds per measure; F = 1 + number of bounds ≤ value,
 *   R = bins − number of bounds ≤ days (so `{115,181,297,482}` gives R = 5 below 115 days).
 * Every comparison with a cut point or bound goes through core/tolerance.ts (relative tolerance 1e-9).
 *
 * Cost: one sort per measure, O(n log n); then each row is compared with at most 8 cut points, O(n·bins).
 *
 * @see https://en.wikipedia.org/wiki/RFM_(market_research)
 * @see https://en.wikipedia.org/wiki/Quantile#Estimating_quantiles_from_a_sample (R-7 = PERCENTILE.INC)
 * @example
 *   const cuts = quantileCutPoints(Float64Array.of(1, 2, 3, 4, 5), 5); // → [1.8, 2.6, 3.4, 4.2]
 *   rfmScore(10, 5, 300, { mode: 'quantile', bins: 5, r: cuts, f: cuts, m: cuts }) // → 155
 */
import type { LabelKey } from '../labels.js';
import { atMost, clearlyBelow } from '../tolerance.js';
import { quantileSorted, sortedCopy } from './quantile.js';

export const MIN_BINS = 2;
export const MAX_BINS = 9;
export const DEFAULT_BINS = 5;

export type RfmMode = 'quantile' | 'threshold';

/** Cut points (quantile mode) or lower bounds (threshold mode) of each measure, bins − 1 each, ascending. */
export interface RfmCuts {
  readonly mode: RfmMode;
  readonly bins: number;
  /** Recency, in days. */
  readonly r: Float64Array;
  readonly f: Float64Array;
  readonly m: Float64Array;
}

/** The 1/bins … (bins−1)/bins PERCENTILE.INC quantiles of the values (any order; not modified). O(n log n). */
export function quantileCutPoints(values: ArrayLike<number>, bins: number): Float64Array {
  const sorted = sortedCopy(values);
  const cuts = new Float64Array(bins - 1);
  for (let k = 1; k < bins; k++) cuts[k - 1] = quantileSorted(sorted, k / bins);
  return cuts;
}

/** Quantile-mode cuts from the population's day counts, order counts and revenues. */
export function quantileCuts(
  days: ArrayLike<number>,
  orders: ArrayLike<number>,
  revenue: ArrayLike<number>,
  bins: number,
): RfmCuts {
  return {
    mode: 'quantile',
    bins,
    r: quantileCutPoints(days, bins),
    f: quantileCutPoints(orders, bins),
    m: quantileCutPoints(revenue, bins),
  };
}

/** How many cut points count against the value: strictly below it (quantile), or ≤ it (threshold). */
function passed(cuts: Float64Array, value: number, mode: RfmMode): number {
  let count = 0;
  if (mode === 'quantile') {
    for (let k = 0; k < cuts.length; k++) if (clearlyBelow(cuts[k] as number, value)) count++;
  } else {
    for (let k = 0; k < cuts.length; k++) if (atMost(cuts[k] as number, value)) count++;
  }
  return count;
}

export function recencyScore(days: number, cuts: RfmCuts): number {
  return cuts.bins - passed(cuts.r, days, cuts.mode);
}

export function frequencyScore(orders: number, cuts: RfmCuts): number {
  return 1 + passed(cuts.f, orders, cuts.mode);
}

export function monetaryScore(revenue: number, cuts: RfmCuts): number {
  return 1 + passed(cuts.m, revenue, cuts.mode);
}

/** The score of three digits: 100·R + 10·F + M. */
export function combineScore(r: number, f: number, m: number): number {
  return 100 * r + 10 * f + m;
}

/** The score of one customer against cuts. */
export function rfmScore(days: number, orders: number, revenue: number, cuts: RfmCuts): number {
  return combineScore(recencyScore(days, cuts), frequencyScore(orders, cuts), monetaryScore(revenue, cuts));
}

/** R, F and M of every member of a population, in its order. */
export interface RfmDigits {
  readonly r: Uint8Array;
  readonly f: Uint8Array;
  readonly m: Uint8Array;
}

/** Scores every member of a population (day counts, order counts, revenues of equal length) against cuts. */
export function rfmDigits(
  days: ArrayLike<number>,
  orders: ArrayLike<number>,
  revenue: ArrayLike<number>,
  cuts: RfmCuts,
): RfmDigits {
  const n = days.length;
  const r = new Uint8Array(n);
  const f = new Uint8Array(n);
  const m = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    r[i] = recencyScore(days[i] as number, cuts);
    f[i] = frequencyScore(orders[i] as number, cuts);
    m[i] = monetaryScore(revenue[i] as number, cuts);
  }
  return { r, f, m };
}

/** R, F and M of a score of three digits 1..9 (`545` → [5, 4, 5]), or undefined when it is not one. */
export function scoreDigits(score: number): [number, number, number] | undefined {
  if (!Number.isInteger(score) || score < 111 || score > 999) return undefined;
  const r = Math.floor(score / 100);
  const f = Math.floor(score / 10) % 10;
  const m = score % 10;
  return f === 0 || m === 0 ? undefined : [r, f, m];
}

/** Inclusive bounds of a segment rule: r_lo, r_hi, f_lo, f_hi, m_lo, m_hi. */
export type RuleBounds = readonly [number, number, number, number, number, number];

export interface SegmentRule<N = string> {
  readonly name: N;
  readonly bounds: RuleBounds;
}

/** The default segment rules, in order (the first match wins). */
export const DEFAULT_RULES: readonly SegmentRule<LabelKey>[] = [
  { name: 'rfmChampions', bounds: [5, 5, 5, 5, 5, 5] },
  { name: 'rfmPotentialLoyalist', bounds: [3, 5, 3, 5, 2, 5] },
  { name: 'rfmLoyalCustomers', bounds: [2, 4, 2, 4, 2, 4] },
  { name: 'rfmPromising', bounds: [3, 4, 1, 3, 3, 5] },
  { name: 'rfmNewCustomers', bounds: [4, 5, 1, 3, 1, 5] },
  { name: 'rfmCantLoseThem', bounds: [1, 2, 3, 4, 4, 5] },
  { name: 'rfmAtRisk', bounds: [1, 2, 2, 5, 4, 5] },
  { name: 'rfmNeedAttention', bounds: [1, 3, 3, 5, 3, 5] },
  { name: 'rfmAboutToSleep', bounds: [2, 3, 1, 3, 1, 4] },
  { name: 'rfmLost', bounds: [1, 1, 1, 5, 1, 5] },
];

function within(digit: number, lo: number, hi: number): boolean {
  return atMost(lo, digit) && atMost(digit, hi);
}

/** Index of the first rule whose bounds hold R, F and M (inclusive), or −1 (the caller's `Others`). O(rules). */
export function matchRule(r: number, f: number, m: number, rules: readonly { readonly bounds: RuleBounds }[]): number {
  for (let i = 0; i < rules.length; i++) {
    const b = (rules[i] as { readonly bounds: RuleBounds }).bounds;
    if (within(r, b[0], b[1]) && within(f, b[2], b[3]) && within(m, b[4], b[5])) return i;
  }
  return -1;
}
