/**
 * k-means segmentation: groups customers (rows) whose numeric features (columns) are alike, numbering the groups
 * 1..k with 1 the largest. Lloyd iterations from a seeded k-means++ start (./lloyd.ts) do the fitting;
 * this file adds what a spreadsheet formula needs on top:
 *
 * 0. log scale (unless turned off): a column whose present values are all ≥ 0 and strongly right-skewed
 *    (skewness above `LOG_SKEWNESS` = 2, as revenue usually is: a few customers buy a hundred times the median) is
 *    clustered on log(1 + x / m), m the median of its positive values. Dividing by m makes the scale unit-free
 *    (revenue in ₫ or in millions of ₫ gives the same clusters); without it one very large customer is a cluster
 *    of its own and everybody else the other. Fewer than 7 rows can never reach a skewness of 2.
 * 1. z-scoring: each column becomes (x − mean) / standard deviation (population), so a column in dong does not
 *    outweigh a column of order counts. A blank (NaN) is left out of its column's mean and standard deviation and
 *    gets z = 0: it sits at the column's mean, so the row is clustered on its other columns. A column whose values
 *    are all equal within the shared relative tolerance is constant: it becomes 0 and contributes nothing. Sums
 *    run over each column's sorted values, so they round the same way in any row order.
 * 2. canonical order: rows sorted lexicographically on their z-scored vectors, ties by original values (a blank
 *    before any number). Seeding, sampling and numbering all work in this order, so reordering the rows reorders
 *    the answers and nothing else.
 * 3. restarts: `RESTARTS` fits per k, each seeded from (seed, k, restart); the least inertia (sum of squared
 *    distances to the nearest centroid) wins, ties to the earlier restart. Over `FIT_ROWS` rows, the centroids are
 *    fitted on `FIT_ROWS` rows taken by stride in canonical order, then every row goes to its nearest centroid.
 *    With no more distinct rows than k, each distinct row is its own cluster (fewer than k clusters appear).
 * 4. choosing k (when not given): each k in 2..min(8, n − 1) is scored by its mean silhouette on at most
 *    `SILHOUETTE_ROWS` rows taken by stride in canonical order. The best k whose clusters all hold at least
 *    `MIN_CLUSTER_SHARE` (2 %) of the rows wins, ties (within the shared relative tolerance) to the smaller k: a
 *    silhouette can be best with one outlier alone, which names nobody. When every k leaves some cluster under
 *    2 %, the best silhouette wins. Below 50 rows 2 % is less than one row, so the size rule never applies. The
 *    same seeds are used as for a given k, so a chosen k gives the same answer as asking for that k.
 * 5. numbering: clusters by size, descending; equal sizes by their first member in canonical order.
 * 6. profile: each cluster's size and the mean of each column over its present values, in the column's own units
 *    (before log and z), summed in canonical order.
 *
 * Cost, for n rows, p features, K candidate values of k (1, or up to 7 when choosing), R = 10 restarts, I ≤ 100
 * Lloyd iterations, m = min(n, 10,000) fitted rows and s = min(n, 2,000) silhouette rows:
 * O(p·n log n) to scale, z-score and order, O(K·R·I·m·k·p) to fit, O(s²·p + K·s²) for the silhouettes and
 * O(n·k·p) to assign every row (once more per k passed over for a small cluster); memory O(n·p + s²). The fit and
 * silhouette terms stop growing past 10,000 rows: on 1,048,576 rows × 3 features (Node 20, one core) the call
 * takes about 1.5 s with k given, half of it sorting, and 2–4 s with k blank, most of it the 7 × 10 fits on
 * 10,000 rows.
 *
 * @see http://ilpubs.stanford.edu:8090/778/1/2006-13.pdf (Arthur & Vassilvitskii, k-means++: the advantages of careful seeding)
 * @see https://doi.org/10.1016/0377-0427(87)90125-7 (Rousseeuw, silhouettes)
 * @example kmeansCluster(Float64Array.of(1, 2, 3, 20, 21, 50), 1, { seed: 1 }).clusters
 *   // → Int32Array [1, 1, 1, 2, 2, 3]: k = 3 has the best silhouette; the three small values are the largest cluster
 */
import { lloyd } from './lloyd.js';
import { atMost, clearlyAbove } from '../tolerance.js';
import { meanSilhouette, pairwiseDistances } from './silhouette.js';

