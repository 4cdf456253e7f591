/**
 * A sheet in memory that implements SheetIO: the engine tests' reference and the model the contract suite holds
 * every host to. Text is stored as text (a label `=1+1` stays text); a write can be made to fail part way, to test
 * recovery; a user can sort rows and insert columns between two calls, as in a real spreadsheet. Columns have widths
 * (pixels) that move with them; an insert can be made to fail, as a protected sheet's would.
 */
import {
  DEFAULT_COLUMN_WIDTH,
  type CellValue,
  type Rect,
  type RectState,
  type SavedToken,
  type SheetIO,
  type StateParts,
  type WriteValue,
} from './sheet-io.js';
import { PanelError } from './messages.js';
import type { UndoMeta, UndoRecord, UndoStore } from './undo-record.js';

export interface MemoryCell {
  value: CellValue;
  formula: string | null;
  numberFormat: string | null;
  background: string | null;
}

const emptyCell = (): MemoryCell => ({ value: null, formula: null, numberFormat: null, background: null });

export class MemorySheet implements SheetIO {
  readonly sheetName: string;
  private cells: MemoryCell[][] = [];
  /** Column widths set by hand (pixels); the others are DEFAULT_COLUMN_WIDTH. */
  private widths: (number | undefined)[] = [];
  private readonly saved = new Map<string, RectState>();
  private pending: (() => void)[] = [];
  private nextToken = 1;
  /** When set, the write that would change this many more cells fails after changing them. */
  failAfterCellWrites: number | undefined;
  /** When set, `insertColumn` fails with this message and changes nothing (a protected sheet, say). */
  refuseColumnInsert: string | undefined;
  /** Calls made, by kind (for tests that count host round trips). */
  readonly calls = {
    readValues: 0,
    readState: 0,
    write: 0,
    writeState: 0,
    commit: 0,
    insertColumn: 0,
    deleteColumn: 0,
  };

  constructor(sheetName: string, values: readonly (readonly CellValue[])[] = []) {
    this.sheetName = sheetName;
    values.forEach((row, r) => row.forEach((value, c) => (this.cell(r, c).value = value)));
  }

  private cell(row: number, col: number): MemoryCell {
    const line = (this.cells[row] ??= []);
    return (line[col] ??= emptyCell());
  }

  /** Changes each cell of a rectangle, row by row; fails part way when `failAfterCellWrites` says so. */
  private writeCells(rect: Rect, change: (cell: MemoryCell, r: number, c: number) => void): void {
    for (let r = 0; r < rect.rows; r++) {
      for (let c = 0; c < rect.cols; c++) {
        if (this.failAfterCellWrites !== undefined && this.failAfterCellWrites-- <= 0) {
          this.failAfterCellWrites = undefined;
          throw new Error('injected write failure');
        }
        change(this.cell(rect.row + r, rect.col + c), r, c);
      }
    }
  }

  private peek(row: number, col: number): MemoryCell | undefined {
    return this.cells[row]?.[col];
  }

  /** Sets a formula and its current value (as a spreadsheet would after calculating it). */
  setFormula(row: number, col: number, formula: string, value: CellValue): void {
    Object.assign(this.cell(row, col), { formula, value });
  }

  setFormat(row: number, col: number, format: { background?: string | null; numberFormat?: string | null }): void {
    Object.assign(this.cell(row, col), format);
  }

  /** A user typing a value. */
  type(row: number, col: number, value: CellValue): void {
    Object.assign(this.cell(row, col), { value, formula: null });
  }

  /** A user inserting `count` empty columns before `col`: cells and widths right of it move right. */
  insertColumns(col: number, count: number): void {
    this.cells = this.cells.map((line) =>
      line ? [...line.slice(0, col), ...Array.from({ length: count }, emptyCell), ...line.slice(col)] : line,
    );
    if (this.widths.length > col) this.widths.splice(col, 0, ...new Array<undefined>(count));
  }

  /** A user deleting `count` columns from `col`: cells and widths right of them move left. */
  deleteColumns(col: number, count: number): void {
    this.cells = this.cells.map((line) => (line ? [...line.slice(0, col), ...line.slice(col + count)] : line));
    this.widths.splice(col, count);
  }

  /** A user resizing a column (pixels). */
  resizeColumn(col: number, width: number): void {
    this.widths[col] = width;
  }

  /** A column's width now (pixels), as the user sees it. */
  widthOf(col: number): number {
    return this.widths[col] ?? DEFAULT_COLUMN_WIDTH;
  }

