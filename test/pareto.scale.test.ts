/** PARETO_LEADERS and PARETO_RATIO on 1,048,576 lines. The rest of Pareto is pareto.test.ts's part. */
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const HEADER = ['Item', 'Value', 'Cumulative share'];

/** Sum of (i mod 1000) + 1 over i < n. */
function totalOf(n: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += (i % 1000) + 1;
  return total;
}

describe('PARETO_LEADERS: bad input, one expected table per row', () => {
  const n = 1_048_576;

  it('answers 1,048,576 order lines of 1,000 items', () => {
    // item k (0..999) has 1,049 lines (k < 576) or 1,048 lines of value k + 1
    const items = Array.from({ length: n }, (_, i) => [`item ${i % 1000}`]);
    const values = Array.from({ length: n }, (_, i) => [(i % 1000) + 1]);
    const got = run('PARETO_LEADERS', [items, values]);
    expect(got[0]).toEqual(HEADER);
    expect(got[1]).toEqual(['item 999', 1000 * 1048, expect.closeTo((1000 * 1048) / totalOf(n), 12)]);
    const last = got.at(-1)!;
    expect(last[2]).toBeGreaterThanOrEqual(0.8);
    expect(got.at(-2)![2]).toBeLessThan(0.8);
    expect(got.length - 1).toBeGreaterThan(500); // the top 20% of items hold far less than 80% here
    expect(got.length - 1).toBeLessThan(1000);
  });
});

describe('PARETO_RATIO: bad input, one expected answer per row', () => {
  it('answers 1,048,576 values', () => {
    const n = 1_048_576;
    const values = Array.from({ length: n }, (_, i) => [(i % 100) + 1]);
    const grid = run('PARETO_RATIO', [values]);
    expect(grid).toHaveLength(1);
    expect(grid[0]).toHaveLength(1);
    // top ceil(0.2 n) = 209,716 values are 100..81 (10,486 or 10,485 of each) — about 90.5 over the rest's ≈ 40.5
    const ratio = grid[0]![0] as number;
    expect(ratio).toBeGreaterThan(2.2);
    expect(ratio).toBeLessThan(2.3);
  });
});
