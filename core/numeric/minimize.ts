/**
 * Unconstrained minimisation for the CLV models' maximum-likelihood fits: BFGS with an analytic gradient and a
 * backtracking (Armijo) line search, run from several fixed starting points, the best converged run kept.
 * The models minimise their mean negative log-likelihood over the logarithms of their positive parameters, so no
 * bound is needed and the problem's scale does not depend on the number of customers.
 *
 * Why BFGS of our own rather than a package: the fits need a gradient-based method to stop on a measured
 * criterion (the gradient), and the npm candidates are either unmaintained (`fmin` 0.0.4, last released 2016,
 * Nelder–Mead and conjugate gradient) or large numeric suites. The method is the textbook one (Nocedal & Wright,
 * Numerical Optimization, 2nd ed., Algorithm 6.1 with the inverse-Hessian update 6.17, the initial scaling 6.20
 * and Algorithm 3.1's backtracking); it is deterministic and uses no native code.
 *
 * A run ends in one of these ways, never with a silent number:
 * - `converged`: the largest gradient component is at most `gradientTolerance`, or the decrease the quadratic
 *   model promises for a full quasi-Newton step, −gᵀd = gᵀHg, is below 1e-14·(1 + |f|) (a few times the rounding
 *   error of a mean of log-likelihood terms: nothing left to gain that rounding would not hide); the second test
 *   is made once H has been updated at least once, and when the line search finds no lower value;
 * - `notConverged` with a reason: `iterations` (the limit of iterations or of evaluations was reached: a run
 *   creeping along a ridge towards infinity ends here in bounded time), `lineSearch` (no lower value along a descent
 *   direction although one is promised), `notFinite` (the start's value or gradient is not finite), `unbounded`
 *   (a coordinate went past ±`bound`: the value keeps falling towards a parameter 0 or infinity, so there is no
 *   interior minimum).
 *
 * Cost: per iteration one gradient evaluation per line-search trial (usually one) and O(d²) for the update, d the
 * number of parameters.
 *
 * @example
 *   minimizeBfgs((x, g) => { g[0] = 2 * (x[0]! - 3); return (x[0]! - 3) ** 2; }, [0])
 *   // → { kind: 'converged', x: Float64Array [3], value: 0, … }
 */

/** Writes the gradient at x into `gradient` and returns the value at x. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface MinimizeOptions {
  /** Most iterations of one run; default 200 (the fits converge in 20 to 40). */
  readonly maxIterations?: number;
  /** Most evaluations of the function in one run, line-search trials included; default 300. */
  readonly maxEvaluations?: number;
  /** Converged when every gradient component is at most this; default 1e-9. */
  readonly gradientTolerance?: number;
  /** The longest first trial step, in the largest coordinate; default 2. */
  readonly maxStep?: number;
  /** A coordinate past ±bound means the minimum is not inside; default 30. */
  readonly bound?: number;
}

export type NotConvergedReason = 'iterations' | 'lineSearch' | 'notFinite' | 'unbounded';

interface RunFacts {
  readonly x: Float64Array;
  readonly value: number;
  /** The largest gradient component at x. */
  readonly gradientNorm: number;
  readonly iterations: number;
  readonly evaluations: number;
}

export interface Converged extends RunFacts {
  readonly kind: 'converged';
}

export interface NotConverged extends RunFacts {
  readonly kind: 'notConverged';
  readonly reason: NotConvergedReason;
}

export type MinimizeResult = Converged | NotConverged;

const ARMIJO = 1e-4;
const MAX_HALVINGS = 60;
const ROUNDING_FLOOR = 1e-14;

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i] as number);
    if (a > m || a !== a) m = a;
  }
  return m;
}

function dot(u: Float64Array, v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += (u[i] as number) * (v[i] as number);
  return s;
}

function identity(h: Float64Array, d: number, scale: number): void {
  h.fill(0);
  for (let i = 0; i < d; i++) h[i * d + i] = scale;
}

