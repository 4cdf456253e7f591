/**
 * RFM_SCORE, RFM_SEGMENT and RFM_TABLE on 1,048,576 rows, and RFM_TABLE on 262,144 point-of-sale lines with order
 * ids. The rest of RFM is rfm.test.ts's part.
 */
import { describe, expect, it } from 'vitest';
import { isoToSerial } from '../core/index.js';
import { run } from './helpers.js';

const serial = (iso: string): number => isoToSerial(iso) as number;

/** R, F and M digits of a score. */
const digits = (score: unknown): [number, number, number] => {
  const s = score as number;
  return [Math.floor(s / 100), Math.floor(s / 10) % 10, s % 10];
};

describe('RFM_SCORE: bad input, one expected answer per row', () => {
  it('answers 1,048,576 rows', () => {
    const n = 1_048_576;
    const base = serial('2024-01-01');
    const dates = Array.from({ length: n }, (_, i) => [base - ((i * 7919) % 730)]);
    const orders = Array.from({ length: n }, (_, i) => [(i * 31) % 40]);
    const revenue = Array.from({ length: n }, (_, i) => [((i * 104_729) % 1_000_000) / 100]);
    const grid = run('RFM_SCORE', [dates, orders, revenue]);
    expect(grid).toHaveLength(n);
    const counts = new Map<number, number>();
    let outOfRange = 0;
    for (const [cell] of grid) {
      const [r, f, m] = digits(cell);
      if (!(r >= 1 && r <= 5 && f >= 1 && f <= 5 && m >= 1 && m <= 5)) outOfRange++;
      counts.set(r, (counts.get(r) ?? 0) + 1);
    }
    expect(outOfRange).toBe(0);
    // Quintiles of a near-uniform population: each R level holds roughly a fifth.
    for (const r of [1, 2, 3, 4, 5]) expect((counts.get(r) ?? 0) / n).toBeGreaterThan(0.15);
  });
});

describe('RFM_SEGMENT', () => {
  it('answers 1,048,576 rows', () => {
    const scores = [555, 111, 345, 215];
    const grid = run('RFM_SEGMENT', [Array.from({ length: 1_048_576 }, (_, i) => [scores[i % 4]])]);
    expect(grid).toHaveLength(1_048_576);
    expect(grid.slice(0, 4).flat()).toEqual(['Champions', 'Lost', 'Potential Loyalist', 'Others']);
    expect(grid[1_048_575]).toEqual(['Others']);
  });
});

describe('RFM_TABLE', () => {
  it('handles 1,048,576 order lines', () => {
    const n = 1_048_576;
    const base = serial('2023-01-01');
    const customers = Array.from({ length: n }, (_, i) => [`C${(i * 7919) % 50_000}`]);
    const dates = Array.from({ length: n }, (_, i) => [base + ((i * 104_729) % 730)]);
    const revenues = Array.from({ length: n }, (_, i) => [((i * 31) % 1000) + 1]);
    const grid = run('RFM_TABLE', [customers, dates, revenues]);
    expect(grid).toHaveLength(50_001);
    let orders = 0;
    let odd = 0;
    for (const r of grid.slice(1)) {
      orders += r[3] as number;
      if (!((r[8] as number) >= 111 && (r[8] as number) <= 555)) odd++;
    }
    expect(orders).toBe(n);
    expect(odd).toBe(0);
  });
});

describe('RFM_TABLE: orders, returns, customers without a purchase (spec: RFM_TABLE)', () => {
  it('handles 262,144 point-of-sale lines (three per invoice) with order ids', () => {
    const n = 262_144;
    const base = serial('2023-01-01');
    const invoice = (i: number): number => Math.floor(i / 3);
    const customers = Array.from({ length: n }, (_, i) => [`C${(invoice(i) * 7919) % 50_000}`]);
    const dates = Array.from({ length: n }, (_, i) => [base + ((invoice(i) * 104_729) % 730)]);
    const revenues = Array.from({ length: n }, (_, i) => [((i * 31) % 1000) + 1]);
    const ids = Array.from({ length: n }, (_, i) => [`HD${invoice(i)}`]);
    const grid = run('RFM_TABLE', [customers, dates, revenues, null, null, null, ids]);
    expect(grid).toHaveLength(50_001);
    expect(grid.slice(1).every((r) => (r[8] as number) >= 111 && (r[8] as number) <= 555)).toBe(true);
    expect(grid.slice(1).reduce((sum, r) => sum + (r[3] as number), 0)).toBe(invoice(n - 1) + 1);
  });
});
