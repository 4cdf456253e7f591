/**
 * A fake of the Excel JavaScript API surface the side panel uses (addin/excel-api.ts), over in-memory sheets, at
 * least as strict as Excel on the web; where the documentation is unclear, it refuses (throws). Each rule has a
 * test of the fake itself in test/hosts-excel-fake.test.ts naming its source (../shared/hosts.md lists them).
 *
 * - Nothing happens until `sync()`; a property read before it was loaded and synced throws PropertyNotLoaded
 *   (`isNullObject` included). The batch runs in order: an operation that fails stops the sync there, and what the
 *   operations before it wrote stays written.
 * - "Excel on the web has a payload size limit for requests and responses of 5MB" and "a range is limited to
 *   5,000,000 cells for read operations" (Resource limits and performance optimization for Office Add-ins): a
 *   request or response over 5,000,000 bytes of UTF-8 JSON ("5MB" read as the smaller figure) is refused whole,
 *   RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded; a read of more cells, RangeExceedsLimit.
 * - `sync()` failures on demand: `failAtSync` (before applying, as before) and `failSync` (the Nth sync, N in a row,
 *   after applying the first K queued operations: what was written stays written).
 * - Writes parse as Excel does ("If the provided value starts with a plus, minus, or equal sign, Excel interprets
 *   this value as a formula", Range.values): `=…` becomes a formula, numeric text a number, TRUE/FALSE a boolean,
 *   unless the cell's number format is `@`; a leading apostrophe stores text (the cell's `prefix` flag) and is not
 *   read back. Refused, being locale- or version-dependent: date- and time-looking text, thousands separators,
 *   currency, percent, error literals, non-numeric text starting with `+`, `-` or `@`.
 * - Worksheets (names, ids, visibility, position, protection), ranges (addresses, used range, fills, insert,
 *   delete, clear, merge), Excel tables that AutoExpand, spilled arrays; merged cells, spills and protected sheets
 *   refuse writes into part of them. User actions (insert rows/columns, sort, typing) are helpers on FakeSheet.
 * - `Office.context.document.settings` as FakeDocumentSettings: changes survive a reload only after `saveAsync`
 *   succeeded; "A maximum of 2MB is available for the settings of each add-in" (Office.Settings.set).
 *
 * Formulas are stored, not calculated: a formula cell reads as the value the test gave it (0 by default).
 */
import type {
  CellFill,
  ClearApplyTo,
  DeleteShiftDirection,
  ExcelChart,
  ExcelContext,
  ExcelRange,
  ExcelRangeFill,
  ExcelRun,
  ExcelTable,
  ExcelTableCollection,
  ExcelValue,
  ExcelWorksheet,
  ExcelWorksheetCollection,
  ExcelWorksheetProtection,
  InsertShiftDirection,
  OfficeAsyncResult,
  OfficeDocumentSettings,
  RangeValueType,
  SheetVisibility,
} from '../../addin/excel-api.js';

/** "5MB" payload limit of Excel on the web, read as 5,000,000 bytes (the smaller of 5 MB and 5 MiB). */
export const EXCEL_WEB_LIMIT = 5_000_000;
/** "A range is limited to 5,000,000 cells for read operations." */
export const RANGE_READ_CELL_LIMIT = 5_000_000;
/** "A maximum of 2MB is available for the settings of each add-in": 2,000,000 bytes of UTF-8 JSON. */
export const SETTINGS_LIMIT_BYTES = 2_000_000;
/** "Total number of characters that a cell can contain: 32,767" (Excel specifications and limits). */
export const CELL_TEXT_LIMIT = 32_767;
/** Excel's grid. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** Excel's default column width in points. */
export const DEFAULT_COLUMN_POINTS = 48;
/** Excel's widest column: 255 characters, about 1,793 pixels. */
const MAX_COLUMN_POINTS = 1344.75;
/** What one queued operation costs in a request besides its data (object path, method, ids), roughly. */
const OP_OVERHEAD = 60;

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface Cell {
  value: ExcelValue;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  /** Entered with a leading apostrophe: text kept as text; the apostrophe is not part of the value. */
  prefix: boolean;
}

/** A cell in `FakeSheet.dump()`: the cell and what it holds. */
export interface CellDump extends Cell {
  type: 'text' | 'number' | 'boolean' | 'formula' | 'blank';
}

export interface FakeTable {
  name: string;
  readonly id: string;
  /** Header row included. */
  rect: Rect;
  readonly sheet: FakeSheet;
}

export interface Spill {
  /** The anchor (the formula's cell) is the top-left cell. */
  rect: Rect;
  formula: string;
}

const blank = (): Cell => ({ value: '', formula: null, numberFormat: 'General', fill: null, prefix: false });
const isBlank = (cell: Cell): boolean => cell.value === '' && cell.formula === null;
const isDefault = (cell: Cell): boolean =>
  isBlank(cell) && cell.fill === null && cell.numberFormat === 'General' && !cell.prefix;
const keyOf = (row: number, col: number): string => `${row},${col}`;
const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');
const jsonBytes = (value: unknown): number => utf8(JSON.stringify(value) ?? 'null');

// ---------------------------------------------------------------------------------------------------------------
// Errors: the codes and messages of "Error handling with the application-specific JavaScript APIs".

const MESSAGES: Record<string, string> = {
  AccessDenied: 'You cannot perform the requested operation.',
  ConnectionFailure: 'The request failed (network).',
  GeneralException: 'There was an internal error while processing the request.',
  InsertDeleteConflict: 'The insert or delete operation attempted resulted in a conflict.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
  InvalidRequestContext: 'Cannot use the object across different request contexts.',
  ItemAlreadyExists: 'The resource being created already exists.',
  ItemNotFound: "The requested resource doesn't exist.",
  MergedRangeConflict:
    "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
  NonBlankCellOffSheet:
    "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet.",
  NotImplemented: "The requested feature isn't implemented.",
  PropertyNotLoaded:
    'The property is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  RangeExceedsLimit: 'The cell count in the range has exceeded the maximum supported number.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
};

