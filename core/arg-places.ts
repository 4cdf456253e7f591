/**
 * Where a call's range arguments sit on the sheet, when the host says so (Excel's parameter addresses, the
 * playground's formula ranges). With a place, a per-row problem names the sheet's own row, or the cell itself
 * (`values, cell C7`); without one (Google Sheets tells a custom function nothing about its ranges) it names the row
 * counted from the start of the range and says so (`values, row 6 of the range`), never a bare number a user would
 * take for a sheet row.
 *
 * The places hold for one synchronous call: a host wraps its call of the core in `withArgPlaces`, and
 * `errors.ts`'s `at` reads them while the function runs, so every message made during the call (the left-out lines
 * of a summary included) already names the right row. Pure: no host global, no DOM.
 */

/** One argument's place on the sheet. */
export interface ArgPlace {
  /** The sheet, when it is not the calling cell's own: then the cell is named with it (`Orders!C7`). */
  readonly sheet?: string;
  /** The sheet row (1-based) of the range's first row. */
  readonly row: number;
  /** The sheet column (0-based) of the range's first column; unknown for a whole-row reference (`2:10`). */
  readonly col?: number;
  /** Rows and columns of the range, when known (a whole-column reference `C:C` has unknown rows). */
  readonly rows?: number;
  readonly cols?: number;
}

/** An argument's place and how its problems count cells: along a vector (either way) or by matrix row. */
export interface LocatedArg extends ArgPlace {
  /** A one-column or one-row range read as a list of cells (the n-th problem cell is the n-th cell). */
  readonly vector: boolean;
}

/** Where a problem is, as message parameters: `row` (1-based), and when it is on the sheet, `onSheet` and maybe `cell`. */
interface RowParams {
  readonly row: number;
  readonly onSheet?: 1;
  readonly cell?: string;
}

let current: ReadonlyMap<string, LocatedArg> | undefined;

/** Runs `run` with the given arguments' places (by argument name) in force; restores what was there before. */
export function withArgPlaces<T>(places: ReadonlyMap<string, LocatedArg>, run: () => T): T {
  const before = current;
  current = places;
  try {
    return run();
  } finally {
    current = before;
  }
}

/** `0` → `A`, `26` → `AA`. */
function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The place of an argument named `arg`, or of the argument a sub-name belongs to (`features, column 2`). */
function placeOf(arg: string): LocatedArg | undefined {
  if (!current) return undefined;
  return current.get(arg) ?? current.get(arg.split(',')[0]?.trim() ?? '');
}

function cellName(place: LocatedArg, row: number, col: number): string {
  const sheet =
    place.sheet === undefined
      ? ''
      : /^[A-Za-z_][A-Za-z0-9_.]*$/.test(place.sheet)
        ? `${place.sheet}!`
        : `'${place.sheet.replace(/'/g, "''")}'!`;
  return `${sheet}${columnName(col)}${row}`;
}

/**
 * The message parameters of the `index`-th (1-based) cell or matrix row of argument `arg`: the sheet row and cell
 * when the argument's place is known, else `index` itself (rendered as "row N of the range").
 */
export function locateRow(arg: string, index: number): RowParams {
  const place = placeOf(arg);
  if (!place || !Number.isInteger(index) || index < 1) return { row: index };
  const alongRow = place.vector && place.rows === 1 && (place.cols ?? 0) > 1;
  if (alongRow) {
    return place.col === undefined
      ? { row: place.row, onSheet: 1 }
      : { row: place.row, onSheet: 1, cell: cellName(place, place.row, place.col + index - 1) };
  }
  const row = place.row + index - 1;
  const oneColumn = place.col !== undefined && (place.cols === 1 || (place.vector && place.cols === undefined));
  return oneColumn && !arg.includes(',')
    ? { row, onSheet: 1, cell: cellName(place, row, place.col as number) }
    : { row, onSheet: 1 };
}

/** `$C$2`, `C2`, `C:C`, `2:10` parts of an A1 reference: the column (0-based) and the row (1-based) each may give. */
function corner(text: string): { col?: number; row?: number } | undefined {
  const match = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/.exec(text);
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const letters = (match[1] as string).toUpperCase();
  let col: number | undefined;
  if (letters !== '') {
    col = 0;
    for (const c of letters) col = col * 26 + (c.charCodeAt(0) - 64);
    col -= 1;
  }
  const row = match[2] === '' ? undefined : Number(match[2]);
  if (row === 0) return undefined;
  return { ...(col === undefined ? {} : { col }), ...(row === undefined ? {} : { row }) };
}

/** Splits `'My sheet'!A1:B2` / `Sheet1!A1` / `A1` into its sheet (unquoted) and reference. */
function splitSheet(address: string): { sheet?: string; ref: string } | undefined {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { ref: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'")) {
    if (!sheet.endsWith("'") || sheet.length < 2) return undefined;
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  return sheet === '' ? undefined : { sheet, ref: address.slice(bang + 1) };
}

/**
 * Reads an A1 address as a host gives it (`Sheet1!$C$2:$C$10`, `'Đơn hàng'!C2`, `Sheet1!C:C`, `Sheet1!2:10`) into a
 * place; undefined for anything else (a constant's empty address, a name, an error text), which leaves that argument's
 * rows counted in the range. `callerSheet`, when known, is left out of the place (the message then names `C7`).
 */
export function parseAddress(address: unknown, callerSheet?: string): ArgPlace | undefined {
  if (typeof address !== 'string') return undefined;
  const split = splitSheet(address.trim());
  if (!split) return undefined;
  const parts = split.ref.split(':');
  if (parts.length > 2) return undefined;
  const start = corner(parts[0] as string);
  const end = parts.length === 2 ? corner(parts[1] as string) : start;
  if (!start || !end) return undefined;
  // Both corners give a column, or neither; both a row, or neither.
  if ((start.col === undefined) !== (end.col === undefined) || (start.row === undefined) !== (end.row === undefined)) {
    return undefined;
  }
  const sheet = split.sheet !== undefined && split.sheet !== callerSheet ? { sheet: split.sheet } : {};
  const cols =
    start.col !== undefined && end.col !== undefined
      ? { col: Math.min(start.col, end.col), cols: Math.abs(end.col - start.col) + 1 }
      : {};
  if (start.row === undefined || end.row === undefined) return { ...sheet, row: 1, ...cols };
  return { ...sheet, row: Math.min(start.row, end.row), rows: Math.abs(end.row - start.row) + 1, ...cols };
}

/** The sheet name of an address (`Sheet1!B2` → `Sheet1`), or undefined. */
export function sheetOfAddress(address: unknown): string | undefined {
  return typeof address === 'string' ? splitSheet(address.trim())?.sheet : undefined;
}