  /** A user sorting rows [top, top + rows) by a column, every cell of each row moving with it. */
  sortRows(top: number, rows: number, byCol: number, descending = false): void {
    const block = Array.from({ length: rows }, (_, r) => this.cells[top + r] ?? []);
    const key = (line: MemoryCell[]): CellValue => line[byCol]?.value ?? null;
    block.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const order = x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
      return descending ? -order : order;
    });
    block.forEach((line, r) => (this.cells[top + r] = line));
  }

  /** Every cell's full state, for comparing a sheet before and after. */
  dump(): MemoryCell[][] {
    const used = this.usedRect();
    return Array.from({ length: used.rows }, (_, r) =>
      Array.from({ length: used.cols }, (_, c) => ({ ...(this.peek(r, c) ?? emptyCell()) })),
    );
  }

  /** The used area of the sheet from A1. */
  usedRect(): Rect {
    let rows = 0;
    let cols = 0;
    this.cells.forEach((line, r) =>
      line?.forEach((cell, c) => {
        if (
          cell &&
          (cell.value !== null || cell.formula !== null || cell.background !== null || cell.numberFormat !== null)
        ) {
          rows = Math.max(rows, r + 1);
          cols = Math.max(cols, c + 1);
        }
      }),
    );
    return { row: 0, col: 0, rows, cols };
  }

  async readValues(rect: Rect): Promise<CellValue[][]> {
    this.calls.readValues++;
    return this.grid(rect, (cell) => cell?.value ?? null);
  }

  async isBlank(rect: Rect): Promise<boolean> {
    // Only stored cells can hold something: a rectangle far past the used area costs nothing.
    for (let r = rect.row; r < Math.min(rect.row + rect.rows, this.cells.length); r++) {
      const line = this.cells[r];
      if (!line) continue;
      for (let c = rect.col; c < Math.min(rect.col + rect.cols, line.length); c++) {
        const cell = line[c];
        if (cell && (cell.value !== null || cell.formula)) return false;
      }
    }
    return true;
  }

  async readState(rect: Rect, parts: StateParts): Promise<RectState> {
    this.calls.readState++;
    return this.stateOf(rect, parts);
  }

  private stateOf(rect: Rect, parts: StateParts): RectState {
    return {
      rect,
      ...(parts.content
        ? {
            values: this.grid(rect, (cell) => cell?.value ?? null),
            formulas: this.grid(rect, (cell) => cell?.formula ?? null),
            numberFormats: this.grid(rect, (cell) => cell?.numberFormat ?? null),
          }
        : {}),
      ...(parts.backgrounds ? { backgrounds: this.grid(rect, (cell) => cell?.background ?? null) } : {}),
    };
  }

  async save(rect: Rect, parts: StateParts): Promise<SavedToken> {
    const token = JSON.stringify({ memory: this.nextToken++ });
    this.saved.set(token, structuredClone(this.stateOf(rect, parts)));
    return token;
  }

  async load(token: SavedToken): Promise<RectState> {
    const state = this.saved.get(token);
    if (!state) throw new PanelError('undoCopyGone');
    return structuredClone(state);
  }

  async discard(token: SavedToken): Promise<void> {
    this.saved.delete(token);
  }

  /** Forgets every saved state (as a deleted hidden copy would). */
  dropSaved(): void {
    this.saved.clear();
  }

  async write(rect: Rect, values: WriteValue[][] | null, backgrounds: (string | null)[][] | null): Promise<void> {
    this.calls.write++;
    this.pending.push(() =>
      this.writeCells(rect, (cell, r, c) => {
        if (values) {
          cell.value = values[r]?.[c] ?? null;
          cell.formula = null;
        }
        if (backgrounds) cell.background = backgrounds[r]?.[c] ?? null;
      }),
    );
  }

  async writeState(state: RectState): Promise<void> {
    this.calls.writeState++;
    const { rect } = state;
    this.pending.push(() =>
      this.writeCells(rect, (cell, r, c) => {
        if (state.values) cell.value = state.values[r]?.[c] ?? null;
        if (state.formulas) cell.formula = state.formulas[r]?.[c] ?? null;
        if (state.numberFormats) cell.numberFormat = state.numberFormats[r]?.[c] ?? null;
        if (state.backgrounds) cell.background = state.backgrounds[r]?.[c] ?? null;
      }),
    );
  }

  async commit(): Promise<void> {
    this.calls.commit++;
    const pending = this.pending;
    this.pending = [];
    for (const apply of pending) apply();
  }

  async insertColumn(col: number): Promise<void> {
    this.calls.insertColumn++;
    await this.commit();
    if (this.refuseColumnInsert !== undefined) throw new Error(this.refuseColumnInsert);
    this.insertColumns(col, 1);
  }

  async deleteColumn(col: number): Promise<void> {
    this.calls.deleteColumn++;
    await this.commit();
    this.deleteColumns(col, 1);
  }

  async columnWidth(col: number): Promise<number> {
    return this.widthOf(col);
  }

  async setColumnWidth(col: number, width: number): Promise<void> {
    await this.commit();
    this.widths[col] = width;
  }

  private grid<T>(rect: Rect, pick: (cell: MemoryCell | undefined) => T): T[][] {
    return Array.from({ length: rect.rows }, (_, r) =>
      Array.from({ length: rect.cols }, (_, c) => pick(this.peek(rect.row + r, rect.col + c))),
    );
  }
}

/** An undo store in memory (the engine tests; the playground keeps one per workbook). */
export class MemoryUndoStore implements UndoStore {
  private record: UndoRecord | undefined;
  /** When set, the record is refused over this many characters of JSON. */
  constructor(private readonly limit = Infinity) {}

  async load(): Promise<UndoRecord | undefined> {
    return this.record && structuredClone(this.record);
  }

  async create(record: UndoRecord): Promise<void> {
    const size = JSON.stringify(record).length;
    if (size > this.limit) {
      throw new PanelError('recordTooLarge', { size: (size / 1e6).toFixed(1), max: (this.limit / 1e6).toFixed(1) });
    }
    this.record = structuredClone(record);
  }

  async update(meta: UndoMeta): Promise<void> {
    if (this.record) this.record = { ...this.record, meta: { ...meta } };
  }

  async clear(): Promise<void> {
    this.record = undefined;
  }
}
