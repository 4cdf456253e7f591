/**
 * ABC_CLASS on a spilled column takes its own one-pass path (core/catalog/abc.ts): the same answers as the shared
 * population path (a row of the same cells, or the column against an explicit copy of itself), and no array per
 * answer: every readable value's row is one of three shared rows, which the hosts' grids pass on as they are.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toExcelGrid } from '../addin/excel-host.js';
import { toSheetsGrid } from '../apps-script/sheets-host.js';
import { gridWidth, isProblem, type OutGrid } from '../core/index.js';
import { col, row, run, show } from './helpers.js';

/** Cells as hosts pass them: revenue, ties, zero, credit notes, blanks, text numbers, ₫ amounts, text, logicals. */
const CELL = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -50_000, max: 5_000_000 }) },
  { weight: 2, arbitrary: fc.constantFrom(1_000_000, 250_000, 0) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      null,
      '',
      '  ',
      '1.234.567 ₫',
      '450.000',
      '2,5',
      '3 200 000 ₫',
      'ba triệu',
      '#N/A',
      true,
    ),
  },
);

const shown = (grid: OutGrid): unknown[] => grid.flat().map(show);

describe('ABC_CLASS on a spilled column', () => {
  it('answers as the shared path does, cell for cell, in both languages and at any shares', () => {
    fc.assert(
      fc.property(
        fc.array(CELL, { minLength: 2, maxLength: 60 }),
        fc.constantFrom([null, null, 'en'], [0.5, 0.9, 'vi'], [0.7, 0.8, 'en']),
        (cells, [a, b, lang]) => {
          const spilled = shown(run('ABC_CLASS', [col(cells), null, a, b, lang]));
          expect(spilled).toEqual(shown(run('ABC_CLASS', [row(cells), null, a, b, lang])));
          expect(spilled).toEqual(shown(run('ABC_CLASS', [col(cells), col(cells), a, b, lang])));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names the row of an unreadable cell and leaves a blank blank', () => {
    const grid = run('ABC_CLASS', [col([5_000_000, null, 'ba triệu', '1.234.567 ₫', 150_000])]);
    expect(shown(grid)).toEqual([
      'A',
      '',
      '#VALUE! values, row 3 of the range: "ba triệu" is not a number: type a number such as 1234.5 or 1.234.567 ₫',
      'C',
      'C',
    ]);
  });

  it('shares one row per class: no array per answer, and the hosts pass the rows on', () => {
    const values = Array.from({ length: 5_000 }, (_, i) => ((i * 7919) % 5_000) * 1_000);
    const grid = run('ABC_CLASS', [col(values)]);
    expect(new Set(grid).size).toBe(3);
    for (const answer of grid) expect(Object.isFrozen(answer)).toBe(true);
    expect(toExcelGrid(grid, 'en')).toBe(grid);
    expect(gridWidth(grid)).toBe(1);
    const sheets = toSheetsGrid(grid, 'en') as unknown[][];
    expect(new Set(sheets).size).toBe(3);
  });

  it('keeps a problem row of its own and still shares the class rows', () => {
    const grid = run('ABC_CLASS', [col([500, 'x', 300, 150, 50])]);
    expect(shown(grid.filter((answer) => !isProblem(answer[0])))).toEqual(['A', 'A', 'B', 'C']);
    expect(isProblem(grid[1]?.[0])).toBe(true);
    expect(grid[2]).toBe(grid[0]);
    expect(new Set(grid).size).toBe(4);
    const sheets = toSheetsGrid(grid, 'en') as unknown[][];
    expect(sheets[0]).toBe(grid[0]);
    expect(sheets[1]).not.toBe(grid[1]);
  });
});
