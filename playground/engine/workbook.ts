/**
 * The playground's workbook: HyperFormula with every catalog function registered, plus what HyperFormula does not
 * keep (column widths and display formats, header rows). The grid, the formula bar, import/export and the tests all
 * go through this class. No DOM here: it runs in Node for tests and the benchmark.
 *
 * GPL-3.0 HyperFormula: playground and tests only.
 */
import {
  DetailedCellError,
  HyperFormula,
  type CellValue,
  type ConfigParams,
  type RawCellContent,
  type SimpleCellAddress,
} from 'hyperformula';
import { formatNumber } from './format.js';
import { registerSegmentKit } from './segmentkit-plugin.js';
import type { SummaryChart } from '../../core/engine/summary-sheet.js';
import type { CellInput, ColumnFormat, ColumnSpec, SheetInput } from './sheet-model.js';

/** HyperFormula's settings for the playground. */
export const HF_CONFIG: Partial<ConfigParams> = {
  licenseKey: 'gpl-v3',
  // HyperFormula stops at 40,000 rows by default; allow Excel's sheet size.
  maxRows: 1_048_576,
  maxColumns: 16_384,
  // ISO dates as in the core, then the day-first dates Vietnamese users type.
  dateFormats: ['YYYY-MM-DD', 'DD/MM/YYYY'],
  timeFormats: ['hh:mm', 'hh:mm:ss.sss'],
  // Arithmetic on ranges spills, as in Excel 365 and Sheets: `=D2:D9*F2:F9` answers 8 values.
  useArrayArithmetic: true,
};

export type CellKind = 'empty' | 'number' | 'text' | 'boolean' | 'error';

/** One cell as the grid shows it. */
export interface CellView {
  /** What the cell shows. */
  readonly text: string;
  /** What the editor and the formula bar show: the formula or the typed value. */
  readonly input: string;
  readonly kind: CellKind;
  /** The error's message (`#VALUE!` cells carry the core's reason). */
  readonly error?: string;
  /** The cell holds a formula (the anchor of a spilled answer, or a one-cell formula). */
  readonly formula: boolean;
  /** The cell shows part of a spilled answer whose formula is elsewhere. */
  readonly spilled: boolean;
}

interface SheetMeta {
  columns: (ColumnSpec | undefined)[];
  headerRow: boolean;
  boldRows: Set<number>;
  freezeColumns: number;
  initialCell: { col: number; row: number };
  cellFormats: readonly (readonly (ColumnFormat | undefined)[])[];
  chart: SummaryChart | undefined;
}

const EMPTY_VIEW: CellView = { text: '', input: '', kind: 'empty', formula: false, spilled: false };

/** Where the user is: the active sheet, the selected block and the active cell (0-based), as the grid reports it. */
export interface ActiveSelection {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  readonly activeRow: number;
  readonly activeCol: number;
}

const COLUMNS_PER_KEY = 1 << 15;
const cellKey = (row: number, col: number): number => row * COLUMNS_PER_KEY + col;

export class Workbook {
  readonly hf: HyperFormula;
  private readonly meta = new Map<number, SheetMeta>();
  /** Cell fill colours (`#rrggbb`) per sheet, which HyperFormula does not keep; the side panel's row colours. */
  private readonly fills = new Map<number, Map<number, string>>();
  /** Set by the app as the user moves; read by the side panel. */
  selection: ActiveSelection | undefined;
  /** The sheet whose tab is shown; always one that exists while the workbook has a sheet. */
  private active: string;
  /** The sheet names as of the last change, to find the neighbour of a sheet that has gone. */
  private order: string[];
  private readonly listeners = new Set<() => void>();
  /** Bumped on every change, so views can tell they are stale. */
  version = 0;

  private constructor(hf: HyperFormula, sheets: readonly SheetInput[]) {
    this.hf = hf;
    for (const sheet of sheets) this.setMeta(sheet);
    this.order = this.sheetNames();
    this.active = this.order[0] ?? '';
  }

  /** Opens sheets, evaluating every formula. */
  static open(sheets: readonly SheetInput[]): Workbook {
    registerSegmentKit();
    const content: Record<string, RawCellContent[][]> = {};
    for (const sheet of sheets) content[sheet.name] = sheet.cells as RawCellContent[][];
    return new Workbook(HyperFormula.buildFromSheets(content, HF_CONFIG), sheets);
  }

