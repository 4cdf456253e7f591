/** ABC_CLASS on a whole Excel column: 1,048,576 rows, one answer each. The rest of ABC_CLASS is abc.test.ts's part. */
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('ABC_CLASS: bad input, one expected answer per row', () => {
  const big = Array.from({ length: 1_048_576 }, (_, i) => [((i * 7919) % 1000) + 1]);

  it('answers 1,048,576 rows, one answer per row', () => {
    const grid = run('ABC_CLASS', [big]);
    expect(grid).toHaveLength(1_048_576);
    const counts = { A: 0, B: 0, C: 0 } as Record<string, number>;
    for (const [cell] of grid) counts[cell as string]! += 1;
    expect(counts.A! + counts.B! + counts.C!).toBe(1_048_576);
    expect(counts.A).toBeGreaterThan(counts.C!);
  });
});
