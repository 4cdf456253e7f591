/**
 * The side panel's SheetIO over one playground sheet: HyperFormula for the cells, the workbook for their fills. It
 * means what MemorySheet (core/engine/memory-sheet.ts) means, and the shared contract suite holds it to that:
 * - text is written with HyperFormula's leading apostrophe, so a label `=1+1` or `00123` stays the text it is;
 * - writes are held until `commit`, which makes them in order;
 * - `save` keeps a rectangle in the workbook's undo data (undo-store.ts), which outlives the panel, under an opaque
 *   token; `writeState` puts back each cell's very input.
 *
 * HyperFormula has no number formats: how a cell was typed is its format (`2025-01-05` is a date, `12%` a
 * percentage, `'00123` text). So this port's `numberFormats` carry a cell's input where writing its value would not
 * give it back: null when it would (text entered as text, a plain number, a boolean, a blank), otherwise the input
 * as JSON (`"2025-01-05"`, `"12%"`, `"hello"` typed without an apostrophe, `"#N/A"`, `null` for a cell a spilled
 * answer covers). The engine passes number formats through untouched, so undo writes back exactly what was typed.
 * The one real format it writes, a date conversion's DATE_FORMAT (never JSON), is typed as the day in ISO.
 *
 * HyperFormula's sheet never narrows when cells are emptied (its width only shrinks when columns are removed), so an
 * apply's result column would leave the sheet one empty column wider after undo. A commit that puts saved cells back
 * therefore removes the empty columns and rows past the size the sheet had when they were saved, unless a formula
 * refers to them.
 *
 * Columns are inserted and deleted in HyperFormula (which moves formulas' references); the fills and widths the
 * workbook keeps beside it are moved here, cell by cell over the used area. Widths are the grid's pixels.
 */
import { PanelError } from '../../core/engine/messages.js';
import { DetailedCellError, type RawCellContent, type SimpleCellAddress } from 'hyperformula';
import { serialToIso } from '../../core/dates.js';
import {
  DATE_FORMAT,
  type CellValue,
  type Rect,
  type RectState,
  type SavedToken,
  type SheetIO,
  type StateParts,
  type WriteValue,
} from '../../core/engine/sheet-io.js';
import type { Workbook } from '../engine/workbook.js';
import { undoDataOf } from './undo-store.js';

function grid<T>(rect: Rect, pick: (row: number, col: number) => T): T[][] {
  return Array.from({ length: rect.rows }, (_, r) =>
    Array.from({ length: rect.cols }, (_, c) => pick(rect.row + r, rect.col + c)),
  );
}

/** What `write` puts in a cell for a value: text with the apostrophe that keeps it text; '' is a blank. */
const asText = (value: WriteValue | undefined): RawCellContent =>
  value === undefined ? null : typeof value === 'string' ? (value === '' ? null : `'${value}`) : value;

const sameInput = (a: RawCellContent, b: RawCellContent): boolean =>
  a instanceof Date || b instanceof Date
    ? a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
    : (a ?? null) === (b ?? null);

/** A cell's input as a number format (see the top of the file): JSON, with a Date kept as one. */
const encodeInput = (input: RawCellContent): string =>
  JSON.stringify(input instanceof Date ? { date: input.toISOString() } : (input ?? null));

const decodeInput = (format: string): RawCellContent => {
  const input = JSON.parse(format) as RawCellContent | { date: string };
  return input !== null && typeof input === 'object' && 'date' in input
    ? new Date(input.date)
    : (input as RawCellContent);
};

/** The grid's width of a column nobody resized (playground/ui/SheetGrid.ts draws columns this wide). */
export const PLAYGROUND_COLUMN_WIDTH = 104;