/** What Office.js throws (RichApi.Error): `code`, `message`, `debugInfo`. The message starts with the code. */
export class FakeExcelError extends Error {
  override readonly name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    detail: string,
    errorLocation?: string,
  ) {
    super(`${code}: ${MESSAGES[code] ?? ''} ${detail}`.trim());
    this.debugInfo = { code, message: this.message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

const fail = (code: string, detail: string, where?: string): never => {
  throw new FakeExcelError(code, detail, where);
};

// ---------------------------------------------------------------------------------------------------------------
// Addresses.

export function columnName(col: number): string {
  let out = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `A1` for a cell (0-based row and column). */
export const a1 = (row: number, col: number): string => `${columnName(col)}${row + 1}`;

/** `A1:C3`, `B2`, `C:D` (whole columns) or `3:5` (whole rows). */
export function rectAddress(rect: Rect): string {
  if (rect.col === 0 && rect.cols === MAX_COLS) return `${rect.row + 1}:${rect.row + rect.rows}`;
  if (rect.row === 0 && rect.rows === MAX_ROWS)
    return `${columnName(rect.col)}:${columnName(rect.col + rect.cols - 1)}`;
  const first = a1(rect.row, rect.col);
  return rect.rows === 1 && rect.cols === 1
    ? first
    : `${first}:${a1(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
}

/** A sheet name as Excel writes it in an address: quoted unless it is one word that does not look like a cell. */
export function quoteSheetName(name: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^R\d*C\d*$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Parses `A1`, `A1:C3` (with or without `$`), `C:D` and `3:5`. Anything else is refused. */
export function parseAddress(address: string): Rect {
  const text = address.trim();
  const cell = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
  const parts = text.split(':');
  const bad = (): never =>
    fail('InvalidArgument', `the fake reads only A1, A1:C3, C:D and 3:5 addresses, not "${address}"`);
  const checked = (rect: Rect): Rect => {
    if (rect.row < 0 || rect.col < 0 || rect.row + rect.rows > MAX_ROWS || rect.col + rect.cols > MAX_COLS) bad();
    return rect;
  };
  if (parts.length === 1) {
    const m = cell.exec(text);
    if (!m) return bad();
    return checked({ row: Number(m[2]) - 1, col: columnIndex(m[1] as string), rows: 1, cols: 1 });
  }
  if (parts.length !== 2) return bad();
  const [from, to] = parts as [string, string];
  const a = cell.exec(from);
  const b = cell.exec(to);
  if (a && b) {
    const [r1, r2] = [Number(a[2]) - 1, Number(b[2]) - 1].sort((x, y) => x - y) as [number, number];
    const [c1, c2] = [columnIndex(a[1] as string), columnIndex(b[1] as string)].sort((x, y) => x - y) as [
      number,
      number,
    ];
    return checked({ row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 });
  }
  const ca = /^\$?([A-Za-z]{1,3})$/.exec(from);
  const cb = /^\$?([A-Za-z]{1,3})$/.exec(to);
  if (ca && cb) {
    const [c1, c2] = [columnIndex(ca[1] as string), columnIndex(cb[1] as string)].sort((x, y) => x - y) as [
      number,
      number,
    ];
    return checked({ row: 0, col: c1, rows: MAX_ROWS, cols: c2 - c1 + 1 });
  }
  const ra = /^\$?(\d{1,7})$/.exec(from);
  const rb = /^\$?(\d{1,7})$/.exec(to);
  if (ra && rb) {
    const [r1, r2] = [Number(ra[1]) - 1, Number(rb[1]) - 1].sort((x, y) => x - y) as [number, number];
    return checked({ row: r1, col: 0, rows: r2 - r1 + 1, cols: MAX_COLS });
  }
  return bad();
}

const intersects = (a: Rect, b: Rect): boolean =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
const contains = (outer: Rect, inner: Rect): boolean =>
  inner.row >= outer.row &&
  inner.col >= outer.col &&
  inner.row + inner.rows <= outer.row + outer.rows &&
  inner.col + inner.cols <= outer.col + outer.cols;

function checkRect(rect: Rect): Rect {
  const ok = [rect.row, rect.col, rect.rows, rect.cols].every((n) => Number.isInteger(n));
  if (!ok || rect.row < 0 || rect.col < 0 || rect.rows < 1 || rect.cols < 1)
    fail('InvalidArgument', `the range ${JSON.stringify(rect)} is not a range of the sheet`);
  if (rect.row + rect.rows > MAX_ROWS || rect.col + rect.cols > MAX_COLS)
    fail('InvalidArgument', `the range ${JSON.stringify(rect)} goes beyond the sheet's ${MAX_ROWS} × ${MAX_COLS} grid`);
  return rect;
}

// ---------------------------------------------------------------------------------------------------------------
// What a written value becomes.

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Only digits, separators, signs, brackets, currency, percent, slashes and colons: dates, times, 1,234, $5, 12%. */
const LOCALE_NUMBER = /^[\d\s.,+\-()/:$€£¥₫%]+$/;
const MONTH =
  /^\s*(\d{1,2}[\s\-/.]*)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?([\s\-/.,]*\d{1,4}){0,2}\s*$/i;
const ERROR_LITERAL =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

type Stored = Pick<Cell, 'value' | 'formula' | 'prefix'>;

/**
 * What Excel stores when `input` is written into a cell of number format `format` through `Range.values` or
 * `Range.formulas` (or typed by a user). Throws where Excel's behaviour depends on the locale or is not documented.
 */
export function parseInput(input: unknown, format: string): Stored {
  const refuse = (why: string): never =>
    fail('InvalidArgument', `the fake refuses ${JSON.stringify(input)} in a cell formatted "${format}": ${why}`);
  const text = format === '@';
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return refuse('not a finite number');
    if (text) return refuse('a number written into a text (@) cell: kept as a number or made text is not documented');
    return { value: input, formula: null, prefix: false };
  }
  if (typeof input === 'boolean') {
    if (text) return refuse('a boolean written into a text (@) cell: not documented');
    return { value: input, formula: null, prefix: false };
  }
  if (typeof input !== 'string') return refuse('Excel takes strings, numbers and booleans');
  if (input.length > CELL_TEXT_LIMIT) return refuse(`a cell holds at most ${CELL_TEXT_LIMIT} characters`);
  if (input === '') return { value: '', formula: null, prefix: false };
  if (text) {
    if (input.startsWith("'"))
      return refuse('a leading apostrophe in a text (@) cell: kept or dropped is not documented');
    return { value: input, formula: null, prefix: false };
  }
  if (input.startsWith("'")) {
    if (input.length === 1) return refuse('an apostrophe alone');
    return { value: input.slice(1), formula: null, prefix: true };
  }
  if (input.startsWith('=')) {
    if (input.trim() === '=') return refuse('an empty formula');
    return { value: 0, formula: input, prefix: false };
  }
  const trimmed = input.trim();
  if (NUMBER.test(trimmed)) {
    if (format.includes('%'))
      return refuse('numeric text into a percentage cell: whether Excel divides by 100 depends on settings');
    return { value: Number(trimmed), formula: null, prefix: false };
  }
  if (/^(true|false)$/i.test(input)) return { value: input.toLowerCase() === 'true', formula: null, prefix: false };
  if (/^\s*(true|false)\s*$/i.test(input)) return refuse('TRUE/FALSE with spaces: boolean or text is not documented');
  if (/^[+\-@]/.test(input))
    return refuse(
      'Excel interprets text starting with +, - or @ as a formula (Range.values); whether it parses is unclear',
    );
  if (/\d/.test(trimmed) && LOCALE_NUMBER.test(trimmed))
    return refuse(
      'date-, time- or number-looking text (separators, currency, percent): its meaning depends on the locale',
    );
  if (MONTH.test(input) && /\d/.test(input)) return refuse('date-looking text: its meaning depends on the locale');
  if (ERROR_LITERAL.test(trimmed)) return refuse('an error literal becomes an error value');
  return { value: input, formula: null, prefix: false };
}

const valueType = (cell: Cell): RangeValueType =>
  isBlank(cell)
    ? 'Empty'
    : typeof cell.value === 'number'
      ? 'Double'
      : typeof cell.value === 'boolean'
        ? 'Boolean'
        : 'String';

/** The text Excel shows, for the formats whose rendering does not depend on the locale; others are refused. */
function displayText(cell: Cell): string {
  const v = cell.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const f = cell.numberFormat;
  const fixed = /^0(\.0+)?(%?)$/.exec(f);
  if (fixed) {
    const digits = (fixed[1] ?? '.').length - 1;
    return fixed[2] ? `${(v * 100).toFixed(digits)}%` : v.toFixed(digits);
  }
  if (f === 'General' && Math.abs(v) < 1e11 && (Number.isInteger(v) || Math.abs(v) >= 1e-4)) {
    const shown = String(Number(v.toPrecision(10)));
    if (shown.length <= 11) return shown;
  }
  return fail('NotImplemented', `the fake cannot render ${v} in the number format "${f}" (it depends on the locale)`);
}

// ---------------------------------------------------------------------------------------------------------------
// Sheets.

let guidCounter = 0;
const nextGuid = (): string => {
  guidCounter++;
  const hex = guidCounter.toString(16).toUpperCase().padStart(12, '0');
  return `{${hex.slice(-8)}-0000-4000-8000-${hex}}`;
};

/** Excel.ChartType names (Excel JavaScript API reference); any other name is refused. */
const EXCEL_CHART_TYPES: ReadonlySet<string> = new Set([
  ...['ColumnClustered', 'ColumnStacked', 'ColumnStacked100', 'BarClustered', 'BarStacked', 'BarStacked100'],
  ...['3DColumnClustered', '3DColumnStacked', '3DColumnStacked100', '3DBarClustered', '3DBarStacked'],
  ...['3DBarStacked100', '3DColumn', 'Line', 'LineStacked', 'LineStacked100', 'LineMarkers', 'LineMarkersStacked'],
  ...['LineMarkersStacked100', '3DLine', 'Pie', 'PieOfPie', 'PieExploded', '3DPie', '3DPieExploded', 'BarOfPie'],
  ...['XYScatter', 'XYScatterSmooth', 'XYScatterSmoothNoMarkers', 'XYScatterLines', 'XYScatterLinesNoMarkers'],
  ...['Area', 'AreaStacked', 'AreaStacked100', '3DArea', '3DAreaStacked', '3DAreaStacked100', 'Doughnut'],
  ...['DoughnutExploded', 'Radar', 'RadarMarkers', 'RadarFilled', 'Surface', 'SurfaceWireframe', 'SurfaceTopView'],
  ...['SurfaceTopViewWireframe', 'Bubble', 'Bubble3DEffect', 'StockHLC', 'StockOHLC', 'StockVHLC', 'StockVOHLC'],
  ...['Histogram', 'Boxwhisker', 'Pareto', 'RegionMap', 'Treemap', 'Waterfall', 'Sunburst', 'Funnel'],
]);

/** A chart as the fake keeps it: what a test asserts on. */
export interface FakeChart {
  readonly type: string;
  /** The source range's address (A1, without the sheet), known once added. */
  source: string;
  readonly seriesBy: string;
  title: string;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  /** One per series: its name (the header cell) and chart type. */
  readonly series: { readonly name: string; chartType: string }[];
  dataLabels: boolean;
  legend: boolean;
  position: { start: string; end: string } | undefined;
}

/** The objects on a sheet that move with cells and may refuse an insert or delete through part of them. */
type Placed = { rect: Rect; kind: 'table' | 'merge' | 'spill'; owner: FakeTable | Rect | Spill };

export class FakeSheet {
  readonly cells = new Map<string, Cell>();
  readonly charts: FakeChart[] = [];
  readonly tables: FakeTable[] = [];
  readonly merges: Rect[] = [];
  readonly spills: Spill[] = [];
  /** Column widths set by hand, in points (Range.format.columnWidth); the others are DEFAULT_COLUMN_POINTS. */
  readonly columnWidths = new Map<number, number>();
  readonly id = nextGuid();
  visibility: SheetVisibility = 'Visible';
  /** A protected sheet refuses every write (all cells are locked by default). */
  protected = false;
  workbook: FakeExcel | undefined;

  constructor(public name: string) {}

  cell(row: number, col: number): Cell {
    const key = keyOf(row, col);
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = blank()));
    return cell;
  }

  peek(row: number, col: number): Cell {
    return this.cells.get(keyOf(row, col)) ?? blank();
  }

  /**
   * Sets cells from rows of values as a saved workbook holds them: a string is text, a number a number; nothing is
   * parsed (use `type` for what a user's typing becomes).
   */
  fill(rows: readonly (readonly ExcelValue[])[], top = 0, left = 0): void {
    rows.forEach((line, r) =>
      line.forEach((v, c) => Object.assign(this.cell(top + r, left + c), { value: v, formula: null, prefix: false })),
    );
  }

  /** Rows and columns from A1 to the last cell holding a value or formula. */
  used(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    for (const [key, cell] of this.cells) {
      if (isBlank(cell)) continue;
      const [r, c] = key.split(',').map(Number) as [number, number];
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    return { rows, cols };
  }

  /** Excel's used range: the smallest rectangle around the cells with values (and, unless valuesOnly, formats). */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, cell] of this.cells) {
      if (valuesOnly ? isBlank(cell) : isDefault(cell)) continue;
      const [r, c] = key.split(',').map(Number) as [number, number];
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  /** Every cell's full state, for comparing before and after: what it holds (text or number), its apostrophe. */
  dump(): Record<string, CellDump> {
    const out: Record<string, CellDump> = {};
    for (const [key, cell] of [...this.cells].sort()) {
      if (isDefault(cell)) continue;
      const type =
        cell.formula !== null
          ? 'formula'
          : isBlank(cell)
            ? 'blank'
            : typeof cell.value === 'string'
              ? 'text'
              : typeof cell.value === 'number'
                ? 'number'
                : 'boolean';
      out[key] = { ...cell, type };
    }
    return out;
  }

  /** Tables, merged areas, spills, protection and visibility, for comparing before and after. */
  structure(): {
    tables: { name: string; address: string }[];
    merges: string[];
    spills: string[];
    protected: boolean;
    visibility: SheetVisibility;
  } {
    return {
      tables: this.tables.map((t) => ({ name: t.name, address: rectAddress(t.rect) })),
      merges: this.merges.map(rectAddress),
      spills: this.spills.map((s) => rectAddress(s.rect)),
      protected: this.protected,
      visibility: this.visibility,
    };
  }

  // -- rules shared by the API and the user ----------------------------------------------------------------------

  assertEditable(what: string): void {
    if (this.protected) fail('AccessDenied', `the sheet "${this.name}" is protected: ${what} refused`);
  }

  /**
   * Refuses a write of `kind` into `rect` that touches part of a merged area or part of a spilled array. `matrix`
   * (for value writes) must leave every merged cell but the top-left one blank.
   */
  assertWritable(rect: Rect, kind: 'values' | 'format', matrix?: readonly (readonly unknown[])[]): void {
    this.assertEditable(kind === 'values' ? 'writing values' : 'formatting');
    for (const m of this.merges) {
      if (!intersects(m, rect)) continue;
      const anchorOnly = rect.row === m.row && rect.col === m.col && rect.rows === 1 && rect.cols === 1;
      if (anchorOnly && kind === 'values') continue;
      if (!contains(rect, m))
        fail('InvalidOperation', `writing into part of the merged range ${rectAddress(m)} is refused`);
      if (matrix)
        for (let r = m.row; r < m.row + m.rows; r++)
          for (let c = m.col; c < m.col + m.cols; c++) {
            if (r === m.row && c === m.col) continue;
            const v = matrix[r - rect.row]?.[c - rect.col];
            if (v !== '')
              fail(
                'InvalidOperation',
                `a value for ${a1(r, c)}, inside the merged range ${rectAddress(m)}, is refused`,
              );
          }
    }
    if (kind !== 'values') return;
    for (const s of this.spills) {
      if (!intersects(s.rect, rect)) continue;
      const anchorOnly = rect.row === s.rect.row && rect.col === s.rect.col && rect.rows === 1 && rect.cols === 1;
      if (!anchorOnly && !contains(rect, s.rect))
        fail('InvalidOperation', `writing into part of the spilled array ${rectAddress(s.rect)} is refused`);
    }
  }

  /** Clears `rect` as Range.clear(applyTo) does. */
  clearRect(rect: Rect, applyTo: ClearApplyTo): void {
    if (applyTo !== 'Contents') this.assertWritable(rect, 'format');
    if (applyTo !== 'Formats') {
      this.assertWritable(rect, 'values');
      this.dropSpills(rect);
    }
    for (const [key, cell] of [...this.cells]) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      if (r < rect.row || r >= rect.row + rect.rows || c < rect.col || c >= rect.col + rect.cols) continue;
      if (applyTo === 'All') this.cells.delete(key);
      else if (applyTo === 'Contents') Object.assign(cell, { value: '', formula: null, prefix: false });
      else Object.assign(cell, { numberFormat: 'General', fill: null, prefix: false });
    }
  }

  /** Spills whose formula cell or area a write covers end; their spilled cells empty. */
  private dropSpills(rect: Rect): void {
    for (const s of [...this.spills]) {
      if (!intersects(s.rect, rect)) continue;
      this.spills.splice(this.spills.indexOf(s), 1);
      for (let r = s.rect.row; r < s.rect.row + s.rect.rows; r++)
        for (let c = s.rect.col; c < s.rect.col + s.rect.cols; c++)
          Object.assign(this.cell(r, c), { value: '', formula: null, prefix: false });
    }
  }

  /** Writes parsed values into `rect`, then lets tables AutoExpand. */
  writeParsed(rect: Rect, parsed: readonly (readonly Stored[])[]): void {
    this.dropSpills(rect);
    parsed.forEach((line, r) => line.forEach((v, c) => Object.assign(this.cell(rect.row + r, rect.col + c), v)));
    this.autoExpand(rect);
  }

  /**
   * AutoExpand: a value written into the column just right of a table (within its rows) or the row just below it
   * (within its columns) makes the table grow over it; a new column without a header gets one ("Column2").
   */
  private autoExpand(rect: Rect): void {
    for (const table of this.tables) {
      for (let grew = true; grew;) {
        grew = false;
        const t = table.rect;
        const right = t.col + t.cols;
        if (right < MAX_COLS && rect.col <= right && right < rect.col + rect.cols) {
          const from = Math.max(t.row, rect.row);
          const to = Math.min(t.row + t.rows, rect.row + rect.rows);
          let written = false;
          for (let r = from; r < to && !written; r++) written = !isBlank(this.peek(r, right));
          if (written && this.free({ row: t.row, col: right, rows: t.rows, cols: 1 }, table)) {
            t.cols++;
            this.nameHeaders(table);
            grew = true;
          }
        }
        const below = t.row + t.rows;
        if (below < MAX_ROWS && rect.row <= below && below < rect.row + rect.rows) {
          const from = Math.max(t.col, rect.col);
          const to = Math.min(t.col + t.cols, rect.col + rect.cols);
          let written = false;
          for (let c = from; c < to && !written; c++) written = !isBlank(this.peek(below, c));
          if (written && this.free({ row: below, col: t.col, rows: 1, cols: t.cols }, table)) {
            t.rows++;
            grew = true;
          }
        }
      }
    }
  }

  private free(rect: Rect, except?: FakeTable): boolean {
    return (
      !this.tables.some((t) => t !== except && intersects(t.rect, rect)) &&
      !this.merges.some((m) => intersects(m, rect)) &&
      !this.spills.some((s) => intersects(s.rect, rect))
    );
  }

  /** Blank headers become "Column1", "Column2"…, repeated ones get a number, all become text. */
  nameHeaders(table: FakeTable): void {
    const { row, col, cols } = table.rect;
    const seen = new Set<string>();
    for (let c = col; c < col + cols; c++) {
      const cell = this.cell(row, c);
      let name = isBlank(cell) ? `Column${c - col + 1}` : String(cell.value);
      for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${isBlank(cell) ? 'Column' : String(cell.value)}${n}`;
      seen.add(name.toLowerCase());
      if (cell.value !== name || cell.formula !== null)
        Object.assign(cell, { value: name, formula: null, prefix: cell.prefix && name === cell.value });
    }
  }

  private placed(): Placed[] {
    return [
      ...this.tables.map((t): Placed => ({ rect: t.rect, kind: 'table', owner: t })),
      ...this.merges.map((m): Placed => ({ rect: m, kind: 'merge', owner: m })),
      ...this.spills.map((s): Placed => ({ rect: s.rect, kind: 'spill', owner: s })),
    ];
  }

  /** Moves cells for an insert (`count` > 0) or a delete (`count` < 0) along `axis`, inside a band of the other axis. */
  shiftCells(rect: Rect, direction: InsertShiftDirection | DeleteShiftDirection): void {
    const down = direction === 'Down' || direction === 'Up';
    const insert = direction === 'Down' || direction === 'Right';
    const at = down ? rect.row : rect.col;
    const len = down ? rect.rows : rect.cols;
    const from = down ? rect.col : rect.row;
    const span = down ? rect.cols : rect.rows;
    const limit = down ? MAX_ROWS : MAX_COLS;
    const major = (r: Rect): [number, number] => (down ? [r.row, r.rows] : [r.col, r.cols]);
    const minor = (r: Rect): [number, number] => (down ? [r.col, r.cols] : [r.row, r.rows]);
    const what = `${insert ? 'inserting' : 'deleting'} ${rectAddress(rect)} (${direction})`;

    // What each table, merged area and spill becomes, refused before anything moves.
    const changes: (() => void)[] = [];
    for (const p of this.placed()) {
      const [ms, ml] = minor(p.rect);
      const [js, jl] = major(p.rect);
      if (ms + ml <= from || from + span <= ms) continue;
      if (js + jl <= at) continue;
      const name = `${p.kind === 'table' ? `the table ${(p.owner as FakeTable).name}` : `the ${p.kind === 'merge' ? 'merged range' : 'spilled array'}`} ${rectAddress(p.rect)}`;
      if (ms < from || ms + ml > from + span) fail('InsertDeleteConflict', `${what} cuts through ${name}`);
      const setMajor = (start: number, length: number): void => {
        if (down) Object.assign(p.rect, { row: start, rows: length });
        else Object.assign(p.rect, { col: start, cols: length });
      };
      if (insert) {
        if (js >= at) changes.push(() => setMajor(js + len, jl));
        else if (p.kind === 'spill') fail('InsertDeleteConflict', `${what} splits ${name}`);
        else
          changes.push(() => {
            setMajor(js, jl + len);
            if (p.kind === 'table' && !down) this.nameHeaders(p.owner as FakeTable);
          });
        continue;
      }
      const end = at + len;
      if (js >= end) changes.push(() => setMajor(js - len, jl));
      else if (js >= at && js + jl <= end) changes.push(() => this.removePlaced(p));
      else if (p.kind !== 'table') fail('InsertDeleteConflict', `${what} deletes part of ${name}`);
      else if (down && js >= at) fail('InsertDeleteConflict', `${what} deletes the header row of ${name}`);
      else {
        const kept = jl - (Math.min(js + jl, end) - Math.max(js, at));
        changes.push(() => setMajor(Math.min(js, at), kept));
      }
    }

    if (insert)
      for (const [key, cell] of this.cells) {
        const [r, c] = key.split(',').map(Number) as [number, number];
        const [mj, mn] = down ? [r, c] : [c, r];
        if (mn >= from && mn < from + span && mj >= limit - len && !isDefault(cell))
          fail('NonBlankCellOffSheet', `${what} would push ${a1(r, c)} off the sheet`);
      }

    const moved = new Map<string, Cell>();
    for (const [key, cell] of this.cells) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      const [mj, mn] = down ? [r, c] : [c, r];
      let next = mj;
      if (mn >= from && mn < from + span && mj >= at) {
        if (insert) next = mj + len;
        else if (mj < at + len) continue;
        else next = mj - len;
      }
      moved.set(down ? keyOf(next, c) : keyOf(r, next), cell);
    }
    this.cells.clear();
    for (const [key, cell] of moved) this.cells.set(key, cell);
    for (const change of changes) change();
    if (!down && from === 0 && span === MAX_ROWS) this.moveWholeColumns(at, insert ? len : -len);
  }

  /**
   * Whole columns moved (`by` > 0: inserted before `at`; < 0: deleted from `at`): widths move with them, and inserted
   * columns take the width and the cell formats of the column on their left, as Excel's "Format Same As Left" does.
   */
  private moveWholeColumns(at: number, by: number): void {
    const widths = [...this.columnWidths];
    this.columnWidths.clear();
    for (const [c, w] of widths) {
      if (c < at) this.columnWidths.set(c, w);
      else if (by > 0) this.columnWidths.set(c + by, w);
      else if (c >= at - by) this.columnWidths.set(c + by, w);
    }
    if (by <= 0 || at === 0) return;
    const leftWidth = this.columnWidths.get(at - 1);
    for (let c = at; c < at + by; c++) if (leftWidth !== undefined) this.columnWidths.set(c, leftWidth);
    for (const [key, cell] of [...this.cells]) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      if (c !== at - 1 || (cell.numberFormat === 'General' && cell.fill === null)) continue;
      for (let n = at; n < at + by; n++)
        Object.assign(this.cell(r, n), { numberFormat: cell.numberFormat, fill: cell.fill });
    }
  }

  /** A column's width in points (Excel's default is 8.43 characters of Calibri 11: 48 points, 64 pixels). */
  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? DEFAULT_COLUMN_POINTS;
  }

  private removePlaced(p: Placed): void {
    const list: unknown[] = p.kind === 'table' ? this.tables : p.kind === 'merge' ? this.merges : this.spills;
    list.splice(list.indexOf(p.owner), 1);
  }

  // -- set-up helpers ----------------------------------------------------------------------------------------------

  /** An Excel table over `rect` (header row first), as if the user made one (Insert > Table). */
  addTable(rect: Rect, name?: string): FakeTable {
    checkRect(rect);
    if (rect.rows < 1) fail('InvalidArgument', 'a table needs a header row');
    if (!this.free(rect))
      fail('MergedRangeConflict', `the table ${rectAddress(rect)} would overlap a table, merged cells or a spill`);
    const taken = new Set(this.workbook ? this.workbook.tableNames() : this.tables.map((t) => t.name.toLowerCase()));
    let tableName = name;
    for (let n = 1; !tableName; n++) if (!taken.has(`table${n}`)) tableName = `Table${n}`;
    if (taken.has(tableName.toLowerCase())) fail('ItemAlreadyExists', `a table named ${tableName} exists`);
    const table: FakeTable = {
      name: tableName,
      id: String(this.workbook?.nextTableId() ?? this.tables.length + 1),
      rect: { ...rect },
      sheet: this,
    };
    this.tables.push(table);
    this.nameHeaders(table);
    return table;
  }

  /** Merges `rect` as Range.merge() does; more than one value in it is refused (Excel would drop all but one). */
  mergeCells(rect: Rect): void {
    checkRect(rect);
    this.assertEditable('merging');
    if (rect.rows * rect.cols < 2) return;
    if (this.tables.some((t) => intersects(t.rect, rect)))
      fail('InvalidOperation', `cells inside the table cannot be merged (${rectAddress(rect)})`);
    if (this.merges.some((m) => intersects(m, rect)) || this.spills.some((s) => intersects(s.rect, rect)))
      fail('MergedRangeConflict', `${rectAddress(rect)} overlaps merged cells or a spill`);
    for (let r = rect.row; r < rect.row + rect.rows; r++)
      for (let c = rect.col; c < rect.col + rect.cols; c++)
        if ((r !== rect.row || c !== rect.col) && !isBlank(this.peek(r, c)))
          fail('InvalidOperation', `merging ${rectAddress(rect)} would drop the value of ${a1(r, c)}`);
    this.merges.push({ ...rect });
  }

  /** A dynamic-array formula at (row, col) spilling `values` (values[0][0] is the formula cell's own). */
  spill(row: number, col: number, formula: string, values: readonly (readonly ExcelValue[])[]): Spill {
    const rect = checkRect({ row, col, rows: values.length, cols: values[0]?.length ?? 0 });
    if (!this.free(rect)) fail('InvalidOperation', `the spill ${rectAddress(rect)} would overlap something (#SPILL!)`);
    values.forEach((line, r) =>
      line.forEach((v, c) =>
        Object.assign(this.cell(row + r, col + c), {
          value: v,
          formula: r === 0 && c === 0 ? formula : null,
          prefix: false,
        }),
      ),
    );
    const spill = { rect, formula };
    this.spills.push(spill);
    return spill;
  }

  // -- user actions (not API): what a user may do between two calls of the panel ----------------------------------

  /** The user types `input` into a cell (parsed as Excel parses typing; date-looking text is refused as unclear). */
  type(row: number, col: number, input: ExcelValue): void {
    const rect = checkRect({ row, col, rows: 1, cols: 1 });
    this.assertWritable(rect, 'values', [[input]]);
    this.writeParsed(rect, [[parseInput(input, this.peek(row, col).numberFormat)]]);
  }

  /** The user inserts `count` whole columns before column `at`: cells, tables, merged cells and spills move. */
  userInsertColumns(at: number, count = 1): void {
    this.assertEditable('inserting columns');
    this.shiftCells({ row: 0, col: at, rows: MAX_ROWS, cols: count }, 'Right');
  }

  /** The user inserts `count` whole rows before row `at`; inside a table, the table grows. */
  userInsertRows(at: number, count = 1): void {
    this.assertEditable('inserting rows');
    this.shiftCells({ row: at, col: 0, rows: count, cols: MAX_COLS }, 'Down');
  }

  /** The user deletes `count` whole columns from column `at`. */
  userDeleteColumns(at: number, count = 1): void {
    this.assertEditable('deleting columns');
    this.shiftCells({ row: 0, col: at, rows: MAX_ROWS, cols: count }, 'Left');
  }

  /** The user deletes `count` whole rows from row `at`. */
  userDeleteRows(at: number, count = 1): void {
    this.assertEditable('deleting rows');
    this.shiftCells({ row: at, col: 0, rows: count, cols: MAX_COLS }, 'Up');
  }

  /**
   * The user sorts the rows of `rect` (data rows only) by the column `byCol` (a sheet column inside `rect`): each
   * row's cells (values, formulas, number formats, fills, apostrophes) move with it, as Excel's sort order puts them
   * (numbers, text, booleans, blanks last). Formulas are moved as they are (the fake does not rewrite references).
   */
  userSort(rect: Rect, byCol: number, options: { descending?: boolean } = {}): void {
    checkRect(rect);
    this.assertEditable('sorting');
    if (byCol < rect.col || byCol >= rect.col + rect.cols)
      fail('InvalidArgument', 'the sort column is outside the range');
    if (this.merges.some((m) => intersects(m, rect)) || this.spills.some((s) => intersects(s.rect, rect)))
      fail('InvalidOperation', `sorting ${rectAddress(rect)} is refused: merged cells or a spilled array in it`);
    const rank = (cell: Cell): number =>
      isBlank(cell) ? 3 : typeof cell.value === 'number' ? 0 : typeof cell.value === 'string' ? 1 : 2;
    const rows = Array.from({ length: rect.rows }, (_, i) => rect.row + i);
    const order = [...rows].sort((a, b) => {
      const x = this.peek(a, byCol);
      const y = this.peek(b, byCol);
      if (rank(x) !== rank(y)) return rank(x) - rank(y);
      if (rank(x) === 3) return 0;
      const dir = options.descending ? -1 : 1;
      if (typeof x.value === 'string' && typeof y.value === 'string')
        return dir * x.value.localeCompare(y.value, undefined, { sensitivity: 'accent' });
      return dir * (Number(x.value) - Number(y.value));
    });
    const snapshot = order.map((r) =>
      Array.from({ length: rect.cols }, (_, c) => this.cells.get(keyOf(r, rect.col + c))),
    );
    rows.forEach((r, i) =>
      snapshot[i]?.forEach((cell, c) => {
        if (cell) this.cells.set(keyOf(r, rect.col + c), cell);
        else this.cells.delete(keyOf(r, rect.col + c));
      }),
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Office.context.document.settings.

/** What the fake's saveAsync hands its callback: an OfficeAsyncResult whose status is the string. */
export interface FakeAsyncResult extends OfficeAsyncResult {
  readonly status: 'succeeded' | 'failed';
}

/**
 * Office.Settings for one document: `get`/`set`/`remove` work on an in-memory copy, `saveAsync` stores it in the
 * document. `reopen()` is the task pane closed and opened again (or reloaded): unsaved changes are gone. Values are
 * kept as JSON, so what `get` returns is a new object each time. A bag over 2 MB (UTF-8 JSON) is refused by `set`.
 */
export class FakeDocumentSettings implements OfficeDocumentSettings {
  private saved = new Map<string, string>();
  private memory = new Map<string, string>();
  private failures = 0;
  /** saveAsync calls, and those that failed. */
  readonly stats = { saves: 0, failedSaves: 0 };

  get(name: string): unknown {
    const text = this.memory.get(name);
    return text === undefined ? null : JSON.parse(text);
  }

  set(name: string, value: unknown): void {
    if (typeof name !== 'string' || name === '') fail('InvalidArgument', 'a setting needs a name');
    const text = serializeSetting(value);
    const next = new Map(this.memory).set(name, text);
    const bytes = bagBytes(next);
    if (bytes > SETTINGS_LIMIT_BYTES)
      fail(
        'InvalidArgument',
        `the settings would take ${bytes} bytes; at most 2MB (${SETTINGS_LIMIT_BYTES}) is available`,
      );
    this.memory = next;
  }

  remove(name: string): void {
    this.memory.delete(name);
  }

  saveAsync(callback?: (result: FakeAsyncResult) => void): void;
  saveAsync(options: { asyncContext?: unknown }, callback?: (result: FakeAsyncResult) => void): void;
  saveAsync(
    first?: { asyncContext?: unknown } | ((result: FakeAsyncResult) => void),
    second?: (result: FakeAsyncResult) => void,
  ): void {
    const callback = typeof first === 'function' ? first : second;
    const asyncContext = typeof first === 'object' && first !== null ? first.asyncContext : undefined;
    const snapshot = new Map(this.memory);
    const failing = this.failures > 0;
    if (failing) this.failures--;
    this.stats.saves++;
    setTimeout(() => {
      if (failing) {
        this.stats.failedSaves++;
        callback?.({
          status: 'failed',
          error: { code: 5001, name: 'Internal Error', message: 'An internal error has occurred.' },
          asyncContext,
        });
        return;
      }
      this.saved = snapshot;
      callback?.({ status: 'succeeded', asyncContext });
    }, 0);
  }

  /** The next `count` saveAsync calls fail (their changes stay unsaved). */
  failNextSaves(count = 1): void {
    this.failures += count;
  }

  /** The task pane closed and opened again: the in-memory copy is what was last saved. */
  reopen(): void {
    this.memory = new Map(this.saved);
  }

  /** What the document holds (saved), as values. */
  savedValue(name: string): unknown {
    const text = this.saved.get(name);
    return text === undefined ? null : JSON.parse(text);
  }

  /** UTF-8 bytes of the in-memory bag as JSON. */
  bytes(): number {
    return bagBytes(this.memory);
  }
}

function serializeSetting(value: unknown): string {
  const refuse = (why: string): never => fail('InvalidArgument', `the fake refuses this setting value: ${why}`);
  const check = (v: unknown, depth: number): void => {
    if (depth > 100) refuse('nested too deeply (or circular)');
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) refuse('a number that is not finite');
      return;
    }
    if (v instanceof Date) refuse('a Date (how it comes back is not documented; store a string)');
    if (Array.isArray(v)) return v.forEach((x) => check(x, depth + 1));
    if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
      return Object.values(v as object).forEach((x) => check(x, depth + 1));
    refuse(`a ${typeof v} is not a string, number, boolean, null, object or array`);
  };
  check(value, 0);
  return JSON.stringify(value);
}

const bagBytes = (bag: Map<string, string>): number =>
  utf8(`{${[...bag].map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);

// ---------------------------------------------------------------------------------------------------------------
// The workbook.

export interface FakeExcelStats {
  syncs: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  calculationSuspensions: number;
  /** Syncs that threw (injected failures included). */
  failedSyncs: number;
}

export interface SyncFailure {
  /** The sync that fails first, counting from now: 1 is the next one. */
  at: number;
  /** How many syncs in a row fail. Default 1. */
  times?: number;
  /** How many of a failing sync's queued operations (writes and loads, in order) are applied first. Default 0. */
  applyFirst?: number | 'half';
  /** The error code. Default ConnectionFailure. */
  code?: string;
}

export class FakeExcel {
  readonly sheets = new Map<string, FakeSheet>();
  readonly stats: FakeExcelStats = {
    syncs: 0,
    largestRequestBytes: 0,
    largestResponseBytes: 0,
    calculationSuspensions: 0,
    failedSyncs: 0,
  };
  /** Office.context.document.settings of this workbook. */
  readonly settings = new FakeDocumentSettings();
  active: string;
  selection = { row: 0, col: 0, rows: 1, cols: 1 };
  /** When set, the sync with this number (1-based, counting from now) fails before it is applied. */
  failAtSync: number | undefined;
  /** New sheets with these names fail at the sync that would add them (as a protected workbook refuses). */
  refuseSheet: (name: string) => boolean = () => false;
  private readonly failing = new Map<number, { applyFirst: number | 'half'; code: string }>();
  private tableIds = 0;

  constructor(...names: string[]) {
    for (const name of names) this.addSheet(name);
    this.active = names[0] ?? 'Sheet1';
  }

  /** The sheet named `name` (exactly, else ignoring case as Excel does). */
  sheet(name: string): FakeSheet {
    const sheet = this.find(name);
    if (!sheet) throw new FakeExcelError('ItemNotFound', `no sheet named ${name}`);
    return sheet;
  }

  find(key: string): FakeSheet | undefined {
    const exact = this.sheets.get(key);
    if (exact) return exact;
    const lower = key.toLowerCase();
    for (const sheet of this.sheets.values()) if (sheet.name.toLowerCase() === lower || sheet.id === key) return sheet;
    return undefined;
  }

  /** A new sheet at the end, as a user adds one (names checked as Excel checks them). */
  addSheet(name: string, visibility: SheetVisibility = 'Visible'): FakeSheet {
    this.checkName(name);
    const sheet = new FakeSheet(name);
    sheet.workbook = this;
    sheet.visibility = visibility;
    this.sheets.set(name, sheet);
    return sheet;
  }

  /** Worksheet names: unique ignoring case, 1 to 31 characters, none of : \ / ? * [ ], no apostrophe at either end, not "History". */
  checkName(name: string, except?: FakeSheet): void {
    if (typeof name !== 'string' || name.length === 0 || name.length > 31)
      fail('InvalidArgument', `a sheet name has 1 to 31 characters: "${name}"`);
    if (/[:\\/?*[\]]/.test(name)) fail('InvalidArgument', `a sheet name cannot contain : \\ / ? * [ ]: "${name}"`);
    if (name.startsWith("'") || name.endsWith("'"))
      fail('InvalidArgument', `a sheet name cannot begin or end with an apostrophe: "${name}"`);
    if (name.toLowerCase() === 'history') fail('InvalidArgument', '"History" is reserved');
    const other = this.find(name);
    if (other && other !== except && other.name.toLowerCase() === name.toLowerCase())
      fail('ItemAlreadyExists', `a sheet named "${other.name}" exists`);
  }

  /** Sheets in tab order. */
  ordered(): FakeSheet[] {
    return [...this.sheets.values()];
  }

  has(sheet: FakeSheet): boolean {
    return this.sheets.get(sheet.name) === sheet;
  }

  rename(sheet: FakeSheet, name: string): void {
    if (sheet.name === name) return;
    this.checkName(name, sheet);
    const order = this.ordered();
    if (this.active === sheet.name) this.active = name;
    sheet.name = name;
    this.reorder(order);
  }

  move(sheet: FakeSheet, position: number): void {
    const order = this.ordered().filter((s) => s !== sheet);
    if (!Number.isInteger(position) || position < 0 || position > order.length)
      fail('InvalidArgument', `position ${position} is outside 0…${order.length}`);
    order.splice(position, 0, sheet);
    this.reorder(order);
  }

  private reorder(order: FakeSheet[]): void {
    this.sheets.clear();
    for (const s of order) this.sheets.set(s.name, s);
  }

  visibleCount(): number {
    return this.ordered().filter((s) => s.visibility === 'Visible').length;
  }

  /** After the active sheet is hidden or deleted, the next visible sheet (else the previous) is active. */
  private activateNeighbour(gone: FakeSheet): void {
    if (this.active !== gone.name) return;
    const order = this.ordered();
    const at = order.indexOf(gone);
    const next = [...order.slice(at + 1), ...order.slice(0, at).reverse()].find(
      (s) => s !== gone && s.visibility === 'Visible',
    );
    if (next) this.active = next.name;
  }

  setVisibility(sheet: FakeSheet, visibility: SheetVisibility): void {
    if (!['Visible', 'Hidden', 'VeryHidden'].includes(visibility))
      fail('InvalidArgument', `visibility "${visibility}" is not Visible, Hidden or VeryHidden`);
    if (visibility !== 'Visible' && sheet.visibility === 'Visible' && this.visibleCount() === 1)
      fail('InvalidOperation', 'a workbook must contain at least one visible worksheet');
    sheet.visibility = visibility;
    if (visibility !== 'Visible') this.activateNeighbour(sheet);
  }

  deleteSheet(sheet: FakeSheet): void {
    if (sheet.visibility === 'VeryHidden')
      fail(
        'GeneralException',
        `the very hidden sheet "${sheet.name}" cannot be deleted: make it Hidden first (office-js#365)`,
      );
    if (sheet.visibility === 'Visible' && this.visibleCount() === 1)
      fail('InvalidOperation', 'a workbook must contain at least one visible worksheet');
    this.activateNeighbour(sheet);
    this.sheets.delete(sheet.name);
  }

  tableNames(): string[] {
    return this.ordered().flatMap((s) => s.tables.map((t) => t.name.toLowerCase()));
  }

  nextTableId(): number {
    return ++this.tableIds;
  }

  findTable(name: string): FakeTable | undefined {
    const lower = name.toLowerCase();
    for (const s of this.ordered()) for (const t of s.tables) if (t.name.toLowerCase() === lower) return t;
    return undefined;
  }

  /**
   * Makes syncs fail as Excel on the web's do when the network drops: `at` (1 = the next sync), `times` in a row,
   * each after applying its first `applyFirst` queued operations (0: before applying anything).
   */
  failSync({ at, times = 1, applyFirst = 0, code = 'ConnectionFailure' }: SyncFailure): void {
    for (let i = 0; i < times; i++) this.failing.set(this.stats.syncs + at + i, { applyFirst, code });
  }

  /** @internal the failure planned for sync number `n`, if any. */
  takeFailure(n: number): { applyFirst: number | 'half'; code: string } | undefined {
    const f = this.failing.get(n);
    this.failing.delete(n);
    return f;
  }

  /** The task pane closed and opened again: unsaved settings are gone (the workbook itself stays). */
  reopen(): void {
    this.settings.reopen();
  }

  /** The `Office` global's part the panel uses. */
  get office(): { context: { document: { settings: FakeDocumentSettings } } } {
    return { context: { document: { settings: this.settings } } };
  }

  readonly run: ExcelRun = async (batch) => {
    const context = new FakeContext(this);
    try {
      const result = await batch(context);
      const pending = context.pendingWrites();
      if (pending > 0)
        fail(
          'InvalidOperation',
          `the fake refuses: ${pending} queued operation(s) were never synced before Excel.run returned; call context.sync()`,
        );
      return result;
    } finally {
      context.closed = true;
    }
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The request context: queued actions, run in order at sync.

interface Action {
  bytes: number;
  write: boolean;
  run: () => void;
  response?: () => number;
  deliver?: () => void;
}

class FakeContext implements ExcelContext {
  private actions: Action[] = [];
  closed = false;
  readonly workbook: FakeWorkbook;
  readonly application = {
    suspendApiCalculationUntilNextSync: (): void => this.queue(0, () => void this.excel.stats.calculationSuspensions++),
  };

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  private open(): void {
    if (this.closed)
      fail('InvalidRequestContext', 'this object belongs to an Excel.run that has ended; get it again in a new batch');
  }

  /** Queues a write; `bytes` is its data in the request. */
  queue(bytes: number, run: () => void): void {
    this.open();
    this.actions.push({ bytes: bytes + OP_OVERHEAD, write: true, run });
  }

  /** Queues a read: `run` takes the snapshot and returns its response bytes; `deliver` hands it over after a good sync. */
  queueLoad(bytes: number, run: () => number, deliver: () => void): void {
    this.open();
    let response = 0;
    this.actions.push({
      bytes: bytes + OP_OVERHEAD,
      write: false,
      run: () => void (response = run()),
      response: () => response,
      deliver,
    });
  }

  pendingWrites(): number {
    return this.actions.filter((a) => a.write).length;
  }

  async sync(): Promise<void> {
    this.open();
    const actions = this.actions;
    this.actions = [];
    const excel = this.excel;
    const stats = excel.stats;
    stats.syncs++;
    await Promise.resolve();
    try {
      if (excel.failAtSync !== undefined && --excel.failAtSync <= 0) {
        excel.failAtSync = undefined;
        fail('GeneralException', 'injected failure');
      }
      const request = actions.reduce((sum, a) => sum + a.bytes, 0);
      stats.largestRequestBytes = Math.max(stats.largestRequestBytes, request);
      if (request > EXCEL_WEB_LIMIT)
        fail('RequestPayloadSizeLimitExceeded', `${request} bytes (limit ${EXCEL_WEB_LIMIT}); nothing was applied`);
      const injected = excel.takeFailure(stats.syncs);
      const stop = injected
        ? Math.min(
            actions.length,
            injected.applyFirst === 'half' ? Math.floor(actions.length / 2) : injected.applyFirst,
          )
        : actions.length;
      for (let i = 0; i < stop; i++) (actions[i] as Action).run();
      if (injected)
        fail(
          injected.code,
          `injected failure at sync ${stats.syncs}, after ${stop} of ${actions.length} queued operations`,
        );
      const response = actions.reduce((sum, a) => sum + (a.response?.() ?? 0), 0);
      stats.largestResponseBytes = Math.max(stats.largestResponseBytes, response);
      if (response > EXCEL_WEB_LIMIT)
        fail('ResponsePayloadSizeLimitExceeded', `${response} bytes (limit ${EXCEL_WEB_LIMIT})`);
      for (const a of actions) a.deliver?.();
    } catch (error) {
      stats.failedSyncs++;
      throw error;
    }
  }
}

/** Splits `load` arguments into property names. */
function propertyNames(properties: string | string[] | undefined): string[] {
  if (properties === undefined) return [];
  const list = Array.isArray(properties) ? properties : properties.split(',');
  return list.map((p) => p.trim()).filter((p) => p !== '');
}

class Loaded {
  private readonly values = new Map<string, unknown>();

  get<T>(name: string, owner: string): T {
    if (!this.values.has(name)) fail('PropertyNotLoaded', `${owner}.${name} was not loaded and synced`, owner);
    return this.values.get(name) as T;
  }

  set(name: string, value: unknown): void {
    this.values.set(name, value);
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  constructor(private readonly context: FakeContext) {
    this.worksheets = new FakeWorksheets(context);
  }

  getSelectedRange(): ExcelRange {
    const excel = this.context.excel;
    return new FakeRange(this.context, () => {
      const s = excel.selection;
      return { sheet: excel.sheet(excel.active), rect: checkRect({ ...s }) };
    });
  }
}

const WORKSHEET_PROPERTIES = ['name', 'id', 'visibility', 'position'];

class FakeWorksheets implements ExcelWorksheetCollection {
  private loadedItems: FakeWorksheet[] | undefined;
  constructor(private readonly context: FakeContext) {}

  private get excel(): FakeExcel {
    return this.context.excel;
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.excel.find(key) ?? null, `the worksheet "${key}"`);
  }

  getItemOrNullObject(key: string): FakeWorksheet & { readonly isNullObject: boolean } {
    return new FakeWorksheet(this.context, () => this.excel.find(key) ?? null, `the worksheet "${key}"`, true);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.excel.find(this.excel.active) ?? null, 'the active worksheet');
  }

  getFirst(visibleOnly = false): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => this.excel.ordered().find((s) => !visibleOnly || s.visibility === 'Visible') ?? null,
      'the first worksheet',
    );
  }

  add(name?: string): FakeWorksheet {
    const excel = this.excel;
    let added: FakeSheet | null = null;
    this.context.queue(utf8(name ?? ''), () => {
      let sheetName = name;
      for (let n = excel.sheets.size + 1; sheetName === undefined; n++)
        if (!excel.find(`Sheet${n}`)) sheetName = `Sheet${n}`;
      if (excel.refuseSheet(sheetName))
        fail('AccessDenied', `cannot add the sheet ${sheetName} (the workbook's structure is protected)`);
      added = excel.addSheet(sheetName);
    });
    return new FakeWorksheet(this.context, () => added, `the worksheet added as "${name ?? '(new)'}"`);
  }

  get items(): FakeWorksheet[] {
    if (!this.loadedItems) return fail('PropertyNotLoaded', 'worksheets.items was not loaded and synced', 'worksheets');
    return this.loadedItems;
  }

  load(properties?: string | string[]): this {
    const names = propertyNames(properties).map((p) => p.replace(/^items\//, ''));
    const wanted = names.filter((p) => p !== 'items');
    const props = wanted.length > 0 ? wanted : WORKSHEET_PROPERTIES;
    let snapshot: FakeSheet[] = [];
    let data: Record<string, unknown>[] = [];
    this.context.queueLoad(
      utf8(props.join(',')),
      () => {
        snapshot = this.excel.ordered();
        data = snapshot.map((s) => worksheetProperties(this.excel, s, props));
        return jsonBytes(data);
      },
      () => {
        this.loadedItems = snapshot.map((s, i) => {
          const sheet = new FakeWorksheet(this.context, () => s, `the worksheet "${s.name}"`);
          sheet.receive(data[i] ?? {});
          return sheet;
        });
      },
    );
    return this;
  }
}

function worksheetProperties(excel: FakeExcel, sheet: FakeSheet, props: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of props) {
    if (p === 'name') out.name = sheet.name;
    else if (p === 'id') out.id = sheet.id;
    else if (p === 'visibility') out.visibility = sheet.visibility;
    else if (p === 'position') out.position = excel.ordered().indexOf(sheet);
    else if (p === 'protection/protected') out['protection/protected'] = sheet.protected;
    else fail('InvalidArgument', `the fake does not load worksheet property "${p}"`);
  }
  return out;
}

/**
 * What a worksheet or table proxy shares: the item it stands for, found on first use in a sync (and checked to be
 * still there afterwards), `isNullObject` known only after a sync for `…OrNullObject` proxies, and loaded properties.
 */
abstract class FakeItemProxy<T> {
  protected bound: T | undefined;
  private nullState: boolean | undefined;
  protected readonly loaded = new Loaded();

  constructor(
    protected readonly context: FakeContext,
    protected readonly find: () => T | null,
    protected readonly label: string,
    protected readonly nullable = false,
  ) {
    if (nullable) {
      let found: T | null = null;
      context.queueLoad(
        0,
        () => ((found = find()), 8),
        () => {
          this.nullState = found === null;
          if (found) this.bound = found;
        },
      );
    }
  }

  /** The item, which must exist (and, once found, must still be there: `stillThere`). */
  protected resolve(stillThere: (item: T) => boolean): T {
    if (this.bound) {
      if (!stillThere(this.bound)) fail('ItemNotFound', `${this.label} was deleted`);
      return this.bound;
    }
    const found = this.find();
    if (!found) return fail('ItemNotFound', `${this.label} does not exist`);
    this.bound = found;
    return found;
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.nullState === undefined)
      return fail('PropertyNotLoaded', `${this.label}.isNullObject is known only after context.sync()`);
    return this.nullState;
  }

  /** @internal properties from a collection load. */
  receive(data: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(data)) this.loaded.set(k, v);
  }
}

