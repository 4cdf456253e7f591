/**
 * Lloyd's k-means from a seeded k-means++ start: the classic algorithm, written here in typed arrays so the
 * spreadsheet bundles stay small (a general matrix library would triple their size).
 *
 * Cost: O(n·k·p) for the start and per iteration, at most `maxIterations` iterations; memory O(n + k·p).
 *
 * @see http://ilpubs.stanford.edu:8090/778/1/2006-13.pdf (Arthur & Vassilvitskii, k-means++)
 * @see https://en.wikipedia.org/wiki/Lloyd%27s_algorithm
 * @example lloyd(Float64Array.of(0, 1, 10, 11), 1, 2, 7) // → Float64Array [0.5, 10.5] (or [10.5, 0.5])
 */
import { seededRandom } from '../numeric/random.js';

function squaredDistance(points: Float64Array, i: number, centroids: Float64Array, c: number, p: number): number {
  let sum = 0;
  for (let j = 0; j < p; j++) {
    const d = (points[i * p + j] as number) - (centroids[c * p + j] as number);
    sum += d * d;
  }
  return sum;
}

/** k-means++ start: the first centroid at random, each next one with probability ∝ squared distance to the nearest. */
function kmeansPlusPlus(points: Float64Array, p: number, k: number, random: () => number): Float64Array {
  const n = points.length / p;
  const centroids = new Float64Array(k * p);
  const nearest = new Float64Array(n).fill(Infinity);
  let chosen = Math.min(n - 1, Math.floor(random() * n));
  for (let c = 0; c < k; c++) {
    centroids.set(points.subarray(chosen * p, (chosen + 1) * p), c * p);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = squaredDistance(points, i, centroids, c, p);
      if (d < (nearest[i] as number)) nearest[i] = d;
      total += nearest[i] as number;
    }
    if (total === 0) break;
    let target = random() * total;
    chosen = n - 1;
    for (let i = 0; i < n; i++) {
      target -= nearest[i] as number;
      if (target < 0) {
        chosen = i;
        break;
      }
    }
  }
  return centroids;
}

/** Centroids (row-major, k × p) of a seeded k-means fit of n points (row-major, n × p). */
export function lloyd(
  points: Float64Array,
  p: number,
  k: number,
  seed: number,
  maxIterations = 100,
  tolerance = 1e-6,
): Float64Array {
  const n = points.length / p;
  let centroids = kmeansPlusPlus(points, p, k, seededRandom(seed));
  const labels = new Int32Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < k; c++) {
        const d = squaredDistance(points, i, centroids, c, p);
        if (d < bestDistance) {
          bestDistance = d;
          best = c;
        }
      }
      labels[i] = best;
    }
    const sums = new Float64Array(k * p);
    const counts = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const c = labels[i] as number;
      counts[c] = (counts[c] as number) + 1;
      for (let j = 0; j < p; j++) sums[c * p + j] = (sums[c * p + j] as number) + (points[i * p + j] as number);
    }
    const next = new Float64Array(k * p);
    let moved = 0;
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < p; j++) {
        const count = counts[c] as number;
        next[c * p + j] = count > 0 ? (sums[c * p + j] as number) / count : (centroids[c * p + j] as number);
      }
      moved = Math.max(moved, squaredDistance(next, c, centroids, c, p));
    }
    centroids = next;
    if (moved <= tolerance) break;
  }
  return centroids;
}
