/**
 * The side panel's SheetIO on the Sheets server, shaped so one apply costs one read and one or two writes on the
 * user's sheet:
 * - reads are `getValues` (dates as the engine's serials), clipped to the sheet's grid (cells beyond it are blank);
 * - `save` copies the rectangle (`copyTo`: values, formulas, formats and colours, or colours only) to the same place
 *   on a new hidden, warning-protected sheet grown to fit, so formulas keep their references; `load` reads it back;
 *   `discard` deletes that sheet;
 * - writes are held until `commit`, which sends the values as one `setValues` per rectangle (text with a leading
 *   apostrophe, so `=1+1` stays text) and the fills merged into one `setBackgrounds` where they cover a rectangle;
 * - columns are inserted with `insertColumnsBefore` and deleted with `deleteColumns`; an inserted column's formats are
 *   cleared (whether Sheets copies a neighbour's is not documented); widths are `getColumnWidth`/`setColumnWidth`
 *   (pixels).
 */
import { PanelError } from '../core/engine/messages.js';
import type {
  CellValue,
  Rect,
  RectState,
  SavedToken,
  StateParts,
  SyncSheetIO,
  WriteValue,
} from '../core/engine/sheet-io.js';
import type { GasRange, GasSheet, GasSpreadsheet, GasValue } from './gas-types.js';
import { withSheetsDates, type SheetsClock } from './sheets-host.js';

/** Every sheet SegmentKit makes for itself starts so; the server refuses to treat one as a table. */
export const INTERNAL_SHEET_PREFIX = 'SegmentKit undo';
const NO_FILL = '#ffffff';
/** What getNumberFormats answers for a cell whose format was never set. */
export const AUTOMATIC_FORMAT = '0.###############';

/** Sheets' default column width, in pixels (a column beyond the grid has it once the grid grows). */
export const SHEETS_COLUMN_WIDTH = 100;

export const isInternalSheet = (name: string): boolean => name.startsWith(INTERNAL_SHEET_PREFIX);

/** A value as setValues should get it: text always as text. */
export function asSheetsText(value: WriteValue): string | number | boolean {
  if (value === null) return '';
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}

/** Grows a sheet's grid to hold at least `rows` × `cols` from A1 (a new sheet has 1,000 × 26). */
export function growTo(sheet: GasSheet, rows: number, cols: number): void {
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < cols) sheet.insertColumnsAfter(sheet.getMaxColumns(), cols - sheet.getMaxColumns());
}

/** A hidden sheet of our own, protected with a warning, grown to hold `rows` × `cols` from A1. */
export function internalSheet(spreadsheet: GasSpreadsheet, name: string, rows: number, cols: number): GasSheet {
  const sheet = spreadsheet.insertSheet(name);
  growTo(sheet, rows, cols);
  sheet.hideSheet();
  sheet
    .protect()
    .setDescription('SegmentKit keeps what its last apply replaced here, for undo. Deleting this sheet ends that undo.')
    .setWarningOnly(true);
  return sheet;
}

const isAutomatic = (format: string | null | undefined): boolean =>
  format === null || format === undefined || format === '' || format === AUTOMATIC_FORMAT;

/** Vertical runs of cells whose format was set by hand (not the automatic one), with their formats. */
function setFormatRuns(formats: readonly (readonly (string | null)[])[]): (Rect & { formats: string[][] })[] {
  const runs: (Rect & { formats: string[][] })[] = [];
  const cols = Math.max(0, ...formats.map((line) => line.length));
  for (let c = 0; c < cols; c++) {
    let start = -1;
    for (let r = 0; r <= formats.length; r++) {
      const f = formats[r]?.[c];
      const set = !isAutomatic(f);
      if (set && start < 0) start = r;
      if (!set && start >= 0) {
        runs.push({
          row: start,
          col: c,
          rows: r - start,
          cols: 1,
          formats: formats.slice(start, r).map((line) => [line[c] as string]),
        });
        start = -1;
      }
    }
  }
  return runs;
}

interface Token {
  readonly sheet: string;
  readonly rect: Rect;
  readonly parts: StateParts;
}

type Pending =
  | { readonly kind: 'values'; readonly rect: Rect; readonly values: WriteValue[][] }
  | { readonly kind: 'fills'; readonly rect: Rect; readonly fills: (string | null)[][] }
  | { readonly kind: 'state'; readonly state: RectState };

export class SheetsSheetIO implements SyncSheetIO {
  readonly sheetName: string;
  private pending: Pending[] = [];
  private copy: string | undefined;

