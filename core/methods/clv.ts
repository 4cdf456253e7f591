/**
 * Customer lifetime value over a horizon, discounted monthly, exactly as the contract (CLV_TABLE) defines it:
 *
 *   CLV = Σ_{k = 1 … ⌈H / 30⌉} (E[Y(min(30k, H))] − E[Y(30(k − 1))]) × V / (1 + d)^(k / 12)
 *
 * with H the horizon in days, E[Y(t)] the BG/NBD expected purchases in the next t days (Fader, Hardie and Lee 2005,
 * eq. 10, ./bgnbd.ts, fitted in days), V the Gamma-Gamma expected order value (Fader and Hardie 2013, eq. 5,
 * ./gamma-gamma.ts) and d the annual discount rate. Months are 30 days; the last one may be shorter. The expected
 * purchases of each month are discounted at its end. With d = 0 the sum telescopes to E[Y(H)] × V.
 *
 * Cost: ⌈H / 30⌉ evaluations of E[Y(t)], each O(terms of its series) (../numeric/hyp2f1.ts). Measured with a
 * one-off script (Node 20): 100,000 customers over 365 days (13 months each) in about 1 s.
 *
 * @example
 *   const params = { r: 0.243, alpha: 30.898, a: 0.793, b: 2.426 }; // CDNOW, days
 *   discountedClv(params, { x: 2, tx: 213, T: 272 }, 25.5, 365, 0.1) // → 37.95 (rounded)
 */
import { expectedPurchases, type BgNbdParams } from './bgnbd.js';

/** Days in a month of the discounting. */
export const DAYS_PER_MONTH = 30;

/** One customer in days: x repeat purchases, t_x days from the first to the last purchase, T days to as_of. */
export interface CustomerInDays {
  readonly x: number;
  readonly tx: number;
  readonly T: number;
}

/**
 * The discounted CLV of one customer over `horizonDays` (> 0) at `annualDiscount` (> −1), `orderValue` the expected
 * value of one purchase. NaN only when E[Y(t)] is (see ./bgnbd.ts). O(⌈H / 30⌉ · series terms).
 */
export function discountedClv(
  params: BgNbdParams,
  customer: CustomerInDays,
  orderValue: number,
  horizonDays: number,
  annualDiscount: number,
): number {
  const { x, tx, T } = customer;
  const months = Math.ceil(horizonDays / DAYS_PER_MONTH);
  let clv = 0;
  let before = 0; // E[Y(30(k − 1))], 0 for k = 1
  for (let k = 1; k <= months; k++) {
    const t = Math.min(DAYS_PER_MONTH * k, horizonDays);
    const upTo = expectedPurchases(params, x, tx, T, t);
    clv += ((upTo - before) * orderValue) / (1 + annualDiscount) ** (k / 12);
    before = upTo;
  }
  return clv;
}