class FakeWorksheet extends FakeItemProxy<FakeSheet> implements ExcelWorksheet {
  readonly protection: FakeProtection;
  readonly tables: FakeTables;

  constructor(context: FakeContext, find: () => FakeSheet | null, label: string, nullable = false) {
    super(context, find, label, nullable);
    this.protection = new FakeProtection(context, this);
    this.tables = new FakeTables(context, this);
  }

  /** The sheet, resolved when first used in a sync; it must still exist. */
  sheet(): FakeSheet {
    return this.resolve((sheet) => this.context.excel.has(sheet));
  }

  get name(): string {
    return this.loaded.get('name', 'worksheet');
  }
  set name(name: string) {
    this.context.queue(utf8(name), () => this.context.excel.rename(this.sheet(), name));
  }
  get id(): string {
    return this.loaded.get('id', 'worksheet');
  }
  get visibility(): SheetVisibility {
    return this.loaded.get('visibility', 'worksheet');
  }
  set visibility(visibility: SheetVisibility) {
    this.context.queue(20, () => this.context.excel.setVisibility(this.sheet(), visibility));
  }
  get position(): number {
    return this.loaded.get('position', 'worksheet');
  }
  set position(position: number) {
    this.context.queue(10, () => this.context.excel.move(this.sheet(), position));
  }

