/**
 * The table the panel works on, found the same way in every host: the host hands over the block of filled cells
 * around the active cell (Sheets: the range's data region; Excel and the playground: `regionAround` over the values
 * of the sheet's used range) and its first rows; this finds the header row, splits off a trailing segment or tag column from an earlier run (so a new run
 * replaces it), says where the result column will go, and turns the selection into data rows. A blank region (an
 * empty sheet, or an empty cell far from any table) and a table with headers but no data rows are refused with a
 * PanelError that says what to do.
 */
import { readText } from '../cells.js';
import { LABELS } from '../labels.js';
import { findHeaderRow, normalizeHeader } from './columns.js';
import { PanelError } from './messages.js';
import { a1Range, type CellValue, type Rect } from './sheet-io.js';

export const TABLE_SAMPLE_ROWS = 20;
/** How many of the region's first rows a host reads for describeTable: header search plus the sample. */
export const TABLE_TOP_ROWS = 10 + TABLE_SAMPLE_ROWS + 1;

export interface TableInfo {
  readonly sheetName: string;
  /** The table, header row first (0-based sheet coordinates). */
  readonly table: Rect;
  /** The header row's cells, as text ('' for an empty header cell). */
  readonly headers: readonly string[];
  /** Up to 20 data rows under the header, for guessing column roles and for the rule builder's value hints. */
  readonly sample: readonly (readonly CellValue[])[];
  /** The sheet column (0-based) of an earlier segment or tag column right of the table, which a new run replaces. */
  readonly outputColumn?: number;
  /**
   * True when the column right of the table is empty but the one after it holds data in the table's rows (another
   * table): apply then inserts a new column right of the table rather than filling the gap between the two.
   */
  readonly insertsColumn?: boolean;
  /** The selected data rows (0-based under the header), for manual tagging. */
  readonly selectedRows: readonly number[];
}

const OUTPUT_HEADERS = new Set(
  [LABELS.headerSegment, LABELS.headerTag].flatMap((l) => [normalizeHeader(l.en), normalizeHeader(l.vi)]),
);

/** Whether a header names a column SegmentKit wrote (Segment, Phân khúc, Tag, Nhãn, or the user's own name). */
export function isOutputHeader(header: string, extra: readonly string[] = []): boolean {
  const h = normalizeHeader(header);
  return OUTPUT_HEADERS.has(h) || extra.some((e) => normalizeHeader(e) === h);
}

const isEmpty = (cell: CellValue | Date | undefined): boolean => cell === null || cell === undefined || cell === '';

/**
 * Without a row that findHeaderRow recognises (a table of text only, or headers without data), the header is the
 * first row, after any title rows above it: rows of one filled cell in a wider region ("Danh sách khách hàng").
 */
function titleRows(top: readonly (readonly (CellValue | Date)[])[], cols: number): number {
  if (cols < 2) return 0;
  let r = 0;
  while (r < top.length - 1 && (top[r] ?? []).slice(0, cols).filter((c) => !isEmpty(c)).length < 2) r++;
  return r;
}

/** How many header names a message lists before "…". */
const HEADERS_SHOWN = 5;

/**
 * @param region the block of filled cells around the active cell
 * @param top the region's first rows (at least TABLE_TOP_ROWS when it has them), all its columns
 * @param selection the selected cells, if any, to tag
 * @param outputHeaders the user's own names for output columns
 * @param columnAfterNextHolds whether the second column right of the region holds something in the region's rows
 *   (the first one is empty by the region's definition): the result then goes into a new column (insertsColumn)
 * @throws PanelError `emptySheet` for a region with nothing in it, `headerOnly` for a table without data rows
 */
