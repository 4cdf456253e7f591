/** LIFECYCLE_STAGE on 1,048,576 rows. The rest of LIFECYCLE_STAGE is lifecycle.test.ts's part. */
import { describe, expect, it } from 'vitest';
import { isoToSerial } from '../core/index.js';
import { run } from './helpers.js';

const serial = (iso: string): number => isoToSerial(iso) as number;
const AS_OF = '2024-06-30';

describe('LIFECYCLE_STAGE: bad input, one expected answer per row', () => {
  it('answers 1,048,576 rows', () => {
    const n = 1_048_576;
    const asOf = serial(AS_OF);
    const firsts = new Array<unknown[]>(n);
    const lasts = new Array<unknown[]>(n);
    const orders = new Array<unknown[]>(n);
    for (let i = 0; i < n; i++) {
      const last = asOf - ((i * 7919) % 500);
      firsts[i] = [last - ((i * 31) % 400)];
      lasts[i] = [last];
      orders[i] = [(i * 13) % 9];
    }
    const grid = run('LIFECYCLE_STAGE', [firsts, lasts, orders, asOf]);
    expect(grid).toHaveLength(n);
    const counts = new Map<unknown, number>();
    for (const [cell] of grid) counts.set(cell, (counts.get(cell) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['Active', 'At Risk', 'Lost', 'Loyal', 'New']);
  });
});
