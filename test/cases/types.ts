/**
 * Host-neutral test cases: one table that runs against the core, the built Sheets `Code.js` and the built
 * Excel `functions.js`. Each host turns the neutral values into what it passes (blanks: Sheets `""`, Excel
 * `null` or `0`; dates: Sheets `Date`, Excel serial) and its answers back into neutral ones.
 */

/** A blank cell. */
export const BLANK = { blank: true } as const;
export type BlankCell = typeof BLANK;
/** A date cell, as ISO `YYYY-MM-DD`. */
export interface DateCell {
  readonly date: string;
}
export type CaseCell = number | string | boolean | BlankCell | DateCell;
/** An argument: a range (rows of cells), a single value, or left out. */
export type CaseArg = CaseCell | readonly (readonly CaseCell[])[] | undefined;

/** An expected answer cell: a value, a date, or a per-row problem whose message contains the text. */
export type ExpectedCell = string | number | boolean | DateCell | { readonly problem: string };

export interface HostCase {
  readonly fn: string;
  readonly title: string;
  readonly args: readonly CaseArg[];
  /** The grid of answers, or a whole-call problem whose message contains the text. */
  readonly expect: readonly (readonly ExpectedCell[])[] | { readonly error: string };
  /** Leave out for Excel's blank-as-0 variant (where a 0 cannot be told from a blank). */
  readonly blanksMayBeZero?: false;
}

export const column = (...cells: CaseCell[]): CaseCell[][] => cells.map((c) => [c]);
export const answers = (...cells: ExpectedCell[]): ExpectedCell[][] => cells.map((c) => [c]);
export const date = (iso: string): DateCell => ({ date: iso });
export const problem = (text: string): { problem: string } => ({ problem: text });
