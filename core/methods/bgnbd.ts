/**
 * The BG/NBD model of repeat purchasing (Fader, Hardie and Lee 2005, "Counting Your Customers" the Easy Way,
 * Marketing Science 24(2)): while alive, a customer buys at a Poisson rate λ ~ Gamma(r, α); after each purchase
 * they drop out with probability p ~ Beta(a, b). Per customer the data are x (repeat purchases), t_x (time from the
 * first to the last purchase) and T (time from the first purchase to the end of the observation), all times in one
 * unit of the caller's choice (α is in that unit).
 *
 * - `bgnbdLogLikelihood`: equation (6), summed over customers, each term with the log-sum-exp trick.
 * - `fitBgnbd`: the maximum-likelihood r, α, a, b. Input checks first (typed reasons, no number): fewer than
 *   `MIN_CUSTOMERS` customers, no repeat purchase at all, a customer whose x, t_x or T cannot be. Then BFGS on
 *   (ln r, ln α, ln a, ln b) from `STARTS`, the best converged run kept (../numeric/minimize.ts); a fit that does not
 *   converge, or whose likelihood keeps rising towards a parameter 0 or infinity, is a typed failure.
 * - `probabilityAlive`: P(alive | x, t_x, T) = 1 / (1 + [x > 0] · a / (b + x − 1) · ((α + T)/(α + t_x))^(r + x)),
 *   as in Fader, Hardie and Lee's note "Computing P(alive) Using the BG/NBD Model" (the denominator of eq. 10).
 * - `expectedPurchases`: E[Y(t) | x, t_x, T], equation (10): P(alive) times the expected purchases in the next t of a
 *   customer alive, the Gaussian hypergeometric term computed by ../numeric/hyp2f1.ts.
 *
 * Fitting fast and the same in any row order: customers are grouped by identical (x, t_x, T) (the sum of equation
 * 6 then runs over distinct triples in sorted order, so reordering the rows changes no bit of it), the terms that
 * depend on x alone (the log-gammas, their digammas) are computed once per distinct x, and ln(α + T), ln(α + t_x)
 * once per distinct value per evaluation. Times are divided by a power of 2 near the largest T during the fit (an
 * exact scaling) so that α starts near its size in any unit.
 *
 * Cost: O(n log n) to group n customers into u distinct triples, then O(u + distinct x) per evaluation with one
 * exp and one log1p per triple with x > 0; a fit takes 3 runs of 20 to 40 evaluations. Measured with a one-off
 * script (Node 20, one core of a 2-core machine): 100,000 simulated customers in days (67,536 distinct triples)
 * fit in 0.65 to 0.85 s, the 2,357 CDNOW customers in about 70 ms.
 *
 * @see https://doi.org/10.1287/mksc.1040.0098 (Fader, Hardie and Lee 2005)
 * @see https://www.brucehardie.com/notes/021/palive_for_BGNBD.pdf (P(alive))
 * @example
 *   const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // CDNOW, weeks
 *   probabilityAlive(params, 2, 30.43, 38.86)      // → 0.7266 (rounded)
 *   expectedPurchases(params, 2, 30.43, 38.86, 39) // → 1.2260 (rounded): purchases in the next 39 weeks
 */
import { digamma, logGamma } from '../numeric/gamma.js';
import { expectedAliveHyp } from '../numeric/hyp2f1.js';
import { minimizeFromStarts, type NotConvergedReason } from '../numeric/minimize.js';

