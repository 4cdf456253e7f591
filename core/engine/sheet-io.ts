/**
 * The port through which a panel plan reads and writes a sheet. Excel (chunked Excel JS calls), Google Sheets
 * (SpreadsheetApp on the server), the playground (HyperFormula) and the in-memory reference implement it, and one
 * contract test suite (test/sheet-io-contract.test.ts) runs over all four; the engine never sees a host.
 * Coordinates are 0-based within one sheet. Every method means the same in every host:
 * - reads see what the sheet holds now, including writes already committed;
 * - `write` may be held back until `commit`, which is mandatory after the last write: after it, the sheet holds every
 *   write in the order they were made;
 * - `save` keeps what a rectangle holds (values, formulas, number formats, fills) where the host keeps undo data and
 *   answers an opaque token (JSON text the engine stores in its undo record); `load` reads it back, `discard` frees it.
 */

export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** A cell value as hosts hold it: blanks are null. */
export type CellValue = string | number | boolean | null;

/**
 * What a rectangle holds, row-major, exactly enough to write it back. Parts left out were not saved and are not
 * written back.
 */
export interface RectState {
  readonly rect: Rect;
  /** Values; text is text even where it looks like a number or a formula. */
  readonly values?: CellValue[][];
  /** Formula text (`=SUM(A1:A3)`) per cell, or null for a constant. */
  readonly formulas?: (string | null)[][];
  /** Number formats, or null for the host's default. */
  readonly numberFormats?: (string | null)[][];
  /** Fill colours as `#rrggbb`, or null for none. */
  readonly backgrounds?: (string | null)[][];
}

export interface StateParts {
  /** Values, formulas and number formats. */
  readonly content: boolean;
  readonly backgrounds: boolean;
}

/**
 * The number format of a date a conversion writes (convert.ts): a host writes a number with this format as that
 * day. The playground, which has no number formats, types the day as ISO text, which it reads as a date.
 */
export const DATE_FORMAT = 'yyyy-mm-dd';

/** A value to write. Text is always written as text: a label `=1+1` never becomes a formula. */
export type WriteValue = string | number | boolean | null;

/** An opaque reference to what `save` kept: JSON text, stored in the undo record. */
export type SavedToken = string;

export interface SheetIO {
  /** The sheet's name. */
  readonly sheetName: string;
  /** Cell values of a rectangle (blanks as null; formulas as their values). */
  readValues(rect: Rect): Promise<CellValue[][]>;
  /**
   * Whether no cell of the rectangle holds a value or a formula (a formula showing "" is not blank). The rectangle may
   * reach past the sheet's grid or used area: cells there are blank (each host clips before it reads).
   */
  isBlank(rect: Rect): Promise<boolean>;
  /** The parts of a rectangle as they are now. */
  readState(rect: Rect, parts: StateParts): Promise<RectState>;
  /** Keeps what a rectangle holds for a later `load`, before anything is written over it. */
  save(rect: Rect, parts: StateParts): Promise<SavedToken>;
  /** What a `save` kept, exactly; throws PanelError `undoCopyGone` when it is no longer kept. */
  load(token: SavedToken): Promise<RectState>;
  /** Frees what a `save` kept (after undo, or when a newer apply replaces it); a token already gone is no error. */
  discard(token: SavedToken): Promise<void>;
  /** Writes values (text as text) and/or fills (same shape; null clears) into a rectangle. */
  write(rect: Rect, values: WriteValue[][] | null, backgrounds: (string | null)[][] | null): Promise<void>;
  /** Writes a state back exactly: formulas as formulas, text as text, number formats and fills (the parts it has). */
  writeState(state: RectState): Promise<void>;
  /** Sends every write held back; after it, the sheet holds them all. */
  commit(): Promise<void>;
  /**
   * Inserts one empty column before `col`, across the whole sheet: what stood at `col` and right of it moves one
   * column right (with its formats, widths, tables and merged areas). Writes held back are sent first; the insert is
   * made at once. The new column has no fill and the default number format. Throws what the host says when the
   * sheet refuses (a protected sheet, an array formula cut in two, data pushed off the last column).
   */
  insertColumn(col: number): Promise<void>;
  /** Deletes column `col` across the whole sheet (what stood right of it moves left); writes held back are sent first. */
  deleteColumn(col: number): Promise<void>;
  /** A column's width in pixels (CSS pixels, 96 per inch; Excel's points are converted). */
  columnWidth(col: number): Promise<number>;
  /** Sets a column's width in pixels; writes held back are sent first. */
  setColumnWidth(col: number, width: number): Promise<void>;
}

/** Excel's default column width (8.43 characters of Calibri 11), and what a host without widths answers. */
export const DEFAULT_COLUMN_WIDTH = 64;

/** The same port with answers given at once: the Sheets server, where a run must finish within its call. */
export type Synchronous<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : T[K];
};

export type SyncSheetIO = Synchronous<SheetIO>;

export function rect(row: number, col: number, rows: number, cols: number): Rect {
  return { row, col, rows, cols };
}

/** A1 address of a 0-based cell (column letters past Z: AA, AB, …). */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Column letters of a 0-based column: 0 → A, 26 → AA. */
export function columnLetters(col: number): string {
  let letters = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26))
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return letters;
}

export function a1Range(r: Rect): string {
  return r.rows === 1 && r.cols === 1
    ? a1(r.row, r.col)
    : `${a1(r.row, r.col)}:${a1(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}
