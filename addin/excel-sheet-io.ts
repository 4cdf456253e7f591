/**
 * The side panel's SheetIO for Excel. Excel on the web refuses a request or a response over 5 MB, so every read
 * and write is cut into chunks of rows kept under 4 MB, with one `sync()` per chunk: writes are measured before
 * they are sent; reads are sized from the bytes per row of the chunks already read (a first small probe).
 * Writes are held until `commit` and suspend calculation until their sync. Labels are written with the number format
 * `@`, so a label `=1+1` stays text. State: values, formulas, number formats and fill colours (ExcelApi 1.9
 * getCellProperties); `save` reads it and the token carries it (the undo store keeps it in the workbook); text is
 * written back as text (its own format `@`, or a leading apostrophe), formulas as formulas.
 * Columns are inserted and deleted whole (`H:H` with `insert('Right')` / `delete('Left')`, one sync each); widths are
 * `format.columnWidth`, which Excel keeps in points (a pixel is ¾ point at 96 dpi).
 */
import {
  columnLetters,
  type CellValue,
  type Rect,
  RectState,
  type SavedToken,
  type SheetIO,
  type StateParts,
  type WriteValue,
} from '../core/engine/sheet-io.js';
import type { CellFill, ExcelContext, ExcelRange, ExcelRun, ExcelValue } from './excel-api.js';

export const CHUNK_BYTES = 4 * 1024 * 1024;
const PROBE_ROWS = 500;
/** What one fill command costs in a request (range address, property path, colour), generously. */
const FILL_COMMAND_BYTES = 160;
/** What one cell's fill costs in a getCellProperties response. */
const FILL_CELL_BYTES = 60;

export interface ExcelIOStats {
  syncs: number;
  chunks: number;
  largestChunkBytes: number;
}

/**
 * Whether Excel would read text typed into a General cell as something else: a formula (`=`, `+`, `-`, `@`), a
 * number, date, time, percentage or currency (anything made of digits and separators), a logical value, or text
 * whose own first character is an apostrophe. Such text is written back behind an apostrophe.
 */
