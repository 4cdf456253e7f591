/** What a formula returns, before a host turns it into its own cell values. */
import type { Problem } from './errors.js';

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
