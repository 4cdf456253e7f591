/** Small helpers shared by the test suites. */
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
