/** CUSTOMER_TIER on a whole Excel column: 1,048,576 rows. The rest of CUSTOMER_TIER is tier.test.ts's part. */
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

function tally(answers: readonly unknown[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of answers) counts[a as string] = (counts[a as string] ?? 0) + 1;
  return counts;
}

describe('CUSTOMER_TIER: bad input, one expected answer per row', () => {
  it('answers 1,048,576 rows with the pyramid’s proportions', () => {
    const n = 1_048_576;
    const values = Array.from({ length: n }, (_, i) => [((i * 7919) % n) + 1]); // a permutation of 1..n
    const grid = run('CUSTOMER_TIER', [values]);
    expect(grid).toHaveLength(n);
    const counts = tally(grid.map((r) => r[0]));
    // ceil(0.01 n) = 10486, ceil(0.05 n) = 52429, ceil(0.2 n) = 209716
    expect(counts).toEqual({ Top: 10_486, Large: 52_429 - 10_486, Medium: 209_716 - 52_429, Small: n - 209_716 });
  });
});
