/**
 * The plan's columns as the catalog's functions take them: one column of host rows per role, and a function call
 * whose whole-call problem is thrown (the panel shows it in the user's language).
 */
import { invoke } from '../catalog/invoke.js';
import type { DetailSink } from '../catalog/types.js';
import { SegmentKitError } from '../errors.js';
import { readText } from '../cells.js';
import type { OutGrid } from '../output.js';
import type { CellValue } from './sheet-io.js';

export type Cell = CellValue | Date;
export type Rows = readonly (readonly Cell[])[];

/** One role's column as host rows (`[[a], [b], …]`). */
export function columnOf(rows: Rows, index: number | undefined, role: string): Cell[][] {
  if (index === undefined) throw new SegmentKitError('missingArgument', { arg: role });
  return rows.map((row) => [row[index] ?? null]);
}

/** Several columns of one role (periods, features) as host rows. */
export function columnsOf(rows: Rows, indexes: readonly number[] | undefined, role: string): Cell[][] {
  if (!indexes || indexes.length === 0) throw new SegmentKitError('missingArgument', { arg: role });
  return rows.map((row) => indexes.map((i) => row[i] ?? null));
}

export const single = (value: number | readonly number[] | undefined): number | undefined =>
  typeof value === 'number' ? value : undefined;

export const several = (value: number | readonly number[] | undefined): readonly number[] | undefined =>
  typeof value === 'number' ? [value] : value;

/** Calls a catalog function; its whole-call problem is thrown, what it used goes to `details`. */
export function call(name: string, args: readonly unknown[], details?: DetailSink): OutGrid {
  const result = invoke(name, args, details);
  if (!result.ok) throw result.error;
  return result.grid;
}

/** A column's name as the user knows it: its header, or its number when the header is blank. */
export function headerName(headers: readonly Cell[], column: number): string {
  const text = readText(headers[column] ?? null);
  return typeof text === 'string' && text !== '' ? text : `#${column + 1}`;
}
