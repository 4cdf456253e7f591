/**
 * Silhouette: how well each point sits in its own cluster compared with the nearest other cluster.
 * For a point i in cluster A, a(i) = mean distance to the other members of A, b(i) = the smallest mean distance
 * to the members of another cluster, s(i) = (b − a) / max(a, b), between −1 and 1; a point alone in its cluster
 * has s = 0 (Rousseeuw's convention, also scikit-learn's), and so does a point with no other cluster to compare
 * with, or with a = b = 0. The mean of s over all points scores a clustering: higher is better separated.
 *
 * Every pair of points is needed, so the cost is O(m²·p) time for the distances and O(m²) memory to keep them;
 * scoring one labelling then costs O(m²) more. KMEANS_CLUSTER keeps m ≤ 2,000 by scoring a sample.
 *
 * @see https://doi.org/10.1016/0377-0427(87)90125-7 (Rousseeuw, 1987)
 * @see https://en.wikipedia.org/wiki/Silhouette_(clustering)
 * @example meanSilhouette(pairwiseDistances(Float64Array.of(0, 1, 10, 11), 1), [0, 0, 1, 1], 2)
 *   // (9.5/10.5 + 8.5/9.5) / 2 ≈ 0.899749: the two pairs are far apart compared with their own spread
 */

/**
 * Euclidean distances between every pair of m points (p coordinates each, row-major), condensed: the pair
 * (i, j) with i < j sits at i·m − i·(i + 1)/2 + (j − i − 1), so the array holds m·(m − 1)/2 numbers.
 */
export function pairwiseDistances(points: Float64Array, p: number): Float64Array {
  const m = p === 0 ? 0 : points.length / p;
  const distances = new Float64Array((m * (m - 1)) / 2);
  let t = 0;
  for (let i = 0; i < m; i++) {
    const a = i * p;
    for (let j = i + 1; j < m; j++) {
      const b = j * p;
      let sum = 0;
      for (let d = 0; d < p; d++) {
        const diff = (points[a + d] as number) - (points[b + d] as number);
        sum += diff * diff;
      }
      distances[t++] = Math.sqrt(sum);
    }
  }
  return distances;
}

/**
 * Mean silhouette of a labelling (labels 0..k−1, one per point; empty clusters are allowed and ignored) from
 * the condensed distances of `pairwiseDistances`.
 */
export function meanSilhouette(distances: Float64Array, labels: ArrayLike<number>, k: number): number {
  const m = labels.length;
  if (m === 0) return 0;
  const sizes = new Float64Array(k);
  for (let i = 0; i < m; i++) sizes[labels[i] as number]! += 1;
  /** sums[i·k + c]: total distance from point i to the members of cluster c. */
  const sums = new Float64Array(m * k);
  let t = 0;
  for (let i = 0; i < m; i++) {
    const li = labels[i] as number;
    const rowI = i * k;
    for (let j = i + 1; j < m; j++) {
      const d = distances[t++] as number;
      sums[rowI + (labels[j] as number)]! += d;
      sums[j * k + li]! += d;
    }
  }
  let total = 0;
  for (let i = 0; i < m; i++) {
    const own = labels[i] as number;
    const ownSize = sizes[own] as number;
    if (ownSize <= 1) continue; // alone in its cluster: s = 0
    const a = (sums[i * k + own] as number) / (ownSize - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      const size = sizes[c] as number;
      if (c === own || size === 0) continue;
      const mean = (sums[i * k + c] as number) / size;
      if (mean < b) b = mean;
    }
    const scale = Math.max(a, b);
    if (b === Infinity || scale === 0) continue; // no other cluster, or every distance is 0: s = 0
    total += (b - a) / scale;
  }
  return total / m;
}