/** BFGS from one starting point. O(iterations · (evaluation + d²)). */
export function minimizeBfgs(f: Objective, start: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const maxIterations = options.maxIterations ?? 200;
  const maxEvaluations = options.maxEvaluations ?? 300;
  const tolerance = options.gradientTolerance ?? 1e-9;
  const maxStep = options.maxStep ?? 2;
  const bound = options.bound ?? 30;
  const d = start.length;
  let x = Float64Array.from(start);
  let g = new Float64Array(d);
  let value = f(x, g);
  let evaluations = 1;
  const h = new Float64Array(d * d);
  identity(h, d, 1);
  let scaled = false;
  const dir = new Float64Array(d);
  let xNew = new Float64Array(d);
  let gNew = new Float64Array(d);
  const s = new Float64Array(d);
  const y = new Float64Array(d);
  const hy = new Float64Array(d);
  const facts = (iterations: number): RunFacts => ({
    x: Float64Array.from(x),
    value,
    gradientNorm: maxAbs(g),
    iterations,
    evaluations,
  });
  if (!Number.isFinite(value) || !Number.isFinite(maxAbs(g))) {
    return { kind: 'notConverged', reason: 'notFinite', ...facts(0) };
  }
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (maxAbs(g) <= tolerance) return { kind: 'converged', ...facts(iteration) };
    if (evaluations >= maxEvaluations) return { kind: 'notConverged', reason: 'iterations', ...facts(iteration) };
    for (let i = 0; i < d; i++) {
      let sum = 0;
      for (let j = 0; j < d; j++) sum -= (h[i * d + j] as number) * (g[j] as number);
      dir[i] = sum;
    }
    let slope = dot(g, dir);
    if (!(slope < 0)) {
      identity(h, d, 1);
      scaled = false;
      for (let i = 0; i < d; i++) dir[i] = -(g[i] as number);
      slope = dot(g, dir);
    } else if (scaled && -slope <= ROUNDING_FLOOR * (1 + Math.abs(value))) {
      return { kind: 'converged', ...facts(iteration) };
    }
    const longest = maxAbs(dir);
    if (longest > maxStep) {
      for (let i = 0; i < d; i++) dir[i] = ((dir[i] as number) * maxStep) / longest;
      slope = dot(g, dir);
    }
    let step = 1;
    let accepted = false;
    let valueNew = NaN;
    for (let k = 0; k < MAX_HALVINGS; k++) {
      for (let i = 0; i < d; i++) xNew[i] = (x[i] as number) + step * (dir[i] as number);
      valueNew = f(xNew, gNew);
      evaluations++;
      if (Number.isFinite(valueNew) && valueNew <= value + ARMIJO * step * slope && Number.isFinite(maxAbs(gNew))) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) {
      if (-slope <= ROUNDING_FLOOR * (1 + Math.abs(value))) return { kind: 'converged', ...facts(iteration) };
      return { kind: 'notConverged', reason: 'lineSearch', ...facts(iteration) };
    }
    for (let i = 0; i < d; i++) {
      s[i] = (xNew[i] as number) - (x[i] as number);
      y[i] = (gNew[i] as number) - (g[i] as number);
    }
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    value = valueNew;
    if (maxAbs(x) > bound) return { kind: 'notConverged', reason: 'unbounded', ...facts(iteration + 1) };
    const sy = dot(s, y);
    // skip the update when the curvature condition fails (Armijo alone does not ensure it)
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (!scaled) {
        identity(h, d, sy / dot(y, y));
        scaled = true;
      }
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1 / sᵀy
      const rho = 1 / sy;
      for (let i = 0; i < d; i++) {
        let sum = 0;
        for (let j = 0; j < d; j++) sum += (h[i * d + j] as number) * (y[j] as number);
        hy[i] = sum;
      }
      const yhy = dot(y, hy);
      for (let i = 0; i < d; i++) {
        for (let j = 0; j < d; j++) {
          const si = s[i] as number;
          const sj = s[j] as number;
          h[i * d + j] =
            (h[i * d + j] as number) -
            rho * ((hy[i] as number) * sj + si * (hy[j] as number)) +
            (rho * rho * yhy + rho) * si * sj;
        }
      }
    }
  }
  return maxAbs(g) <= tolerance
    ? { kind: 'converged', ...facts(maxIterations) }
    : { kind: 'notConverged', reason: 'iterations', ...facts(maxIterations) };
}

export interface BestOfStarts {
  /** The converged run of least value (the earlier start on a tie), when it is the least value any run reached. */
  readonly best: MinimizeResult;
  /** Which start it came from (0-based). */
  readonly start: number;
  /** Every run, in the order of the starts. */
  readonly runs: readonly MinimizeResult[];
}

/**
 * Runs BFGS from each start and keeps the converged run of least value. The answer is `notConverged` when no run
 * converged, or when a run that did not converge reached a value lower than the best converged one by more than
 * 1e-9·(1 + |value|): the minimum found is then not the least value the function takes (for a likelihood: the
 * maximum is at a boundary, a parameter going to 0 or infinity). O(starts · one run).
 */
export function minimizeFromStarts(
  f: Objective,
  starts: readonly ArrayLike<number>[],
  options: MinimizeOptions = {},
): BestOfStarts {
  const runs = starts.map((start) => minimizeBfgs(f, start, options));
  let best = -1;
  let lowestFailed = -1;
  runs.forEach((run, i) => {
    if (run.kind === 'converged') {
      if (best < 0 || run.value < (runs[best] as MinimizeResult).value) best = i;
    } else if (Number.isFinite(run.value)) {
      if (lowestFailed < 0 || run.value < (runs[lowestFailed] as MinimizeResult).value) lowestFailed = i;
    }
  });
  if (best < 0) {
    const shown = lowestFailed >= 0 ? lowestFailed : 0;
    return { best: runs[shown] as MinimizeResult, start: shown, runs };
  }
  const winner = runs[best] as Converged;
  if (lowestFailed >= 0) {
    const failed = runs[lowestFailed] as NotConverged;
    if (failed.value < winner.value - 1e-9 * (1 + Math.abs(winner.value))) {
      return { best: failed, start: lowestFailed, runs };
    }
  }
  return { best: winner, start: best, runs };
}