  private setMeta(sheet: SheetInput): void {
    const id = this.sheetId(sheet.name);
    this.meta.set(id, {
      columns: [...(sheet.columns ?? [])],
      headerRow: sheet.headerRow ?? false,
      boldRows: new Set([...(sheet.headerRow ? [0] : []), ...(sheet.boldRows ?? [])]),
      freezeColumns: sheet.freezeColumns ?? 0,
      initialCell: sheet.initialCell ?? { col: 0, row: 0 },
      cellFormats: sheet.cellFormats ?? [],
      chart: sheet.chart,
    });
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.followRemovedActiveSheet();
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /**
   * When the active sheet has gone (removed by the side panel's undo, or an added sheet taken back by undo), the tab
   * that took its place (the one after it) becomes active, or the one before it when it was the last.
   */
  private followRemovedActiveSheet(): void {
    const names = this.sheetNames();
    if (!names.includes(this.active)) {
      const was = Math.max(0, this.order.indexOf(this.active));
      this.active = names[Math.min(was, names.length - 1)] ?? '';
    }
    if (this.selection && !names.includes(this.selection.sheet)) this.selection = undefined;
    this.order = names;
  }

  /** The sheet whose tab is shown (followed here too, should a sheet go without a change being announced). */
  get activeSheet(): string {
    this.followRemovedActiveSheet();
    return this.active;
  }

  setActiveSheet(name: string): void {
    this.sheetId(name);
    if (name === this.active) return;
    this.active = name;
    this.changed();
  }

  sheetNames(): string[] {
    return this.hf.getSheetNames();
  }

  sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet named ${name}`);
    return id;
  }

  /** Rows and columns holding something (values, formulas or spilled answers). */
  dimensions(sheet: number): { rows: number; cols: number } {
    const { height, width } = this.hf.getSheetDimensions(sheet);
    return { rows: height, cols: width };
  }

  column(sheet: number, col: number): ColumnSpec | undefined {
    return this.meta.get(sheet)?.columns[col];
  }

  /** How a cell's numbers are shown: its own format, else its column's. */
  format(sheet: number, row: number, col: number): ColumnFormat | undefined {
    const meta = this.meta.get(sheet);
    return meta?.cellFormats[row]?.[col] ?? meta?.columns[col]?.format;
  }

  /** The chart shown beside a sheet (the summary sheet's), if it has one. */
  chart(name: string): SummaryChart | undefined {
    if (!this.hf.doesSheetExist(name)) return undefined;
    return this.meta.get(this.sheetId(name))?.chart;
  }

  /** The values of the block a sheet's chart is drawn from (its summary's cells), or undefined without a chart. */
  chartBlock(name: string): CellValue[][] | undefined {
    const chart = this.chart(name);
    if (!chart) return undefined;
    const sheet = this.sheetId(name);
    const { row, col, rows, cols } = chart.source;
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => this.value(sheet, row + r, col + c)),
    );
  }

  setColumnWidth(sheet: number, col: number, width: number): void {
    const meta = this.meta.get(sheet);
    if (!meta) return;
    meta.columns[col] = { ...meta.columns[col], width };
    this.changed();
  }

  /** What the page needs to lay a sheet out beside its cells (its columns, bold rows, frozen columns, chart). */
  layout(sheet: number): {
    columns: (ColumnSpec | undefined)[];
    headerRow: boolean;
    boldRows: number[];
    freezeColumns: number;
    initialCell: { col: number; row: number };
    chart: SummaryChart | undefined;
  } {
    const meta = this.meta.get(sheet);
    return {
      // Width and format only: the sample's column specs carry more (headers, the functions that fill them).
      columns: (meta?.columns ?? []).map((spec) =>
        spec
          ? {
              ...(spec.width === undefined ? {} : { width: spec.width }),
              ...(spec.format ? { format: spec.format } : {}),
            }
          : undefined,
      ),
      headerRow: meta?.headerRow ?? false,
      boldRows: [...(meta?.boldRows ?? [])],
      freezeColumns: meta?.freezeColumns ?? 0,
      initialCell: meta?.initialCell ?? { col: 0, row: 0 },
      chart: meta?.chart,
    };
  }

  hasHeaderRow(sheet: number): boolean {
    return this.meta.get(sheet)?.headerRow ?? false;
  }

  /** The cell selected when the sheet is first shown. */
  initialCell(sheet: number): { col: number; row: number } {
    return this.meta.get(sheet)?.initialCell ?? { col: 0, row: 0 };
  }

  frozenColumns(sheet: number): number {
    return this.meta.get(sheet)?.freezeColumns ?? 0;
  }

  isBoldRow(sheet: number, row: number): boolean {
    return this.meta.get(sheet)?.boldRows.has(row) ?? false;
  }

  /** A cell's fill colour, or null for none. */
  background(sheet: number, row: number, col: number): string | null {
    return this.fills.get(sheet)?.get(cellKey(row, col)) ?? null;
  }

  /** Sets fill colours for a block (null clears), row by row from (row, col). */
  setBackgrounds(sheet: number, row: number, col: number, colors: readonly (readonly (string | null)[])[]): void {
    let fills = this.fills.get(sheet);
    if (!fills) this.fills.set(sheet, (fills = new Map()));
    colors.forEach((line, r) =>
      line.forEach((color, c) => {
        if (color === null) fills.delete(cellKey(row + r, col + c));
        else fills.set(cellKey(row + r, col + c), color);
      }),
    );
    this.changed();
  }

  /** Writes cells exactly as serialized by `serialized` (formulas, `'`-prefixed text, numbers), in one recalculation. */
  setRaw(sheet: number, row: number, col: number, cells: readonly (readonly RawCellContent[])[]): void {
    this.hf.setCellContents({ sheet, row, col }, cells as RawCellContent[][]);
    this.changed();
  }

  /** What a cell holds as typed: a formula, a value, `'`-prefixed text, or null. */
  serialized(sheet: number, row: number, col: number): RawCellContent {
    return this.hf.getCellSerialized({ sheet, row, col }) as RawCellContent;
  }

  /** The computed value (HyperFormula's: numbers, text, booleans, errors, null for blank). */
  value(sheet: number, row: number, col: number): CellValue {
    return this.hf.getCellValue({ sheet, row, col });
  }

  /** One cell as shown. */
  view(sheet: number, row: number, col: number): CellView {
    // A sheet removed a moment ago may still be drawn once before the page follows the change.
    if (this.hf.getSheetName(sheet) === undefined) return EMPTY_VIEW;
    const address: SimpleCellAddress = { sheet, row, col };
    const value = this.hf.getCellValue(address);
    const formula = this.hf.doesCellHaveFormula(address);
    const spilled = !formula && this.hf.isCellPartOfArray(address);
    if (value === null || value === undefined) {
      if (!formula) return spilled ? { ...EMPTY_VIEW, spilled } : EMPTY_VIEW;
      return { ...EMPTY_VIEW, input: this.hf.getCellFormula(address) ?? '', formula };
    }
    let text: string;
    let kind: CellKind;
    let error: string | undefined;
    if (value instanceof DetailedCellError) {
      text = value.value;
      kind = 'error';
      error = value.message || undefined;
    } else if (typeof value === 'number') {
      text = formatNumber(value, this.hf.getCellValueDetailedType(address), this.format(sheet, row, col));
      kind = 'number';
    } else if (typeof value === 'boolean') {
      text = value ? 'TRUE' : 'FALSE';
      kind = 'boolean';
    } else {
      text = String(value);
      kind = 'text';
    }
    const input = formula ? (this.hf.getCellFormula(address) ?? '') : spilled ? text : this.inputOf(address);
    return error === undefined
      ? { text, input, kind, formula, spilled }
      : { text, input, kind, error, formula, spilled };
  }

  /** What the user typed in a value cell. */
  private inputOf(address: SimpleCellAddress): string {
    const raw = this.hf.getCellSerialized(address);
    if (raw === null || raw === undefined) return '';
    if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
    if (raw instanceof Date) return raw.toISOString().slice(0, 10);
    return String(raw);
  }

  /** The formula cell whose spilled answer covers a cell (the cell itself when it holds the formula). */
  anchorOf(sheet: number, row: number, col: number): { row: number; col: number } | undefined {
    const has = (r: number, c: number): boolean => this.hf.doesCellHaveFormula({ sheet, row: r, col: c });
    const inArray = (r: number, c: number): boolean => this.hf.isCellPartOfArray({ sheet, row: r, col: c });
    if (has(row, col)) return { row, col };
    if (!inArray(row, col)) return undefined;
    let r = row;
    while (r > 0 && inArray(r - 1, col) && !has(r, col)) r--;
    if (has(r, col)) return { row: r, col };
    let c = col;
    while (c > 0 && inArray(r, c - 1) && !has(r, c)) c--;
    return has(r, c) ? { row: r, col: c } : undefined;
  }

  /** Sets what a user typed: `=…` is a formula, numbers and ISO or day-first dates are parsed, `''` clears. */
  setInput(sheet: number, row: number, col: number, input: string): void {
    this.hf.setCellContents({ sheet, row, col }, input.trim() === '' ? null : input);
    this.changed();
  }

  /** Writes a block of cells (paste, import) in one recalculation. */
  setInputs(sheet: number, row: number, col: number, cells: readonly (readonly CellInput[])[]): void {
    this.hf.setCellContents({ sheet, row, col }, cells.map((r) => r.map((c) => (c === '' ? null : c))) as never);
    this.changed();
  }

  clear(sheet: number, row: number, col: number, height: number, width: number): void {
    const empty = Array.from({ length: height }, () => new Array<null>(width).fill(null));
    this.hf.setCellContents({ sheet, row, col }, empty);
    this.changed();
  }

  undo(): boolean {
    if (!this.hf.isThereSomethingToUndo()) return false;
    this.hf.undo();
    this.changed();
    return true;
  }

  redo(): boolean {
    if (!this.hf.isThereSomethingToRedo()) return false;
    this.hf.redo();
    this.changed();
    return true;
  }

  /** A sheet name not taken yet: `orders`, `orders (2)`, … (HyperFormula compares names case-insensitively). */
  uniqueSheetName(wanted: string): string {
    const base =
      wanted
        .replace(/[[\]*?/\\:']/g, ' ')
        .trim()
        .slice(0, 80) || 'Sheet';
    let name = base;
    for (let i = 2; this.hf.doesSheetExist(name); i++) name = `${base} (${i})`;
    return name;
  }

  /** Adds a sheet (its name made unique) and returns its name; one undo step takes it back. */
  addSheet(sheet: SheetInput): string {
    let name = '';
    this.hf.batch(() => {
      name = this.hf.addSheet(this.uniqueSheetName(sheet.name));
      if (sheet.cells.length > 0) this.hf.setSheetContent(this.sheetId(name), sheet.cells as RawCellContent[][]);
    });
    this.setMeta({ ...sheet, name });
    this.changed();
    return name;
  }

  /**
   * Removes a sheet. When it is the active one, its neighbour becomes active (see `activeSheet`); the last sheet of
   * the workbook stays, as in Excel and Sheets.
   */
  removeSheet(name: string): void {
    const id = this.sheetId(name);
    if (this.sheetNames().length === 1) throw new Error(`${name} is the only sheet; a workbook keeps at least one`);
    this.hf.removeSheet(id);
    this.meta.delete(id);
    this.fills.delete(id);
    this.changed();
  }

  /** Sum, count and average of the numbers in a block (the status bar), reading at most `limit` cells. */
  stats(
    sheet: number,
    row: number,
    col: number,
    height: number,
    width: number,
    limit = 200_000,
  ): { count: number; numbers: number; sum: number } | undefined {
    if (height * width > limit || height * width <= 1) return undefined;
    const values = this.hf.getRangeValues({
      start: { sheet, row, col },
      end: { sheet, row: row + height - 1, col: col + width - 1 },
    });
    let count = 0;
    let numbers = 0;
    let sum = 0;
    for (const line of values) {
      for (const v of line) {
        if (v === null || v === '') continue;
        count++;
        if (typeof v === 'number') {
          numbers++;
          sum += v;
        }
      }
    }
    return { count, numbers, sum };
  }

  destroy(): void {
    this.listeners.clear();
    this.hf.destroy();
  }
}
