/**
 * Customer lifecycle stage from first and last purchase dates, the order count and referrals. Checked in this
 * order, first match wins: Prospect (no orders, no purchase dates) → Lost (days since last ≥ lost_days) →
 * At Risk (≥ at_risk_days) → New (days since first < new_days) → Evangelist (orders ≥ loyal_orders and
 * referrals ≥ 1) → Loyal (orders ≥ loyal_orders) → Active. Day counts are whole days; every comparison with a
 * setting goes through core/tolerance.ts.
 *
 * A row is first checked for its shape (which cells are filled), which needs no as_of, then staged against as_of.
 * Cost: O(1) per row.
 *
 * @see https://en.wikipedia.org/wiki/Customer_lifecycle_management
 * @example
 *   lifecycleShape(45000, 45300, 6, 1) // → 'dated'
 *   stageOf(400, 10, 6, 1, DEFAULT_SETTINGS) // → 'Evangelist' (not Lost, not At Risk, not New, 6 ≥ 5 orders, 1 referral)
 */
import { serialToIso } from '../cells.js';
import { problem, type Problem } from '../errors.js';
import { atLeast, clearlyBelow } from '../tolerance.js';

export interface LifecycleSettings {
  readonly newDays: number;
  readonly atRiskDays: number;
  readonly lostDays: number;
  readonly loyalOrders: number;
}

export const DEFAULT_SETTINGS: LifecycleSettings = { newDays: 90, atRiskDays: 180, lostDays: 365, loyalOrders: 5 };

export type Stage = 'Prospect' | 'Lost' | 'AtRisk' | 'New' | 'Evangelist' | 'Loyal' | 'Active';

/** A row's problem and the argument it is in. */
export interface ShapeProblem {
  readonly problem: Problem;
  readonly arg: 'first_purchase' | 'last_purchase' | 'orders' | 'referrals';
}

/**
 * What a row is, before as_of: `blank` (nothing filled: a blank answer), `prospect`, `dated` (both dates, to be
 * staged), or a problem. Blank cells are NaN; `referrals` is NaN when blank or not given.
 * - orders must be a whole number ≥ 0, referrals too;
 * - Prospect needs both dates blank and orders blank or 0; orders > 0 without dates is a problem;
 * - one date without the other is a problem; a first purchase after the last purchase is a problem.
 */
export function lifecycleShape(
  first: number,
  last: number,
  orders: number,
  referrals: number,
): 'blank' | 'prospect' | 'dated' | ShapeProblem {
  const hasFirst = !Number.isNaN(first);
  const hasLast = !Number.isNaN(last);
  const hasOrders = !Number.isNaN(orders);
  if (!hasFirst && !hasLast && !hasOrders && Number.isNaN(referrals)) return 'blank';
  if (hasOrders && !(Number.isInteger(orders) && orders >= 0)) {
    return { problem: problem('negativeCount', { text: orders }), arg: 'orders' };
  }
  if (!Number.isNaN(referrals) && !(Number.isInteger(referrals) && referrals >= 0)) {
    return { problem: problem('notACount', { text: referrals }), arg: 'referrals' };
  }
  if (!hasFirst && !hasLast) {
    if (!hasOrders || orders === 0) return 'prospect';
    return { problem: problem('ordersWithoutDates', { text: orders }), arg: 'orders' };
  }
  if (!hasFirst) return { problem: problem('missingDate', { missing: 'first_purchase' }), arg: 'first_purchase' };
  if (!hasLast) return { problem: problem('missingDate', { missing: 'last_purchase' }), arg: 'last_purchase' };
  if (first > last) {
    return {
      problem: problem('firstAfterLast', { first: serialToIso(first), last: serialToIso(last) }),
      arg: 'first_purchase',
    };
  }
  return 'dated';
}

/** A problem when the last purchase (so also the first) is after as_of, else undefined. */
export function afterAsOf(last: number, asOf: number): Problem | undefined {
  return last > asOf ? problem('dateAfterAsOf', { date: serialToIso(last), asOf: serialToIso(asOf) }) : undefined;
}

/**
 * The stage of a `dated` row: whole days since the first and the last purchase, orders (NaN when blank: it never
 * reaches loyal_orders) and referrals (NaN when blank: none).
 */
export function stageOf(
  daysSinceFirst: number,
  daysSinceLast: number,
  orders: number,
  referrals: number,
  settings: LifecycleSettings,
): Stage {
  if (atLeast(daysSinceLast, settings.lostDays)) return 'Lost';
  if (atLeast(daysSinceLast, settings.atRiskDays)) return 'AtRisk';
  if (clearlyBelow(daysSinceFirst, settings.newDays)) return 'New';
  const loyal = !Number.isNaN(orders) && atLeast(orders, settings.loyalOrders);
  if (loyal && !Number.isNaN(referrals) && atLeast(referrals, 1)) return 'Evangelist';
  if (loyal) return 'Loyal';
  return 'Active';
}
