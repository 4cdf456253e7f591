/**
 * The CLV models in core (issue 18, item 1): BG/NBD (Fader, Hardie and Lee 2005), Gamma-Gamma (Fader and Hardie
 * 2013) and the monthly discounted CLV of the contract, on the published CDNOW sample and on values worked out by
 * hand or with an independent implementation (scipy 1.10.1, mpmath 1.2.1, their sources named at each value).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bgnbdLogLikelihood,
  expectedPurchases,
  fitBgnbd,
  MIN_CUSTOMERS,
  probabilityAlive,
  type BgNbdFit,
  type BgNbdFitted,
  type BgNbdParams,
} from '../core/methods/bgnbd.js';
import { discountedClv } from '../core/methods/clv.js';
import {
  expectedOrderValue,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  type GammaGammaFit,
  type GammaGammaFitted,
} from '../core/methods/gamma-gamma.js';
import { seededRandom } from '../core/numeric/random.js';
import { readOrders } from '../scripts/orders-csv.js';
import { readCsv } from './clv-cdnow.js';

const CDNOW = readCsv('cdnow-summary.csv'); // ID, frequency, recency, T (weeks)
const cdnow = {
  x: CDNOW.map((r) => r[1] as number),
  tx: CDNOW.map((r) => r[2] as number),
  T: CDNOW.map((r) => r[3] as number),
};
const VALUES = readCsv('cdnow-summary-values.csv').filter((r) => (r[1] as number) > 0); // ID, x, t_x, T, zbar
const cdnowValues = { x: VALUES.map((r) => r[1] as number), meanValue: VALUES.map((r) => r[4] as number) };

function expectRelative(got: number, want: number, tolerance: number): void {
  expect(Math.abs(got - want), `${got} vs ${want}`).toBeLessThanOrEqual(tolerance * Math.abs(want));
}

function fitted(fit: BgNbdFit): BgNbdFitted {
  if (fit.kind !== 'fitted') throw new Error(`the fit failed: ${JSON.stringify(fit)}`);
  return fit;
}

function ggFitted(fit: GammaGammaFit): GammaGammaFitted {
  if (fit.kind !== 'fitted') throw new Error(`the fit failed: ${JSON.stringify(fit)}`);
  return fit;
}

/** Published CDNOW fit, weeks (Fader, Hardie and Lee 2005, §4). */
const PUBLISHED: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** Once per file, inside the tests that use it, so a fit that fails fails those tests (not the file's collection). */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
const cdnowFit = once(() => fitted(fitBgnbd(cdnow)));
const cdnowValuesFit = once(() => ggFitted(fitGammaGamma(cdnowValues)));

describe('BG/NBD on CDNOW (Fader, Hardie and Lee 2005)', () => {
  it('reproduces the published r, α, a, b to 0.5 % each and the log-likelihood −9582.4 to 0.1', () => {
    const fit = cdnowFit();
    expectRelative(fit.params.r, PUBLISHED.r, 0.005);
    expectRelative(fit.params.alpha, PUBLISHED.alpha, 0.005);
    expectRelative(fit.params.a, PUBLISHED.a, 0.005);
    expectRelative(fit.params.b, PUBLISHED.b, 0.005);
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThanOrEqual(0.1);
    expect(fit.customers).toBe(2357);
    expect(fit.repeatCustomers).toBe(946);
  });

  it('agrees with scipy.optimize (Nelder–Mead, then BFGS, gtol 1e-9) on the same likelihood to 1e-6', () => {
    const fit = cdnowFit();
    // /usr/bin/python3, scipy 1.10.1, eq. 6 as lifetimes writes it, minimised over the log-parameters
    expectRelative(fit.params.r, 0.24259291267869776, 1e-6);
    expectRelative(fit.params.alpha, 4.413531884085887, 1e-6);
    expectRelative(fit.params.a, 0.7928863787378304, 1e-6);
    expectRelative(fit.params.b, 2.425754765071669, 1e-6);
    expectRelative(fit.logLikelihood, -9582.425560567364, 1e-12);
  });

  it('gives the log-likelihood scipy gives at the published parameters', () => {
    expectRelative(bgnbdLogLikelihood(PUBLISHED, cdnow), -9582.426831182365, 1e-12);
  });

  it('in days: α 7 times larger, r, a, b the same, and the likelihood of the data in days', () => {
    const fit = cdnowFit();
    const days = fitted(fitBgnbd({ x: cdnow.x, tx: cdnow.tx.map((v) => v * 7), T: cdnow.T.map((v) => v * 7) }));
    expectRelative(days.params.alpha, 7 * fit.params.alpha, 1e-6);
    expectRelative(days.params.r, fit.params.r, 1e-6);
    expectRelative(days.params.a, fit.params.a, 1e-6);
    expectRelative(days.params.b, fit.params.b, 1e-6);
    // each of the Σx purchase times is a density in 1/time: ln L(days) = ln L(weeks) − Σx · ln 7
    const repeats = cdnow.x.reduce((s, v) => s + v, 0);
    expectRelative(days.logLikelihood, fit.logLikelihood - repeats * Math.log(7), 1e-10);
  });

  it('gives the same parameters in any row order (property: to 1e-9 relative)', () => {
    const fit = cdnowFit();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const random = seededRandom(seed);
        const order = cdnow.x.map((_, i) => i);
        for (let i = order.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [order[i], order[j]] = [order[j] as number, order[i] as number];
        }
        const shuffled = fitted(
          fitBgnbd({
            x: order.map((i) => cdnow.x[i] as number),
            tx: order.map((i) => cdnow.tx[i] as number),
            T: order.map((i) => cdnow.T[i] as number),
          }),
        );
        for (const key of ['r', 'alpha', 'a', 'b'] as const)
          expectRelative(shuffled.params[key], fit.params[key], 1e-9);
        expectRelative(shuffled.logLikelihood, fit.logLikelihood, 1e-12);
      }),
      { numRuns: 5 },
    );
  });
});

