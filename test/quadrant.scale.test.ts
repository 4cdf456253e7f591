/** BCG_QUADRANT on a whole Excel column: 1,048,576 rows. The rest of the quadrants is quadrant.test.ts's part. */
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('BCG_QUADRANT: bad input, one expected answer per row', () => {
  const n = 1_048_576;

  it('answers 1,048,576 rows, one answer per row, a quarter in each quadrant', () => {
    const sales = Array.from({ length: n }, (_, i) => [(i % 1000) + 1]);
    const growth = Array.from({ length: n }, (_, i) => [((Math.floor(i / 1000) * 7) % 100) / 100]);
    const grid = run('BCG_QUADRANT', [sales, growth]);
    expect(grid).toHaveLength(n);
    const counts = new Map<unknown, number>();
    for (const [cell] of grid) counts.set(cell, (counts.get(cell) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['Cash Cow', 'Dog', 'Question Mark', 'Star']);
    for (const count of counts.values()) expect(count / n).toBeGreaterThan(0.2);
  });
});
