/** Small helpers shared by the test suites. */
import { expect } from 'vitest';
import { describeProblem, invoke, isProblem, type OutCell, type OutGrid } from '../core/index.js';

/** A column range as hosts pass it: [[a], [b], …]. */
export const col = (values: readonly unknown[]): unknown[][] => values.map((v) => [v]);
/** A row range as hosts pass it: [[a, b, …]]. */
export const row = (values: readonly unknown[]): unknown[][] => [values.slice()];

/** Runs a catalog function and returns its grid; a whole-call problem is thrown. */
export function run(name: string, args: readonly unknown[]): OutGrid {
  const result = invoke(name, args);
  if (!result.ok) throw result.error;
  return result.grid;
}

/** The whole-call problem message (English) of a call that must fail. */
export function failure(name: string, args: readonly unknown[]): string {
  const result = invoke(name, args);
  if (result.ok) throw new Error(`${name} was expected to fail but returned ${JSON.stringify(result.grid)}`);
  return result.error.message;
}

/** A cell as text, problems as `#VALUE! <message>` (what Sheets shows), for compact expectations. */
export function show(cell: OutCell): string | number | boolean {
  if (isProblem(cell)) return `#VALUE! ${describeProblem(cell)}`;
  if (typeof cell === 'object') return `date:${cell.serial}`;
  return cell;
}

export const flat = (grid: OutGrid): (string | number | boolean)[] => grid.flat().map(show);

/** A spilled table as shown cells, problems as "#VALUE! …" text. */
export const shownTable = (name: string, args: readonly unknown[]): unknown[][] =>
  run(name, args).map((r) => r.map(show));

/** A table cell by cell: a RegExp matches the text, a number within 12 digits, anything else exactly. */
export function expectTable(got: readonly (readonly unknown[])[], expected: readonly (readonly unknown[])[]): void {
  expect(got).toHaveLength(expected.length);
  got.forEach((r, i) => {
    const wantRow = expected[i]!;
    expect(r).toHaveLength(wantRow.length);
    r.forEach((cell, j) => {
      const want = wantRow[j];
      if (want instanceof RegExp) expect(String(cell)).toMatch(want);
      else if (typeof want === 'number' && typeof cell === 'number') expect(cell).toBeCloseTo(want, 12);
      else expect(cell).toBe(want);
    });
  });
}
