import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCompensated, runningSums, stableSum } from '../core/numeric/sum.js';

describe('compensated summation', () => {
  it('keeps what a plain sum loses', () => {
    expect(stableSum([1e16, 1, -1e16])).toBe(1);
    expect([1e16, 1, -1e16].reduce((a, b) => a + b, 0)).toBe(0);
    expect(stableSum([1e16, 1, 1])).toBe(10000000000000002);
    expect([1e16, 1, 1].reduce((a, b) => a + b, 0)).toBe(1e16);
    expect(stableSum([])).toBe(0);
  });

  it('gives each prefix sum, the last one the total', () => {
    expect(Array.from(runningSums(Float64Array.of(0.7, 0.2, 0.1)))).toEqual([0.7, 0.8999999999999999, 1]);
    expect(runningSums([]).length).toBe(0);
    const values = [3, 1e16, -2, -1e16, 5];
    const prefix = runningSums(values);
    values.forEach((_, i) => expect(prefix[i]).toBe(stableSum(values.slice(0, i + 1))));
  });

  it('keeps many sums in two arrays, one slot each', () => {
    const sum = new Float64Array(2);
    const compensation = new Float64Array(2);
    for (const v of [1e16, 1, -1e16]) addCompensated(sum, compensation, 0, v);
    for (const v of [1e16, 1, 1]) addCompensated(sum, compensation, 1, v);
    expect(sum[0]! + compensation[0]!).toBe(1);
    expect(sum[1]! + compensation[1]!).toBe(10000000000000002);
  });

  it('hardly depends on the order of the values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 60 }), (values) => {
        const reversed = stableSum([...values].reverse());
        const sorted = stableSum([...values].sort((a, b) => a - b));
        const scale = values.reduce((s, v) => s + Math.abs(v), 0);
        expect(Math.abs(stableSum(values) - reversed)).toBeLessThanOrEqual(scale * 1e-15);
        expect(Math.abs(stableSum(values) - sorted)).toBeLessThanOrEqual(scale * 1e-15);
      }),
    );
  });

  it('passes NaN and infinities on', () => {
    expect(stableSum([1, NaN])).toBeNaN();
    expect(stableSum([1, Infinity])).toBeNaN(); // Inf - Inf in the compensation: as the copies it replaces did
  });
});
