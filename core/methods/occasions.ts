/**
 * Purchase occasions: what the lifetime-value models (./bgnbd.ts, ./gamma-gamma.ts) count. A customer's purchases
 * (orders of value above 0, as ./orders.ts forms and flags them) on the same calendar day are one occasion, whose
 * value is their sum; returns and cancellations (orders of value 0 or below) are no occasion. Per customer this gives
 * the number of occasions, the first and the last occasion's day, and the summed value of the occasions after the
 * first: with x = occasions − 1 these are the BG/NBD's x, t_x = last − first and T = as_of − first (Fader, Hardie
 * and Lee 2005, §2: purchases are counted per day in the CDNOW data) and the Gamma-Gamma's mean repeat value
 * m̄ = repeat value / x (Fader and Hardie 2013).
 *
 * Dates are whole-day serials (core/order-lines.ts reads them so), so one day is one serial. The repeat value is a
 * compensated sum (../numeric/sum.ts) of the orders not on the first day, so reordering the lines hardly changes it
 * and doubling every value doubles it exactly.
 *
 * Cost: O(P + customers) to place each customer's P purchase days side by side (a counting sort by customer), then
 * O(k log k) per customer of k purchases to count its distinct days; O(P + customers) memory.
 *
 * @see https://doi.org/10.1287/mksc.1040.0098 (Fader, Hardie and Lee 2005)
 * @example
 *   // Ann buys 10 and 20 on day 100 (one occasion of 30), 5 on day 107, and returns 8 on day 110.
 *   const o = purchaseOccasions({
 *     count: 4,
 *     customer: Int32Array.of(0, 0, 0, 0),
 *     date: Float64Array.of(100, 100, 107, 110),
 *     value: Float64Array.of(10, 20, 5, -8),
 *     purchase: Uint8Array.of(1, 1, 1, 0),
 *   }, 1);
 *   o.count[0]       // → 2 occasions: x = 1
 *   o.first[0]       // → 100; o.last[0] → 107 (the return is no occasion)
 *   o.repeatValue[0] // → 5
 */
import { addCompensated } from '../numeric/sum.js';
import type { OrderList } from './orders.js';

/** Per customer (by customer number): purchase occasions and what the models read from them. */
export interface PurchaseOccasions {
  /** Distinct days with a purchase; 0 for a customer without one. */
  readonly count: Uint32Array;
  /** The day of the first and of the last occasion; NaN without a purchase. */
  readonly first: Float64Array;
  readonly last: Float64Array;
  /** The summed value of the purchases after the first occasion's day (0 with one occasion). */
  readonly repeatValue: Float64Array;
}

/**
 * Forms the purchase occasions of `customers` customers (numbers 0 … customers − 1) from their orders.
 * O(P + customers + Σ k log k) for P purchase orders, k per customer.
 */
export function purchaseOccasions(orders: OrderList, customers: number): PurchaseOccasions {
  const { count: n, customer, date, value, purchase } = orders;
  const first = new Float64Array(customers).fill(NaN);
  const last = new Float64Array(customers).fill(NaN);
  // Each customer's purchase days side by side (a counting sort by customer): offset[c] … offset[c + 1].
  const offset = new Uint32Array(customers + 1);
  for (let k = 0; k < n; k++) {
    if (!purchase[k]) continue;
    const c = customer[k] as number;
    const day = date[k] as number;
    offset[c + 1] = (offset[c + 1] as number) + 1;
    if (!(day >= (first[c] as number))) first[c] = day;
    if (!(day <= (last[c] as number))) last[c] = day;
  }
  for (let c = 0; c < customers; c++) offset[c + 1] = (offset[c + 1] as number) + (offset[c] as number);
  const days = new Float64Array(offset[customers] as number);
  const next = offset.slice(0, customers);
  const repeatSum = new Float64Array(customers);
  const repeatCompensation = new Float64Array(customers);
  for (let k = 0; k < n; k++) {
    if (!purchase[k]) continue;
    const c = customer[k] as number;
    const day = date[k] as number;
    days[next[c] as number] = day;
    next[c] = (next[c] as number) + 1;
    if (day !== first[c]) addCompensated(repeatSum, repeatCompensation, c, value[k] as number);
  }
  const count = new Uint32Array(customers);
  const repeatValue = new Float64Array(customers);
  for (let c = 0; c < customers; c++) {
    count[c] = distinctDays(days, offset[c] as number, offset[c + 1] as number);
    repeatValue[c] = (repeatSum[c] as number) + (repeatCompensation[c] as number);
  }
  return { count, first, last, repeatValue };
}

/** Below this many purchases, a customer's days are sorted by insertion (most customers have a few). */
const INSERTION_SORT_BELOW = 24;

/** The distinct values of days[lo … hi), which it sorts in place. O(k log k) for k = hi − lo. */
function distinctDays(days: Float64Array, lo: number, hi: number): number {
  if (hi - lo < 2) return hi - lo;
  if (hi - lo < INSERTION_SORT_BELOW) {
    for (let i = lo + 1; i < hi; i++) {
      const v = days[i] as number;
      let j = i - 1;
      while (j >= lo && (days[j] as number) > v) {
        days[j + 1] = days[j] as number;
        j--;
      }
      days[j + 1] = v;
    }
  } else days.subarray(lo, hi).sort();
  let distinct = 1;
  for (let i = lo + 1; i < hi; i++) if (days[i] !== days[i - 1]) distinct++;
  return distinct;
}
