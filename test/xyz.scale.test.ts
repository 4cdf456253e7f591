/** XYZ_CLASS on a whole Excel column: 1,048,576 rows, one answer each. The rest of XYZ_CLASS is xyz.test.ts's part. */
import { describe, expect, it } from 'vitest';
import { flat, run } from './helpers.js';

describe('XYZ_CLASS: bad input, one expected answer per row', () => {
  it('answers 1,048,576 rows, one answer per row', () => {
    const matrix = Array.from({ length: 1_048_576 }, (_, i) => {
      const base = (i % 100) + 1;
      return [base, base + (i % 7), i % 11 === 0 ? '' : base * ((i % 3) + 1)];
    });
    const grid = run('XYZ_CLASS', [matrix]);
    expect(grid).toHaveLength(1_048_576);
    const counts = new Map<unknown, number>();
    for (const [cell] of grid) counts.set(cell, (counts.get(cell) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['X', 'Y', 'Z']);
    // i = 0: {1,1,·} → CV 0; i = 1: {2,3,4} → CV 1/3; i = 2: {3,5,9} → CV ≈ 0.539; i = 700: {1,1,2} → CV ≈ 0.433
    expect(flat([grid[0]!, grid[1]!, grid[2]!, grid[700]!])).toEqual(['X', 'X', 'Y', 'X']);
  });
});