  constructor(
    private readonly spreadsheet: GasSpreadsheet,
    private readonly sheet: GasSheet,
    private readonly clock?: SheetsClock,
    private readonly newName: () => string = () => `${INTERNAL_SHEET_PREFIX} ${Date.now().toString(36)}`,
  ) {
    this.sheetName = sheet.getName();
  }

  private range(rect: Rect, sheet = this.sheet): GasRange {
    return sheet.getRange(rect.row + 1, rect.col + 1, rect.rows, rect.cols);
  }

  /** The part of a rectangle inside the sheet's grid (rows × cols may be 0). */
  private clip(rect: Rect): Rect {
    const rows = Math.max(0, Math.min(rect.rows, this.sheet.getMaxRows() - rect.row));
    const cols = Math.max(0, Math.min(rect.cols, this.sheet.getMaxColumns() - rect.col));
    return { ...rect, rows, cols };
  }

  /** Reads a grid clipped to the sheet, padded with `blank` beyond it. */
  private readClipped<T>(rect: Rect, read: (range: GasRange) => T[][], blank: T): T[][] {
    const inside = this.clip(rect);
    const got = inside.rows > 0 && inside.cols > 0 ? read(this.range(inside)) : [];
    return Array.from({ length: rect.rows }, (_, r) =>
      Array.from({ length: rect.cols }, (_, c) => (got[r]?.[c] === undefined ? blank : (got[r]?.[c] as T))),
    );
  }

  private values(grid: GasValue[][]): CellValue[][] {
    return withSheetsDates(grid, this.clock).map((line) => line.map((v) => (v === '' ? null : (v as CellValue))));
  }

  readValues(rect: Rect): CellValue[][] {
    return this.readClipped<CellValue>(rect, (range) => this.values(range.getValues()), null);
  }

  isBlank(rect: Rect): boolean {
    const inside = this.clip(rect);
    return inside.rows === 0 || inside.cols === 0 || this.range(inside).isBlank();
  }

  private stateOf(rect: Rect, parts: StateParts, read: (range: GasRange) => GasRange | undefined): RectState {
    const grid = <T>(pick: (range: GasRange) => T[][], blank: T): T[][] =>
      this.readClipped(rect, (range) => pick(read(range) ?? range), blank);
    return {
      rect,
      ...(parts.content
        ? {
            values: grid((range) => this.values(range.getValues()), null as CellValue),
            formulas: grid((range) => range.getFormulas().map((l) => l.map((f) => f || null)), null as string | null),
            numberFormats: grid((range) => range.getNumberFormats(), null as string | null),
          }
        : {}),
      ...(parts.backgrounds
        ? {
            backgrounds: grid(
              (range) => range.getBackgrounds().map((l) => l.map((b) => (!b || b === NO_FILL ? null : b))),
              null as string | null,
            ),
          }
        : {}),
    };
  }

  readState(rect: Rect, parts: StateParts): RectState {
    return this.stateOf(rect, parts, () => undefined);
  }

  /** One hidden copy sheet per run: the rectangles one apply saves do not overlap. */
  save(rect: Rect, parts: StateParts): SavedToken {
    const inside = this.clip(rect);
    let copy = this.copy && this.spreadsheet.getSheetByName(this.copy);
    if (copy) growTo(copy, rect.row + rect.rows, rect.col + rect.cols);
    else {
      this.copy = this.newName();
      copy = internalSheet(this.spreadsheet, this.copy, rect.row + rect.rows, rect.col + rect.cols);
    }
    const name = this.copy as string;
    if (inside.rows > 0 && inside.cols > 0) {
      const destination = this.range(inside, copy);
      if (parts.content) this.range(inside).copyTo(destination);
      else this.range(inside).copyTo(destination, { formatOnly: true });
    }
    return JSON.stringify({ sheet: name, rect, parts } satisfies Token);
  }

  load(token: SavedToken): RectState {
    const { sheet: name, rect, parts } = JSON.parse(token) as Token;
    const copy = this.spreadsheet.getSheetByName(name);
    if (!copy) throw new PanelError('undoCopyGone');
    const inside = this.clip(rect);
    return this.stateOf(rect, parts, (range) =>
      copy.getRange(range.getRow(), range.getColumn(), inside.rows, inside.cols),
    );
  }

  discard(token: SavedToken): void {
    const { sheet: name } = JSON.parse(token) as Token;
    const copy = this.spreadsheet.getSheetByName(name);
    if (copy) this.spreadsheet.deleteSheet(copy);
  }