/** The largest k tried when k is chosen. */
export const MAX_AUTO_K = 8;
/** The seed when none is given. */
export const KMEANS_DEFAULT_SEED = 1;
/** Fits per k; the one with the least inertia is kept. */
export const RESTARTS = 10;
/** Above this many rows, centroids are fitted on this many rows taken by stride in canonical order. */
export const FIT_ROWS = 10_000;
/** The silhouette is computed on at most this many rows, taken by stride in canonical order. */
export const SILHOUETTE_ROWS = 2_000;
/** A column of values ≥ 0 whose skewness is above this is clustered on a log scale. */
export const LOG_SKEWNESS = 2;
/** When k is chosen, each cluster should hold at least this share of the rows. */
export const MIN_CLUSTER_SHARE = 0.02;
const MAX_ITERATIONS = 100;
/** A fit stops when no centroid moves by more than this squared distance (in z-score units). */
const CONVERGED = 1e-6;

export interface KmeansOptions {
  /** Number of clusters, 2..n; left out: chosen among 2..min(8, n − 1) by the best mean silhouette. */
  readonly k?: number;
  /** Any whole number; the same seed gives the same answer. */
  readonly seed: number;
  /** Cluster strongly right-skewed columns of values ≥ 0 on log(1 + x / median); default true. */
  readonly logScale?: boolean;
}

/** One cluster of the profile: its size and the mean of each feature (NaN when all its rows are blank there). */
export interface ClusterMeans {
  readonly size: number;
  readonly means: readonly number[];
}

export interface KmeansResult {
  /** Cluster number (1 = largest) of each row, in the input's row order. */
  readonly clusters: Int32Array;
  /** The k that was fitted: the one given, or the one chosen. */
  readonly k: number;
  /** Clusters that have members: k, or fewer when there are fewer distinct rows than k. */
  readonly count: number;
  /** Mean silhouette (on the sample) of the chosen k; NaN when k was given. */
  readonly silhouette: number;
  /** Per feature, whether it was clustered on a log scale. */
  readonly logScaled: readonly boolean[];
  /** Per feature, how many rows were blank (NaN) there. */
  readonly blanks: readonly number[];
  /** Per cluster, 1 first: its size and feature means in the features' own units. */
  readonly profile: readonly ClusterMeans[];
}

/** Column j's present (non-NaN) values, sorted ascending. */
function presentSorted(features: Float64Array, p: number, j: number): Float64Array {
  const n = features.length / p;
  const column = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const x = features[i * p + j] as number;
    if (x === x) column[m++] = x;
  }
  return column.subarray(0, m).sort();
}

/**
 * Skewness (third standardized moment, population) of sorted values; NaN when they are all equal within the shared
 * relative tolerance or fewer than 2. Moments of (x − mean) / sd, so large amounts do not overflow.
 */
export function skewness(sorted: Float64Array): number {
  const m = sorted.length;
  if (m < 2 || atMost(sorted[m - 1] as number, sorted[0] as number)) return NaN;
  let sum = 0;
  for (let i = 0; i < m; i++) sum += sorted[i] as number;
  const mean = sum / m;
  let squares = 0;
  for (let i = 0; i < m; i++) squares += ((sorted[i] as number) - mean) ** 2;
  const sd = Math.sqrt(squares / m);
  if (!(sd > 0)) return NaN;
  let cubes = 0;
  for (let i = 0; i < m; i++) cubes += (((sorted[i] as number) - mean) / sd) ** 3;
  return cubes / m;
}

