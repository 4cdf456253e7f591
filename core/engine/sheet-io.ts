/**
 * The port through which a panel plan reads and writes a sheet. Excel (chunked Excel JS calls), Google Sheets
 * (SpreadsheetApp on the server) and the playground (in memory) implement it; the engine never sees a host.
 * Coordinates are 0-based within one sheet.
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
 * What apply may change in a rectangle, saved so undo can put it back exactly. Column-major data
 * maps straight onto host calls (getValues/getFormulas/getBackgrounds/getNumberFormats; Excel's
 * values/formulas/numberFormat and fill colours). Parts left out were not saved and are not restored.
 */
export interface RectState {
  readonly rect: Rect;
  readonly values?: CellValue[][];
  /** Formula text (`=SUM(A1:A3)`) per cell, or null for a constant. */
  readonly formulas?: (string | null)[][];
  readonly numberFormats?: (string | null)[][];
  /** Background colours as `#rrggbb`, or null for none. */
  readonly backgrounds?: (string | null)[][];
  /**
   * A host-side copy that holds the parts above without sending them to the engine (Sheets copies the range to a
   * hidden sheet on the server). `restore` puts it back; the engine treats it as opaque.
   */
  readonly snapshot?: string;
}

export interface StateParts {
  /** Values, formulas and number formats. */
  readonly content: boolean;
  readonly backgrounds: boolean;
}

/** A value to write. Text is always written as text: a label `=1+1` never becomes a formula. */
export type WriteValue = string | number | boolean | null;

export interface SheetIO {
  /** The sheet's name. */
  readonly sheetName: string;
  /** The used area of the sheet (rows × columns from A1), to find the table and free columns. */
  usedRect(): Promise<Rect>;
  /** Cell values of a rectangle (blanks as null). */
  readValues(rect: Rect): Promise<CellValue[][]>;
  /** The parts of a rectangle that apply may change, for undo. */
  readState(rect: Rect, parts: StateParts): Promise<RectState>;
  /** Writes values (and optionally backgrounds, same shape; null clears) into a rectangle. */
  write(rect: Rect, values: WriteValue[][] | null, backgrounds: (string | null)[][] | null): Promise<void>;
  /** Puts a rectangle back exactly as a readState saw it. */
  restore(state: RectState): Promise<void>;
  /** Sends writes the port held back to batch them (Sheets: one setValues, one setBackgrounds per apply). */
  flush?(): Promise<void>;
}

/** The same port with answers given at once: the Sheets server, where a run must finish within its call. */
export type SyncSheetIO = {
  readonly [K in keyof SheetIO]: SheetIO[K] extends ((...args: infer A) => Promise<infer R>) | undefined
    ? undefined extends SheetIO[K]
      ? ((...args: A) => R) | undefined
      : (...args: A) => R
    : SheetIO[K];
};

export function rect(row: number, col: number, rows: number, cols: number): Rect {
  return { row, col, rows, cols };
}

/** A1 address of a 0-based cell (column letters past Z: AA, AB, …). */
export function a1(row: number, col: number): string {
  let letters = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26))
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

export function a1Range(r: Rect): string {
  return r.rows === 1 && r.cols === 1
    ? a1(r.row, r.col)
    : `${a1(r.row, r.col)}:${a1(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}
