/**
 * The side panel's SheetIO over one playground sheet (HyperFormula plus the workbook's fill colours).
 * Text is written with a leading apostrophe, which HyperFormula keeps as text: a label `=1+1` never becomes a
 * formula. The undo state keeps each cell exactly as typed (formula, `'`-text, number, date text), so restore puts
 * back the very input, not only its value.
 */
import { DetailedCellError, type RawCellContent } from 'hyperformula';
import type { CellValue, Rect, RectState, SheetIO, StateParts, WriteValue } from '../../core/engine/sheet-io.js';
import type { Workbook } from '../engine/workbook.js';

function grid<T>(rect: Rect, pick: (row: number, col: number) => T): T[][] {
  return Array.from({ length: rect.rows }, (_, r) =>
    Array.from({ length: rect.cols }, (_, c) => pick(rect.row + r, rect.col + c)),
  );
}

const asText = (value: WriteValue): RawCellContent =>
  typeof value === 'string' ? (value === '' ? null : `'${value}`) : value;

/**
 * Hands the page back to the browser before each step, as a real host's round trip does: progress paints and Cancel
 * can be clicked between the engine's steps.
 */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class PlaygroundSheetIO implements SheetIO {
  constructor(
    private readonly workbook: Workbook,
    readonly sheetName: string,
  ) {}

  private get sheet(): number {
    return this.workbook.sheetId(this.sheetName);
  }

  async usedRect(): Promise<Rect> {
    const { rows, cols } = this.workbook.dimensions(this.sheet);
    return { row: 0, col: 0, rows, cols };
  }

  async readValues(rect: Rect): Promise<CellValue[][]> {
    await nextTask();
    const sheet = this.sheet;
    const values = this.workbook.hf.getRangeValues({
      start: { sheet, row: rect.row, col: rect.col },
      end: { sheet, row: rect.row + rect.rows - 1, col: rect.col + rect.cols - 1 },
    });
    return values.map((line) =>
      line.map((v) => (v instanceof DetailedCellError ? v.value : v === undefined ? null : (v as CellValue))),
    );
  }

  async readState(rect: Rect, parts: StateParts): Promise<RectState> {
    await nextTask();
    const sheet = this.sheet;
    const state: { -readonly [K in keyof RectState]: RectState[K] } = { rect };
    if (parts.content) {
      state.values = await this.readValues(rect);
      state.formulas = grid(rect, (r, c) =>
        this.workbook.hf.doesCellHaveFormula({ sheet, row: r, col: c })
          ? (this.workbook.hf.getCellFormula({ sheet, row: r, col: c }) ?? null)
          : null,
      );
      state.snapshot = JSON.stringify(grid(rect, (r, c) => this.workbook.serialized(sheet, r, c) ?? null));
    }
    if (parts.backgrounds) state.backgrounds = grid(rect, (r, c) => this.workbook.background(sheet, r, c));
    return state;
  }

  async write(rect: Rect, values: WriteValue[][] | null, backgrounds: (string | null)[][] | null): Promise<void> {
    await nextTask();
    const sheet = this.sheet;
    if (values)
      this.workbook.setRaw(
        sheet,
        rect.row,
        rect.col,
        values.map((line) => line.map(asText)),
      );
    if (backgrounds) this.workbook.setBackgrounds(sheet, rect.row, rect.col, backgrounds);
  }

  async restore(state: RectState): Promise<void> {
    const sheet = this.sheet;
    const { rect } = state;
    if (state.snapshot) {
      const raw = JSON.parse(state.snapshot) as RawCellContent[][];
      this.workbook.setRaw(sheet, rect.row, rect.col, raw);
    } else if (state.values) {
      const formulas = state.formulas;
      this.workbook.setRaw(
        sheet,
        rect.row,
        rect.col,
        state.values.map((line, r) => line.map((v, c) => formulas?.[r]?.[c] ?? asText(v))),
      );
    }
    if (state.backgrounds) this.workbook.setBackgrounds(sheet, rect.row, rect.col, state.backgrounds);
  }
}