  write(rect: Rect, values: WriteValue[][] | null, backgrounds: (string | null)[][] | null): void {
    if (values) this.pending.push({ kind: 'values', rect, values });
    if (backgrounds) this.pending.push({ kind: 'fills', rect, fills: backgrounds });
  }

  writeState(state: RectState): void {
    this.pending.push({ kind: 'state', state });
  }

  commit(): void {
    const pending = this.pending;
    this.pending = [];
    // A result column right of a table that fills the grid needs one more column first.
    const rects = pending.map((p) => (p.kind === 'state' ? p.state.rect : p.rect));
    if (rects.length > 0)
      growTo(this.sheet, Math.max(...rects.map((r) => r.row + r.rows)), Math.max(...rects.map((r) => r.col + r.cols)));
    const fills = pending.filter((p): p is Extract<Pending, { kind: 'fills' }> => p.kind === 'fills');
    for (const op of pending) {
      if (op.kind === 'values') this.range(op.rect).setValues(op.values.map((line) => line.map(asSheetsText)));
      if (op.kind === 'state') this.writeStateNow(op.state);
    }
    this.writeFills(fills);
  }

  insertColumn(col: number): void {
    this.commit();
    this.sheet.insertColumnsBefore(col + 1, 1);
    try {
      this.sheet.getRange(1, col + 1, this.sheet.getMaxRows(), 1).clearFormat();
    } catch (error) {
      // A column that cannot be made plain is not left behind.
      this.sheet.deleteColumns(col + 1, 1);
      throw error;
    }
  }

  deleteColumn(col: number): void {
    this.commit();
    this.sheet.deleteColumns(col + 1, 1);
  }

  columnWidth(col: number): number {
    return col < this.sheet.getMaxColumns() ? this.sheet.getColumnWidth(col + 1) : SHEETS_COLUMN_WIDTH;
  }

  setColumnWidth(col: number, width: number): void {
    this.commit();
    growTo(this.sheet, 1, col + 1);
    this.sheet.setColumnWidth(col + 1, Math.round(width));
  }

  private writeStateNow(state: RectState): void {
    const { rect, values, formulas, numberFormats, backgrounds } = state;
    const range = this.range(rect);
    if (values) {
      range.setValues(
        values.map((line, r) =>
          line.map((v, c) => {
            const formula = formulas?.[r]?.[c];
            if (formula) return formula;
            return numberFormats?.[r]?.[c] === '@' && typeof v === 'string' ? v : asSheetsText(v);
          }),
        ),
      );
    }
    // Formats are written back in the runs of cells where one was set by hand, since writing the automatic format's
    // text would turn it into a fixed one; a cell that was automatic and has a format now (a date conversion's) is
    // reset with "General".
    if (numberFormats) {
      const now = numberFormats.some((line) => line.some(isAutomatic)) ? range.getNumberFormats() : undefined;
      const wanted = numberFormats.map((line, r) =>
        line.map((f, c) => (!isAutomatic(f) ? f : now && !isAutomatic(now[r]?.[c]) ? 'General' : null)),
      );
      for (const run of setFormatRuns(wanted))
        this.range({ ...run, row: rect.row + run.row, col: rect.col + run.col }).setNumberFormats(run.formats);
    }
    if (backgrounds) range.setBackgrounds(backgrounds);
  }

  /** Fills in order, merged into one `setBackgrounds` when together they cover their bounding rectangle. */
  private writeFills(ops: readonly { rect: Rect; fills: (string | null)[][] }[]): void {
    if (ops.length === 0) return;
    const top = Math.min(...ops.map((o) => o.rect.row));
    const left = Math.min(...ops.map((o) => o.rect.col));
    const box: Rect = {
      row: top,
      col: left,
      rows: Math.max(...ops.map((o) => o.rect.row + o.rect.rows)) - top,
      cols: Math.max(...ops.map((o) => o.rect.col + o.rect.cols)) - left,
    };
    const grid: (string | null | undefined)[][] = Array.from({ length: box.rows }, () =>
      new Array<string | null | undefined>(box.cols).fill(undefined),
    );
    for (const { rect, fills } of ops)
      fills.forEach((line, r) => line.forEach((color, c) => (grid[rect.row + r - top]![rect.col + c - left] = color)));
    if (grid.every((line) => line.every((c) => c !== undefined))) {
      this.range(box).setBackgrounds(grid as (string | null)[][]);
      return;
    }
    for (const { rect, fills } of ops) this.range(rect).setBackgrounds(fills);
  }
}