describe('BG/NBD fit input checks and failures (typed, never a number)', () => {
  const ten = (v: number): number[] => Array<number>(MIN_CUSTOMERS).fill(v);

  it('fewer than 10 customers', () => {
    expect(fitBgnbd({ x: [1, 0, 2], tx: [5, 0, 8], T: [10, 10, 10] })).toEqual({
      kind: 'tooFewCustomers',
      count: 3,
      min: 10,
    });
  });

  it('no repeat purchase at all', () => {
    expect(fitBgnbd({ x: ten(0), tx: ten(0), T: ten(30) })).toEqual({ kind: 'noRepeatPurchase', customers: 10 });
  });

  it('a customer whose x, t_x or T cannot be, with its index', () => {
    const data = (x: number, tx: number, T: number) => ({ x: [...ten(1), x], tx: [...ten(3), tx], T: [...ten(9), T] });
    expect(fitBgnbd(data(1.5, 3, 9))).toEqual({ kind: 'badCustomer', index: 10, field: 'x' });
    expect(fitBgnbd(data(-1, 3, 9))).toEqual({ kind: 'badCustomer', index: 10, field: 'x' });
    expect(fitBgnbd(data(1, 10, 9))).toEqual({ kind: 'badCustomer', index: 10, field: 'tx' });
    expect(fitBgnbd(data(1, -1, 9))).toEqual({ kind: 'badCustomer', index: 10, field: 'tx' });
    expect(fitBgnbd(data(1, 3, NaN))).toEqual({ kind: 'badCustomer', index: 10, field: 'T' });
  });

  it('does not converge when the likelihood keeps rising towards a boundary (nobody ever drops out)', () => {
    // every customer bought three more times, the last on the final day: dropout probability → 0
    const fit = fitBgnbd({ x: ten(3), tx: ten(100), T: ten(100) });
    expect(fit.kind).toBe('notConverged');
    // a quarter never came back, the others bought on the final day
    const mixed = fitBgnbd({
      x: Array.from({ length: 20 }, (_, i) => i % 4),
      tx: Array.from({ length: 20 }, (_, i) => (i % 4 ? 100 : 0)),
      T: Array<number>(20).fill(100),
    });
    expect(mixed.kind).toBe('notConverged');
  });
});

