/**
 * The numeric pieces under the CLV models: log-gamma and digamma, the hypergeometric term of the BG/NBD's
 * equation 10, and the BFGS minimiser with its several starts.
 */
import { describe, expect, it } from 'vitest';
import { digamma, logGamma } from '../core/numeric/gamma.js';
import { expectedAliveHyp, MAX_TERMS } from '../core/numeric/hyp2f1.js';
import { minimizeBfgs, minimizeFromStarts, type Objective } from '../core/numeric/minimize.js';

function expectRelative(got: number, want: number, tolerance: number): void {
  expect(Math.abs(got - want), `${got} vs ${want}`).toBeLessThanOrEqual(tolerance * Math.abs(want));
}

describe('logGamma and digamma', () => {
  // scipy 1.10.1, scipy.special.gammaln and scipy.special.digamma
  const REFERENCE: readonly (readonly [number, number, number])[] = [
    [1e-3, 6.907178885383853, -1000.5755719318103],
    [0.243, 1.3180435846996699, -4.351093864423211],
    [0.5, 0.5723649429247, -1.9635100260214235],
    [2.5, 0.2846828704729192, 0.7031566406452432],
    [7.3, 7.147892523022249, 1.917820335637986],
    [100.5, 361.43554046777757, 4.605174352581845],
    [1e6, 12815504.569147611, 13.81551005796419],
  ];

  it('match scipy to 1e-13 relative', () => {
    for (const [x, lg, psi] of REFERENCE) {
      expectRelative(logGamma(x), lg, 1e-13);
      expectRelative(digamma(x), psi, 1e-13);
    }
  });

  it('ln Γ(n) = ln (n − 1)! and ψ(1) = −γ; ψ is the slope of ln Γ', () => {
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-15);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-15);
    expectRelative(logGamma(5), Math.log(24), 1e-15);
    expectRelative(digamma(1), -0.5772156649015329, 1e-14);
    for (const x of [0.3, 1.7, 12.5]) {
      const h = 1e-5;
      expectRelative(digamma(x), (logGamma(x + h) - logGamma(x - h)) / (2 * h), 1e-8);
    }
  });

  it('give NaN outside x > 0', () => {
    for (const x of [0, -1, NaN]) {
      expect(logGamma(x)).toBeNaN();
      expect(digamma(x)).toBeNaN();
    }
  });
});

describe('expectedAliveHyp: c/(c − b) · [1 − (1 − z)^a ₂F₁(a, b; c; z)]', () => {
  it('is 2·(1 + (1 − z) ln(1 − z)/z) for a = b = 1, c = 2 (₂F₁(1, 1; 2; z) = −ln(1 − z)/z)', () => {
    for (const z of [1e-6, 0.1, 0.5, 0.9, 0.99]) {
      expectRelative(expectedAliveHyp(1, 1, 2, z), 2 * (1 + ((1 - z) * Math.log1p(-z)) / z), 1e-9);
    }
  });

  it('is a·z/(1 − z) = a·s at first order, s = z/(1 − z)', () => {
    const s = 1e-7;
    expectRelative(expectedAliveHyp(2.5, 3, 4.2, s / (1 + s)), 2.5 * s, 1e-6);
  });

  it('is 0 at z = 0 and NaN outside its domain or past its term limit', () => {
    expect(expectedAliveHyp(1, 1, 2, 0)).toBe(0);
    expect(expectedAliveHyp(1, 1, 2, 1)).toBeNaN();
    expect(expectedAliveHyp(1, 1, 2, -0.1)).toBeNaN();
    expect(expectedAliveHyp(0, 1, 2, 0.5)).toBeNaN();
    expect(expectedAliveHyp(1, 3, 1.5, 0.5)).toBeNaN(); // c + 1 ≤ b: a_BG ≤ 0
    expect(expectedAliveHyp(1, 1, 2, 1 - 10 / MAX_TERMS)).toBeNaN();
  });
});

describe('minimizeBfgs and minimizeFromStarts', () => {
  // Rosenbrock's function, minimum 0 at (1, 1)
  const rosenbrock: Objective = (x, g) => {
    const [a, b] = [x[0] as number, x[1] as number];
    g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
    g[1] = 200 * (b - a * a);
    return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
  };

  it('finds the minimum of Rosenbrock’s function from (−1.2, 1)', () => {
    const run = minimizeBfgs(rosenbrock, [-1.2, 1]);
    expect(run.kind).toBe('converged');
    expect(run.x[0]).toBeCloseTo(1, 6);
    expect(run.x[1]).toBeCloseTo(1, 6);
  });

  it('says so when a function has no minimum: unbounded, never a number taken as the answer', () => {
    const falling: Objective = (x, g) => {
      g[0] = -1;
      return -(x[0] as number);
    };
    const run = minimizeBfgs(falling, [0]);
    expect(run).toMatchObject({ kind: 'notConverged', reason: 'unbounded' });
    expect(minimizeBfgs(falling, [0], { maxIterations: 3 })).toMatchObject({
      kind: 'notConverged',
      reason: 'iterations',
    });
    const nan: Objective = (_x, g) => {
      g[0] = NaN;
      return NaN;
    };
    expect(minimizeBfgs(nan, [0])).toMatchObject({ kind: 'notConverged', reason: 'notFinite' });
  });

  it('keeps the best converged start, and refuses it when a run that failed went lower', () => {
    // two minima: f(−1) = 1/3 and f(2) = −2/3
    const wells: Objective = (x, g) => {
      const v = x[0] as number;
      g[0] = 2 * (v + 1) * (v - 2) ** 2 + 2 * (v + 1) ** 2 * (v - 2) - 1 / 3;
      return (v + 1) ** 2 * (v - 2) ** 2 - v / 3;
    };
    const both = minimizeFromStarts(wells, [[-1.5], [2.5]]);
    expect(both.best.kind).toBe('converged');
    expect(both.start).toBe(1);
    expect(both.best.x[0]).toBeGreaterThan(1.5);
    const falling: Objective = (x, g) => {
      const v = x[0] as number;
      g[0] = 2 * v - 3 * Math.exp(v - 10);
      return v * v - 3 * Math.exp(v - 10);
    };
    const withRunaway = minimizeFromStarts(falling, [[0.5], [14]]);
    expect(withRunaway.runs[0]?.kind).toBe('converged');
    expect(withRunaway.best).toMatchObject({ kind: 'notConverged', reason: 'unbounded' });
  });
});