export interface BgNbdParams {
  readonly r: number;
  /** In the time unit of t_x and T. */
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** Per customer: x repeat purchases, t_x time of the last purchase and T age, both from the first purchase. */
export interface BgNbdData {
  readonly x: ArrayLike<number>;
  readonly tx: ArrayLike<number>;
  readonly T: ArrayLike<number>;
}

/** Fewer customers than this: no fit. */
export const MIN_CUSTOMERS = 10;

/** The starting points (r, α / time scale, a, b), fixed so the fit is deterministic. */
export const STARTS: readonly (readonly [number, number, number, number])[] = [
  [1, 1, 1, 1],
  [0.25, 0.1, 0.5, 2],
  [3, 3, 2, 6],
];

/**
 * How the fit input can be wrong, as data for the caller's message:
 * - `tooFewCustomers`: fewer than `min` customers;
 * - `noRepeatPurchase`: nobody bought twice (x = 0 everywhere): dropout cannot be told from a low rate;
 * - `badCustomer`: customer `index` (0-based) has an x that is not a whole number ≥ 0, or t_x, T not finite,
 *   t_x < 0 or t_x > T (`field` names the first wrong one);
 * - `notConverged`: the maximum-likelihood search did not converge (`reason` from ../numeric/minimize.ts).
 */
export type BgNbdFitFailure =
  | { readonly kind: 'tooFewCustomers'; readonly count: number; readonly min: number }
  | { readonly kind: 'noRepeatPurchase'; readonly customers: number }
  | { readonly kind: 'badCustomer'; readonly index: number; readonly field: 'x' | 'tx' | 'T' }
  | { readonly kind: 'notConverged'; readonly reason: NotConvergedReason };

export interface BgNbdFitted {
  readonly kind: 'fitted';
  readonly params: BgNbdParams;
  /** Equation (6) summed over the customers at `params`, in the data's time unit. */
  readonly logLikelihood: number;
  readonly customers: number;
  readonly repeatCustomers: number;
}

export type BgNbdFit = BgNbdFitted | BgNbdFitFailure;

/** The customers grouped by distinct (x, t_x, T), sorted, with the distinct x, t_x and T values they use. */
interface Grouped {
  readonly customers: number;
  readonly count: Float64Array; // per triple
  readonly xOf: Int32Array; // per triple: index into xs
  readonly txOf: Int32Array; // per triple: index into txs
  readonly tOf: Int32Array; // per triple: index into ts
  readonly xs: Float64Array; // distinct x, ascending
  readonly xCount: Float64Array; // customers per distinct x
  readonly txs: Float64Array;
  readonly ts: Float64Array;
}

/** The first customer whose data cannot be, or undefined. O(n). */
function badCustomer(data: BgNbdData, n: number): BgNbdFitFailure | undefined {
  for (let i = 0; i < n; i++) {
    const x = data.x[i] as number;
    const tx = data.tx[i] as number;
    const T = data.T[i] as number;
    if (!(Number.isInteger(x) && x >= 0)) return { kind: 'badCustomer', index: i, field: 'x' };
    if (!(Number.isFinite(T) && T >= 0)) return { kind: 'badCustomer', index: i, field: 'T' };
    if (!(Number.isFinite(tx) && tx >= 0 && tx <= T)) return { kind: 'badCustomer', index: i, field: 'tx' };
  }
  return undefined;
}

function distinctIndex(values: Float64Array): { readonly distinct: Float64Array; readonly index: Int32Array } {
  const sorted = Float64Array.from(values).sort();
  let m = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[m++] = sorted[i] as number;
  const distinct = sorted.slice(0, m);
  const index = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = m - 1;
    const v = values[i] as number;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((distinct[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    index[i] = lo;
  }
  return { distinct, index };
}

/** Groups valid data by (x, t_x, T), t_x read as 0 when x = 0 (it plays no part then); times divided by `scale`. */
function group(data: BgNbdData, n: number, scale: number): Grouped {
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = data.x[i] as number;
    tx[i] = x[i] === 0 ? 0 : (data.tx[i] as number) / scale;
    T[i] = (data.T[i] as number) / scale;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort(
    (i, j) =>
      (x[i] as number) - (x[j] as number) ||
      (tx[i] as number) - (tx[j] as number) ||
      (T[i] as number) - (T[j] as number),
  );
  const ux: number[] = [];
  const utx: number[] = [];
  const uT: number[] = [];
  const counts: number[] = [];
  for (const i of order) {
    const last = counts.length - 1;
    if (last >= 0 && ux[last] === x[i] && utx[last] === tx[i] && uT[last] === T[i]) counts[last]! += 1;
    else {
      ux.push(x[i] as number);
      utx.push(tx[i] as number);
      uT.push(T[i] as number);
      counts.push(1);
    }
  }
  const xi = distinctIndex(Float64Array.from(ux));
  const txi = distinctIndex(Float64Array.from(utx));
  const ti = distinctIndex(Float64Array.from(uT));
  const xCount = new Float64Array(xi.distinct.length);
  counts.forEach((c, j) => (xCount[xi.index[j] as number]! += c));
  return {
    customers: n,
    count: Float64Array.from(counts),
    xOf: xi.index,
    txOf: txi.index,
    tOf: ti.index,
    xs: xi.distinct,
    xCount,
    txs: txi.distinct,
    ts: ti.distinct,
  };
}

/**
 * Equation (6) summed over grouped customers at (r, α, a, b), and when `gradient` is given, its derivatives with
 * respect to (ln r, ln α, ln a, ln b) written into it. O(triples + distinct values).
 */
function groupedLogLikelihood(
  gr: Grouped,
  r: number,
  alpha: number,
  a: number,
  b: number,
  gradient?: Float64Array,
): number {
  const { xs, xCount, txs, ts } = gr;
  const logAT = new Float64Array(ts.length);
  const invAT = new Float64Array(ts.length);
  for (let k = 0; k < ts.length; k++) {
    logAT[k] = Math.log(alpha + (ts[k] as number));
    invAT[k] = alpha / (alpha + (ts[k] as number));
  }
  const logATx = new Float64Array(txs.length);
  const invATx = new Float64Array(txs.length);
  for (let k = 0; k < txs.length; k++) {
    logATx[k] = Math.log(alpha + (txs[k] as number));
    invATx[k] = alpha / (alpha + (txs[k] as number));
  }
  // per distinct x: ln a − ln(b + x − 1) and b / (b + x − 1) (x > 0 only)
  const logDrop = new Float64Array(xs.length);
  const bShare = new Float64Array(xs.length);
  let ll = gr.customers * r * Math.log(alpha);
  let gr_ = gr.customers * r * Math.log(alpha);
  let ga = 0;
  let gb = 0;
  let galpha = gr.customers * r;
  const logA = Math.log(a);
  const lgR = logGamma(r);
  const lgB = logGamma(b);
  const lgAB = logGamma(a + b);
  const want = gradient !== undefined;
  const psiR = want ? digamma(r) : 0;
  const psiB = want ? digamma(b) : 0;
  const psiAB = want ? digamma(a + b) : 0;
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k] as number;
    if (x === 0) continue;
    const c = xCount[k] as number;
    ll += c * (logGamma(r + x) - lgR + lgAB + logGamma(b + x) - lgB - logGamma(a + b + x));
    logDrop[k] = logA - Math.log(b + x - 1);
    bShare[k] = b / (b + x - 1);
    if (want) {
      const psiABX = digamma(a + b + x);
      gr_ += c * r * (digamma(r + x) - psiR);
      ga += c * a * (psiAB - psiABX);
      gb += c * b * (psiAB + digamma(b + x) - psiB - psiABX);
    }
  }
  const { count, xOf, txOf, tOf } = gr;
  // local names: a global looked up once per triple is slow in some script hosts (Apps Script, node:vm)
  const exp = Math.exp;
  const log1p = Math.log1p;
  for (let j = 0; j < count.length; j++) {
    const c = count[j] as number;
    const xk = xOf[j] as number;
    const x = xs[xk] as number;
    const rx = r + x;
    const tk = tOf[j] as number;
    const a3 = -rx * (logAT[tk] as number);
    if (x === 0) {
      ll += c * a3;
      if (want) {
        gr_ -= c * r * (logAT[tk] as number);
        galpha -= c * rx * (invAT[tk] as number);
      }
      continue;
    }
    const sk = txOf[j] as number;
    const a4 = (logDrop[xk] as number) - rx * (logATx[sk] as number);
    // ln(e^a3 + e^a4) with the larger one taken out; w4 = e^a4 / (e^a3 + e^a4)
    let w4: number;
    if (a3 >= a4) {
      const e = exp(a4 - a3);
      ll += c * (a3 + log1p(e));
      w4 = e / (1 + e);
    } else {
      const e = exp(a3 - a4);
      ll += c * (a4 + log1p(e));
      w4 = 1 / (1 + e);
    }
    if (want) {
      const w3 = 1 - w4;
      gr_ -= c * r * (w3 * (logAT[tk] as number) + w4 * (logATx[sk] as number));
      galpha -= c * rx * (w3 * (invAT[tk] as number) + w4 * (invATx[sk] as number));
      ga += c * w4;
      gb -= c * w4 * (bShare[xk] as number);
    }
  }
  if (gradient !== undefined) {
    gradient[0] = gr_;
    gradient[1] = galpha;
    gradient[2] = ga;
    gradient[3] = gb;
  }
  return ll;
}

/**
 * Equation (6) of Fader, Hardie and Lee (2005), ln L summed over the customers:
 * L = B(a, b + x)/B(a, b) · Γ(r + x) α^r / (Γ(r) (α + T)^(r + x))
 *   + [x > 0] · B(a + 1, b + x − 1)/B(a, b) · Γ(r + x) α^r / (Γ(r) (α + t_x)^(r + x)).
 * Data are taken as valid (see `fitBgnbd`'s checks). O(n log n).
 */
export function bgnbdLogLikelihood(params: BgNbdParams, data: BgNbdData): number {
  const n = data.x.length;
  return groupedLogLikelihood(group(data, n, 1), params.r, params.alpha, params.a, params.b);
}

/** The power of 2 nearest below the largest T (1 when every T is 0). */
function timeScale(data: BgNbdData, n: number): number {
  let largest = 0;
  for (let i = 0; i < n; i++) if ((data.T[i] as number) > largest) largest = data.T[i] as number;
  return largest > 0 ? 2 ** Math.floor(Math.log2(largest)) : 1;
}

/** A converged fit with a log-parameter beyond this is taken as a maximum at a boundary (e^18 ≈ 6.6e7). */
const LARGEST_LOG_PARAMETER = 18;

/**
 * The maximum-likelihood BG/NBD parameters, or a typed reason why there are none. Same data in any order: the same
 * bits. O(n log n + evaluations · triples).
 */
export function fitBgnbd(data: BgNbdData): BgNbdFit {
  const n = data.x.length;
  if (data.tx.length !== n || data.T.length !== n) throw new RangeError('x, tx and T must have the same length');
  const bad = badCustomer(data, n);
  if (bad !== undefined) return bad;
  if (n < MIN_CUSTOMERS) return { kind: 'tooFewCustomers', count: n, min: MIN_CUSTOMERS };
  let repeatCustomers = 0;
  for (let i = 0; i < n; i++) if ((data.x[i] as number) > 0) repeatCustomers++;
  if (repeatCustomers === 0) return { kind: 'noRepeatPurchase', customers: n };
  const scale = timeScale(data, n);
  const gr = group(data, n, scale);
  const objective = (theta: Float64Array, gradient: Float64Array): number => {
    const ll = groupedLogLikelihood(
      gr,
      Math.exp(theta[0] as number),
      Math.exp(theta[1] as number),
      Math.exp(theta[2] as number),
      Math.exp(theta[3] as number),
      gradient,
    );
    for (let i = 0; i < 4; i++) gradient[i] = -(gradient[i] as number) / n;
    return -ll / n;
  };
  const { best } = minimizeFromStarts(
    objective,
    STARTS.map((s) => s.map(Math.log)),
  );
  if (best.kind !== 'converged') return { kind: 'notConverged', reason: best.reason };
  for (let i = 0; i < 4; i++) {
    if (Math.abs(best.x[i] as number) > LARGEST_LOG_PARAMETER) return { kind: 'notConverged', reason: 'unbounded' };
  }
  const params: BgNbdParams = {
    r: Math.exp(best.x[0] as number),
    alpha: Math.exp(best.x[1] as number) * scale,
    a: Math.exp(best.x[2] as number),
    b: Math.exp(best.x[3] as number),
  };
  const logLikelihood = groupedLogLikelihood(group(data, n, 1), params.r, params.alpha, params.a, params.b);
  return { kind: 'fitted', params, logLikelihood, customers: n, repeatCustomers };
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + [x > 0] · a / (b + x − 1) · ((α + T)/(α + t_x))^(r + x)) (Fader, Hardie and Lee
 * 2005, the denominator of eq. 10; their note "Computing P(alive) Using the BG/NBD Model"). 1 for x = 0. O(1).
 */
export function probabilityAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * E[Y(t) | x, t_x, T], the expected purchases in the next t (Fader, Hardie and Lee 2005, eq. 10):
 * (a + b + x − 1)/(a − 1) · [1 − ((α + T)/(α + T + t))^(r + x) · ₂F₁(r + x, b + x; a + b + x − 1; t/(α + T + t))]
 * / (1 + [x > 0] · a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x)),
 * i.e. P(alive) times the bracket, which ../numeric/hyp2f1.ts sums without cancellation for every a, b > 0.
 * 0 at t = 0. NaN only past that series' term limit (t/(α + T) above about 10⁶/(37 + 2.5(r + x))).
 * O(terms of the series).
 */
export function expectedPurchases(params: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  if (t === 0) return 0;
  const { r, alpha, a, b } = params;
  const alive = probabilityAlive(params, x, tx, T);
  return alive * expectedAliveHyp(r + x, b + x, a + b + x - 1, t / (alpha + T + t));
}
