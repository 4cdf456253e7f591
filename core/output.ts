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

/** Grids the core built of host-ready rows only (markHostReady), with their width: hosts pass them on as they are. */
const HOST_READY = new WeakMap<OutGrid, number>();

/**
 * Marks a grid the core has just built whose every row is `width` cells of text, logical values and finite numbers
 * (e.g. a column of class labels), so gridWidth and hostGrid take it in O(1) instead of reading every row.
 */
export function markHostReady(grid: OutGrid, width: number): OutGrid {
  HOST_READY.set(grid, width);
  return grid;
}

/** The width of the longest row: hosts want rectangular answers, so shorter rows are padded to it. */
export function gridWidth(grid: OutGrid): number {
  const ready = HOST_READY.get(grid);
  if (ready !== undefined) return ready;
  let width = 0;
  for (let i = 0; i < grid.length; i++) {
    const length = (grid[i] as OutCell[]).length;
    if (length > width) width = length;
  }
  return width;
}

/** True when every cell of a full-width row is one a host takes as it is: text, a logical value, a finite number. */
function hostReady(row: readonly OutCell[], width: number): boolean {
  if (row.length !== width) return false;
  for (let j = 0; j < width; j++) {
    const cell = row[j];
    const type = typeof cell;
    if (type === 'string' || type === 'boolean') continue;
    if (type !== 'number' || (cell as number) - (cell as number) !== 0) return false;
  }
  return true;
}

/**
 * The answer grid as a host's rectangular grid of `width` columns (default: the longest row). Rows that need no
 * change are passed on as they are, and a grid that needs none is returned itself: a million-row column of classes,
 * whose rows the core shares (one frozen row per answer text), then costs the host no array at all. Any other row
 * becomes a new row, each cell through `hostCell`, padded with `""`. Hosts only read answers, so rows may be shared
 * and frozen; the core builds a new grid for every call and keeps none.
 */
export function hostGrid<T>(
  grid: OutGrid,
  host: HostCells<T>,
  width = gridWidth(grid),
): (string | number | boolean | T)[][] {
  if (HOST_READY.get(grid) === width) return grid as (string | number | boolean)[][];
  // Shared rows repeat: the last three rows found ready (a column of classes has three) are ready again.
  let ready1: OutCell[] | undefined;
  let ready2: OutCell[] | undefined;
  let ready3: OutCell[] | undefined;
  const isReady = (row: OutCell[]): boolean => {
    if (row === ready1 || row === ready2 || row === ready3) return true;
    if (!hostReady(row, width)) return false;
    ready3 = ready2;
    ready2 = ready1;
    ready1 = row;
    return true;
  };
  let first = 0;
  while (first < grid.length && isReady(grid[first] as OutCell[])) first++;
  if (first === grid.length) return grid as (string | number | boolean)[][];
  const out = new Array<(string | number | boolean | T)[]>(grid.length);
  for (let i = 0; i < first; i++) out[i] = grid[i] as (string | number | boolean)[];
  for (let i = first; i < grid.length; i++) {
    const row = grid[i] as OutCell[];
    if (isReady(row)) {
      out[i] = row as (string | number | boolean)[];
      continue;
    }
    const next = new Array<string | number | boolean | T>(width);
    for (let j = 0; j < width; j++) next[j] = hostCell(row[j], host);
    out[i] = next;
  }
  return out;
}
