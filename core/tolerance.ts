/**
 * Every comparison with a cut-off (ABC shares, quadrant cuts, RFM cut points and bounds, XYZ cuts,
 * MAIN_TRAIT's "more than", ceil(share·n)) goes through these helpers, so one relative tolerance
 * applies everywhere: floating-point sums such as 0.1 + 0.2 must not flip a class.
 */
export const RELATIVE_TOLERANCE = 1e-9;

function slack(a: number, b: number): number {
  // No Math.* call: these run once per value, and a global looked up per call is slow in some script hosts.
  const x = a < 0 ? -a : a;
  const y = b < 0 ? -b : b;
  return RELATIVE_TOLERANCE * (x > y ? x : y);
}

/** a ≤ b, allowing a to exceed b by the relative tolerance. */
export function atMost(a: number, b: number): boolean {
  return a <= b + slack(a, b);
}

/** a ≥ b, allowing a to fall short of b by the relative tolerance. */
export function atLeast(a: number, b: number): boolean {
  return atMost(b, a);
}

/** a < b by more than the relative tolerance. */
export function clearlyBelow(a: number, b: number): boolean {
  return !atMost(b, a);
}

/** a > b by more than the relative tolerance. */
export function clearlyAbove(a: number, b: number): boolean {
  return !atMost(a, b);
}

/** ceil(share · n), where a product a hair above a whole number (0.07 · 100 = 7.000000000000001) counts as that number. */
export function ceilShare(share: number, n: number): number {
  const product = share * n;
  const nearest = Math.round(product);
  return atMost(product, nearest) && atLeast(product, nearest) ? nearest : Math.ceil(product);
}
