/**
 * A sheet in memory that implements SheetIO: the playground's store and the engine tests' reference.
 * Text is stored as text (a label `=1+1` stays text); a write can be made to fail part way, to test recovery.
 */
import type { CellValue, Rect, RectState, SheetIO, StateParts, WriteValue } from './sheet-io.js';

interface MemoryCell {
  value: CellValue;
  formula: string | null;
  numberFormat: string | null;
  background: string | null;
}

const emptyCell = (): MemoryCell => ({ value: null, formula: null, numberFormat: null, background: null });

export class MemorySheet implements SheetIO {
  readonly sheetName: string;
  private readonly cells: MemoryCell[][] = [];
  /** When set, the write that would change this many more cells fails after changing them. */
  failAfterCellWrites: number | undefined;
  /** Calls made, by kind (for tests that count host round trips). */
  readonly calls = { readValues: 0, readState: 0, write: 0, restore: 0 };

  constructor(sheetName: string, values: readonly (readonly CellValue[])[] = []) {
    this.sheetName = sheetName;
    values.forEach((row, r) => row.forEach((value, c) => (this.cell(r, c).value = value)));
  }

  private cell(row: number, col: number): MemoryCell {
    const line = (this.cells[row] ??= []);
    return (line[col] ??= emptyCell());
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

  /** Every cell's full state, for comparing a sheet before and after. */
  dump(): MemoryCell[][] {
    const used = this.usedRectSync();
    return Array.from({ length: used.rows }, (_, r) =>
      Array.from({ length: used.cols }, (_, c) => ({ ...(this.peek(r, c) ?? emptyCell()) })),
    );
  }

  private usedRectSync(): Rect {
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

  async usedRect(): Promise<Rect> {
    return this.usedRectSync();
  }

  async readValues(rect: Rect): Promise<CellValue[][]> {
    this.calls.readValues++;
    return this.grid(rect, (cell) => cell?.value ?? null);
  }

  async readState(rect: Rect, parts: StateParts): Promise<RectState> {
    this.calls.readState++;
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

  async write(rect: Rect, values: WriteValue[][] | null, backgrounds: (string | null)[][] | null): Promise<void> {
    this.calls.write++;
    for (let r = 0; r < rect.rows; r++) {
      for (let c = 0; c < rect.cols; c++) {
        if (this.failAfterCellWrites !== undefined && this.failAfterCellWrites-- <= 0) {
          this.failAfterCellWrites = undefined;
          throw new Error('injected write failure');
        }
        const cell = this.cell(rect.row + r, rect.col + c);
        if (values) {
          cell.value = values[r]?.[c] ?? null;
          cell.formula = null;
        }
        if (backgrounds) cell.background = backgrounds[r]?.[c] ?? null;
      }
    }
  }

  async restore(state: RectState): Promise<void> {
    this.calls.restore++;
    const { rect } = state;
    for (let r = 0; r < rect.rows; r++) {
      for (let c = 0; c < rect.cols; c++) {
        const cell = this.cell(rect.row + r, rect.col + c);
        if (state.values) cell.value = state.values[r]?.[c] ?? null;
        if (state.formulas) cell.formula = state.formulas[r]?.[c] ?? null;
        if (state.numberFormats) cell.numberFormat = state.numberFormats[r]?.[c] ?? null;
        if (state.backgrounds) cell.background = state.backgrounds[r]?.[c] ?? null;
      }
    }
  }

  private grid<T>(rect: Rect, pick: (cell: MemoryCell | undefined) => T): T[][] {
    return Array.from({ length: rect.rows }, (_, r) =>
      Array.from({ length: rect.cols }, (_, c) => pick(this.peek(rect.row + r, rect.col + c))),
    );
  }
}