export function describeTable(
  sheetName: string,
  region: Rect,
  top: readonly (readonly (CellValue | Date)[])[],
  selection?: Rect,
  outputHeaders: readonly string[] = [],
  columnAfterNextHolds = false,
): TableInfo {
  if (top.every((line) => line.slice(0, region.cols).every(isEmpty)))
    throw new PanelError('emptySheet', { cell: a1Range(region) });
  const found = findHeaderRow(top);
  const headerAt = found < 0 ? titleRows(top, region.cols) : found;
  const text = (cell: CellValue | Date | undefined): string => {
    const t = readText(cell ?? null);
    return typeof t === 'string' ? t : '';
  };
  let headers = (top[headerAt] ?? []).slice(0, region.cols).map(text);
  let cols = region.cols;
  let outputColumn: number | undefined;
  const last = headers[headers.length - 1];
  if (cols > 1 && last !== undefined && isOutputHeader(last, outputHeaders)) {
    outputColumn = region.col + cols - 1;
    cols -= 1;
    headers = headers.slice(0, cols);
  }
  const table: Rect = { row: region.row + headerAt, col: region.col, rows: region.rows - headerAt, cols };
  if (table.rows < 2) {
    const named = headers.filter((h) => h !== '');
    throw new PanelError('headerOnly', {
      range: a1Range(table),
      headers: named.slice(0, HEADERS_SHOWN).join(', ') + (named.length > HEADERS_SHOWN ? ', …' : ''),
    });
  }
  const sample = top
    .slice(headerAt + 1, headerAt + 1 + TABLE_SAMPLE_ROWS)
    .map((row) => row.slice(0, cols).map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : (c ?? null))));
  const selectedRows: number[] = [];
  if (selection) {
    const first = Math.max(selection.row, table.row + 1);
    const end = Math.min(selection.row + selection.rows, table.row + table.rows);
    for (let r = first; r < end; r++) selectedRows.push(r - table.row - 1);
  }
  return {
    sheetName,
    table,
    headers,
    sample,
    selectedRows,
    ...(outputColumn === undefined ? (columnAfterNextHolds ? { insertsColumn: true } : {}) : { outputColumn }),
  };
}

/**
 * The table around the active cell of a grid of the sheet's values from A1, as Excel and the playground read it
 * (the used range): the region, its first rows, and whether the column after the gap right of it holds data.
 */
export function tableInGrid(
  sheetName: string,
  values: readonly (readonly CellValue[])[],
  active: { readonly row: number; readonly col: number },
  selection?: Rect,
  outputHeaders: readonly string[] = [],
): TableInfo {
  const region = regionAround(values, active.row, active.col);
  const top = values
    .slice(region.row, region.row + TABLE_TOP_ROWS)
    .map((line) => line.slice(region.col, region.col + region.cols));
  const afterNext = region.col + region.cols + 1;
  let holds = false;
  for (let r = region.row; r < region.row + region.rows && !holds; r++) holds = !isEmpty(values[r]?.[afterNext]);
  return describeTable(sheetName, region, top, selection, outputHeaders, holds);
}

/**
 * The block of filled cells around a cell in a grid of values (Excel and the playground read the sheet's used range
 * and search it here; Sheets asks the range for its data region). Each side moves out while the row or column
 * beyond it has a filled cell next to the block (corners included), until no side moves.
 * O(rows × cols) per round; a round grows each side as far as it goes, so a long table takes a few rounds.
 */
export function regionAround(values: readonly (readonly CellValue[])[], row: number, col: number): Rect {
  const filled = (r: number, c: number): boolean => {
    const v = values[r]?.[c];
    return v !== null && v !== undefined && v !== '';
  };
  /** The block's sides: top, bottom (rows), left, right (columns). */
  const side = [row, row, col, col];
  /** Whether row (or column) `at` has a filled cell beside the block, its corners included. */
  const lineHas = (isRow: boolean, at: number): boolean => {
    const from = side[isRow ? 2 : 0] as number;
    const to = side[isRow ? 3 : 1] as number;
    for (let i = Math.max(0, from - 1); i <= to + 1; i++) if (isRow ? filled(at, i) : filled(i, at)) return true;
    return false;
  };
  let grown = true;
  while (grown) {
    grown = false;
    for (let s = 0; s < 4; s++) {
      const step = s % 2 === 0 ? -1 : 1;
      for (let next = (side[s] as number) + step; next >= 0 && lineHas(s < 2, next); next += step) {
        side[s] = next;
        grown = true;
      }
    }
  }
  const [top, bottom, left, right] = side as [number, number, number, number];
  return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}
