/**
 * hostGrid (core/output.ts), how both hosts turn an answer grid into their cells: rows that need no change pass
 * through as they are (a grid needing none is returned itself), the rest become new rows of host cells, padded.
 */
import { describe, expect, it } from 'vitest';
import { dateOut, gridWidth, hostGrid, markHostReady, problem, type HostCells, type OutGrid } from '../core/index.js';

const HOST: HostCells<string> = {
  notFinite: (value) => `#NUM ${value}`,
  problem: (p) => `#VALUE ${p.code}`,
  date: (serial) => `date ${serial}`,
};

describe('hostGrid', () => {
  it('returns a grid of text, logical values and finite numbers as it is', () => {
    const shared = Object.freeze(['A']) as unknown as string[];
    const grid: OutGrid = [shared, ['Khách hàng', 1_234_567.5], shared, [true, -0.25]];
    expect(hostGrid(grid, HOST, 1)).not.toBe(grid);
    const out = hostGrid([shared, shared, ['B']], HOST);
    expect(out).toEqual([['A'], ['A'], ['B']]);
    const wide: OutGrid = [
      ['a', 1],
      [false, 2],
    ];
    expect(hostGrid(wide, HOST)).toBe(wide);
  });

  it('converts the rows that need it and passes the others on', () => {
    const shared = Object.freeze(['A']) as unknown as string[];
    const grid: OutGrid = [
      shared,
      [problem('notANumber', { text: 'ba triệu' })],
      shared,
      [Number.NaN],
      [Number.POSITIVE_INFINITY],
      [dateOut(45_000)],
      [null as never],
    ];
    const out = hostGrid(grid, HOST);
    expect(out).not.toBe(grid);
    expect(out).toEqual([['A'], ['#VALUE notANumber'], ['A'], ['#NUM NaN'], ['#NUM Infinity'], ['date 45000'], ['']]);
    expect(out[0]).toBe(shared);
    expect(out[2]).toBe(shared);
  });

  it('pads short rows with "" to the widest row, or to the width asked', () => {
    expect(hostGrid([['a', 'b'], ['c']], HOST)).toEqual([
      ['a', 'b'],
      ['c', ''],
    ]);
    expect(hostGrid([['a'], ['c']], HOST, 2)).toEqual([
      ['a', ''],
      ['c', ''],
    ]);
    expect(hostGrid([], HOST)).toEqual([]);
  });
});

describe('markHostReady', () => {
  it('gives the marked width without reading rows, and hostGrid passes the grid on at that width only', () => {
    const grid: OutGrid = markHostReady([['A'], ['B']], 1);
    expect(gridWidth(grid)).toBe(1);
    expect(hostGrid(grid, HOST)).toBe(grid);
    expect(hostGrid(grid, HOST, 2)).toEqual([
      ['A', ''],
      ['B', ''],
    ]);
  });
});