/** The median of the positive values among sorted values ≥ 0 (some are positive when the skewness is defined). */
function positiveMedian(sorted: Float64Array): number {
  let first = 0;
  while (first < sorted.length && !((sorted[first] as number) > 0)) first++;
  const count = sorted.length - first;
  const mid = first + Math.floor(count / 2);
  return count % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Per column, the divisor of its log scale: the median of its positive values when the column is clustered on
 * log(1 + x / median) (all present values ≥ 0, skewness above `LOG_SKEWNESS`), else 0 (kept as it is).
 */
export function logScaleDivisors(features: Float64Array, p: number): number[] {
  const divisors: number[] = [];
  for (let j = 0; j < p; j++) {
    const sorted = presentSorted(features, p, j);
    const skewed = sorted.length > 0 && (sorted[0] as number) >= 0 && skewness(sorted) > LOG_SKEWNESS;
    divisors.push(skewed ? positiveMedian(sorted) : 0);
  }
  return divisors;
}

/** The features with each column of positive divisor d replaced by log(1 + x / d); blanks (NaN) stay blank. */
function applyLogScale(features: Float64Array, p: number, divisors: readonly number[]): Float64Array {
  if (divisors.every((d) => d === 0)) return features;
  const out = Float64Array.from(features);
  for (let i = 0; i < out.length; i++) {
    const d = divisors[i % p] as number;
    if (d > 0) out[i] = Math.log1p((out[i] as number) / d);
  }
  return out;
}

/**
 * Z-scores every column of an n×p row-major matrix. A blank (NaN) is left out of its column's mean and standard
 * deviation and becomes 0, the column's mean. A constant column (all present values equal within the shared
 * relative tolerance) becomes 0. Each column's sums run over its sorted values: the same in any row order.
 * Scaling by an exact power of two keeps the squares of very large or very small values finite.
 */
export function standardize(features: Float64Array, p: number): Float64Array {
  const n = features.length / p;
  const z = new Float64Array(n * p);
  if (n === 0) return z;
  for (let j = 0; j < p; j++) {
    const column = presentSorted(features, p, j);
    const m = column.length;
    if (m === 0) continue;
    const lo = column[0] as number;
    const hi = column[m - 1] as number;
    if (atMost(hi, lo)) continue;
    const size = Math.max(Math.abs(lo), Math.abs(hi));
    const scale = size > 1e150 ? 2 ** -600 : size < 1e-150 ? 2 ** 600 : 1;
    let sum = 0;
    for (let i = 0; i < m; i++) sum += (column[i] as number) * scale;
    const mean = sum / m;
    let squares = 0;
    for (let i = 0; i < m; i++) {
      const d = (column[i] as number) * scale - mean;
      squares += d * d;
    }
    const sd = Math.sqrt(squares / m);
    if (!(sd > 0)) continue;
    for (let i = 0; i < n; i++) {
      const x = features[i * p + j] as number;
      if (x === x) z[i * p + j] = (x * scale - mean) / sd;
    }
  }
  return z;
}

/** Original values in order, a blank (NaN) before any number. */
function compareValues(a: number, b: number): number {
  if (a === b) return 0;
  if (a !== a) return b !== b ? 0 : -1;
  if (b !== b) return 1;
  return a - b;
}

/** Row indexes sorted lexicographically on the z-scored rows, ties by the original values (blanks first). */
export function canonicalOrder(z: Float64Array, features: Float64Array, p: number): Uint32Array {
  const n = z.length / p;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    const ia = a * p;
    const ib = b * p;
    for (let j = 0; j < p; j++) {
      const d = (z[ia + j] as number) - (z[ib + j] as number);
      if (d !== 0) return d;
    }
    for (let j = 0; j < p; j++) {
      const d = compareValues(features[ia + j] as number, features[ib + j] as number);
      if (d !== 0) return d;
    }
    return a - b; // identical rows: interchangeable, any order gives the same answers
  });
  return order;
}

/** The rows at `indexes`, in that order, as a new row-major matrix. */
function gatherRows(matrix: Float64Array, indexes: ArrayLike<number>, p: number): Float64Array {
  const out = new Float64Array(indexes.length * p);
  for (let i = 0; i < indexes.length; i++) {
    const from = (indexes[i] as number) * p;
    for (let j = 0; j < p; j++) out[i * p + j] = matrix[from + j] as number;
  }
  return out;
}

/** At most `limit` of n row positions, evenly spread: ⌊i·n/limit⌋. */
export function strideSample(n: number, limit: number): Uint32Array {
  const m = Math.min(n, limit);
  const out = new Uint32Array(m);
  for (let i = 0; i < m; i++) out[i] = Math.floor((i * n) / m);
  return out;
}

function sameRow(matrix: Float64Array, a: number, b: number, p: number): boolean {
  for (let j = 0; j < p; j++) if (matrix[a * p + j] !== matrix[b * p + j]) return false;
  return true;
}

/** Positions of the first row of each run of equal rows (in a sorted matrix, the distinct rows). */
function distinctRows(sorted: Float64Array, p: number): number[] {
  const n = sorted.length / p;
  const firsts: number[] = [];
  for (let i = 0; i < n; i++) if (i === 0 || !sameRow(sorted, i, i - 1, p)) firsts.push(i);
  return firsts;
}

