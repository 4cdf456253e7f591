/**
 * The side panel's SheetIO on the Sheets server, shaped so one apply costs one read and two writes:
 * - one `getValues` over the table and its result column serves the engine's read of the table and its look at
 *   the result column;
 * - what apply will change is kept for undo without reading it: the area is copied (`copyTo`, values, formulas,
 *   formats and colours) to a hidden sheet, and restore copies it back;
 * - the writes are held until `flush`: one `setValues` of the result column (text with a leading apostrophe, so
 *   `=1+1` stays text) and one `setBackgrounds` over the data rows of the table and result column.
 */
import type { CellValue, Rect, RectState, StateParts, SyncSheetIO, WriteValue } from '../core/engine/sheet-io.js';
import type { GasRange, GasSheet, GasSpreadsheet } from './gas-types.js';
import { withSheetsDates, type SheetsClock } from './sheets-host.js';

export const UNDO_SHEET_PREFIX = 'SegmentKit undo';

const inside = (inner: Rect, outer: Rect): boolean =>
  inner.row >= outer.row &&
  inner.col >= outer.col &&
  inner.row + inner.rows <= outer.row + outer.rows &&
  inner.col + inner.cols <= outer.col + outer.cols;

/** A value as setValues should get it: text always as text. */
export function asSheetsText(value: WriteValue): string | number | boolean {
  if (value === null) return '';
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}

export class SheetsSheetIO implements SyncSheetIO {
  readonly sheetName: string;
  private cache: { rect: Rect; values: CellValue[][] } | undefined;
  private snapshot: { sheet: GasSheet; rect: Rect } | undefined;
  private pendingValues: { rect: Rect; values: WriteValue[][] } | undefined;
  private pendingColors: { rect: Rect; colors: (string | null)[][] }[] = [];

  /**
   * @param area the table and its result column: read once, copied once
   */
  constructor(
    private readonly spreadsheet: GasSpreadsheet,
    private readonly sheet: GasSheet,
    private readonly area: Rect,
    private readonly clock?: SheetsClock,
  ) {
    this.sheetName = sheet.getName();
  }

  private range(rect: Rect): GasRange {
    return this.sheet.getRange(rect.row + 1, rect.col + 1, rect.rows, rect.cols);
  }

  usedRect(): Rect {
    return this.area;
  }

  private readArea(): { rect: Rect; values: CellValue[][] } {
    if (!this.cache) {
      const raw = withSheetsDates(this.range(this.area).getValues(), this.clock);
      const values = raw.map((line) => line.map((v) => (v === '' ? null : (v as CellValue))));
      this.cache = { rect: this.area, values };
    }
    return this.cache;
  }

  readValues(rect: Rect): CellValue[][] {
    if (!inside(rect, this.area)) throw new Error(`SheetsSheetIO reads only ${JSON.stringify(this.area)}`);
    const { values } = this.readArea();
    const top = rect.row - this.area.row;
    const left = rect.col - this.area.col;
    return values.slice(top, top + rect.rows).map((line) => line.slice(left, left + rect.cols));
  }

  /** The hidden copy of the area, made on first need. */
  private snapshotOf(): { sheet: GasSheet; rect: Rect } {
    if (!this.snapshot) {
      const name = `${UNDO_SHEET_PREFIX} ${Date.now().toString(36)}`;
      const sheet = this.spreadsheet.insertSheet(name);
      sheet.hideSheet();
      const rect: Rect = { row: 0, col: 0, rows: this.area.rows, cols: this.area.cols };
      this.range(this.area).copyTo(sheet.getRange(1, 1, rect.rows, rect.cols));
      this.snapshot = { sheet, rect };
    }
    return this.snapshot;
  }

  /** The hidden sheet that holds the undo copy, if one was made. */
  get undoSheetName(): string | undefined {
    return this.snapshot?.sheet.getName();
  }

  readState(rect: Rect, parts: StateParts): RectState {
    const snapshot = this.snapshotOf();
    const address = `${snapshot.sheet.getName()}!${rect.row - this.area.row},${rect.col - this.area.col}`;
    if (!parts.content) return { rect, snapshot: address };
    const values = this.readValues(rect);
    const hidden = values.every((line) => line.every((v) => v === null)) && !this.range(rect).isBlank();
    // Formulas whose value is "" look empty to getValues; isBlank sees them, and then every such cell counts.
    const formulas = values.map((line) => line.map((v) => (hidden && v === null ? '=' : null)));
    return { rect, values, formulas, snapshot: address };
  }

  write(rect: Rect, values: WriteValue[][] | null, backgrounds: (string | null)[][] | null): void {
    if (values) this.pendingValues = { rect, values };
    if (backgrounds) this.pendingColors.push({ rect, colors: backgrounds });
  }

  flush(): void {
    const values = this.pendingValues;
    const colors = this.pendingColors;
    this.pendingValues = undefined;
    this.pendingColors = [];
    if (values) this.range(values.rect).setValues(values.values.map((line) => line.map(asSheetsText)));
    if (colors.length === 0) return;
    // One rectangle over the data rows (the header keeps its colour): the table's columns and the result column.
    const top = Math.min(...colors.map((c) => c.rect.row + (c.rect.rows > 1 && c.rect.cols === 1 ? 1 : 0)));
    const bottom = Math.max(...colors.map((c) => c.rect.row + c.rect.rows));
    const left = Math.min(...colors.map((c) => c.rect.col));
    const right = Math.max(...colors.map((c) => c.rect.col + c.rect.cols));
    const box: Rect = { row: top, col: left, rows: bottom - top, cols: right - left };
    const grid: (string | null)[][] = Array.from({ length: box.rows }, () =>
      new Array<string | null>(box.cols).fill(null),
    );
    const covered = grid.map((line) => line.map(() => false));
    for (const { rect, colors: block } of colors)
      block.forEach((line, r) =>
        line.forEach((color, c) => {
          const y = rect.row + r - box.row;
          const x = rect.col + c - box.col;
          if (y < 0 || y >= box.rows) return;
          grid[y]![x] = color;
          covered[y]![x] = true;
        }),
      );
    if (covered.some((line) => line.some((c) => !c))) {
      for (const { rect, colors: block } of colors) this.range(rect).setBackgrounds(block);
      return;
    }
    this.range(box).setBackgrounds(grid);
  }

  restore(state: RectState): void {
    const { rect } = state;
    const address = /^(.*)!(\d+),(\d+)$/.exec(state.snapshot ?? '');
    const copy = address && this.spreadsheet.getSheetByName(address[1] as string);
    if (!address || !copy) throw new Error(`the undo copy ${state.snapshot ?? ''} is gone`);
    const source = copy.getRange(Number(address[2]) + 1, Number(address[3]) + 1, rect.rows, rect.cols);
    source.copyTo(this.range(rect));
  }

  /** Removes the undo copy (after undo, or when a newer apply replaces it). */
  dropSnapshot(): void {
    if (this.snapshot) this.spreadsheet.deleteSheet(this.snapshot.sheet);
    this.snapshot = undefined;
  }
}
