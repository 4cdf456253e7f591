/** Table detection on a 100,000-row block. The rest of table detection is engine-table.test.ts's part. */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../core/engine/sheet-io.js';
import { regionAround } from '../core/engine/table.js';

describe('regionAround at scale', () => {
  it('finds a 100,000-row block in a few passes', () => {
    const grid: CellValue[][] = [['Khách hàng', 'Doanh thu']];
    for (let i = 0; i < 100_000; i++) grid.push([`KH${i}`, i]);
    expect(regionAround(grid, 50_000, 1)).toEqual({ row: 0, col: 0, rows: 100_001, cols: 2 });
  });
});