/**
 * Hands the page back to the browser before each step, as a real host's round trip does: progress paints and Cancel
 * can be clicked between the engine's steps.
 */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class PlaygroundSheetIO implements SheetIO {
  private pending: { kind: 'write' | 'restore'; run: (sheet: number) => void }[] = [];

  constructor(
    readonly workbook: Workbook,
    readonly sheetName: string,
  ) {}

  private get sheet(): number {
    return this.workbook.sheetId(this.sheetName);
  }

  private get hf() {
    return this.workbook.hf;
  }

  /** The used area from A1 (HyperFormula's dimensions), where the panel looks for the table around the selection. */
  async usedRect(): Promise<Rect> {
    const { rows, cols } = this.workbook.dimensions(this.sheet);
    return { row: 0, col: 0, rows, cols };
  }

  async readValues(rect: Rect): Promise<CellValue[][]> {
    await nextTask();
    return this.valuesOf(this.sheet, rect);
  }

  private valuesOf(sheet: number, rect: Rect): CellValue[][] {
    if (rect.rows <= 0 || rect.cols <= 0) return Array.from({ length: Math.max(0, rect.rows) }, () => []);
    const values = this.hf.getRangeValues({
      start: { sheet, row: rect.row, col: rect.col },
      end: { sheet, row: rect.row + rect.rows - 1, col: rect.col + rect.cols - 1 },
    });
    return values.map((line) =>
      line.map((v) => (v instanceof DetailedCellError ? v.value : v === undefined ? null : (v as CellValue))),
    );
  }

  async isBlank(rect: Rect): Promise<boolean> {
    await nextTask();
    const sheet = this.sheet;
    // Cells past the used area are blank: a column checked down to the sheet's last row reads only what is used.
    const { rows, cols } = this.workbook.dimensions(sheet);
    for (let r = rect.row; r < Math.min(rect.row + rect.rows, rows); r++)
      for (let c = rect.col; c < Math.min(rect.col + rect.cols, cols); c++)
        if (!this.cellIsEmpty({ sheet, row: r, col: c })) return false;
    return true;
  }

  /** No value, no formula, and no part of a spilled answer. */
  private cellIsEmpty(address: SimpleCellAddress): boolean {
    return this.hf.isCellEmpty(address) && !this.hf.doesCellHaveFormula(address) && !this.hf.isCellPartOfArray(address);
  }

  /** What the cell holds as typed: a formula, `'`-text, a number, …; null for a blank or a spilled answer's cell. */
  private inputOf(address: SimpleCellAddress): RawCellContent {
    if (this.hf.doesCellHaveFormula(address)) return this.hf.getCellFormula(address) ?? null;
    if (this.hf.isCellPartOfArray(address)) return null;
    return (this.hf.getCellSerialized(address) as RawCellContent) ?? null;
  }

  async readState(rect: Rect, parts: StateParts): Promise<RectState> {
    await nextTask();
    return this.stateOf(this.sheet, rect, parts);
  }

  private stateOf(sheet: number, rect: Rect, parts: StateParts): RectState {
    const state: { -readonly [K in keyof RectState]: RectState[K] } = { rect };
    if (parts.content) {
      const values = this.valuesOf(sheet, rect);
      const inputs = grid(rect, (row, col) => this.inputOf({ sheet, row, col }));
      const isFormula = (r: number, c: number): boolean =>
        this.hf.doesCellHaveFormula({ sheet, row: rect.row + r, col: rect.col + c });
      state.values = values;
      state.formulas = inputs.map((line, r) => line.map((input, c) => (isFormula(r, c) ? String(input) : null)));
      state.numberFormats = inputs.map((line, r) =>
        line.map((input, c) =>
          isFormula(r, c) || sameInput(input, asText(values[r]?.[c] ?? null)) ? null : encodeInput(input),
        ),
      );
    }
    if (parts.backgrounds) state.backgrounds = grid(rect, (r, c) => this.workbook.background(sheet, r, c));
    return state;
  }

  async save(rect: Rect, parts: StateParts): Promise<SavedToken> {
    await nextTask();
    const sheet = this.sheet;
    const { width, height } = this.hf.getSheetDimensions(sheet);
    return undoDataOf(this.workbook).keep({
      sheetName: this.sheetName,
      state: this.stateOf(sheet, rect, parts),
      width,
      height,
    });
  }

  async load(token: SavedToken): Promise<RectState> {
    const kept = undoDataOf(this.workbook).get(token);
    if (!kept) throw new PanelError('undoCopyGone');
    return kept.state;
  }

  async discard(token: SavedToken): Promise<void> {
    undoDataOf(this.workbook).discard(token);
  }

  async write(rect: Rect, values: WriteValue[][] | null, backgrounds: (string | null)[][] | null): Promise<void> {
    if (rect.rows <= 0 || rect.cols <= 0) return;
    this.pending.push({
      kind: 'write',
      run: (sheet) => {
        if (values)
          this.workbook.setRaw(
            sheet,
            rect.row,
            rect.col,
            grid(rect, (r, c) => asText(values[r - rect.row]?.[c - rect.col])),
          );
        if (backgrounds)
          this.workbook.setBackgrounds(
            sheet,
            rect.row,
            rect.col,
            grid(rect, (r, c) => backgrounds[r - rect.row]?.[c - rect.col] ?? null),
          );
      },
    });
  }

  async writeState(state: RectState): Promise<void> {
    const { rect } = state;
    if (rect.rows <= 0 || rect.cols <= 0) return;
    this.pending.push({
      kind: 'restore',
      run: (sheet) => {
        if (state.values || state.formulas) {
          const input = (r: number, c: number): RawCellContent => {
            const formula = state.formulas?.[r]?.[c];
            if (formula) return formula;
            const format = state.numberFormats?.[r]?.[c];
            const value = state.values?.[r]?.[c] ?? null;
            if (format === DATE_FORMAT && typeof value === 'number') return serialToIso(value);
            return format ? decodeInput(format) : asText(value);
          };
          this.workbook.setRaw(
            sheet,
            rect.row,
            rect.col,
            grid(rect, (r, c) => input(r - rect.row, c - rect.col)),
          );
        }
        if (state.backgrounds) {
          const fills = state.backgrounds;
          this.workbook.setBackgrounds(
            sheet,
            rect.row,
            rect.col,
            grid(rect, (r, c) => fills[r - rect.row]?.[c - rect.col] ?? null),
          );
        }
      },
    });
  }

  async insertColumn(col: number): Promise<void> {
    await this.commit();
    const sheet = this.sheet;
    if (!this.hf.isItPossibleToAddColumns(sheet, [col, 1]))
      throw new Error(`column ${col + 1} cannot be inserted (the sheet is at its widest, or an array would be split)`);
    const { rows, cols } = this.workbook.dimensions(sheet);
    this.hf.addColumns(sheet, [col, 1]);
    this.moveSideStore(sheet, col, cols, rows, 1);
  }

  async deleteColumn(col: number): Promise<void> {
    await this.commit();
    const sheet = this.sheet;
    const { rows, cols } = this.workbook.dimensions(sheet);
    if (col < cols) this.hf.removeColumns(sheet, [col, 1]);
    this.moveSideStore(sheet, col, Math.max(cols, col + 1), rows, -1);
  }

  /**
   * Moves the fills and widths of columns [from, to) by `by` columns (1: an insert before `from`, whose new column
   * gets no fill and the default width; -1: `from` was deleted), over `rows` rows.
   */
  private moveSideStore(sheet: number, from: number, to: number, rows: number, by: 1 | -1): void {
    const fills = (c: number): (string | null)[] =>
      Array.from({ length: rows }, (_, r) => this.workbook.background(sheet, r, c));
    const width = (c: number): number => this.workbook.column(sheet, c)?.width ?? PLAYGROUND_COLUMN_WIDTH;
    const put = (c: number, colors: (string | null)[], w: number): void => {
      this.workbook.setBackgrounds(
        sheet,
        0,
        c,
        colors.map((color) => [color]),
      );
      if (w !== width(c)) this.workbook.setColumnWidth(sheet, c, w);
    };
    const blank = new Array<string | null>(rows).fill(null);
    if (by === 1) {
      for (let c = to - 1; c >= from; c--) put(c + 1, fills(c), width(c));
      put(from, blank, PLAYGROUND_COLUMN_WIDTH);
    } else {
      for (let c = from; c < to; c++) put(c, fills(c + 1), width(c + 1));
    }
  }

  async columnWidth(col: number): Promise<number> {
    return this.workbook.column(this.sheet, col)?.width ?? PLAYGROUND_COLUMN_WIDTH;
  }

  async setColumnWidth(col: number, width: number): Promise<void> {
    await this.commit();
    this.workbook.setColumnWidth(this.sheet, col, Math.round(width));
  }

  async commit(): Promise<void> {
    await nextTask();
    const pending = this.pending;
    this.pending = [];
    if (pending.length === 0) return;
    const sheet = this.sheet;
    for (const op of pending) op.run(sheet);
    if (pending.some((op) => op.kind === 'restore')) this.narrowToSaved(sheet);
  }

  /**
   * Removes the empty columns and rows at the sheet's right and bottom edge past the size it had when what is still
   * kept on it was saved: the room an apply's result column took, once undo or a rollback has emptied it. Nothing is
   * removed when a formula refers to those cells (removing them would change its references).
   */
  private narrowToSaved(sheet: number): void {
    const saved = undoDataOf(this.workbook).sizeWhenSaved(this.sheetName);
    if (!saved) return;
    const { width, height } = this.hf.getSheetDimensions(sheet);
    const empty = (row: number, col: number): boolean => this.cellIsEmpty({ sheet, row, col });
    let cols = width;
    while (cols > saved.width && Array.from({ length: height }, (_, r) => r).every((r) => empty(r, cols - 1))) cols--;
    let rows = height;
    while (rows > saved.height && Array.from({ length: cols }, (_, c) => c).every((c) => empty(rows - 1, c))) rows--;
    if (
      (cols === width && rows === height) ||
      this.referenced(sheet, cols < width ? cols : undefined, rows < height ? rows : undefined)
    )
      return;
    if (cols < width) this.hf.removeColumns(sheet, [cols, width - cols]);
    if (rows < height) this.hf.removeRows(sheet, [rows, height - rows]);
    // Tells the views the sheet changed size (an empty fill change notifies them and changes nothing).
    this.workbook.setBackgrounds(sheet, 0, 0, []);
  }

  /** Whether any formula or named expression of the workbook refers to a cell of `sheet` from `col` or `row` on. */
  private referenced(sheet: number, col: number | undefined, row: number | undefined): boolean {
    const hf = this.hf;
    if (hf.getAllNamedExpressionsSerialized().length > 0) return true;
    const touches = (c: number | null, r: number | null): boolean =>
      (col !== undefined && c !== null && c >= col) || (row !== undefined && r !== null && r >= row);
    for (const name of hf.getSheetNames()) {
      const id = hf.getSheetId(name);
      if (id === undefined) continue;
      const formulas = hf.getSheetFormulas(id);
      for (let r = 0; r < formulas.length; r++) {
        const line = formulas[r] ?? [];
        for (let c = 0; c < line.length; c++) {
          if (!line[c]) continue;
          for (const p of hf.getCellPrecedents({ sheet: id, row: r, col: c })) {
            if (
              'start' in p
                ? p.start.sheet === sheet && touches(p.end.col, p.end.row)
                : p.sheet === sheet && touches(p.col, p.row)
            )
              return true;
          }
        }
      }
    }
    return false;
  }
}