export function excelWouldParse(text: string): boolean {
  if (text === '') return false;
  if (/^[=+\-@']/.test(text)) return true;
  if (/^\s*(true|false)\s*$/i.test(text)) return true;
  if (/^\s*(\d{1,4}[\s/-]+)?[a-z]{3,9}\.?([\s/,-]+\d{1,4})+\s*$/i.test(text)) return true;
  return /\d/.test(text) && /^[\s\d.,:/%()$€£¥₫đ-]*(e[+-]?\d+)?[\s\d.,:/%()$€£¥₫đAPMapm-]*$/.test(text);
}

/** Points per pixel: Excel's column widths are points, the port's are pixels (96 per inch, 72 points per inch). */
const POINTS_PER_PIXEL = 0.75;
/** Widths to the hundredth, so a width read and written back is the same number. */
const hundredths = (n: number): number => Math.round(n * 100) / 100;

const fromExcel = (v: ExcelValue | null | undefined): CellValue => (v === '' || v === undefined ? null : v);
const toExcel = (v: WriteValue): ExcelValue => (v === null ? '' : v);
const bytesOf = (value: unknown): number => JSON.stringify(value ?? null).length;

function fillOf(cell: CellFill | undefined): string | null {
  const fill = cell?.format?.fill;
  if (!fill || !fill.color || fill.pattern === 'None') return null;
  return fill.color.toLowerCase();
}

/** Runs of equal colour in one row: [start, length, colour]. */
function runs(line: readonly (string | null)[]): [number, number, string | null][] {
  const out: [number, number, string | null][] = [];
  line.forEach((color, c) => {
    const last = out[out.length - 1];
    if (last && last[2] === color) last[1]++;
    else out.push([c, 1, color]);
  });
  return out;
}

export class ExcelSheetIO implements SheetIO {
  readonly stats: ExcelIOStats = { syncs: 0, chunks: 0, largestChunkBytes: 0 };
  private pending: (() => Promise<void>)[] = [];

  constructor(
    private readonly run: ExcelRun,
    readonly sheetName: string,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {}

  private async sync(context: ExcelContext, bytes: number): Promise<void> {
    await context.sync();
    this.stats.syncs++;
    this.stats.chunks++;
    this.stats.largestChunkBytes = Math.max(this.stats.largestChunkBytes, bytes);
  }

  async usedRect(): Promise<Rect> {
    return this.run(async (context) => {
      const used = context.workbook.worksheets.getItem(this.sheetName).getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      await this.sync(context, 0);
      if (used.isNullObject) return { row: 0, col: 0, rows: 0, cols: 0 };
      return { row: 0, col: 0, rows: used.rowIndex + used.rowCount, cols: used.columnIndex + used.columnCount };
    });
  }

  /**
   * Reads a rectangle chunk by chunk. `load` queues what one chunk needs and returns a reader for after the sync;
   * `cellBytes` is a floor on the bytes per cell the response takes.
   */
  private async readChunks<T>(
    rect: Rect,
    cellBytes: number,
    load: (range: ExcelRange) => () => { rows: T[]; bytes: number },
  ): Promise<T[]> {
    const out: T[] = [];
    if (rect.rows === 0 || rect.cols === 0) return out;
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(this.sheetName);
      let bytesPerRow = Math.max(cellBytes * rect.cols, 1);
      let rows = Math.min(PROBE_ROWS, Math.max(1, Math.floor(this.chunkBytes / bytesPerRow)));
      let start = 0;
      while (start < rect.rows) {
        const count = Math.min(rows, rect.rows - start);
        const read = load(sheet.getRangeByIndexes(rect.row + start, rect.col, count, rect.cols));
        await this.sync(context, 0);
        const chunk = read();
        this.stats.largestChunkBytes = Math.max(this.stats.largestChunkBytes, chunk.bytes);
        out.push(...chunk.rows);
        start += count;
        bytesPerRow = Math.max(bytesPerRow, chunk.bytes / count);
        rows = Math.max(1, Math.floor((this.chunkBytes * 0.9) / bytesPerRow));
      }
    });
    return out;
  }

  async readValues(rect: Rect): Promise<CellValue[][]> {
    return this.readChunks(rect, 4, (range) => {
      range.load('values');
      return () => ({ rows: range.values.map((line) => line.map(fromExcel)), bytes: bytesOf(range.values) });
    });
  }

  async readState(rect: Rect, parts: StateParts): Promise<RectState> {
    type Row = {
      value?: CellValue[];
      formula?: (string | null)[];
      format?: (string | null)[];
      fill?: (string | null)[];
    };
    const rows = await this.readChunks<Row>(
      rect,
      (parts.content ? 12 : 0) + (parts.backgrounds ? FILL_CELL_BYTES : 0),
      (range) => {
        if (parts.content) range.load('values,formulas,numberFormat');
        const fills = parts.backgrounds
          ? range.getCellProperties({ format: { fill: { color: true, pattern: true } } })
          : undefined;
        return () => {
          let bytes = 0;
          const count = parts.content ? range.values.length : (fills?.value.length ?? 0);
          if (parts.content) bytes += bytesOf(range.values) + bytesOf(range.formulas) + bytesOf(range.numberFormat);
          if (fills) bytes += bytesOf(fills.value);
          const out: Row[] = [];
          for (let r = 0; r < count; r++) {
            const row: Row = {};
            if (parts.content) {
              row.value = (range.values[r] ?? []).map(fromExcel);
              // A text cell that reads "=1+1" shows the same text as its formula; a real formula shows its result.
              row.formula = (range.formulas[r] ?? []).map((f, c) =>
                typeof f === 'string' && f.startsWith('=') && f !== range.values[r]?.[c] ? f : null,
              );
              row.format = (range.numberFormat[r] ?? []).map((f) => f ?? null);
            }
            if (fills) row.fill = (fills.value[r] ?? []).map(fillOf);
            out.push(row);
          }
          return { rows: out, bytes };
        };
      },
    );
    return {
      rect,
      ...(parts.content
        ? {
            values: rows.map((r) => r.value ?? []),
            formulas: rows.map((r) => r.formula ?? []),
            numberFormats: rows.map((r) => r.format ?? []),
          }
        : {}),
      ...(parts.backgrounds ? { backgrounds: rows.map((r) => r.fill ?? []) } : {}),
    };
  }

  /**
   * Sends row-wise edits in chunks under the limit: `cost` is a row's request bytes, `queue` queues rows
   * [start, start + count) on the sheet.
   */
  private async writeChunks(
    rect: Rect,
    cost: (r: number) => number,
    queue: (context: ExcelContext, start: number, count: number) => void,
  ): Promise<void> {
    await this.run(async (context) => {
      let start = 0;
      while (start < rect.rows) {
        let bytes = 0;
        let count = 0;
        while (start + count < rect.rows) {
          const next = cost(start + count);
          if (count > 0 && bytes + next > this.chunkBytes) break;
          bytes += next;
          count++;
        }
        context.application.suspendApiCalculationUntilNextSync();
        queue(context, start, count);
        await this.sync(context, bytes);
        start += count;
      }
    });
  }

  private queueFills(
    context: ExcelContext,
    rect: Rect,
    colors: readonly (readonly (string | null)[])[],
    start: number,
    count: number,
  ): void {
    const sheet = context.workbook.worksheets.getItem(this.sheetName);
    for (let r = start; r < start + count; r++) {
      for (const [c, length, color] of runs(colors[r] ?? [])) {
        const range = sheet.getRangeByIndexes(rect.row + r, rect.col + c, 1, length);
        if (color === null) range.format.fill.clear();
        else range.format.fill.color = color;
      }
    }
  }

  async isBlank(rect: Rect): Promise<boolean> {
    // A large rectangle (a column checked down to the sheet's last row) is first clipped to the used range: cells
    // past it are blank. A small one is read as it is, in one sync.
    let inside = rect;
    if (rect.rows * rect.cols > PROBE_ROWS * 10) {
      const used = await this.usedRect();
      const rows = Math.max(0, Math.min(rect.row + rect.rows, used.rows) - rect.row);
      const cols = Math.max(0, Math.min(rect.col + rect.cols, used.cols) - rect.col);
      if (rows === 0 || cols === 0) return true;
      inside = { ...rect, rows, cols };
    }
    const state = await this.readState(inside, { content: true, backgrounds: false });
    return (state.values ?? []).every((line, r) =>
      line.every((v, c) => (v === null || v === '') && !state.formulas?.[r]?.[c]),
    );
  }

  /** The whole column `col` as an A1 range (`H:H`). */
  private column(context: ExcelContext, col: number): ExcelRange {
    const letters = columnLetters(col);
    return context.workbook.worksheets.getItem(this.sheetName).getRange(`${letters}:${letters}`);
  }

  async insertColumn(col: number): Promise<void> {
    await this.commit();
    await this.run(async (context) => {
      this.column(context, col).insert('Right');
      await this.sync(context, 0);
    });
  }

  async deleteColumn(col: number): Promise<void> {
    await this.commit();
    await this.run(async (context) => {
      this.column(context, col).delete('Left');
      await this.sync(context, 0);
    });
  }

  async columnWidth(col: number): Promise<number> {
    return this.run(async (context) => {
      const format = this.column(context, col).format;
      format.load('columnWidth');
      await this.sync(context, 0);
      return hundredths(format.columnWidth / POINTS_PER_PIXEL);
    });
  }

  async setColumnWidth(col: number, width: number): Promise<void> {
    await this.commit();
    await this.run(async (context) => {
      this.column(context, col).format.columnWidth = hundredths(width * POINTS_PER_PIXEL);
      await this.sync(context, 0);
    });
  }

  async save(rect: Rect, parts: StateParts): Promise<SavedToken> {
    return JSON.stringify(await this.readState(rect, parts));
  }

  async load(token: SavedToken): Promise<RectState> {
    return JSON.parse(token) as RectState;
  }

  async discard(): Promise<void> {
    // The token carries the state; the undo store drops it with the record.
  }

  async write(rect: Rect, values: WriteValue[][] | null, backgrounds: (string | null)[][] | null): Promise<void> {
    this.pending.push(() => this.writeNow(rect, values, backgrounds));
  }

  async writeState(state: RectState): Promise<void> {
    this.pending.push(() => this.writeStateNow(state));
  }

  async commit(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    for (const send of pending) await send();
  }

  private async writeNow(
    rect: Rect,
    values: WriteValue[][] | null,
    backgrounds: (string | null)[][] | null,
  ): Promise<void> {
    const textFormat = (line: readonly WriteValue[]): string[] =>
      line.map((v) => (typeof v === 'string' ? '@' : 'General'));
    await this.writeChunks(
      rect,
      (r) =>
        (values ? bytesOf(values[r]) + bytesOf(textFormat(values[r] ?? [])) : 0) +
        (backgrounds ? runs(backgrounds[r] ?? []).length * FILL_COMMAND_BYTES : 0),
      (context, start, count) => {
        const sheet = context.workbook.worksheets.getItem(this.sheetName);
        if (values) {
          const range = sheet.getRangeByIndexes(rect.row + start, rect.col, count, rect.cols);
          const block = values.slice(start, start + count);
          range.numberFormat = block.map(textFormat);
          range.values = block.map((line) => line.map(toExcel));
        }
        if (backgrounds) this.queueFills(context, rect, backgrounds, start, count);
      },
    );
  }

  private async writeStateNow(state: RectState): Promise<void> {
    const { rect, values, formulas, numberFormats, backgrounds } = state;
    /** A cell as `range.formulas` takes it: its formula, text behind an apostrophe unless its format is text. */
    const input = (r: number, c: number): ExcelValue => {
      const formula = formulas?.[r]?.[c];
      if (formula) return formula;
      const value = values?.[r]?.[c] ?? null;
      if (typeof value !== 'string') return toExcel(value);
      return numberFormats?.[r]?.[c] === '@' || !excelWouldParse(value) ? value : `'${value}`;
    };
    await this.writeChunks(
      rect,
      (r) =>
        (values ? bytesOf(values[r]) * 2 + bytesOf(numberFormats?.[r] ?? []) : 0) +
        (backgrounds ? runs(backgrounds[r] ?? []).length * FILL_COMMAND_BYTES : 0),
      (context, start, count) => {
        const sheet = context.workbook.worksheets.getItem(this.sheetName);
        if (values) {
          const range = sheet.getRangeByIndexes(rect.row + start, rect.col, count, rect.cols);
          if (numberFormats)
            range.numberFormat = numberFormats
              .slice(start, start + count)
              .map((line) => line.map((f) => f ?? 'General'));
          range.formulas = Array.from({ length: count }, (_, r) =>
            Array.from({ length: rect.cols }, (_, c) => input(start + r, c)),
          );
        }
        if (backgrounds) this.queueFills(context, rect, backgrounds, start, count);
      },
    );
  }
}
