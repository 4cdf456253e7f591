/** What a sheet is made of before HyperFormula reads it, how its columns and cells are shown, and its chart. */
import type { SummaryChart } from '../../core/engine/summary-sheet.js';

/** Cell input as a user types it: text (`=` starts a formula; ISO text is a date), a number, a boolean, or blank. */
export type CellInput = string | number | boolean | null;

/** How a column's numbers are shown (values stay plain numbers; only the display changes). */
export type ColumnFormat = 'vnd' | 'percent' | 'integer' | 'decimal' | 'ratio' | 'text';

export interface ColumnSpec {
  readonly width?: number;
  readonly format?: ColumnFormat;
}

export interface SheetInput {
  readonly name: string;
  readonly cells: CellInput[][];
  /** Per column (0-based), optional. */
  readonly columns?: readonly (ColumnSpec | undefined)[];
  /** Row 1 holds headers (shown bold, and in the column header once scrolled out of view). */
  readonly headerRow?: boolean;
  /** Further rows (0-based) shown bold: titles, the header row of a spilled table. */
  readonly boldRows?: readonly number[];
  /** Columns kept in view when scrolling right (the customer's name). */
  readonly freezeColumns?: number;
  /** The cell selected when the sheet is first shown (0-based). */
  readonly initialCell?: { readonly col: number; readonly row: number };
  /** Formats of single cells (by row, then column; 0-based), winning over the column's: a sheet of several tables. */
  readonly cellFormats?: readonly (readonly (ColumnFormat | undefined)[])[];
  /** A chart shown beside the grid while the sheet is active; it reads its data from the sheet's cells. */
  readonly chart?: SummaryChart;
}