describe('P(alive)', () => {
  it('is 1 for x = 0, whatever t_x and T', () => {
    expect(probabilityAlive(PUBLISHED, 0, 0, 38.86)).toBe(1);
    expect(probabilityAlive(PUBLISHED, 0, 0, 1e6)).toBe(1);
  });

  it('by hand: r = α = a = 1, b = 2, x = 1, t_x = 1, T = 3: 1 / (1 + 1/2 · (4/2)²) = 1/3', () => {
    expectRelative(probabilityAlive({ r: 1, alpha: 1, a: 1, b: 2 }, 1, 1, 3), 1 / 3, 1e-15);
  });

  it('is 1 / (1 + a/b) for x = 1 bought on the last day (t_x = T)', () => {
    expectRelative(probabilityAlive(PUBLISHED, 1, 20, 20), 1 / (1 + PUBLISHED.a / PUBLISHED.b), 1e-15);
  });

  it('never falls when the last purchase is more recent (property), and stays in [0, 1]', () => {
    const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true });
    fc.assert(
      fc.property(
        positive(0.01, 20),
        positive(0.01, 500),
        positive(0.01, 20),
        positive(0.01, 20),
        fc.integer({ min: 1, max: 200 }),
        positive(0, 1000),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (r, alpha, a, b, x, T, u, v) => {
          const params = { r, alpha, a, b };
          const [early, late] = [Math.min(u, v) * T, Math.max(u, v) * T];
          const before = probabilityAlive(params, x, early, T);
          const after = probabilityAlive(params, x, late, T);
          expect(after).toBeGreaterThanOrEqual(before);
          expect(before).toBeGreaterThanOrEqual(0);
          expect(after).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('E[Y(t)], equation (10)', () => {
  it('is 0 at t = 0', () => {
    expect(expectedPurchases(PUBLISHED, 2, 30.43, 38.86, 0)).toBe(0);
    expect(expectedPurchases(PUBLISHED, 0, 0, 0, 0)).toBe(0);
  });

  it('grows at P(alive)·(r + x)/(α + T) per unit of time at first (the rate of an alive customer)', () => {
    const t = 1e-6;
    const rate = (probabilityAlive(PUBLISHED, 2, 30.43, 38.86) * (PUBLISHED.r + 2)) / (PUBLISHED.alpha + 38.86);
    expectRelative(expectedPurchases(PUBLISHED, 2, 30.43, 38.86, t) / t, rate, 1e-6);
  });

  it('matches equation (10) evaluated with mpmath’s hyp2f1 at 40 digits, to 1e-12', () => {
    // mpmath 1.2.1, mp.dps = 40: (a+b+x−1)/(a−1)·(1 − ((α+T)/(α+T+t))^(r+x)·hyp2f1(r+x, b+x, a+b+x−1, t/(α+T+t)))
    // / (1 + [x>0]·a/(b+x−1)·((α+T)/(α+t_x))^(r+x))
    const CASES: readonly (readonly [BgNbdParams, number, number, number, number, number])[] = [
      [PUBLISHED, 0, 0, 38.86, 39, 0.19509805201126265],
      [PUBLISHED, 2, 30.43, 38.86, 39, 1.2260281747671444],
      [PUBLISHED, 7, 29.43, 38.86, 52, 4.1988555849250435],
      [PUBLISHED, 29, 37.71, 38, 10, 6.162868637319837],
      [PUBLISHED, 1, 1.71, 38.86, 0.5, 0.003038800895760045],
      [PUBLISHED, 0, 0, 0, 39, 1.196723193320817],
      [PUBLISHED, 0, 0, 5, 400, 3.040780641808956],
      [PUBLISHED, 2, 30.43, 38.86, 1000, 10.120518988765317],
      // a = 1 (mpmath at a = 1 + 1e-25): eq. (10) is 0/0 there as written
      [{ r: 0.5, alpha: 20, a: 1, b: 3 }, 3, 50, 100, 365, 2.5808694438976003],
      // x = 0 and a + b = 1: c = 0 in the ₂F₁ (mpmath at the same binary b, + 1e-25)
      [{ r: 0.5, alpha: 20, a: 0.4, b: 0.6 }, 0, 0, 30, 365, 1.7913057996138968],
      // (1 − z)^(r + x) underflows: 401.5 · ln(1 − 0.83) < −700
      [{ r: 1.5, alpha: 10, a: 2, b: 5 }, 400, 700, 730, 3650, 0.004135904799552145],
      // CDNOW in days, a customer who bought today only, ten years ahead
      [{ r: 0.243, alpha: 30.9, a: 0.793, b: 2.426 }, 0, 0, 0, 3650, 4.980580949348307],
    ];
    for (const [params, x, tx, T, t, want] of CASES)
      expectRelative(expectedPurchases(params, x, tx, T, t), want, 1e-12);
  });

  it('never falls with a longer horizon', () => {
    let last = 0;
    for (let t = 1; t <= 400; t += 7) {
      const now = expectedPurchases(PUBLISHED, 3, 20, 38, t);
      expect(now).toBeGreaterThan(last);
      last = now;
    }
  });
});

describe('Gamma-Gamma (Fader and Hardie 2013)', () => {
  it('reproduces the published CDNOW fit p = 6.25, q = 3.74, γ = 15.44 to 0.5 % on its 946 customers', () => {
    const fit = cdnowValuesFit();
    expect(fit.customers).toBe(946);
    expectRelative(fit.params.p, 6.25, 0.005);
    expectRelative(fit.params.q, 3.74, 0.005);
    expectRelative(fit.params.gamma, 15.44, 0.005);
  });

  it('agrees with scipy.optimize (Nelder–Mead, then BFGS) on the same likelihood to 1e-5', () => {
    const fit = cdnowValuesFit();
    // /usr/bin/python3, scipy 1.10.1: the log-likelihood as lifetimes writes it, minimised over the log-parameters
    expectRelative(fit.params.p, 6.248803750884708, 1e-5);
    expectRelative(fit.params.q, 3.7445881078051793, 1e-5);
    expectRelative(fit.params.gamma, 15.447742975505445, 1e-5);
    expectRelative(fit.logLikelihood, -4055.923243502859, 1e-12);
    expectRelative(gammaGammaLogLikelihood(fit.params, cdnowValues), fit.logLikelihood, 1e-15);
  });

  it('expected order value by hand: p = 2, q = 3, γ = 10, x = 2, m̄ = 20 → 2·(10 + 40)/(4 + 3 − 1) = 50/3', () => {
    const params = { p: 2, q: 3, gamma: 10 };
    expectRelative(expectedOrderValue(params, 2, 20), 50 / 3, 1e-15);
    expectRelative(expectedOrderValue(params, 0, 0), (2 * 10) / (3 - 1), 1e-15); // the population mean
  });

  it('input checks and failures are typed', () => {
    expect(fitGammaGamma({ x: [], meanValue: [] })).toEqual({ kind: 'noRepeatPurchase' });
    expect(fitGammaGamma({ x: [1, 0], meanValue: [5, 5] })).toEqual({ kind: 'badCustomer', index: 1, field: 'x' });
    expect(fitGammaGamma({ x: [1, 2], meanValue: [5, 0] })).toEqual({
      kind: 'badCustomer',
      index: 1,
      field: 'meanValue',
    });
    // every customer spends the same: no spread between customers, p → ∞
    expect(fitGammaGamma({ x: Array<number>(20).fill(2), meanValue: Array<number>(20).fill(50) }).kind).toBe(
      'notConverged',
    );
  });
});

/** Mean repeat values of n customers drawn from the Gamma-Gamma model itself (p = 4, q = 3, γ = 60). */
function gammaGammaSample(seed: number, n: number): { x: number[]; meanValue: number[] } {
  const random = seededRandom(seed);
  const gammaDraw = (shape: number): number => {
    // Marsaglia and Tsang (2000), shape ≥ 1
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const u1 = random() || 1e-300;
      const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random());
      const v = (1 + c * z) ** 3;
      if (v > 0 && Math.log(random() || 1e-300) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const x: number[] = [];
  const meanValue: number[] = [];
  for (let i = 0; i < n; i++) {
    const purchases = 1 + Math.floor(random() * 6);
    const nu = gammaDraw(3) / 60;
    let sum = 0;
    for (let k = 0; k < purchases; k++) sum += gammaDraw(4) / nu;
    x.push(purchases);
    meanValue.push(sum / purchases);
  }
  return { x, meanValue };
}

describe('CLV with monthly discounting (the contract’s formula)', () => {
  const params: BgNbdParams = { r: 0.243, alpha: 30.898, a: 0.793, b: 2.426 }; // CDNOW in days
  const customer = { x: 2, tx: 213, T: 272 };

  it('with discount 0 equals expected purchases × expected order value', () => {
    for (const horizon of [1, 30, 45, 365, 1000]) {
      expectRelative(
        discountedClv(params, customer, 25.5, horizon, 0),
        expectedPurchases(params, 2, 213, 272, horizon) * 25.5,
        1e-12,
      );
    }
  });

  it('by hand: 45 days are a month of 30 discounted at 1.1^(1/12) and one of 15 at 1.1^(2/12)', () => {
    const e30 = expectedPurchases(params, 2, 213, 272, 30);
    const e45 = expectedPurchases(params, 2, 213, 272, 45);
    const want = (e30 * 25.5) / 1.1 ** (1 / 12) + ((e45 - e30) * 25.5) / 1.1 ** (2 / 12);
    expectRelative(discountedClv(params, customer, 25.5, 45, 0.1), want, 1e-14);
    expect(discountedClv(params, customer, 25.5, 45, 0.1)).toBeLessThan(e45 * 25.5);
  });

  it('doubling every revenue doubles the expected order value and the CLV (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const sample = gammaGammaSample(seed, 300);
        const onceFit = fitGammaGamma(sample);
        const twiceFit = fitGammaGamma({ x: sample.x, meanValue: sample.meanValue.map((v) => 2 * v) });
        // a small sample may have its maximum at p → ∞ (no spread within customers): then both fail alike
        expect(twiceFit).toEqual(onceFit.kind === 'fitted' ? expect.objectContaining({ kind: 'fitted' }) : onceFit);
        if (onceFit.kind !== 'fitted') return;
        const once = ggFitted(onceFit);
        const twice = ggFitted(twiceFit);
        expectRelative(twice.params.p, once.params.p, 1e-12);
        expectRelative(twice.params.q, once.params.q, 1e-12);
        expectRelative(twice.params.gamma, 2 * once.params.gamma, 1e-12);
        for (let i = 0; i < 5; i++) {
          const x = sample.x[i] as number;
          const m = sample.meanValue[i] as number;
          const value = expectedOrderValue(once.params, x, m);
          const doubled = expectedOrderValue(twice.params, x, 2 * m);
          expectRelative(doubled, 2 * value, 1e-12);
          const c = { x, tx: 100, T: 200 };
          expectRelative(
            discountedClv(params, c, doubled, 365, 0.1),
            2 * discountedClv(params, c, value, 365, 0.1),
            1e-12,
          );
        }
        expectRelative(expectedOrderValue(twice.params, 0, 0), 2 * expectedOrderValue(once.params, 0, 0), 1e-12);
      }),
      { numRuns: 10 },
    );
  });

  it('a fitted sample of the model finds its parameters back roughly (p = 4, q = 3, γ = 60)', () => {
    const fit = ggFitted(fitGammaGamma(gammaGammaSample(7, 3000)));
    expectRelative(fit.params.p, 4, 0.2);
    expectRelative(fit.params.q, 3, 0.2);
    expectRelative(fit.params.gamma, 60, 0.3);
  });
});

describe('fits whose best is a limit of the model (customers alike in one respect)', () => {
  // The R rfm package's sample, per customer in days (purchase occasions by calendar day, as_of 2006-12-31).
  const orders = readOrders();
  const asOf = Date.parse('2006-12-31') / 86_400_000;
  const byCustomer = new Map<string, Map<number, number>>();
  orders.customers.forEach((c, i) => {
    const day = Date.parse(orders.dates[i] as string) / 86_400_000;
    const days = byCustomer.get(c) ?? new Map<number, number>();
    days.set(day, (days.get(day) ?? 0) + (orders.revenues[i] as number));
    byCustomer.set(c, days);
  });
  const rfm = { x: [] as number[], tx: [] as number[], T: [] as number[] };
  const spend = { x: [] as number[], meanValue: [] as number[] };
  for (const days of byCustomer.values()) {
    const sorted = [...days.keys()].sort((a, b) => a - b);
    const first = sorted[0] as number;
    rfm.x.push(sorted.length - 1);
    rfm.tx.push((sorted[sorted.length - 1] as number) - first);
    rfm.T.push(asOf - first);
    if (sorted.length > 1) {
      spend.x.push(sorted.length - 1);
      spend.meanValue.push(sorted.slice(1).reduce((s, d) => s + (days.get(d) as number), 0) / (sorted.length - 1));
    }
  }

  it('the BG/NBD likelihood is continuous up to r → ∞ and a + b → ∞ (no digit lost to the gamma functions)', () => {
    const at = (r: number, ab: number): number =>
      bgnbdLogLikelihood({ r, alpha: r / 0.005, a: 0.06 * ab, b: 0.94 * ab }, rfm);
    const limit = at(1e15, 1e15);
    for (const big of [1e9, 1e12]) expect(Math.abs(at(big, big) - limit)).toBeLessThan(1e-3);
  });

  it('the Gamma-Gamma likelihood is continuous up to q → ∞ with q/γ fixed', () => {
    const at = (q: number): number => gammaGammaLogLikelihood({ p: 2.6, q, gamma: q / 0.0274 }, spend);
    const limit = at(1e15);
    for (const big of [1e9, 1e12]) expect(Math.abs(at(big) - limit)).toBeLessThan(1e-3);
  });

  it('on the rfm sample (everyone drops out with one probability and spends around one mean) both fits converge at those limits', () => {
    const purchases = fitted(fitBgnbd(rfm));
    // r and α finite: the rates differ between customers; a and b without bound, their ratio the common dropout
    expect(purchases.params.r).toBeGreaterThan(10);
    expect(purchases.params.r).toBeLessThan(1000);
    expect(purchases.params.a + purchases.params.b).toBeGreaterThan(1e8);
    const dropout = purchases.params.a / (purchases.params.a + purchases.params.b);
    expect(dropout).toBeGreaterThan(0.03);
    expect(dropout).toBeLessThan(0.1);
    // the limit is the maximum: a heterogeneous dropout, or a bigger r, is less likely
    for (const other of [
      { ...purchases.params, a: 1, b: 1 / dropout - 1 },
      { ...purchases.params, r: purchases.params.r * 10, alpha: purchases.params.alpha * 10 },
    ]) {
      expect(bgnbdLogLikelihood(other, rfm)).toBeLessThan(purchases.logLikelihood);
    }
    const value = ggFitted(fitGammaGamma(spend));
    expect(value.params.q).toBeGreaterThan(1e8);
    const mean = spend.meanValue.reduce((s, v) => s + v, 0) / spend.meanValue.length;
    // at q → ∞ every customer's expected order value is the population's p/ν̄
    const population = expectedOrderValue(value.params, 0, 0);
    expectRelative(population, mean, 0.05);
    expectRelative(expectedOrderValue(value.params, 5, 3 * mean), population, 1e-6);
    for (let i = 0; i < 20; i++) {
      const alive = probabilityAlive(purchases.params, rfm.x[i] as number, rfm.tx[i] as number, rfm.T[i] as number);
      const expected = expectedPurchases(
        purchases.params,
        rfm.x[i] as number,
        rfm.tx[i] as number,
        rfm.T[i] as number,
        365,
      );
      expect(alive >= 0 && alive <= 1).toBe(true);
      expect(Number.isFinite(expected) && expected >= 0).toBe(true);
    }
  });
});