  load(properties?: string | string[]): this {
    const requested = propertyNames(properties);
    const props = requested.length > 0 ? requested : WORKSHEET_PROPERTIES;
    let data: Record<string, unknown> = {};
    this.context.queueLoad(
      utf8(props.join(',')),
      () => {
        if (this.nullable && !this.find()) return 0;
        data = worksheetProperties(this.context.excel, this.sheet(), props);
        return jsonBytes(data);
      },
      () => {
        for (const [k, v] of Object.entries(data)) {
          if (k === 'protection/protected') this.protection.receive(v as boolean);
          else this.loaded.set(k, v);
        }
      },
    );
    return this;
  }

  activate(): void {
    this.context.queue(10, () => {
      const sheet = this.sheet();
      if (sheet.visibility !== 'Visible') fail('InvalidOperation', `the sheet "${sheet.name}" is hidden`);
      this.context.excel.active = sheet.name;
    });
  }

  delete(): void {
    this.context.queue(10, () => this.context.excel.deleteSheet(this.sheet()));
  }

  getRange(address?: string): FakeRange {
    const rect = address === undefined ? { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } : undefined;
    return new FakeRange(this.context, () => ({ sheet: this.sheet(), rect: rect ?? parseAddress(address as string) }));
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.sheet(), rect: checkRect({ row, col, rows, cols }) }));
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.sheet();
      return { sheet, rect: sheet.usedRect(valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange & { readonly isNullObject: boolean } {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.sheet();
        const rect = sheet.usedRect(valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }

  get charts(): { add(type: string, source: ExcelRange, seriesBy?: string): ExcelChart } {
    const context = this.context;
    return {
      add: (type: string, source: ExcelRange, seriesBy = 'Auto') => {
        const chart: FakeChart = {
          type,
          source: '',
          seriesBy,
          title: '',
          categoryAxisTitle: '',
          valueAxisTitle: '',
          series: [],
          dataLabels: false,
          legend: true,
          position: undefined,
        };
        const where = () => (source as FakeRange).locate();
        context.queue(100, () => {
          const sheet = this.sheet();
          if (!EXCEL_CHART_TYPES.has(type)) fail('InvalidArgument', `"${type}" is not an Excel.ChartType`);
          if (!['Auto', 'Columns', 'Rows'].includes(seriesBy))
            fail('InvalidArgument', `"${seriesBy}" is not an Excel.ChartSeriesBy`);
          const at = where();
          if (!at || at.sheet !== sheet) fail('InvalidArgument', 'the chart source is not a range of this sheet');
          const { rect } = at as Where;
          const cells = (r: number, c: number): Cell => sheet.peek(rect.row + r, rect.col + c);
          let filled = false;
          for (let r = 0; r < rect.rows && !filled; r++)
            for (let c = 0; c < rect.cols && !filled; c++) filled = !isBlank(cells(r, c));
          if (!filled) fail('InvalidArgument', 'the chart source range is empty');
          sheet.assertEditable('adding a chart');
          chart.source = rectAddress(rect);
          const byColumns = seriesBy !== 'Rows';
          const count = byColumns ? rect.cols : rect.rows;
          const first = count > 1 ? 1 : 0;
          for (let i = first; i < count; i++) {
            const name = byColumns ? cells(0, i) : cells(i, 0);
            chart.series.push({ name: displayText(name), chartType: type });
          }
          sheet.charts.push(chart);
        });
        const text = (what: string, set: (value: string) => void) => ({
          set text(value: string) {
            context.queue(utf8(value), () => set(value));
          },
          get text(): string {
            return fail('PropertyNotLoaded', `${what}.text was not loaded and synced`);
          },
        });
        const flag = (what: string, set: (value: boolean) => void) => ({
          set(value: boolean) {
            if (typeof value !== 'boolean') fail('InvalidArgument', `${what} must be true or false`);
            context.queue(10, () => set(value));
          },
          get(): boolean {
            return fail('PropertyNotLoaded', `${what} was not loaded and synced`);
          },
        });
        const dataLabels = flag('chart.dataLabels.showValue', (v) => void (chart.dataLabels = v));
        const legend = flag('chart.legend.visible', (v) => void (chart.legend = v));
        return {
          title: text('chart.title', (v) => void (chart.title = v)),
          axes: {
            categoryAxis: { title: text('categoryAxis.title', (v) => void (chart.categoryAxisTitle = v)) },
            valueAxis: { title: text('valueAxis.title', (v) => void (chart.valueAxisTitle = v)) },
          },
          dataLabels: Object.defineProperty({} as { showValue: boolean }, 'showValue', dataLabels),
          legend: Object.defineProperty({} as { visible: boolean }, 'visible', legend),
          series: {
            getItemAt: (index: number) =>
              Object.defineProperty({} as { chartType: string }, 'chartType', {
                set(value: string) {
                  context.queue(20, () => {
                    const series = chart.series[index];
                    if (!series) fail('InvalidArgument', `the chart has no series ${index}`);
                    if (!EXCEL_CHART_TYPES.has(value)) fail('InvalidArgument', `"${value}" is not an Excel.ChartType`);
                    (series as { chartType: string }).chartType = value;
                  });
                },
                get(): string {
                  return fail('PropertyNotLoaded', 'series.chartType was not loaded and synced');
                },
              }),
          },
          setPosition: (startCell: string, endCell?: string) =>
            context.queue(20, () => {
              const start = parseAddress(startCell);
              const end = endCell === undefined ? start : parseAddress(endCell);
              if (start.rows !== 1 || start.cols !== 1 || end.rows !== 1 || end.cols !== 1)
                fail('InvalidArgument', 'setPosition takes single cells');
              chart.position = { start: startCell, end: endCell ?? startCell };
            }),
        };
      },
    };
  }
}

class FakeProtection implements ExcelWorksheetProtection {
  private value: boolean | undefined;
  constructor(
    private readonly context: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {}

  receive(value: boolean): void {
    this.value = value;
  }

  get protected(): boolean {
    if (this.value === undefined)
      return fail('PropertyNotLoaded', 'worksheet.protection.protected was not loaded and synced');
    return this.value;
  }

  protect(): void {
    this.context.queue(20, () => void (this.worksheet.sheet().protected = true));
  }

  unprotect(): void {
    this.context.queue(20, () => void (this.worksheet.sheet().protected = false));
  }

  load(): this {
    let value = false;
    this.context.queueLoad(
      20,
      () => {
        value = this.worksheet.sheet().protected;
        return 16;
      },
      () => this.receive(value),
    );
    return this;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Tables.

class FakeTables implements ExcelTableCollection {
  private loadedItems: FakeTableProxy[] | undefined;
  constructor(
    private readonly context: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {}

  add(address: string | ExcelRange, hasHeaders: boolean): FakeTableProxy {
    let created: FakeTable | null = null;
    this.context.queue(40, () => {
      const sheet = this.worksheet.sheet();
      sheet.assertEditable('adding a table');
      let rect: Rect;
      if (typeof address === 'string') {
        const bang = address.lastIndexOf('!');
        if (bang >= 0) {
          const named = address
            .slice(0, bang)
            .replace(/^'(.*)'$/, '$1')
            .replace(/''/g, "'");
          if (named.toLowerCase() !== sheet.name.toLowerCase())
            fail('InvalidArgument', `the address ${address} is not on the sheet "${sheet.name}"`);
        }
        rect = parseAddress(address.slice(bang + 1));
      } else {
        const where = (address as unknown as FakeRange).locate?.();
        if (!where || where.sheet !== sheet) return fail('InvalidArgument', 'the range is not on this sheet');
        rect = where.rect;
      }
      if (!hasHeaders)
        fail(
          'InvalidArgument',
          'the fake refuses hasHeaders = false: Excel then inserts a header row and moves cells (office-js#196)',
        );
      created = sheet.addTable(rect);
    });
    return new FakeTableProxy(this.context, () => created, 'the added table');
  }

  getItem(name: string): FakeTableProxy {
    return new FakeTableProxy(this.context, () => this.find(name), `the table "${name}"`);
  }

  getItemOrNullObject(name: string): FakeTableProxy & { readonly isNullObject: boolean } {
    return new FakeTableProxy(this.context, () => this.find(name), `the table "${name}"`, true);
  }

  private find(name: string): FakeTable | null {
    const lower = name.toLowerCase();
    return this.worksheet.sheet().tables.find((t) => t.name.toLowerCase() === lower) ?? null;
  }

  get items(): FakeTableProxy[] {
    if (!this.loadedItems) return fail('PropertyNotLoaded', 'tables.items was not loaded and synced');
    return this.loadedItems;
  }

  load(): this {
    let snapshot: FakeTable[] = [];
    this.context.queueLoad(
      20,
      () => {
        snapshot = [...this.worksheet.sheet().tables];
        return jsonBytes(snapshot.map((t) => ({ name: t.name, id: t.id })));
      },
      () => {
        this.loadedItems = snapshot.map((t) => {
          const proxy = new FakeTableProxy(this.context, () => t, `the table "${t.name}"`);
          proxy.receive({ name: t.name, id: t.id });
          return proxy;
        });
      },
    );
    return this;
  }
}

class FakeTableProxy extends FakeItemProxy<FakeTable> implements ExcelTable {
  table(): FakeTable {
    return this.resolve((table) => table.sheet.tables.includes(table) && this.context.excel.has(table.sheet));
  }

  get name(): string {
    return this.loaded.get('name', 'table');
  }
  get id(): string {
    return this.loaded.get('id', 'table');
  }

  load(properties?: string | string[]): this {
    const requested = propertyNames(properties);
    const props = requested.length > 0 ? requested : ['name', 'id'];
    let data: Record<string, unknown> = {};
    this.context.queueLoad(
      20,
      () => {
        const t = this.table();
        data = {};
        for (const p of props) {
          if (p === 'name') data.name = t.name;
          else if (p === 'id') data.id = t.id;
          else fail('InvalidArgument', `the fake does not load table property "${p}"`);
        }
        return jsonBytes(data);
      },
      () => this.receive(data),
    );
    return this;
  }

  private range(part: (rect: Rect) => Rect): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.table();
      return { sheet: t.sheet, rect: part(t.rect) };
    });
  }

  getRange(): FakeRange {
    return this.range((r) => ({ ...r }));
  }

  getHeaderRowRange(): FakeRange {
    return this.range((r) => ({ ...r, rows: 1 }));
  }

  getDataBodyRange(): FakeRange {
    return this.range((r) =>
      r.rows > 1 ? { ...r, row: r.row + 1, rows: r.rows - 1 } : fail('InvalidOperation', 'the table has no data rows'),
    );
  }

  /** Deletes the table and its cells' contents and formats (convertToRange keeps them). */
  delete(): void {
    this.context.queue(20, () => {
      const t = this.table();
      t.sheet.assertEditable('deleting a table');
      t.sheet.tables.splice(t.sheet.tables.indexOf(t), 1);
      for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++)
        for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) t.sheet.cells.delete(keyOf(r, c));
    });
  }

  convertToRange(): FakeRange {
    let rect: Rect | undefined;
    let sheet: FakeSheet | undefined;
    this.context.queue(20, () => {
      const t = this.table();
      t.sheet.assertEditable('converting a table');
      rect = { ...t.rect };
      sheet = t.sheet;
      t.sheet.tables.splice(t.sheet.tables.indexOf(t), 1);
    });
    return new FakeRange(this.context, () =>
      sheet && rect ? { sheet, rect } : fail('ItemNotFound', 'the converted range does not exist yet'),
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Ranges.

type Where = { sheet: FakeSheet; rect: Rect };

const RANGE_CELL_PROPERTIES = ['values', 'formulas', 'numberFormat', 'text', 'valueTypes'];
const RANGE_PROPERTIES = [
  ...RANGE_CELL_PROPERTIES,
  'address',
  'rowIndex',
  'columnIndex',
  'rowCount',
  'columnCount',
  'cellCount',
];

class FakeRange implements ExcelRange {
  private readonly loaded = new Loaded();
  private nullState: boolean | undefined;
  private fillColor: string | null | undefined;

  constructor(
    private readonly context: FakeContext,
    private readonly where: () => Where | null,
    private readonly nullable = false,
  ) {
    if (nullable) {
      let isNull = false;
      context.queueLoad(
        0,
        () => ((isNull = this.locate() === null), 8),
        () => void (this.nullState = isNull),
      );
    }
  }

  /** @internal where the range is now (null for a null object). */
  locate(): Where | null {
    const where = this.where();
    if (where) checkRect(where.rect);
    return where;
  }

  private need(): Where {
    return this.locate() ?? fail('ItemNotFound', 'the range is a null object');
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.nullState === undefined)
      return fail('PropertyNotLoaded', 'range.isNullObject is known only after context.sync()');
    return this.nullState;
  }

  get values(): ExcelValue[][] {
    return this.loaded.get('values', 'range');
  }
  set values(cells: ExcelValue[][]) {
    this.write('values', cells);
  }
  get formulas(): ExcelValue[][] {
    return this.loaded.get('formulas', 'range');
  }
  set formulas(cells: ExcelValue[][]) {
    this.write('formulas', cells);
  }
  get numberFormat(): string[][] {
    return this.loaded.get('numberFormat', 'range');
  }
  set numberFormat(formats: string[][]) {
    this.context.queue(jsonBytes(formats), () => {
      const { sheet, rect } = this.need();
      checkMatrix(formats, rect, 'numberFormat');
      for (const line of formats)
        for (const f of line)
          if (typeof f !== 'string') fail('InvalidArgument', `number format ${JSON.stringify(f)} is not a string`);
      sheet.assertWritable(rect, 'format');
      formats.forEach((line, r) => line.forEach((f, c) => (sheet.cell(rect.row + r, rect.col + c).numberFormat = f)));
    });
  }
  get text(): string[][] {
    return this.loaded.get('text', 'range');
  }
  get valueTypes(): RangeValueType[][] {
    return this.loaded.get('valueTypes', 'range');
  }
  get address(): string {
    return this.loaded.get('address', 'range');
  }
  get rowIndex(): number {
    return this.loaded.get('rowIndex', 'range');
  }
  get columnIndex(): number {
    return this.loaded.get('columnIndex', 'range');
  }
  get rowCount(): number {
    return this.loaded.get('rowCount', 'range');
  }
  get columnCount(): number {
    return this.loaded.get('columnCount', 'range');
  }
  get cellCount(): number {
    return this.loaded.get('cellCount', 'range');
  }

  private write(kind: 'values' | 'formulas', cells: ExcelValue[][]): void {
    this.context.queue(jsonBytes(cells), () => {
      const { sheet, rect } = this.need();
      checkMatrix(cells, rect, kind);
      sheet.assertWritable(rect, 'values', cells);
      const parsed = cells.map((line, r) =>
        line.map((v, c) => parseInput(v, sheet.peek(rect.row + r, rect.col + c).numberFormat)),
      );
      sheet.writeParsed(rect, parsed);
    });
  }

  get format(): { readonly fill: ExcelRangeFill; columnWidth: number; load(properties: string): unknown } {
    const setColor = (color: string): void => {
      if (typeof color !== 'string' || !/^#[0-9a-f]{6}$/i.test(color))
        fail('InvalidArgument', `the fake takes fill colours as #RRGGBB, not ${JSON.stringify(color)}`);
      this.context.queue(utf8(color) + 40, () => this.eachCell('format', (cell) => (cell.fill = color.toLowerCase())));
    };
    const getColor = (): string => {
      if (this.fillColor === undefined)
        return fail('PropertyNotLoaded', 'range.format.fill.color was not loaded and synced');
      return this.fillColor as string;
    };
    const load = (): void => {
      let color: string | null = null;
      this.context.queueLoad(
        40,
        () => {
          const { sheet, rect } = this.need();
          const fills = new Set<string | null>();
          for (let r = rect.row; r < rect.row + rect.rows && fills.size < 2; r++)
            for (let c = rect.col; c < rect.col + rect.cols && fills.size < 2; c++) fills.add(sheet.peek(r, c).fill);
          const only = fills.size === 1 ? [...fills][0] : undefined;
          color = only === undefined ? null : (only ?? '#ffffff').toUpperCase();
          return 16;
        },
        () => void (this.fillColor = color),
      );
    };
    const fill: ExcelRangeFill = {
      set color(color: string) {
        setColor(color);
      },
      get color(): string {
        return getColor();
      },
      clear: () => this.context.queue(40, () => this.eachCell('format', (cell) => (cell.fill = null))),
      load: () => {
        load();
        return fill;
      },
    };
    const getWidth = (): number => {
      if (this.width === undefined)
        return fail('PropertyNotLoaded', 'range.format.columnWidth was not loaded and synced');
      return this.width as number;
    };
    const setWidth = (points: number): void => this.setWidth(points);
    const loadWidth = (): void => this.loadWidth();
    return {
      fill,
      /** RangeFormat.columnWidth: points; null when the range's columns differ; known only once loaded and synced. */
      get columnWidth(): number {
        return getWidth();
      },
      set columnWidth(points: number) {
        setWidth(points);
      },
      load(properties: string): unknown {
        for (const name of propertyNames(properties))
          if (name !== 'columnWidth') fail('InvalidArgument', `the fake loads only format/columnWidth, not "${name}"`);
        loadWidth();
        return this;
      },
    };
  }

  private width: number | null | undefined;

  private setWidth(points: number): void {
    if (typeof points !== 'number' || !Number.isFinite(points) || points < 0 || points > MAX_COLUMN_POINTS)
      fail('InvalidArgument', `a column width is 0 to ${MAX_COLUMN_POINTS} points, not ${JSON.stringify(points)}`);
    this.context.queue(20, () => {
      const { sheet, rect } = this.need();
      sheet.assertEditable('formatting columns');
      for (let c = rect.col; c < rect.col + rect.cols; c++) sheet.columnWidths.set(c, points);
    });
  }

  private loadWidth(): void {
    let width: number | null = null;
    this.context.queueLoad(
      20,
      () => {
        const { sheet, rect } = this.need();
        const widths = new Set<number>();
        for (let c = rect.col; c < rect.col + rect.cols && widths.size < 2; c++) widths.add(sheet.columnWidth(c));
        width = widths.size === 1 ? ([...widths][0] as number) : null;
        return 16;
      },
      () => void (this.width = width),
    );
  }

  private eachCell(kind: 'values' | 'format', visit: (cell: Cell) => void): void {
    const { sheet, rect } = this.need();
    if (rect.rows * rect.cols > RANGE_READ_CELL_LIMIT)
      fail('NotImplemented', `the fake does not format ${rect.rows * rect.cols} cells at once`);
    sheet.assertWritable(rect, kind);
    for (let r = rect.row; r < rect.row + rect.rows; r++)
      for (let c = rect.col; c < rect.col + rect.cols; c++) visit(sheet.cell(r, c));
  }

  load(properties?: string | string[]): this {
    const requested = propertyNames(properties);
    const names = requested.length > 0 ? requested : RANGE_PROPERTIES;
    let snapshot: Record<string, unknown> = {};
    this.context.queueLoad(
      utf8(names.join(',')),
      () => {
        snapshot = {};
        const where = this.nullable ? this.locate() : this.need();
        if (!where) return 0;
        const { sheet, rect } = where;
        if (names.some((n) => RANGE_CELL_PROPERTIES.includes(n)) && rect.rows * rect.cols > RANGE_READ_CELL_LIMIT)
          fail('RangeExceedsLimit', `reading ${rect.rows * rect.cols} cells (limit ${RANGE_READ_CELL_LIMIT})`);
        const grid = <T>(pick: (cell: Cell) => T): T[][] =>
          Array.from({ length: rect.rows }, (_, r) =>
            Array.from({ length: rect.cols }, (_, c) => pick(sheet.peek(rect.row + r, rect.col + c))),
          );
        for (const name of names) {
          if (name === 'values') snapshot.values = grid((c) => c.value);
          else if (name === 'formulas') snapshot.formulas = grid((c) => c.formula ?? c.value);
          else if (name === 'numberFormat') snapshot.numberFormat = grid((c) => c.numberFormat);
          else if (name === 'text') snapshot.text = grid(displayText);
          else if (name === 'valueTypes') snapshot.valueTypes = grid(valueType);
          else if (name === 'address') snapshot.address = `${quoteSheetName(sheet.name)}!${rectAddress(rect)}`;
          else if (name === 'rowIndex') snapshot.rowIndex = rect.row;
          else if (name === 'columnIndex') snapshot.columnIndex = rect.col;
          else if (name === 'rowCount') snapshot.rowCount = rect.rows;
          else if (name === 'columnCount') snapshot.columnCount = rect.cols;
          else if (name === 'cellCount') snapshot.cellCount = rect.rows * rect.cols;
          else fail('InvalidArgument', `the fake does not load range property "${name}"`);
        }
        return jsonBytes(snapshot);
      },
      () => {
        for (const [k, v] of Object.entries(snapshot)) this.loaded.set(k, v);
      },
    );
    return this;
  }

  getCellProperties(): { readonly value: CellFill[][] } {
    const result: { value: CellFill[][] } = { value: [] };
    let cells: CellFill[][] = [];
    this.context.queueLoad(
      40,
      () => {
        const { sheet, rect } = this.need();
        if (rect.rows * rect.cols > RANGE_READ_CELL_LIMIT)
          fail('RangeExceedsLimit', `reading ${rect.rows * rect.cols} cells (limit ${RANGE_READ_CELL_LIMIT})`);
        cells = Array.from({ length: rect.rows }, (_, r) =>
          Array.from({ length: rect.cols }, (_, c) => {
            const fill = sheet.peek(rect.row + r, rect.col + c).fill;
            return { format: { fill: { color: (fill ?? '#FFFFFF').toUpperCase(), pattern: fill ? 'Solid' : 'None' } } };
          }),
        );
        return jsonBytes(cells);
      },
      () => void (result.value = cells),
    );
    return result;
  }

  insert(shift: InsertShiftDirection): FakeRange {
    let at: Where | undefined;
    this.context.queue(20, () => {
      if (shift !== 'Down' && shift !== 'Right') fail('InvalidArgument', `insert takes Down or Right, not ${shift}`);
      const where = this.need();
      where.sheet.assertEditable('inserting cells');
      where.sheet.shiftCells(where.rect, shift);
      at = { sheet: where.sheet, rect: { ...where.rect } };
    });
    return new FakeRange(this.context, () => at ?? fail('ItemNotFound', 'the inserted range does not exist yet'));
  }

  delete(shift: DeleteShiftDirection): void {
    this.context.queue(20, () => {
      if (shift !== 'Up' && shift !== 'Left') fail('InvalidArgument', `delete takes Up or Left, not ${shift}`);
      const { sheet, rect } = this.need();
      sheet.assertEditable('deleting cells');
      sheet.shiftCells(rect, shift);
    });
  }

  clear(applyTo: ClearApplyTo = 'All'): void {
    this.context.queue(20, () => {
      if (!['All', 'Formats', 'Contents'].includes(applyTo))
        fail('InvalidArgument', `the fake clears All, Formats or Contents, not ${applyTo}`);
      const { sheet, rect } = this.need();
      sheet.clearRect(rect, applyTo);
    });
  }

  merge(across = false): void {
    this.context.queue(20, () => {
      if (across) fail('InvalidArgument', 'the fake does not merge across');
      const { sheet, rect } = this.need();
      sheet.mergeCells(rect);
    });
  }

  unmerge(): void {
    this.context.queue(20, () => {
      const { sheet, rect } = this.need();
      sheet.assertEditable('unmerging');
      for (const m of [...sheet.merges]) if (intersects(m, rect)) sheet.merges.splice(sheet.merges.indexOf(m), 1);
    });
  }
}

function checkMatrix(cells: unknown, rect: Rect, what: string): void {
  const ok =
    Array.isArray(cells) &&
    cells.length === rect.rows &&
    cells.every((line) => Array.isArray(line) && line.length === rect.cols);
  if (!ok)
    fail(
      'InvalidArgument',
      `${what}: the number of rows or columns in the input array doesn't match the size or dimensions of the range (${rect.rows} × ${rect.cols})`,
    );
}

export type { ExcelWorksheet };
