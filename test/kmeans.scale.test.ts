/** KMEANS_CLUSTER on 1,048,576 rows × 3 features. The rest of KMEANS_CLUSTER is kmeans.test.ts's part. */
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

/** A small deterministic generator (LCG), so the data sets are the same on every run (as in kmeans.test.ts). */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function sizesOf(clusters: readonly unknown[]): Map<unknown, number> {
  const sizes = new Map<unknown, number>();
  for (const c of clusters) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  return sizes;
}

describe('KMEANS_CLUSTER: bad input, one expected answer per row', () => {
  it('answers 1,048,576 rows × 3 features with k given and with k blank', () => {
    const n = 1_048_576;
    const random = prng(5);
    const centres = [
      [0, 0, 0],
      [10, 0, 5],
      [0, 10, 10],
    ];
    const rows = new Array<number[]>(n);
    for (let i = 0; i < n; i++) {
      const c = i % 7 < 4 ? 0 : i % 7 < 6 ? 1 : 2; // 4 : 2 : 1
      rows[i] = (centres[c] as number[]).map((x) => x + random() * 2 - 1);
    }
    const expectedSizes = [0, 0, 0];
    for (let i = 0; i < n; i++) expectedSizes[i % 7 < 4 ? 0 : i % 7 < 6 ? 1 : 2]! += 1;
    for (const k of [3, null]) {
      const grid = run('KMEANS_CLUSTER', [rows, k]);
      expect(grid).toHaveLength(n);
      const sizes = sizesOf(grid.map((r) => r[0]));
      expect([sizes.get(1), sizes.get(2), sizes.get(3), sizes.size]).toEqual([...expectedSizes, 3]);
      expect(grid[0]?.[0]).toBe(1);
      expect(grid[6]?.[0]).toBe(3);
    }
  });
});
