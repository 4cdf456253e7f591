/** What a formula returns, before a host turns it into its own cell values. */
import { isProblem, type Problem } from './errors.js';

/** A date answer; Excel and HyperFormula get the serial, Sheets a `Date`. */
export interface DateOut {
  readonly kind: 'date';
  readonly serial: number;
}

/** One answer cell: `""` is the blank answer; a Problem is a per-row error with its reason. */
export type OutCell = string | number | boolean | DateOut | Problem;
export type OutGrid = OutCell[][];

export const BLANK_ANSWER = '';

export function dateOut(serial: number): DateOut {
  return { kind: 'date', serial };
}

export function isDateOut(cell: unknown): cell is DateOut {
  return typeof cell === 'object' && cell !== null && (cell as { kind?: unknown }).kind === 'date';
}

/** What a host makes of the answer cells it cannot take as they are. */
export interface HostCells<T> {
  /** A number that is not finite (NaN, ±Infinity), which no cell holds. */
  readonly notFinite: (value: number) => T;
  readonly problem: (problem: Problem) => T;
  readonly date: (serial: number) => T;
}

/**
 * One answer cell as a host's value: `""` for a missing cell; text, logical values and finite numbers as they are;
 * the rest as the host says. Build `host` once per grid, not per cell.
 */
export function hostCell<T>(cell: OutCell | null | undefined, host: HostCells<T>): string | number | boolean | T {
  if (cell === null || cell === undefined) return BLANK_ANSWER;
  switch (typeof cell) {
    case 'string':
    case 'boolean':
      return cell;
    case 'number':
      return Number.isFinite(cell) ? cell : host.notFinite(cell);
    default:
      if (isProblem(cell)) return host.problem(cell);
      if (isDateOut(cell)) return host.date(cell.serial);
      return String(cell);
  }
}

/** The width of the longest row: hosts want rectangular answers, so shorter rows are padded to it. */
export function gridWidth(grid: OutGrid): number {
  let width = 0;
  for (const row of grid) if (row.length > width) width = row.length;
  return width;
}