/**
 * Puts each point's nearest centroid (the lower index on a tie) in `labels` and returns the inertia, the sum of
 * squared distances to those centroids. O(n·k·p).
 */
export function assignNearest(points: Float64Array, p: number, centroids: Float64Array, labels: Int32Array): number {
  const n = points.length / p;
  const k = centroids.length / p;
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const at = i * p;
    let best = 0;
    let bestDistance = Infinity;
    for (let c = 0; c < k; c++) {
      const cAt = c * p;
      let distance = 0;
      for (let j = 0; j < p; j++) {
        const d = (points[at + j] as number) - (centroids[cAt + j] as number);
        distance += d * d;
      }
      if (distance < bestDistance) {
        bestDistance = distance;
        best = c;
      }
    }
    labels[i] = best;
    inertia += bestDistance;
  }
  return inertia;
}

/** A 32-bit seed for one restart of one k, mixed from the user's seed (any whole number). */
export function restartSeed(seed: number, k: number, restart: number): number {
  let h = 0x811c9dc5;
  for (const v of [seed >>> 0, Math.floor(seed / 4294967296) >>> 0, k, restart]) {
    h = Math.imul(h ^ v, 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
  }
  return h >>> 0;
}

/** The rows to fit on (z-scored, canonical order), ready for every k. */
interface FitData {
  readonly points: Float64Array;
  readonly distinct: readonly number[];
}

function fitData(points: Float64Array, p: number): FitData {
  return { points, distinct: distinctRows(points, p) };
}

/** The best of `RESTARTS` fits by inertia; with no more distinct rows than k, the distinct rows themselves. */
function fitCentroids(data: FitData, p: number, k: number, seed: number): Float64Array {
  if (data.distinct.length <= k) return gatherRows(data.points, data.distinct, p);
  const labels = new Int32Array(data.points.length / p);
  let best: Float64Array = new Float64Array(0);
  let bestInertia = Infinity;
  for (let restart = 0; restart < RESTARTS; restart++) {
    const centroids = lloyd(data.points, p, k, restartSeed(seed, k, restart), MAX_ITERATIONS, CONVERGED);
    const inertia = assignNearest(data.points, p, centroids, labels);
    if (inertia < bestInertia) {
      bestInertia = inertia;
      best = centroids;
    }
  }
  return best;
}

/** The k with the best score; a larger k must beat the best so far by more than the shared relative tolerance. */
export function bestK(scores: readonly { readonly k: number; readonly score: number }[]): number {
  let best: { readonly k: number; readonly score: number } | undefined;
  for (const s of [...scores].sort((a, b) => a.k - b.k)) if (!best || clearlyAbove(s.score, best.score)) best = s;
  if (!best) throw new RangeError('no k to choose from');
  return best.k;
}

/**
 * Cluster numbers from labels given in canonical order: 1 for the largest cluster, equal sizes by their first
 * member; empty clusters get no number. Returns number-by-label (0 for an empty label) and the count of numbers.
 */
export function numberClusters(labels: Int32Array, k: number): { numbers: Int32Array; count: number } {
  const sizes = new Int32Array(k);
  const first = new Int32Array(k).fill(-1);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i] as number;
    if (sizes[c] === 0) first[c] = i;
    sizes[c]! += 1;
  }
  const used: number[] = [];
  for (let c = 0; c < k; c++) if ((sizes[c] as number) > 0) used.push(c);
  used.sort((a, b) => (sizes[b] as number) - (sizes[a] as number) || (first[a] as number) - (first[b] as number));
  const numbers = new Int32Array(k);
  used.forEach((c, rank) => (numbers[c] = rank + 1));
  return { numbers, count: used.length };
}

/** The smallest cluster with members, as a count of rows; `labels` index `sizes`. */
function smallestCluster(labels: Int32Array, k: number): number {
  const sizes = new Int32Array(k);
  for (let i = 0; i < labels.length; i++) sizes[labels[i] as number]! += 1;
  let smallest = Infinity;
  for (let c = 0; c < k; c++) if ((sizes[c] as number) > 0) smallest = Math.min(smallest, sizes[c] as number);
  return smallest;
}

/**
 * Each cluster's size and the mean of each feature over its present (non-NaN) values, clusters numbered 1..count;
 * sums run in canonical order (`order`), so they round the same way in any row order.
 */
function clusterProfile(
  features: Float64Array,
  p: number,
  clusters: Int32Array,
  count: number,
  order: ArrayLike<number>,
): ClusterMeans[] {
  const sizes = new Float64Array(count);
  const sums = new Float64Array(count * p);
  const present = new Float64Array(count * p);
  for (let position = 0; position < order.length; position++) {
    const row = order[position] as number;
    const c = (clusters[row] as number) - 1;
    sizes[c]! += 1;
    for (let j = 0; j < p; j++) {
      const x = features[row * p + j] as number;
      if (x !== x) continue;
      sums[c * p + j]! += x;
      present[c * p + j]! += 1;
    }
  }
  return Array.from({ length: count }, (_, c) => ({
    size: sizes[c] as number,
    means: Array.from({ length: p }, (_, j) =>
      present[c * p + j] ? (sums[c * p + j] as number) / (present[c * p + j] as number) : NaN,
    ),
  }));
}

/**
 * Clusters the n rows of an n×p row-major matrix of finite numbers or NaN for a blank (n ≥ 2; k, when given, in
 * 2..n; when not given, n ≥ 3). See the file comment for the steps and their cost.
 */
export function kmeansCluster(features: Float64Array, p: number, options: KmeansOptions): KmeansResult {
  const n = p > 0 ? features.length / p : 0;
  const { k, seed } = options;
  if (k !== undefined && !(Number.isInteger(k) && k >= 2 && k <= n)) throw new RangeError(`k must be in 2..${n}`);
  const candidates: number[] = [];
  if (k !== undefined) candidates.push(k);
  else for (let c = 2; c <= Math.min(MAX_AUTO_K, n - 1); c++) candidates.push(c);
  if (candidates.length === 0) throw new RangeError('choosing k needs at least 3 rows');

  const divisors = options.logScale === false ? new Array<number>(p).fill(0) : logScaleDivisors(features, p);
  const z = standardize(applyLogScale(features, p, divisors), p);
  const order = canonicalOrder(z, features, p);
  const canonical = gatherRows(z, order, p);
  const fit = fitData(gatherRows(canonical, strideSample(n, FIT_ROWS), p), p);
  const labels = new Int32Array(n);

  let chosen: { k: number; centroids: Float64Array; score: number } = {
    k: candidates[0] as number,
    centroids: new Float64Array(0),
    score: NaN,
  };
  if (candidates.length === 1) {
    chosen.centroids = fitCentroids(fit, p, chosen.k, seed);
    assignNearest(canonical, p, chosen.centroids, labels);
  } else {
    const sample = gatherRows(canonical, strideSample(n, SILHOUETTE_ROWS), p);
    const distances = pairwiseDistances(sample, p);
    const sampleLabels = new Int32Array(sample.length / p);
    const scored: { k: number; score: number; centroids: Float64Array }[] = [];
    for (const candidate of candidates) {
      const centroids = fitCentroids(fit, p, candidate, seed);
      assignNearest(sample, p, centroids, sampleLabels);
      scored.push({ k: candidate, score: meanSilhouette(distances, sampleLabels, centroids.length / p), centroids });
    }
    // The best silhouette whose clusters all hold 2 % of the rows; the best silhouette when none does.
    let pool = scored;
    let found: (typeof scored)[number] | undefined;
    while (pool.length > 0 && !found) {
      const best = bestK(pool);
      const candidate = pool.find((s) => s.k === best) as (typeof scored)[number];
      assignNearest(canonical, p, candidate.centroids, labels);
      if (smallestCluster(labels, candidate.centroids.length / p) >= MIN_CLUSTER_SHARE * n) found = candidate;
      else pool = pool.filter((s) => s !== candidate);
    }
    if (!found) {
      const best = bestK(scored);
      found = scored.find((s) => s.k === best) as (typeof scored)[number];
      assignNearest(canonical, p, found.centroids, labels);
    }
    chosen = found;
  }

  const { numbers, count } = numberClusters(labels, chosen.centroids.length / p);
  const clusters = new Int32Array(n);
  for (let position = 0; position < n; position++) {
    clusters[order[position] as number] = numbers[labels[position] as number] as number;
  }
  const blanks = new Array<number>(p).fill(0);
  for (let i = 0; i < features.length; i++) if (features[i] !== features[i]) blanks[i % p]! += 1;
  return {
    clusters,
    k: chosen.k,
    count,
    silhouette: chosen.score,
    logScaled: divisors.map((d) => d > 0),
    blanks,
    profile: clusterProfile(features, p, clusters, count, order),
  };
}
