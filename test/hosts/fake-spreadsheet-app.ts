/**
 * A strict fake of the Apps Script services the Sheets side panel's server uses: SpreadsheetApp (spreadsheet, sheets,
 * ranges, developer metadata, protections), HtmlService, LockService, CacheService, PropertiesService and Charts.
 * The rule (../../../shared/hosts.md): the fake is at least as strict as the documented host, and where the
 * documentation is unclear it refuses (throws an Error whose message starts with `fake refuses:`). Errors the real
 * services are known to throw carry their real text.
 *
 * What it models, with the source of each rule (each one has a test in test/hosts-sheets-fake.test.ts):
 * - Grids. Every sheet has getMaxRows() × getMaxColumns(); `insertSheet` makes 1,000 × 26 (Sheets' default grid). A
 *   range outside the grid throws `The coordinates of the range are outside the dimensions of the sheet.`; rows,
 *   columns and sizes below 1 throw Sheets' own texts; non-integers are refused. Grow with insertRows…/insertColumns…;
 *   a spreadsheet holds at most 10,000,000 cells and 18,278 columns a sheet (Sheets limits).
 * - Inserting and deleting rows or columns MOVES cells (values, formulas, formats), developer metadata on rows and
 *   columns, and protected ranges (Sheets API DeveloperMetadata: "remain associated at those locations as they move";
 *   "If the associated object is deleted its metadata is deleted too"). Same-sheet A1 references in formulas are
 *   adjusted; a formula the fake cannot adjust (another sheet's name, whole columns, a deleted cell) is refused.
 *   Cells of inserted rows and columns have undocumented formats (Sheets may copy a neighbour's): reading their
 *   backgrounds or number formats is refused until something writes them.
 * - Values (SpreadsheetApp Range reference): getValues gives "" for blanks, Date objects for dates, numbers,
 *   booleans, strings, and a formula cell's value; getFormulas "" for non-formulas; getBackgrounds "#ffffff" for none.
 *   Every setter throws unless the array has exactly the range's rows and columns, with Sheets' messages.
 * - setValues parses strings as Sheets does (leading `'` → text, dropped; `=` → formula; plain numbers → numbers);
 *   everything whose parse depends on locale or is not documented (`+x`, `-x`, `@x`, TRUE, dates, times, percents,
 *   currencies, grouped numbers) is refused, and so are null, undefined, NaN, objects and text over 50,000 characters
 *   (Sheets' cell limit). The fake evaluates only arithmetic over numbers and same-sheet cells (recomputed on
 *   every read): reading the value of any other formula is refused, unless the test gave the cell its value with
 *   `Object.assign(sheet.cell(r, c), { value, formula })`.
 * - copyTo(destination, {contentsOnly} | {formatOnly}): the destination's top-left cell counts, the whole block must
 *   fit the destination sheet's grid. The fake does NOT adjust relative references as Sheets does, so it refuses to
 *   copy a formula with references to another row or column.
 * - Developer metadata only on the spreadsheet, a sheet, or one whole row or column made with A1 notation (`H:H`,
 *   `3:3`); anything else throws Sheets' "Adding developer metadata to arbitrary ranges…" (a range made from numbers
 *   that happens to span the grid is reported by users to be refused too). Values over 30,000 characters are refused
 *   (the fake's conservative choice: no documented figure was found).
 * - PropertiesService: keys and values in UTF-8 bytes; a value over 8,066 bytes throws `Argument too large: value`
 *   (9 KB documented; 8,066 measured by tanaikech, 2023: the fake takes the stricter), a store over 500 KB (keys and
 *   values) throws `You have exceeded the property storage quota. Please remove some properties and try again.`
 * - CacheService (Cache reference): keys up to 250 characters, values up to 100 KB, expiry 1–21,600 s (default
 *   600) on the fake's clock `app.now` (advance it with `app.advance(seconds)`), at most 1,000 entries (the 900
 *   farthest from expiry are kept).
 * - LockService: one document lock; `app.holdLockElsewhere()` makes "another execution" hold it, and then waitLock
 *   throws `Lock timeout: another process was holding the lock for too long.` (the fake's clock moves on by the wait).
 *
 * Calls are counted by method name per sheet (`sheet.calls`) and overall (`app.calls`): reads, writes, copies and
 * checks. The `sheet.user` helpers act as the user (typing, sorting, inserting) and are not counted.
 */
import { regionAround } from '../../core/engine/table.js';

export type Value = string | number | boolean | Date;

interface Cell {
  value: Value;
  formula: string | null;
  numberFormat: string;
  background: string | null;
}

const blank = (): Cell => ({ value: '', formula: null, numberFormat: '', background: null });
/** The blank cell reads see where nothing is stored (never written to). */
const BLANK: Readonly<Cell> = Object.freeze(blank());

/** Formula cells whose value the fake could not compute: reading their value is refused. */
const unevaluated = new WeakSet<Cell>();

export const READS = [
  'getValues',
  'getValue',
  'getFormulas',
  'getFormula',
  'getBackgrounds',
  'getBackground',
  'getNumberFormats',
  'getNumberFormat',
  'getDisplayValues',
  'getDisplayValue',
];
export const WRITES = [
  'setValues',
  'setValue',
  'setBackgrounds',
  'setBackground',
  'setFormulas',
  'setFormula',
  'setNumberFormats',
  'setNumberFormat',
  'clear',
  'clearContent',
  'clearFormat',
  'sort',
];

/** Calls by method name; a sheet's counter also counts into the spreadsheet's. */
export class Calls {
  readonly byName = new Map<string, number>();
  private readonly children: Calls[] = [];
  /** While above 0, nothing is counted (the user acting). */
  muted = 0;

  constructor(private readonly parent?: Calls) {
    parent?.children.push(this);
  }

  private root(): Calls {
    return this.parent ? this.parent.root() : this;
  }

  /** Counts a call here and in the overall counter. */
  count(name: string): void {
    if (this.root().muted > 0) return;
    this.byName.set(name, (this.byName.get(name) ?? 0) + 1);
    this.parent?.count(name);
  }

  /** Counts a call here only (a copy landing on this sheet, already counted on its source). */
  countHere(name: string): void {
    if (this.root().muted > 0) return;
    this.byName.set(name, (this.byName.get(name) ?? 0) + 1);
  }

  /** Clears this counter and every sheet's. */
  reset(): void {
    this.byName.clear();
    for (const child of this.children) child.reset();
  }

  get(name: string): number {
    return this.byName.get(name) ?? 0;
  }

  private sum(names: readonly string[]): number {
    return names.reduce((s, n) => s + (this.byName.get(n) ?? 0), 0);
  }
  get reads(): number {
    return this.sum(READS);
  }
  get writes(): number {
    return this.sum(WRITES);
  }
  get copies(): number {
    return this.sum(['copyTo']);
  }
  get checks(): number {
    return this.sum(['isBlank']);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Messages

export const MESSAGES = {
  outside: 'The coordinates of the range are outside the dimensions of the sheet.',
  rowTooSmall: 'The starting row of the range is too small.',
  columnTooSmall: 'The starting column of the range is too small.',
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  columnsAtLeastOne: 'The number of columns in the range must be at least 1.',
  rangeNotFound: 'Range not found',
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  cellTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  metadataArbitrary:
    'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
  sheetExists: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  sheetNameTooLong: 'The sheet name cannot be greater than 100 characters.',
  lastSheet: "You can't remove all the sheets in a document.",
  lastVisibleSheet: "You can't remove all the visible sheets in a document.",
  hideLastSheet: "You can't hide all the sheets in a document.",
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  allRows: "You can't delete all the rows on the sheet.",
  allColumns: "You can't delete all the columns on the sheet.",
  cellLimit: 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  valueTooLarge: 'Argument too large: value',
  keyTooLarge: 'Argument too large: key',
  propertyQuota: 'You have exceeded the property storage quota. Please remove some properties and try again.',
  lockTimeout: 'Lock timeout: another process was holding the lock for too long.',
  sameSpreadsheet: 'Target range and source range must be on the same spreadsheet.',
  serviceFailed: (id: string) => `Service Spreadsheets failed while accessing document with id ${id}.`,
};

/** An error for behaviour the documentation leaves unclear: the fake will not guess. */
export function refuse(what: string): Error {
  return new Error(`fake refuses: ${what}`);
}

const SHEETS_LIMITS = { cells: 10_000_000, columns: 18_278, sheetName: 100, cellChars: 50_000 };
const DEFAULT_GRID = { rows: 1000, cols: 26 };
/** Sheets' default column width in pixels. */
export const SHEETS_COLUMN_PX = 100;
/** What getNumberFormats gives for a cell with the automatic format (gas-fakes' tests against live Apps Script). */
export const AUTOMATIC_FORMAT = '0.###############';
const METADATA_VALUE_CHARS = 30_000;
const PROPERTY_VALUE_BYTES = 8_066;
const PROPERTY_STORE_BYTES = 500 * 1024;
const CACHE_KEY_CHARS = 250;
const CACHE_VALUE_BYTES = 100 * 1024;
const CACHE_MAX_SECONDS = 21_600;
const CACHE_DEFAULT_SECONDS = 600;
const CACHE_MAX_ENTRIES = 1000;
const CACHE_KEPT_ON_OVERFLOW = 900;

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** A Date from any realm (Code.js runs in a vm context with its own Date). */
function isAnyDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

/** Column number → letters (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing text as Sheets does

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const MONTHS = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const DATE_LIKE = new RegExp(`(^|\\s)${MONTHS}\\s+\\d|\\d\\s*${MONTHS}(\\s|$|,)`, 'i');
/** Text Sheets may turn into a date, time, percent, currency or grouped number, depending on the locale. */
const NUMBER_LIKE = /^[\s\d.,:/%$€£¥₫()+-]*\d[\s\d.,:/%$€£¥₫()+-]*$/;

/**
 * What a string written with setValues becomes: a leading apostrophe makes text (dropped), a leading `=` a formula,
 * a plain number a number. Anything Sheets might read otherwise, depending on the locale or undocumented, is refused.
 */
export function parseAsSheets(text: string): { value: Value; formula: string | null } {
  if (text.length > SHEETS_LIMITS.cellChars) throw new Error(MESSAGES.cellTooLong);
  if (text === '') return { value: '', formula: null };
  if (text.startsWith("'")) {
    if (text === "'") throw refuse(`ambiguous parse of "'" (a lone apostrophe)`);
    return { value: text.slice(1), formula: null };
  }
  if (text.startsWith('=')) {
    if (text === '=') throw refuse(`ambiguous parse of '=' (a lone equals sign)`);
    return { value: evaluateConstant(text) ?? '', formula: text };
  }
  if (PLAIN_NUMBER.test(text)) return { value: Number(text), formula: null };
  if (/^[+\-@]/.test(text)) throw refuse(`ambiguous parse of '${text.slice(0, 40)}'`);
  if (PLAIN_NUMBER.test(text.trim())) throw refuse(`ambiguous parse of '${text}' (a number with spaces around it)`);
  if (/^(true|false)$/i.test(text.trim())) throw refuse(`ambiguous parse of '${text}' (Sheets may make a boolean)`);
  if (NUMBER_LIKE.test(text) || DATE_LIKE.test(text))
    throw refuse(`ambiguous parse of '${text.slice(0, 40)}' (a date, time, percent or number in some locale)`);
  return { value: text, formula: null };
}

/** The value of a formula made only of numbers, + - * / ^ and brackets, or one string literal; undefined otherwise. */
export function evaluateConstant(formula: string): number | string | undefined {
  const body = formula.slice(1).trim();
  const literal = /^"((?:[^"]|"")*)"$/.exec(body);
  if (literal) return (literal[1] as string).replace(/""/g, '"');
  if (!/^[\d\s.+\-*/^()eE]+$/.test(body) || /[eE]/.test(body.replace(/\d[eE][+-]?\d/g, ''))) return undefined;
  let at = 0;
  const peek = (): string => body[at] ?? '';
  const skip = (): void => {
    while (peek() === ' ') at++;
  };
  const number = (): number => {
    skip();
    if (peek() === '(') {
      at++;
      const v = sum();
      skip();
      if (peek() !== ')') throw new Error('bracket');
      at++;
      return v;
    }
    if (peek() === '-' || peek() === '+') {
      const sign = peek() === '-' ? -1 : 1;
      at++;
      return sign * number();
    }
    const m = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(body.slice(at));
    if (!m) throw new Error('number');
    at += m[0].length;
    return Number(m[0]);
  };
  const power = (): number => {
    const base = number();
    skip();
    if (peek() === '^') {
      at++;
      return base ** power();
    }
    return base;
  };
  const product = (): number => {
    let v = power();
    for (skip(); peek() === '*' || peek() === '/'; skip()) {
      const op = peek();
      at++;
      const w = power();
      v = op === '*' ? v * w : v / w;
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    for (skip(); peek() === '+' || peek() === '-'; skip()) {
      const op = peek();
      at++;
      const w = product();
      v = op === '+' ? v + w : v - w;
    }
    return v;
  };
  try {
    const v = sum();
    skip();
    return at === body.length && Number.isFinite(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The value of a formula of arithmetic over numbers and same-sheet cell references (blank → 0, TRUE → 1), computed
 * from the cells as they are now, as Sheets recalculates; undefined for anything else (functions, ranges, text).
 */
function evaluateOnSheet(sheet: FakeGSheet, formula: string, depth: number): number | string | undefined {
  const constant = evaluateConstant(formula);
  if (constant !== undefined) return constant;
  if (depth > 20 || /[A-Za-z_]\s*\(/.test(formula) || /[!:"]/.test(formula)) return undefined;
  let failed = false;
  const substituted = formula.replace(/\$?([A-Za-z]{1,3})\$?(\d+)/g, (_, letters: string, digits: string) => {
    const row = Number(digits);
    const col = columnNumber(letters);
    if (row < 1 || row > sheet.getMaxRows() || col > sheet.getMaxColumns()) failed = true;
    const cell = sheet.peek(row, col);
    let v: unknown = cell.value;
    if (cell.formula && unevaluated.has(cell)) v = evaluateOnSheet(sheet, cell.formula, depth + 1);
    if (v === '' && !cell.formula) return '0';
    if (typeof v === 'boolean') return v ? '1' : '0';
    if (typeof v !== 'number') failed = true;
    return `(${String(v)})`;
  });
  if (failed) return undefined;
  const value = evaluateConstant(substituted);
  return typeof value === 'number' ? value : undefined;
}

/** What a user typing `text` into a cell gets (the UI's parse; ISO dates become dates). */
function parseTyped(text: string): { value: Value; formula: string | null } {
  if (/^(true|false)$/i.test(text)) return { value: text.toUpperCase() === 'TRUE', formula: null };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return { value: new Date(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])), formula: null };
  return parseAsSheets(text);
}

/** A formula with its string literals blanked, same length (so text is not taken for references). */
const withoutStrings = (formula: string): string =>
  formula.replace(/"(?:[^"]|"")*"/g, (literal) => `"${' '.repeat(literal.length - 2)}"`);
/** True when a formula may refer to cells (anything with a letter outside string literals). */
const mayReferToCells = (formula: string): boolean => /[A-Za-z]/.test(withoutStrings(formula.slice(1)));

/**
 * A formula with its same-sheet A1 references moved by an insert (n > 0) or delete (n < 0) of rows or columns at
 * `at` (1-based first moved index). Throws for what the fake cannot adjust.
 */
function shiftFormula(formula: string, dimension: 'ROWS' | 'COLUMNS', at: number, n: number): string {
  const body = withoutStrings(formula);
  if (body.includes('!')) throw refuse(`adjusting ${formula} (references to other sheets) when rows or columns move`);
  if (
    /(^|[^A-Za-z0-9_$])\$?[A-Za-z]{1,3}\s*:\s*\$?[A-Za-z]{1,3}([^A-Za-z0-9_(]|$)|(^|[^A-Za-z0-9_$])\$?\d+\s*:\s*\$?\d+/.test(
      body,
    )
  )
    throw refuse(`adjusting ${formula} (whole-row or whole-column references) when rows or columns move`);
  const out: string[] = [];
  let last = 0;
  const ref = /(^|[^A-Za-z0-9_$.])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;
  // Walk the original text but only outside string literals (positions match: literals keep their length).
  for (let m = ref.exec(body); m; m = ref.exec(body)) {
    const start = m.index + (m[1] as string).length;
    const col = columnNumber(m[3] as string);
    const row = Number(m[5]);
    let nextCol = col;
    let nextRow = row;
    const moved = dimension === 'ROWS' ? row : col;
    if (moved >= at) {
      if (n < 0 && moved < at - n) throw refuse(`${formula} refers to a deleted cell (it would become #REF!)`);
      if (dimension === 'ROWS') nextRow = row + n;
      else nextCol = col + n;
    }
    out.push(formula.slice(last, start), `${m[2]}${columnLetters(nextCol)}${m[4]}${nextRow}`);
    last = m.index + m[0].length;
  }
  out.push(formula.slice(last));
  return out.join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Enums

/** An Apps Script enum value (prints as its name). */
export class GasEnum {
  constructor(
    readonly kind: string,
    readonly name: string,
  ) {}
  toString(): string {
    return this.name;
  }
  toJSON(): string {
    return this.name;
  }
}

const enumOf = <K extends string>(kind: string, names: readonly K[]): Readonly<Record<K, GasEnum>> =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, new GasEnum(kind, n)])) as Record<K, GasEnum>);

export const ProtectionType = enumOf('ProtectionType', ['RANGE', 'SHEET'] as const);
export const DeveloperMetadataLocationType = enumOf('DeveloperMetadataLocationType', [
  'SPREADSHEET',
  'SHEET',
  'ROW',
  'COLUMN',
] as const);
export const DeveloperMetadataVisibility = enumOf('DeveloperMetadataVisibility', ['DOCUMENT', 'PROJECT'] as const);

function enumName(value: unknown, kind: string, method: string): string {
  if (value instanceof GasEnum && value.kind === kind) return value.name;
  throw new Error(`The parameters (${describe(value)}) don't match the method signature for ${method}.`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'Object[]';
  if (isAnyDate(value)) return 'Date';
  return typeof value === 'object' ? 'Object' : typeof value === 'number' ? 'number' : typeof value;
}

// ---------------------------------------------------------------------------------------------------------------
// Spreadsheet-wide records

interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

type MetaLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheet: FakeGSheet }
  | { type: 'ROW' | 'COLUMN'; sheet: FakeGSheet; index: number };

interface MetaRecord {
  readonly id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  location: MetaLocation;
  removed: boolean;
}

interface ProtectionRecord {
  readonly type: 'RANGE' | 'SHEET';
  readonly sheet: FakeGSheet;
  rect: Rect | null;
  description: string;
  warningOnly: boolean;
  removed: boolean;
}

interface Row {
  cells: (Cell | undefined)[];
  /** An inserted row: its formats are not documented until written. */
  unknownFormat?: boolean;
  /** Columns (0-based) of this row whose formats were written since the row or column was inserted. */
  known?: boolean[];
}

// ---------------------------------------------------------------------------------------------------------------
// Charts

/** Charts.ChartType (Apps Script Charts service reference). */
export const CHART_TYPES = [
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'LINE',
  'ORG',
  'PIE',
  'RADAR',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
] as const;

/** A built chart as the fake keeps it: what a test asserts on. */
export class FakeEmbeddedChart {
  constructor(
    readonly sheet: FakeGSheet,
    readonly type: string,
    /** The ranges' A1 notations, in the order added. */
    readonly ranges: readonly string[],
    /** 1-based anchor cell and pixel offsets. */
    readonly position: { row: number; col: number; offsetX: number; offsetY: number },
    readonly options: Readonly<Record<string, unknown>>,
    readonly numHeaders: number | undefined,
  ) {}
}

export class FakeChartBuilder {
  private type: string | undefined;
  private readonly ranges: string[] = [];
  private position: FakeEmbeddedChart['position'] | undefined;
  private readonly options: Record<string, unknown> = {};
  private numHeaders: number | undefined;

  constructor(private readonly sheet: FakeGSheet) {}

  setChartType(type: unknown): this {
    if (typeof type !== 'string' || !(CHART_TYPES as readonly string[]).includes(type))
      throw new Error(`Invalid argument: type (${describe(type)} is not a Charts.ChartType)`);
    this.type = type;
    return this;
  }

  addRange(range: unknown): this {
    if (!(range instanceof FakeGRange)) throw refuse(`addRange(${describe(range)}): not a Range`);
    if (range.getSheet() !== this.sheet) throw refuse('addRange of a range on another sheet');
    this.sheet.checkInside(range.rect());
    this.ranges.push(range.getA1Notation());
    return this;
  }

  setPosition(anchorRow: unknown, anchorColumn: unknown, offsetX: unknown, offsetY: unknown): this {
    const whole = (n: unknown, min: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= min;
    if (!whole(anchorRow, 1) || !whole(anchorColumn, 1) || !whole(offsetX, 0) || !whole(offsetY, 0))
      throw refuse(`setPosition(${[anchorRow, anchorColumn, offsetX, offsetY].map(describe).join(', ')})`);
    this.sheet.checkInside({ row: anchorRow, col: anchorColumn, rows: 1, cols: 1 });
    this.position = { row: anchorRow, col: anchorColumn, offsetX, offsetY };
    return this;
  }

  setOption(option: unknown, value: unknown): this {
    if (typeof option !== 'string' || option === '') throw refuse(`setOption(${describe(option)})`);
    this.options[option] = value;
    return this;
  }

  setNumHeaders(headers: unknown): this {
    if (typeof headers !== 'number' || !Number.isInteger(headers) || headers < 0)
      throw refuse(`setNumHeaders(${describe(headers)})`);
    this.numHeaders = headers;
    return this;
  }

  build(): FakeEmbeddedChart {
    if (this.type === undefined)
      throw refuse('build() of a chart without setChartType (the default is not documented)');
    if (this.ranges.length === 0) throw refuse('build() of a chart without data (addRange)');
    return new FakeEmbeddedChart(
      this.sheet,
      this.type,
      [...this.ranges],
      this.position ?? { row: 1, col: 1, offsetX: 0, offsetY: 0 },
      { ...this.options },
      this.numHeaders,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Sheet

export class FakeGSheet {
  readonly charts: FakeEmbeddedChart[] = [];
  /** The selection (1-based), as the user left it. */
  active = { row: 1, col: 1, rows: 1, cols: 1 };
  readonly calls: Calls;
  /** Set once the sheet is deleted: every later call on it is refused. */
  deleted = false;
  private rowsData: (Row | undefined)[] = [];
  private colUnknown: boolean[] = [];
  /**
   * Column widths set by hand (pixels, by 1-based column); null for an inserted column not sized since (whether it
   * takes a neighbour's width is not documented). Others are SHEETS_COLUMN_PX.
   */
  private colWidths = new Map<number, number | null>();
  private maxRows: number;
  private maxCols: number;
  private isHidden = false;
  /** The user's actions (not counted as script calls). */
  readonly user: SheetUser;

  constructor(
    private name: string,
    calls: Calls,
    readonly app: FakeSpreadsheetApp,
    private readonly sheetId: number,
    size: { rows: number; cols: number } = DEFAULT_GRID,
  ) {
    this.calls = new Calls(calls);
    this.maxRows = size.rows;
    this.maxCols = size.cols;
    this.user = new SheetUser(this);
  }

  toString(): string {
    return 'Sheet';
  }

  /** Refuses any call on a deleted sheet. */
  alive(): this {
    if (this.deleted) throw refuse(`sheet "${this.name}" was deleted; its Sheet object cannot be used`);
    return this;
  }

  // -- test helpers (not Apps Script) ---------------------------------------------------------------------------

  /** The stored cell at (row, col), made if missing; grows the grid as a user would to reach it. */
  cell(row: number, col: number): Cell {
    if (!isInt(row) || !isInt(col) || row < 1 || col < 1) throw new Error(`no cell ${row},${col}`);
    this.growTo(row, col);
    const line = (this.rowsData[row - 1] ??= { cells: [] });
    let cell = line.cells[col - 1];
    if (!cell) line.cells[col - 1] = cell = blank();
    this.formatsWritten(row, col);
    return cell;
  }

  /** The stored cell, or a blank one (not stored). */
  peek(row: number, col: number): Cell {
    return this.rowsData[row - 1]?.cells[col - 1] ?? blank();
  }

  /** The stored cells of a row (1-based), if any. */
  storedRow(row: number): readonly (Cell | undefined)[] | undefined {
    return this.rowsData[row - 1]?.cells;
  }

  /** Every stored cell by "row,col" (a snapshot of the live cell objects). */
  get cells(): Map<string, Cell> {
    const out = new Map<string, Cell>();
    this.rowsData.forEach((line, r) => line?.cells.forEach((cell, c) => cell && out.set(`${r + 1},${c + 1}`, cell)));
    return out;
  }

  /** Grows the grid to hold (rows, cols), as a user pasting data would; never shrinks. */
  growTo(rows: number, cols: number): void {
    const nextRows = Math.max(this.maxRows, rows);
    const nextCols = Math.max(this.maxCols, cols);
    if (nextCols > SHEETS_LIMITS.columns) throw new Error(`a sheet has at most ${SHEETS_LIMITS.columns} columns`);
    this.app.checkCells(nextRows * nextCols - this.maxRows * this.maxCols);
    this.maxRows = nextRows;
    this.maxCols = nextCols;
  }

  /** Puts values in from `at` (1-based, default A1) as they are (text stays text), growing the grid as needed. */
  fill(rows: readonly (readonly Value[])[], at: { row: number; col: number } = { row: 1, col: 1 }): void {
    const width = rows.reduce((w, line) => Math.max(w, line.length), 0);
    this.growTo(at.row + rows.length - 1, at.col + width - 1);
    rows.forEach((line, r) =>
      line.forEach((v, c) => {
        const cell = this.cell(at.row + r, at.col + c);
        cell.value = isAnyDate(v) ? new Date(v.getTime()) : v;
        cell.formula = null;
        unevaluated.delete(cell);
      }),
    );
  }

  /** Every non-blank cell (value, formula or format) by "row,col". */
  dump(): Record<string, Cell> {
    const out: Record<string, Cell> = {};
    this.rowsData.forEach((line, r) =>
      line?.cells.forEach((cell, c) => {
        if (!cell || (cell.value === '' && !cell.formula && !cell.background && !cell.numberFormat)) return;
        out[`${r + 1},${c + 1}`] = {
          value: cell.value instanceof Date ? new Date(cell.value.getTime()) : cell.value,
          formula: cell.formula,
          numberFormat: cell.numberFormat,
          background: cell.background,
        };
      }),
    );
    return out;
  }

  /** The used block as values, 0-based (for the data region). */
  grid(): (string | number | boolean | null)[][] {
    const rows = this.usedRows();
    const cols = this.usedCols();
    return Array.from({ length: rows + 1 }, (_, r) =>
      Array.from({ length: cols + 1 }, (_, c) => {
        const cell = this.peek(r + 1, c + 1);
        if (cell.formula) return 1;
        return cell.value === '' ? null : cell.value instanceof Date ? 1 : cell.value;
      }),
    );
  }

  private usedRows(): number {
    for (let r = this.rowsData.length; r > 0; r--) {
      const line = this.rowsData[r - 1];
      if (line?.cells.some((cell) => cell && (cell.value !== '' || cell.formula))) return r;
    }
    return 0;
  }

  private usedCols(): number {
    let cols = 0;
    for (const line of this.rowsData)
      line?.cells.forEach((cell, c) => {
        if (cell && (cell.value !== '' || cell.formula)) cols = Math.max(cols, c + 1);
      });
    return cols;
  }

  // -- internals used by ranges --------------------------------------------------------------------------------

  /** The cell to write at (row, col), made if missing. */
  writable(row: number, col: number): Cell {
    const line = (this.rowsData[row - 1] ??= { cells: [] });
    let cell = line.cells[col - 1];
    if (!cell) line.cells[col - 1] = cell = blank();
    return cell;
  }

  /** True when the cell's formats are undocumented (an inserted row or column, not written since). */
  formatUnknown(row: number, col: number): boolean {
    const line = this.rowsData[row - 1];
    if (!line?.unknownFormat && !this.colUnknown[col - 1]) return false;
    return !line?.known?.[col - 1];
  }

  /** Marks the cell's formats as written (known again). */
  formatsWritten(row: number, col: number): void {
    const line = this.rowsData[row - 1];
    if (!line?.unknownFormat && !this.colUnknown[col - 1]) return;
    ((this.rowsData[row - 1] ??= { cells: [] }).known ??= [])[col - 1] = true;
  }

  /** Marks a rectangle's formats as written: whole rows and whole columns become known at once. */
  formatsWrittenIn(rect: Rect): void {
    const wholeRows = rect.col === 1 && rect.cols === this.maxCols;
    const wholeCols = rect.row === 1 && rect.rows === this.maxRows;
    if (wholeCols) for (let c = rect.col; c < rect.col + rect.cols; c++) this.colUnknown[c - 1] = false;
    const anyColumn = this.colUnknown.some(Boolean);
    const unknownCols: number[] = [];
    for (let c = rect.col; c < rect.col + rect.cols; c++) if (this.colUnknown[c - 1]) unknownCols.push(c);
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      const line = this.rowsData[r - 1];
      if (line?.unknownFormat) {
        if (wholeRows && !anyColumn) {
          line.unknownFormat = false;
          line.known = undefined;
        } else for (let c = rect.col; c < rect.col + rect.cols; c++) this.formatsWritten(r, c);
      } else for (const c of unknownCols) this.formatsWritten(r, c);
    }
  }

  /** Throws the real error unless the rectangle is inside the grid. */
  checkInside(rect: Rect): void {
    this.alive();
    if (rect.row + rect.rows - 1 > this.maxRows || rect.col + rect.cols - 1 > this.maxCols)
      throw new Error(MESSAGES.outside);
  }

  /** Every formula cell with its position. */
  private *formulaCells(): Generator<[number, number, Cell]> {
    for (let r = 0; r < this.rowsData.length; r++) {
      const line = this.rowsData[r];
      if (!line) continue;
      for (let c = 0; c < line.cells.length; c++) {
        const cell = line.cells[c];
        if (cell?.formula) yield [r + 1, c + 1, cell];
      }
    }
  }

  /** True when the rows (or columns) either side of an insert at `at` have only known, default formats. */
  private neighboursPlain(dimension: 'ROWS' | 'COLUMNS', at: number): boolean {
    const plain = (cell: Cell | undefined): boolean => !cell || (cell.background === null && cell.numberFormat === '');
    const sides = [at - 1, at].filter((i) => i >= 1 && i <= (dimension === 'ROWS' ? this.maxRows : this.maxCols));
    if (dimension === 'ROWS')
      return sides.every((r) => {
        const line = this.rowsData[r - 1];
        if (line?.unknownFormat) return false;
        for (let c = 1; c <= this.maxCols; c++) if (this.colUnknown[c - 1] && !line?.known?.[c - 1]) return false;
        return !line || line.cells.every(plain);
      });
    return sides.every(
      (c) =>
        !this.colUnknown[c - 1] &&
        this.rowsData.every(
          (line) => !line || ((!line.unknownFormat || !!line.known?.[c - 1]) && plain(line.cells[c - 1])),
        ),
    );
  }

  /** Moves cells for an insert (n > 0, at = first new index) or delete (n < 0, at = first deleted index). */
  moveDimension(dimension: 'ROWS' | 'COLUMNS', at: number, n: number): void {
    // Formulas first (throws before anything moves).
    const changes: [Cell, string][] = [];
    for (const sheet of this.app.sheets)
      for (const [, , cell] of sheet.formulaCells()) {
        const formula = cell.formula as string;
        if (sheet !== this) {
          if (withoutStrings(formula).includes('!'))
            throw refuse(
              `adjusting ${formula} on "${sheet.getName()}" (a reference to another sheet) when rows or columns move`,
            );
          continue;
        }
        if (!mayReferToCells(formula)) continue;
        changes.push([cell, shiftFormula(formula, dimension, at, n)]);
      }
    for (const [cell, formula] of changes) cell.formula = formula;
    // Inserted cells may take a neighbour's formats (undocumented): they are unknown unless every neighbour has the
    // default formats, when any rule gives the same.
    const inheritsNothing = n > 0 && this.neighboursPlain(dimension, at);
    if (dimension === 'ROWS') {
      if (n > 0) {
        if (this.rowsData.length < at - 1) this.rowsData.length = at - 1;
        const fresh = Array.from({ length: n }, (): Row =>
          inheritsNothing ? { cells: [] } : { cells: [], unknownFormat: true },
        );
        this.rowsData = [...this.rowsData.slice(0, at - 1), ...fresh, ...this.rowsData.slice(at - 1)];
      } else this.rowsData.splice(at - 1, -n);
      this.maxRows += n;
    } else {
      for (const line of this.rowsData) {
        if (!line) continue;
        if (n > 0) {
          if (line.cells.length >= at) line.cells.splice(at - 1, 0, ...new Array<Cell | undefined>(n));
        } else line.cells.splice(at - 1, -n);
        if (line.known) {
          if (n > 0) {
            if (line.known.length >= at) line.known.splice(at - 1, 0, ...new Array<boolean>(n).fill(false));
          } else line.known.splice(at - 1, -n);
        }
      }
      if (n > 0) {
        if (this.colUnknown.length < at - 1) this.colUnknown.length = at - 1;
        this.colUnknown.splice(at - 1, 0, ...new Array<boolean>(n).fill(!inheritsNothing));
      } else this.colUnknown.splice(at - 1, -n);
      this.moveWidths(at, n);
      this.maxCols += n;
    }
    this.app.moveRecords(this, dimension, at, n);
  }

  /** Widths move with their columns; inserted columns' widths are unknown until set. */
  private moveWidths(at: number, n: number): void {
    const widths = [...this.colWidths];
    this.colWidths.clear();
    for (const [c, w] of widths) {
      if (c < at) this.colWidths.set(c, w);
      else if (n > 0) this.colWidths.set(c + n, w);
      else if (c >= at - n) this.colWidths.set(c + n, w);
    }
    for (let c = at; c < at + n; c++) this.colWidths.set(c, null);
  }

  private checkColumn(position: unknown, method: string): number {
    if (!isInt(position) || position < 1 || position > this.maxCols)
      throw refuse(`${method}: column ${String(position)} is outside the sheet`);
    return position;
  }

  getColumnWidth(columnPosition: number): number {
    this.alive().calls.count('getColumnWidth');
    const col = this.checkColumn(columnPosition, 'getColumnWidth');
    const width = this.colWidths.get(col);
    if (width === null)
      throw refuse(
        `getColumnWidth(${col}): an inserted column's width (whether Sheets copies a neighbour's is not documented)`,
      );
    return width ?? SHEETS_COLUMN_PX;
  }

  setColumnWidth(columnPosition: number, width: number): this {
    this.alive().calls.count('setColumnWidth');
    const col = this.checkColumn(columnPosition, 'setColumnWidth');
    if (!isInt(width) || width < 0)
      throw refuse(`setColumnWidth: the width must be a whole number of pixels, not ${String(width)}`);
    this.colWidths.set(col, width);
    return this;
  }

  /** Sorts the rows of `rect` by `specs` (columns are absolute); cells, formats and row metadata move with rows. */
  sortRows(rect: Rect, specs: readonly { column: number; ascending: boolean }[]): void {
    this.checkInside(rect);
    for (const spec of specs)
      if (!isInt(spec.column) || spec.column < rect.col || spec.column >= rect.col + rect.cols)
        throw refuse(`sort column ${spec.column} is outside the range`);
    const lines = Array.from({ length: rect.rows }, (_, r) =>
      Array.from({ length: rect.cols }, (_, c) => this.rowsData[rect.row + r - 1]?.cells[rect.col + c - 1]),
    );
    lines.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (cell?.formula && mayReferToCells(cell.formula))
          throw refuse(`sorting moves the formula ${cell.formula}; how Sheets adjusts its references is not modelled`);
        if (this.formatUnknown(rect.row + r, rect.col + c))
          throw refuse('sorting cells of inserted rows or columns whose formats are undocumented');
        if (cell && unevaluated.has(cell)) throw refuse(`sorting by a formula the fake cannot evaluate`);
      }),
    );
    for (const spec of specs) {
      const kinds = new Set(
        lines
          .map((line) => line[spec.column - rect.col])
          .filter((cell): cell is Cell => !!cell && cell.value !== '')
          .map((cell) => (cell.value instanceof Date ? 'number' : typeof cell.value)),
      );
      if (kinds.size > 1)
        throw refuse(`sorting a column that mixes ${[...kinds].join(' and ')} (order not documented)`);
    }
    const key = (cell: Cell | undefined): number | string | boolean | null =>
      !cell || cell.value === '' ? null : cell.value instanceof Date ? cell.value.getTime() : cell.value;
    const order = lines.map((_, i) => i);
    order.sort((a, b) => {
      for (const spec of specs) {
        const x = key(lines[a]?.[spec.column - rect.col]);
        const y = key(lines[b]?.[spec.column - rect.col]);
        if (x === y) continue;
        if (x === null) return 1; // blanks last, either way
        if (y === null) return -1;
        const cmp =
          typeof x === 'string' && typeof y === 'string'
            ? x.localeCompare(y, 'en', { sensitivity: 'base' }) || (x < y ? -1 : 1)
            : x < y
              ? -1
              : 1;
        return spec.ascending ? cmp : -cmp;
      }
      return a - b;
    });
    order.forEach((from, to) => {
      const line = (this.rowsData[rect.row + to - 1] ??= { cells: [] });
      (lines[from] as (Cell | undefined)[]).forEach((cell, c) => {
        line.cells[rect.col + c - 1] = cell;
        this.formatsWritten(rect.row + to, rect.col + c); // every moved cell's formats were known (checked above)
      });
    });
    this.app.permuteRows(this, rect.row, order);
  }

  // -- Apps Script: Sheet ----------------------------------------------------------------------------------------

  getName(): string {
    return this.alive().name;
  }

  getSheetId(): number {
    return this.alive().sheetId;
  }

  getParent(): FakeGSpreadsheet {
    return this.alive().app.spreadsheet;
  }

  getIndex(): number {
    return this.app.sheets.indexOf(this.alive()) + 1;
  }

  getMaxRows(): number {
    return this.alive().maxRows;
  }

  getMaxColumns(): number {
    return this.alive().maxCols;
  }

  getLastRow(): number {
    this.alive();
    return this.usedRows();
  }

  getLastColumn(): number {
    this.alive();
    return this.usedCols();
  }

  getDataRange(): FakeGRange {
    this.alive();
    return new FakeGRange(this, 1, 1, Math.max(1, this.usedRows()), Math.max(1, this.usedCols()));
  }

  getRange(...args: unknown[]): FakeGRange {
    this.alive();
    if (args.length === 1 && typeof args[0] === 'string') return this.rangeFromA1(args[0]);
    if (args.length < 2 || args.length > 4 || args.some((a) => typeof a !== 'number'))
      throw new Error(
        `The parameters (${args.map(describe).join(',')}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
      );
    const [row, col, rows = 1, cols = 1] = args as number[];
    for (const n of [row, col, rows, cols] as number[])
      if (!Number.isInteger(n)) throw refuse(`getRange with a non-integer (${n}); Sheets' rounding is not documented`);
    if ((row as number) < 1) throw new Error(MESSAGES.rowTooSmall);
    if ((col as number) < 1) throw new Error(MESSAGES.columnTooSmall);
    if (rows < 1) throw new Error(MESSAGES.rowsAtLeastOne);
    if (cols < 1) throw new Error(MESSAGES.columnsAtLeastOne);
    const range = new FakeGRange(this, row as number, col as number, rows, cols);
    this.checkInside(range.rect());
    return range;
  }

  private rangeFromA1(text: string): FakeGRange {
    let a1 = text.trim();
    const qualified = /^(?:'((?:[^']|'')+)'|([^!']+))!(.*)$/.exec(a1);
    if (qualified) {
      const sheetName = (qualified[1] ?? qualified[2] ?? '').replace(/''/g, "'");
      if (sheetName !== this.name) throw refuse(`Sheet.getRange("${text}") names another sheet`);
      a1 = qualified[3] as string;
    }
    const cell = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
    const cells = /^\$?([A-Za-z]{1,3})\$?(\d+):\$?([A-Za-z]{1,3})\$?(\d+)$/;
    const columns = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
    const rowsOnly = /^\$?(\d+):\$?(\d+)$/;
    let m: RegExpExecArray | null;
    let range: FakeGRange;
    if ((m = cell.exec(a1))) range = new FakeGRange(this, Number(m[2]), columnNumber(m[1] as string), 1, 1);
    else if ((m = cells.exec(a1))) {
      const [r1, r2] = [Number(m[2]), Number(m[4])].sort((a, b) => a - b) as [number, number];
      const [c1, c2] = [columnNumber(m[1] as string), columnNumber(m[3] as string)].sort((a, b) => a - b) as [
        number,
        number,
      ];
      range = new FakeGRange(this, r1, c1, r2 - r1 + 1, c2 - c1 + 1);
    } else if ((m = columns.exec(a1))) {
      const [c1, c2] = [columnNumber(m[1] as string), columnNumber(m[2] as string)].sort((a, b) => a - b) as [
        number,
        number,
      ];
      range = new FakeGRange(this, 1, c1, 0, c2 - c1 + 1, 'columns');
    } else if ((m = rowsOnly.exec(a1))) {
      const [r1, r2] = [Number(m[1]), Number(m[2])].sort((a, b) => a - b) as [number, number];
      range = new FakeGRange(this, r1, 1, r2 - r1 + 1, 0, 'rows');
    } else if (/^\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3}$|^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}\$?\d+$/.test(a1))
      throw refuse(`open-ended A1 ranges like "${a1}" are not modelled`);
    else throw new Error(MESSAGES.rangeNotFound);
    if (range.getRow() < 1 || range.getColumn() < 1) throw new Error(MESSAGES.rangeNotFound);
    this.checkInside(range.rect());
    return range;
  }

  getActiveRange(): FakeGRange {
    const { row, col, rows, cols } = this.alive().active;
    return this.getRange(row, col, rows, cols);
  }

  getActiveCell(): FakeGRange {
    return this.getRange(this.alive().active.row, this.active.col);
  }

  activate(): this {
    this.app.spreadsheet.setActiveSheet(this);
    return this;
  }

  isSheetHidden(): boolean {
    return this.alive().isHidden;
  }

  hideSheet(): this {
    this.alive().calls.count('hideSheet');
    if (this.isHidden) return this;
    if (!this.app.sheets.some((s) => s !== this && !s.isHidden)) throw new Error(MESSAGES.hideLastSheet);
    this.isHidden = true;
    this.app.activeSheetGone(this);
    return this;
  }

  showSheet(): this {
    this.alive().calls.count('showSheet');
    this.isHidden = false;
    return this;
  }

  private checkCount(n: unknown, what: string): number {
    if (!isInt(n) || n < 1) throw refuse(`${what} must be a positive integer (got ${String(n)})`);
    return n;
  }

  private insert(dimension: 'ROWS' | 'COLUMNS', at: number, n: number, method: string): this {
    this.alive().calls.count(method);
    const max = dimension === 'ROWS' ? this.maxRows : this.maxCols;
    if (!isInt(at) || at < 1 || at > max + 1) throw refuse(`${method}: position ${at} is outside the sheet`);
    this.checkCount(n, `${method}: the number to insert`);
    if (dimension === 'COLUMNS' && this.maxCols + n > SHEETS_LIMITS.columns)
      throw refuse(`${method}: a sheet has at most ${SHEETS_LIMITS.columns} columns`);
    this.app.checkCells(dimension === 'ROWS' ? n * this.maxCols : n * this.maxRows);
    this.moveDimension(dimension, at, n);
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    if (!isInt(afterPosition) || afterPosition < 1 || afterPosition > this.maxRows)
      throw refuse(`insertRowsAfter: row ${afterPosition} is outside the sheet`);
    return this.insert('ROWS', afterPosition + 1, howMany, 'insertRowsAfter');
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    if (!isInt(beforePosition) || beforePosition < 1 || beforePosition > this.maxRows)
      throw refuse(`insertRowsBefore: row ${beforePosition} is outside the sheet`);
    return this.insert('ROWS', beforePosition, howMany, 'insertRowsBefore');
  }

  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAfter(afterPosition, 1);
  }

  insertRowBefore(beforePosition: number): this {
    return this.insertRowsBefore(beforePosition, 1);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    if (!isInt(afterPosition) || afterPosition < 1 || afterPosition > this.maxCols)
      throw refuse(`insertColumnsAfter: column ${afterPosition} is outside the sheet`);
    return this.insert('COLUMNS', afterPosition + 1, howMany, 'insertColumnsAfter');
  }

  insertColumnsBefore(beforePosition: number, howMany: number): this {
    if (!isInt(beforePosition) || beforePosition < 1 || beforePosition > this.maxCols)
      throw refuse(`insertColumnsBefore: column ${beforePosition} is outside the sheet`);
    return this.insert('COLUMNS', beforePosition, howMany, 'insertColumnsBefore');
  }

  insertColumnAfter(afterPosition: number): this {
    return this.insertColumnsAfter(afterPosition, 1);
  }

  insertColumnBefore(beforePosition: number): this {
    return this.insertColumnsBefore(beforePosition, 1);
  }

  private remove(dimension: 'ROWS' | 'COLUMNS', position: number, howMany: number, method: string): void {
    this.alive().calls.count(method);
    const max = dimension === 'ROWS' ? this.maxRows : this.maxCols;
    if (!isInt(position) || !isInt(howMany) || position < 1 || howMany < 1 || position + howMany - 1 > max)
      throw new Error(dimension === 'ROWS' ? MESSAGES.rowsOutOfBounds : MESSAGES.columnsOutOfBounds);
    if (howMany >= max) throw new Error(dimension === 'ROWS' ? MESSAGES.allRows : MESSAGES.allColumns);
    this.moveDimension(dimension, position, -howMany);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.remove('ROWS', rowPosition, howMany, 'deleteRows');
  }

  deleteRow(rowPosition: number): this {
    this.remove('ROWS', rowPosition, 1, 'deleteRow');
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.remove('COLUMNS', columnPosition, howMany, 'deleteColumns');
  }

  deleteColumn(columnPosition: number): this {
    this.remove('COLUMNS', columnPosition, 1, 'deleteColumn');
    return this;
  }

  addDeveloperMetadata(key: unknown, ...rest: unknown[]): this {
    this.alive().calls.count('addDeveloperMetadata');
    this.app.addMetadata({ type: 'SHEET', sheet: this }, key, rest, 'Sheet.addDeveloperMetadata');
    return this;
  }

  /** The metadata on this sheet itself (not on its rows or columns). */
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.alive();
    return this.app.metadataWhere((m) => m.location.type === 'SHEET' && m.location.sheet === this);
  }

  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    return new FakeDeveloperMetadataFinder(this.app, this.alive());
  }

  protect(): FakeProtection {
    this.alive().calls.count('protect');
    if (this.app.protections.some((p) => !p.removed && p.type === 'SHEET' && p.sheet === this))
      throw refuse(`sheet "${this.name}" is protected already (what protect() returns then is not documented)`);
    return this.app.addProtection({
      type: 'SHEET',
      sheet: this,
      rect: null,
      description: '',
      warningOnly: false,
      removed: false,
    });
  }

  getProtections(type: unknown): FakeProtection[] {
    this.alive();
    const kind = enumName(type, 'ProtectionType', 'SpreadsheetApp.Sheet.getProtections');
    return this.app.protectionsWhere((p) => p.sheet === this && p.type === kind);
  }

  /**
   * An embedded chart builder (Sheet.newChart, EmbeddedChartBuilder): the type must be one of Charts.ChartType, each
   * range one of this sheet's inside its grid, the anchor a cell of the grid; nothing is on the sheet until build()
   * made the chart and insertChart() put it there.
   */
  newChart(): FakeChartBuilder {
    this.alive();
    return new FakeChartBuilder(this);
  }

  insertChart(chart: unknown): void {
    this.alive().calls.count('insertChart');
    if (!(chart instanceof FakeEmbeddedChart))
      throw refuse(`insertChart(${describe(chart)}): only a chart made by newChart()…build() is modelled`);
    if (chart.sheet !== this) throw refuse('insertChart of a chart built for another sheet');
    this.charts.push(chart);
  }

  getCharts(): unknown[] {
    return [...this.alive().charts];
  }
}

/** What the user does to a sheet between two script calls (not counted). */
export class SheetUser {
  constructor(private readonly sheet: FakeGSheet) {}

  private act<T>(work: () => T): T {
    this.sheet.app.calls.muted++;
    try {
      return work();
    } finally {
      this.sheet.app.calls.muted--;
    }
  }

  /** Types `text` into a cell as in the UI: `=` a formula, `'` text, numbers, TRUE/FALSE, ISO dates (yyyy-mm-dd). */
  type(row: number, col: number, text: string): void {
    const parsed = parseTyped(text);
    const cell = this.sheet.cell(row, col);
    cell.value = parsed.value;
    cell.formula = parsed.formula;
    if (parsed.formula && evaluateConstant(parsed.formula) === undefined) unevaluated.add(cell);
    else unevaluated.delete(cell);
  }

  /** Fills a cell's background (null clears it). */
  fillColor(row: number, col: number, color: string | null): void {
    this.act(() => this.sheet.getRange(row, col).setBackground(color));
  }

  /** Sorts the data rows of a rectangle by one column (1-based, absolute), as Data › Sort range does. */
  sort(rect: Rect, column: number, ascending = true, options: { header?: boolean } = {}): void {
    const top = options.header ? 1 : 0;
    this.act(() =>
      this.sheet.sortRows({ ...rect, row: rect.row + top, rows: rect.rows - top }, [{ column, ascending }]),
    );
  }

  insertRowsBefore(row: number, n = 1): void {
    this.act(() => this.sheet.insertRowsBefore(row, n));
  }
  insertRowsAfter(row: number, n = 1): void {
    this.act(() => this.sheet.insertRowsAfter(row, n));
  }
  insertColumnsBefore(col: number, n = 1): void {
    this.act(() => this.sheet.insertColumnsBefore(col, n));
  }
  insertColumnsAfter(col: number, n = 1): void {
    this.act(() => this.sheet.insertColumnsAfter(col, n));
  }
  deleteRows(row: number, n = 1): void {
    this.act(() => this.sheet.deleteRows(row, n));
  }
  deleteColumns(col: number, n = 1): void {
    this.act(() => this.sheet.deleteColumns(col, n));
  }
  /** Unhides a hidden sheet (any editor can). */
  show(): void {
    this.act(() => this.sheet.showSheet());
  }
  /** Deletes the sheet (any editor can delete a hidden sheet). */
  delete(): void {
    this.act(() => this.sheet.app.spreadsheet.deleteSheet(this.sheet));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Range

type Unbounded = 'rows' | 'columns' | undefined;

export class FakeGRange {
  /**
   * @param unbounded 'columns' for a whole-column A1 range (`H:H`: every row), 'rows' for a whole-row one (`3:3`)
   */
  constructor(
    readonly sheet: FakeGSheet,
    private readonly row: number,
    private readonly col: number,
    private readonly rows: number,
    private readonly cols: number,
    private readonly unbounded?: Unbounded,
  ) {}

  toString(): string {
    return 'Range';
  }

  rect(): Rect {
    return { row: this.row, col: this.col, rows: this.getNumRows(), cols: this.getNumColumns() };
  }

  /** The rectangle, checked against the grid as it is now (it may have shrunk since the range was made). */
  private live(): Rect {
    const rect = this.rect();
    this.sheet.checkInside(rect);
    return rect;
  }

  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.unbounded === 'columns' ? this.sheet.getMaxRows() : this.rows;
  }
  getNumColumns(): number {
    return this.unbounded === 'rows' ? this.sheet.getMaxColumns() : this.cols;
  }
  getLastRow(): number {
    return this.row + this.getNumRows() - 1;
  }
  getLastColumn(): number {
    return this.col + this.getNumColumns() - 1;
  }
  getSheet(): FakeGSheet {
    return this.sheet.alive();
  }

  /** A single whole column or row made with A1 notation (what developer metadata may be attached to). */
  wholeLine(): 'ROW' | 'COLUMN' | undefined {
    if (this.unbounded === 'columns' && this.cols === 1) return 'COLUMN';
    if (this.unbounded === 'rows' && this.rows === 1) return 'ROW';
    return undefined;
  }

  getA1Notation(): string {
    const rect = this.rect();
    if (this.unbounded === 'columns') return `${columnLetters(rect.col)}:${columnLetters(rect.col + rect.cols - 1)}`;
    if (this.unbounded === 'rows') return `${rect.row}:${rect.row + rect.rows - 1}`;
    const start = `${columnLetters(rect.col)}${rect.row}`;
    if (rect.rows === 1 && rect.cols === 1) return start;
    return `${start}:${columnLetters(rect.col + rect.cols - 1)}${rect.row + rect.rows - 1}`;
  }

  private map<T>(pick: (cell: Cell, row: number, col: number) => T): T[][] {
    const rect = this.live();
    const out = new Array<T[]>(rect.rows);
    for (let r = 0; r < rect.rows; r++) {
      const cells = this.sheet.storedRow(rect.row + r);
      const line = new Array<T>(rect.cols);
      for (let c = 0; c < rect.cols; c++)
        line[c] = pick(cells?.[rect.col + c - 1] ?? BLANK, rect.row + r, rect.col + c);
      out[r] = line;
    }
    return out;
  }

  private value(cell: Cell, row: number, col: number): Value {
    if (unevaluated.has(cell)) {
      const live = evaluateOnSheet(this.sheet, cell.formula as string, 0);
      if (live === undefined)
        throw refuse(
          `the value of ${cell.formula} at ${columnLetters(col)}${row} (the fake evaluates only arithmetic over numbers and same-sheet cells; set the value with sheet.cell())`,
        );
      return live;
    }
    return cell.value instanceof Date ? new Date(cell.value.getTime()) : cell.value;
  }

  private format<T>(cell: Cell, row: number, col: number, pick: (cell: Cell) => T): T {
    if (this.sheet.formatUnknown(row, col))
      throw refuse(
        `the formats of ${columnLetters(col)}${row}, in an inserted row or column (whether Sheets copies a neighbour's is not documented)`,
      );
    return pick(cell);
  }

  /** Checks a 2-D array against the range's size, with Sheets' messages; returns it typed. */
  private shaped(grid: unknown, method: string): unknown[][] {
    const rect = this.live();
    if (!Array.isArray(grid) || grid.some((line) => !Array.isArray(line)))
      throw new Error(
        `The parameters (${describe(grid)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    if (grid.length !== rect.rows) throw new Error(MESSAGES.rowsMismatch(grid.length, rect.rows));
    for (const line of grid as unknown[][])
      if (line.length !== rect.cols) throw new Error(MESSAGES.columnsMismatch(line.length, rect.cols));
    return grid as unknown[][];
  }

  /** Writes a checked grid: every value is converted first (so a refusal writes nothing), then stored. */
  private write<T>(
    grid: unknown[][],
    convert: (v: unknown, row: number, col: number) => T,
    store: (cell: Cell, v: T, row: number, col: number) => void,
  ): this {
    const rect = this.live();
    const converted = grid.map((line, r) => line.map((v, c) => convert(v, rect.row + r, rect.col + c)));
    converted.forEach((line, r) =>
      line.forEach((v, c) => store(this.sheet.writable(rect.row + r, rect.col + c), v, rect.row + r, rect.col + c)),
    );
    return this;
  }

  getValues(): Value[][] {
    this.sheet.calls.count('getValues');
    return this.map((cell, r, c) => this.value(cell, r, c));
  }

  getValue(): Value {
    this.sheet.calls.count('getValue');
    const rect = this.live();
    return this.value(this.sheet.peek(rect.row, rect.col), rect.row, rect.col);
  }

  getDisplayValues(): string[][] {
    this.sheet.calls.count('getDisplayValues');
    return this.map((cell, r, c) => this.display(cell, r, c));
  }

  getDisplayValue(): string {
    this.sheet.calls.count('getDisplayValue');
    const rect = this.live();
    return this.display(this.sheet.peek(rect.row, rect.col), rect.row, rect.col);
  }

  private display(cell: Cell, row: number, col: number): string {
    const value = this.value(cell, row, col);
    const format = this.format(cell, row, col, (x) => x.numberFormat);
    if (typeof value === 'string') return value;
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (value instanceof Date) {
      if (format.toLowerCase() !== 'yyyy-mm-dd')
        throw refuse(`the display of a date with number format '${format}' (locale-dependent)`);
      const parts = new Intl.DateTimeFormat('en-CA', {
        timeZone: this.sheet.app.timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(value);
      return parts;
    }
    if (format === '' || format === '@' || format === AUTOMATIC_FORMAT) {
      const text = String(value);
      if (!/e/.test(text) && text.replace(/[-.]/g, '').replace(/^0+/, '').length <= 10) return text;
      throw refuse(`the display of ${value} in the automatic format (Sheets rounds and switches to exponents)`);
    }
    const fixed = /^0(\.(0+))?$/.exec(format);
    if (fixed) return value.toFixed(fixed[2]?.length ?? 0);
    const percent = /^0(\.(0+))?%$/.exec(format);
    if (percent) return `${(value * 100).toFixed(percent[2]?.length ?? 0)}%`;
    throw refuse(`the display of number format '${format}'`);
  }

  getFormulas(): string[][] {
    this.sheet.calls.count('getFormulas');
    return this.map((cell) => cell.formula ?? '');
  }

  getFormula(): string {
    this.sheet.calls.count('getFormula');
    const rect = this.live();
    return this.sheet.peek(rect.row, rect.col).formula ?? '';
  }

  getBackgrounds(): string[][] {
    this.sheet.calls.count('getBackgrounds');
    return this.map((cell, r, c) => this.format(cell, r, c, (x) => x.background ?? '#ffffff'));
  }

  getBackground(): string {
    this.sheet.calls.count('getBackground');
    const rect = this.live();
    return this.format(this.sheet.peek(rect.row, rect.col), rect.row, rect.col, (x) => x.background ?? '#ffffff');
  }

  getNumberFormats(): string[][] {
    this.sheet.calls.count('getNumberFormats');
    return this.map((cell, r, c) => this.format(cell, r, c, (x) => x.numberFormat || AUTOMATIC_FORMAT));
  }

  getNumberFormat(): string {
    this.sheet.calls.count('getNumberFormat');
    const rect = this.live();
    return this.format(
      this.sheet.peek(rect.row, rect.col),
      rect.row,
      rect.col,
      (x) => x.numberFormat || AUTOMATIC_FORMAT,
    );
  }

  /** A value from the script as a cell's content (refusing what Sheets' handling of is not documented). */
  private content(
    v: unknown,
    row: number,
    col: number,
    numberFormat: string,
  ): { value: Value; formula: string | null } {
    const at = `${columnLetters(col)}${row}`;
    if (typeof v === 'string') {
      if (numberFormat === '@') {
        if (v.length > SHEETS_LIMITS.cellChars) throw new Error(MESSAGES.cellTooLong);
        if (/^['=]/.test(v)) throw refuse(`ambiguous parse of '${v.slice(0, 40)}' in a plain-text (@) cell`);
        return { value: v, formula: null };
      }
      return parseAsSheets(v);
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw refuse(`setValues got ${v} at ${at} (what Sheets writes is not documented)`);
      return { value: v, formula: null };
    }
    if (typeof v === 'boolean') return { value: v, formula: null };
    if (isAnyDate(v)) {
      if (Number.isNaN(v.getTime())) throw refuse(`setValues got an invalid Date at ${at}`);
      return { value: new Date(v.getTime()), formula: null };
    }
    throw refuse(
      `setValues got ${v === null ? 'null' : v === undefined ? 'undefined' : describe(v)} at ${at} (unclear what Sheets writes; pass "")`,
    );
  }

  private storeContent(cell: Cell, parsed: { value: Value; formula: string | null }): void {
    cell.value = parsed.value;
    cell.formula = parsed.formula;
    if (parsed.formula && evaluateConstant(parsed.formula) === undefined) unevaluated.add(cell);
    else unevaluated.delete(cell);
  }

  setValues(values: unknown): this {
    this.sheet.calls.count('setValues');
    this.sheet.app.writeAttempt();
    const grid = this.shaped(values, 'setValues');
    return this.write(
      grid,
      (v, r, c) => this.content(v, r, c, this.sheet.peek(r, c).numberFormat),
      (cell, parsed) => this.storeContent(cell, parsed),
    );
  }

  setValue(value: unknown): this {
    this.sheet.calls.count('setValue');
    this.sheet.app.writeAttempt();
    const rect = this.live();
    const parsed = this.content(value, rect.row, rect.col, this.sheet.peek(rect.row, rect.col).numberFormat);
    for (let r = 0; r < rect.rows; r++)
      for (let c = 0; c < rect.cols; c++) this.storeContent(this.sheet.writable(rect.row + r, rect.col + c), parsed);
    return this;
  }

  private formulaOf(v: unknown): string {
    if (typeof v !== 'string' || !v.startsWith('=') || v === '=')
      throw refuse(
        `setFormulas got ${JSON.stringify(v)}; only "=…" formulas are modelled (what "" or text does is not documented)`,
      );
    if (v.length > SHEETS_LIMITS.cellChars) throw new Error(MESSAGES.cellTooLong);
    return v;
  }

  setFormulas(formulas: unknown): this {
    this.sheet.calls.count('setFormulas');
    this.sheet.app.writeAttempt();
    const grid = this.shaped(formulas, 'setFormulas');
    return this.write(
      grid,
      (v) => this.formulaOf(v),
      (cell, formula) => this.storeContent(cell, { value: evaluateConstant(formula) ?? '', formula }),
    );
  }

  setFormula(formula: unknown): this {
    this.sheet.calls.count('setFormula');
    this.sheet.app.writeAttempt();
    const checked = this.formulaOf(formula);
    const rect = this.live();
    for (let r = 0; r < rect.rows; r++)
      for (let c = 0; c < rect.cols; c++)
        this.storeContent(this.sheet.writable(rect.row + r, rect.col + c), {
          value: evaluateConstant(checked) ?? '',
          formula: checked,
        });
    return this;
  }

  private color(v: unknown): string | null {
    if (v === null) return null;
    if (typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v)) return v.toLowerCase();
    throw refuse(`background ${JSON.stringify(v)}: only "#rrggbb" and null are modelled`);
  }

  setBackgrounds(colors: unknown): this {
    this.sheet.calls.count('setBackgrounds');
    this.sheet.app.writeAttempt();
    const grid = this.shaped(colors, 'setBackgrounds');
    this.write(
      grid,
      (v) => this.color(v),
      (cell, color) => (cell.background = color),
    );
    this.sheet.formatsWrittenIn(this.rect());
    return this;
  }

  setBackground(color: unknown): this {
    this.sheet.calls.count('setBackground');
    this.sheet.app.writeAttempt();
    const checked = this.color(color);
    const rect = this.live();
    for (let r = rect.row; r < rect.row + rect.rows; r++)
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        this.sheet.writable(r, c).background = checked;
      }
    this.sheet.formatsWrittenIn(rect);
    return this;
  }

  /** "general" resets to the automatic format (stored as ""); "" and non-strings are refused. */
  private numberFormatOf(v: unknown): string {
    if (typeof v === 'string' && v.toLowerCase() === 'general') return '';
    if (typeof v === 'string' && v !== '') return v;
    throw refuse(
      `number format ${JSON.stringify(v)} (what "" or a non-string sets is not documented; "general" resets)`,
    );
  }

  setNumberFormats(formats: unknown): this {
    this.sheet.calls.count('setNumberFormats');
    this.sheet.app.writeAttempt();
    const grid = this.shaped(formats, 'setNumberFormats');
    this.write(
      grid,
      (v) => this.numberFormatOf(v),
      (cell, format) => (cell.numberFormat = format),
    );
    this.sheet.formatsWrittenIn(this.rect());
    return this;
  }

  setNumberFormat(format: unknown): this {
    this.sheet.calls.count('setNumberFormat');
    this.sheet.app.writeAttempt();
    const checked = this.numberFormatOf(format);
    const rect = this.live();
    for (let r = rect.row; r < rect.row + rect.rows; r++)
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        this.sheet.writable(r, c).numberFormat = checked;
      }
    this.sheet.formatsWrittenIn(rect);
    return this;
  }

  isBlank(): boolean {
    this.sheet.calls.count('isBlank');
    return this.map((cell) => cell.value === '' && !cell.formula).every((line) => line.every(Boolean));
  }

  private clearCells(contents: boolean, formats: boolean): this {
    const rect = this.live();
    for (let r = rect.row; r < rect.row + rect.rows; r++)
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        const stored = this.sheet.peek(r, c);
        if (contents && (stored.value !== '' || stored.formula))
          this.storeContent(this.sheet.writable(r, c), { value: '', formula: null });
        if (formats && (stored.background !== null || stored.numberFormat !== '')) {
          const cell = this.sheet.writable(r, c);
          cell.background = null;
          cell.numberFormat = '';
        }
      }
    if (formats) this.sheet.formatsWrittenIn(rect);
    return this;
  }

  clear(options?: unknown): this {
    this.sheet.calls.count('clear');
    this.sheet.app.writeAttempt();
    if (options === undefined) return this.clearCells(true, true);
    const keys = options && typeof options === 'object' ? Object.keys(options) : [];
    const known = keys.every((k) => k === 'contentsOnly' || k === 'formatOnly');
    const o = (options ?? {}) as { contentsOnly?: unknown; formatOnly?: unknown };
    if (!known || keys.length === 0 || (o.contentsOnly && o.formatOnly))
      throw refuse(`clear(${JSON.stringify(options)}): only {contentsOnly: true} or {formatOnly: true} is modelled`);
    return this.clearCells(!!o.contentsOnly, !!o.formatOnly);
  }

  clearContent(): this {
    this.sheet.calls.count('clearContent');
    this.sheet.app.writeAttempt();
    return this.clearCells(true, false);
  }

  clearFormat(): this {
    this.sheet.calls.count('clearFormat');
    this.sheet.app.writeAttempt();
    return this.clearCells(false, true);
  }

  copyTo(destination: unknown, ...rest: unknown[]): void {
    this.sheet.calls.count('copyTo');
    if (!(destination instanceof FakeGRange))
      throw new Error(
        `The parameters (${describe(destination)}) don't match the method signature for SpreadsheetApp.Range.copyTo.`,
      );
    if (destination.sheet.app !== this.sheet.app) throw new Error(MESSAGES.sameSpreadsheet);
    if (rest.length > 1 || (rest.length === 1 && (rest[0] === null || typeof rest[0] !== 'object')))
      throw refuse(
        'copyTo with a CopyPasteType or transpose is not modelled; pass {contentsOnly: true} or {formatOnly: true}',
      );
    const options = (rest[0] ?? {}) as Record<string, unknown>;
    const keys = Object.keys(options);
    if (keys.some((k) => k !== 'contentsOnly' && k !== 'formatOnly') || (options.contentsOnly && options.formatOnly))
      throw refuse(
        `copyTo options ${JSON.stringify(options)}: only {contentsOnly: true} or {formatOnly: true} is modelled`,
      );
    const contents = !options.formatOnly;
    const formats = !options.contentsOnly;
    const source = this.live();
    const target = destination.rect();
    if (!(target.rows === 1 && target.cols === 1) && !(target.rows === source.rows && target.cols === source.cols))
      throw refuse(
        `copyTo a ${target.rows}×${target.cols} destination from a ${source.rows}×${source.cols} source (Sheets may repeat or cut the block; pass the top-left cell or the same size)`,
      );
    const block: Rect = { row: target.row, col: target.col, rows: source.rows, cols: source.cols };
    destination.sheet.checkInside(block);
    const moved = block.row !== source.row || block.col !== source.col;
    // Checks first: nothing is copied when any cell is refused.
    for (let r = 0; r < source.rows; r++) {
      const cells = this.sheet.storedRow(source.row + r);
      for (let c = 0; c < source.cols; c++) {
        const cell = cells?.[source.col + c - 1];
        const at = `${columnLetters(source.col + c)}${source.row + r}`;
        if (contents && moved && cell?.formula && mayReferToCells(cell.formula))
          throw refuse(`copyTo would shift relative references (${cell.formula} from ${at})`);
        if (formats && this.sheet.formatUnknown(source.row + r, source.col + c))
          throw refuse(`copyTo of the formats of ${at}, in an inserted row or column (not documented)`);
      }
    }
    const overlaps =
      destination.sheet === this.sheet &&
      block.row < source.row + source.rows &&
      source.row < block.row + block.rows &&
      block.col < source.col + source.cols &&
      source.col < block.col + block.cols;
    // A snapshot only when the block overlaps itself; otherwise cells are copied straight across.
    const snapshot = overlaps
      ? Array.from({ length: source.rows }, (_, r) =>
          Array.from({ length: source.cols }, (_, c) => {
            const cell = this.sheet.storedRow(source.row + r)?.[source.col + c - 1];
            return cell && { cell: { ...cell }, pending: unevaluated.has(cell) };
          }),
        )
      : undefined;
    if (destination.sheet !== this.sheet) destination.sheet.calls.countHere('copyTo');
    const to = destination.sheet;
    for (let r = 0; r < source.rows; r++) {
      const cells = this.sheet.storedRow(source.row + r);
      for (let c = 0; c < source.cols; c++) {
        const stored = cells?.[source.col + c - 1];
        const from = snapshot ? snapshot[r]?.[c]?.cell : stored;
        const pending = snapshot ? !!snapshot[r]?.[c]?.pending : !!stored && unevaluated.has(stored);
        const row = block.row + r;
        const col = block.col + c;
        if (!from && !to.storedRow(row)?.[col - 1]) continue; // blank onto blank
        const copy = from ?? BLANK;
        const cell = to.writable(row, col);
        if (contents) {
          cell.value = copy.value instanceof Date ? new Date(copy.value.getTime()) : copy.value;
          cell.formula = copy.formula;
          if (pending) unevaluated.add(cell);
          else unevaluated.delete(cell);
        }
        if (formats) {
          cell.background = copy.background;
          cell.numberFormat = copy.numberFormat;
        }
      }
    }
    if (formats) to.formatsWrittenIn(block);
  }

  getDataRegion(): FakeGRange {
    this.live();
    const region = regionAround(this.sheet.grid(), this.row - 1, this.col - 1);
    return new FakeGRange(this.sheet, region.row + 1, region.col + 1, region.rows, region.cols);
  }

  /** Sorts the range's rows: a column number, {column, ascending}, or an array of them (columns are absolute). */
  sort(spec: unknown): this {
    this.sheet.calls.count('sort');
    this.sheet.app.writeAttempt();
    const one = (s: unknown): { column: number; ascending: boolean } => {
      if (typeof s === 'number') return { column: s, ascending: true };
      if (s && typeof s === 'object' && typeof (s as { column?: unknown }).column === 'number') {
        const { column, ascending } = s as { column: number; ascending?: unknown };
        if (ascending !== undefined && typeof ascending !== 'boolean') throw refuse(`sort spec ${JSON.stringify(s)}`);
        return { column, ascending: ascending !== false };
      }
      throw refuse(`sort spec ${JSON.stringify(s)}`);
    };
    this.sheet.sortRows(this.live(), Array.isArray(spec) ? spec.map(one) : [one(spec)]);
    return this;
  }

  addDeveloperMetadata(key: unknown, ...rest: unknown[]): this {
    this.sheet.calls.count('addDeveloperMetadata');
    this.live();
    const line = this.wholeLine();
    if (!line) {
      if (this.unbounded)
        throw refuse(
          `developer metadata on several whole rows or columns at once (${this.getA1Notation()}); add it per row or column`,
        );
      throw new Error(MESSAGES.metadataArbitrary);
    }
    this.sheet.app.addMetadata(
      { type: line, sheet: this.sheet, index: line === 'ROW' ? this.row : this.col },
      key,
      rest,
      'Range.addDeveloperMetadata',
    );
    return this;
  }

  /** The metadata on exactly this row or column (a cell does not see its column's metadata). */
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    const rect = this.live();
    const line = this.wholeLine();
    if (line)
      return this.sheet.app.metadataWhere(
        (m) =>
          m.location.type === line &&
          m.location.sheet === this.sheet &&
          m.location.index === (line === 'ROW' ? this.row : this.col),
      );
    const fullHeight = rect.row === 1 && rect.rows === this.sheet.getMaxRows();
    const fullWidth = rect.col === 1 && rect.cols === this.sheet.getMaxColumns();
    if (!fullHeight && !fullWidth) return [];
    const touching = this.sheet.app.metadataWhere(
      (m) =>
        (m.location.type === 'ROW' || m.location.type === 'COLUMN') &&
        m.location.sheet === this.sheet &&
        (m.location.type === 'ROW'
          ? m.location.index >= rect.row && m.location.index < rect.row + rect.rows
          : m.location.index >= rect.col && m.location.index < rect.col + rect.cols),
    );
    if (touching.length)
      throw refuse(
        `getDeveloperMetadata on ${this.getA1Notation()} (whole rows or columns not made as one A1 row/column)`,
      );
    return [];
  }

  protect(): FakeProtection {
    this.sheet.calls.count('protect');
    return this.sheet.app.addProtection({
      type: 'RANGE',
      sheet: this.sheet,
      rect: this.live(),
      description: '',
      warningOnly: false,
      removed: false,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Developer metadata

export class FakeDeveloperMetadataLocation {
  constructor(
    private readonly record: MetaRecord,
    private readonly app: FakeSpreadsheetApp,
  ) {}
  getLocationType(): GasEnum {
    return DeveloperMetadataLocationType[this.record.location.type];
  }
  getSpreadsheet(): FakeGSpreadsheet | null {
    return this.record.location.type === 'SPREADSHEET' ? this.app.spreadsheet : null;
  }
  getSheet(): FakeGSheet | null {
    const location = this.record.location;
    if (location.type === 'SHEET') return location.sheet;
    if (location.type === 'SPREADSHEET') return null;
    throw refuse(
      'DeveloperMetadataLocation.getSheet() of a row or column location (documented unclearly); use getRow() or getColumn() and its getSheet()',
    );
  }
  getRow(): FakeGRange | null {
    const location = this.record.location;
    return location.type === 'ROW' ? new FakeGRange(location.sheet, location.index, 1, 1, 0, 'rows') : null;
  }
  getColumn(): FakeGRange | null {
    const location = this.record.location;
    return location.type === 'COLUMN' ? new FakeGRange(location.sheet, 1, location.index, 0, 1, 'columns') : null;
  }
}

export class FakeDeveloperMetadata {
  constructor(
    private readonly record: MetaRecord,
    private readonly app: FakeSpreadsheetApp,
  ) {}
  private alive(): MetaRecord {
    if (this.record.removed) throw refuse(`developer metadata ${this.record.id} was removed`);
    return this.record;
  }
  getId(): number {
    return this.alive().id;
  }
  getKey(): string {
    return this.alive().key;
  }
  getValue(): string | null {
    return this.alive().value;
  }
  getVisibility(): GasEnum {
    return DeveloperMetadataVisibility[this.alive().visibility];
  }
  getLocation(): FakeDeveloperMetadataLocation {
    return new FakeDeveloperMetadataLocation(this.alive(), this.app);
  }
  setKey(key: unknown): this {
    this.alive().key = checkMetadataKey(key);
    return this;
  }
  setValue(value: unknown): this {
    this.alive().value = checkMetadataValue(value);
    return this;
  }
  remove(): void {
    this.alive().removed = true;
  }
  moveToColumn(column: unknown): this {
    if (!(column instanceof FakeGRange) || column.wholeLine() !== 'COLUMN') throw new Error(MESSAGES.metadataArbitrary);
    this.alive().location = { type: 'COLUMN', sheet: column.sheet, index: column.getColumn() };
    return this;
  }
  moveToRow(row: unknown): this {
    if (!(row instanceof FakeGRange) || row.wholeLine() !== 'ROW') throw new Error(MESSAGES.metadataArbitrary);
    this.alive().location = { type: 'ROW', sheet: row.sheet, index: row.getRow() };
    return this;
  }
  moveToSheet(sheet: unknown): this {
    if (!(sheet instanceof FakeGSheet)) throw refuse('moveToSheet needs a Sheet');
    this.alive().location = { type: 'SHEET', sheet: sheet.alive() };
    return this;
  }
  moveToSpreadsheet(): this {
    this.alive().location = { type: 'SPREADSHEET' };
    return this;
  }
}

function checkMetadataKey(key: unknown): string {
  if (typeof key !== 'string' || key === '')
    throw refuse(`developer metadata key ${JSON.stringify(key)} (a non-empty string is needed)`);
  return key;
}

function checkMetadataValue(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') throw refuse(`developer metadata value ${describe(value)} (a string is needed)`);
  if (value.length > METADATA_VALUE_CHARS)
    throw refuse(`developer metadata value of ${value.length} characters (over ${METADATA_VALUE_CHARS})`);
  return value;
}

export class FakeDeveloperMetadataFinder {
  private key: string | undefined;
  private value: string | undefined;
  private id: number | undefined;
  private locationType: string | undefined;
  private visibility: string | undefined;
  private intersecting = false;

  constructor(
    private readonly app: FakeSpreadsheetApp,
    private readonly scope: FakeGSheet | undefined,
  ) {}

  withKey(key: string): this {
    this.key = checkMetadataKey(key);
    return this;
  }
  withValue(value: string): this {
    this.value = value;
    return this;
  }
  withId(id: number): this {
    this.id = id;
    return this;
  }
  withLocationType(type: unknown): this {
    this.locationType = enumName(type, 'DeveloperMetadataLocationType', 'DeveloperMetadataFinder.withLocationType');
    return this;
  }
  withVisibility(visibility: unknown): this {
    this.visibility = enumName(visibility, 'DeveloperMetadataVisibility', 'DeveloperMetadataFinder.withVisibility');
    return this;
  }
  onIntersectingLocations(): this {
    this.intersecting = true;
    return this;
  }

  find(): FakeDeveloperMetadata[] {
    const matches = (m: MetaRecord): boolean =>
      (this.key === undefined || m.key === this.key) &&
      (this.value === undefined || m.value === this.value) &&
      (this.id === undefined || m.id === this.id) &&
      (this.locationType === undefined || m.location.type === this.locationType) &&
      (this.visibility === undefined || m.visibility === this.visibility);
    const scope = this.scope;
    if (!scope) return this.app.metadataWhere(matches);
    scope.alive();
    const own = (m: MetaRecord): boolean => m.location.type === 'SHEET' && m.location.sheet === scope;
    const lines = (m: MetaRecord): boolean =>
      (m.location.type === 'ROW' || m.location.type === 'COLUMN') && m.location.sheet === scope;
    if (!this.intersecting) {
      // Documented: "associated with the sheet itself, or with a row, column or range on that sheet"; reported:
      // the sheet only. The fake answers only when both readings agree.
      const found = this.app.metadataWhere((m) => matches(m) && (own(m) || lines(m)));
      if (found.some((m) => m.getLocation().getLocationType().name !== 'SHEET'))
        throw refuse(
          'Sheet.createDeveloperMetadataFinder().find() with row or column metadata (whether it includes them is documented unclearly); use onIntersectingLocations() or the spreadsheet finder',
        );
      return found;
    }
    if (this.app.metadataWhere((m) => matches(m) && m.location.type === 'SPREADSHEET').length)
      throw refuse('an intersecting sheet finder that would meet spreadsheet-level metadata (not documented)');
    return this.app.metadataWhere((m) => matches(m) && (own(m) || lines(m)));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Protection

export class FakeProtection {
  constructor(private readonly record: ProtectionRecord) {}
  private alive(): ProtectionRecord {
    if (this.record.removed) throw refuse('this protection was removed');
    return this.record;
  }
  getProtectionType(): GasEnum {
    return ProtectionType[this.alive().type];
  }
  getRange(): FakeGRange {
    const { sheet, rect } = this.alive();
    if (!rect) return new FakeGRange(sheet, 1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
    return new FakeGRange(sheet, rect.row, rect.col, rect.rows, rect.cols);
  }
  getDescription(): string {
    return this.alive().description;
  }
  setDescription(description: unknown): this {
    if (typeof description !== 'string') throw refuse('setDescription needs a string');
    this.alive().description = description;
    return this;
  }
  isWarningOnly(): boolean {
    return this.alive().warningOnly;
  }
  setWarningOnly(warningOnly: unknown): this {
    if (typeof warningOnly !== 'boolean') throw refuse('setWarningOnly needs a boolean');
    this.alive().warningOnly = warningOnly;
    return this;
  }
  canEdit(): boolean {
    this.alive();
    return true;
  }
  remove(): void {
    this.alive().removed = true;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Spreadsheet

export class FakeGSpreadsheet {
  constructor(private readonly app: FakeSpreadsheetApp) {}

  toString(): string {
    return 'Spreadsheet';
  }
  getId(): string {
    return this.app.id;
  }
  getActiveSheet(): FakeGSheet {
    return this.app.active;
  }
  setActiveSheet(sheet: unknown): FakeGSheet {
    if (!(sheet instanceof FakeGSheet) || !this.app.sheets.includes(sheet))
      throw refuse('setActiveSheet needs a sheet of this spreadsheet');
    this.app.active = sheet;
    return sheet;
  }
  getSheets(): FakeGSheet[] {
    return [...this.app.sheets];
  }
  getSheetByName(name: string): FakeGSheet | null {
    return this.app.sheets.find((s) => s.getName() === name) ?? null;
  }
  getSheetById(id: number): FakeGSheet | null {
    return this.app.sheets.find((s) => s.getSheetId() === id) ?? null;
  }
  getSpreadsheetTimeZone(): string {
    return this.app.timeZone;
  }
  getSpreadsheetLocale(): string {
    return this.app.locale;
  }

  /** Inserts a 1,000 × 26 sheet at the end; it becomes the active sheet (SpreadsheetApp reference). */
  insertSheet(name?: unknown): FakeGSheet {
    this.app.calls.count('insertSheet');
    let sheetName: string;
    if (name === undefined) {
      let n = this.app.sheets.length + 1;
      while (this.app.sheets.some((s) => s.getName().toLowerCase() === `sheet${n}`)) n++;
      sheetName = `Sheet${n}`;
    } else if (typeof name === 'string' && name.trim() !== '') sheetName = name;
    else throw refuse(`insertSheet(${JSON.stringify(name)}): only a non-empty name (or none) is modelled`);
    if (sheetName.length > SHEETS_LIMITS.sheetName) throw new Error(MESSAGES.sheetNameTooLong);
    if (this.app.sheets.some((s) => s.getName().toLowerCase() === sheetName.toLowerCase()))
      throw new Error(MESSAGES.sheetExists(sheetName));
    if (this.app.refuseSheet(sheetName)) throw new Error(`You cannot add the sheet ${sheetName}.`);
    const sheet = this.app.makeSheet(sheetName, DEFAULT_GRID);
    this.app.active = sheet;
    return sheet;
  }

  deleteSheet(sheet: unknown): void {
    this.app.calls.count('deleteSheet');
    if (!(sheet instanceof FakeGSheet) || !this.app.sheets.includes(sheet))
      throw refuse('deleteSheet needs a live sheet of this spreadsheet');
    if (this.app.sheets.length === 1) throw new Error(MESSAGES.lastSheet);
    if (!sheet.isSheetHidden() && !this.app.sheets.some((s) => s !== sheet && !s.isSheetHidden()))
      throw new Error(MESSAGES.lastVisibleSheet);
    this.app.removeSheet(sheet);
  }

  addDeveloperMetadata(key: unknown, ...rest: unknown[]): this {
    this.app.calls.count('addDeveloperMetadata');
    this.app.addMetadata({ type: 'SPREADSHEET' }, key, rest, 'Spreadsheet.addDeveloperMetadata');
    return this;
  }

  /** The metadata on the spreadsheet itself. */
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    return this.app.metadataWhere((m) => m.location.type === 'SPREADSHEET');
  }

  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    return new FakeDeveloperMetadataFinder(this.app, undefined);
  }

  getProtections(type: unknown): FakeProtection[] {
    const kind = enumName(type, 'ProtectionType', 'SpreadsheetApp.Spreadsheet.getProtections');
    return this.app.protectionsWhere((p) => p.type === kind);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Properties, cache, lock

export class FakeProperties {
  readonly map = new Map<string, string>();

  private size(map: Map<string, string>): number {
    let bytes = 0;
    for (const [k, v] of map) bytes += utf8Bytes(k) + utf8Bytes(v);
    return bytes;
  }

  private checked(key: unknown, value: unknown): [string, string] {
    if (typeof key !== 'string' || key === '')
      throw refuse(`property key ${JSON.stringify(key)} (a non-empty string is needed)`);
    if (typeof value !== 'string') throw refuse(`property ${key}: value ${describe(value)} (a string is needed)`);
    if (utf8Bytes(value) > PROPERTY_VALUE_BYTES) throw new Error(MESSAGES.valueTooLarge);
    return [key, value];
  }

  private commit(next: Map<string, string>): void {
    if (this.size(next) > PROPERTY_STORE_BYTES) throw new Error(MESSAGES.propertyQuota);
    this.map.clear();
    for (const [k, v] of next) this.map.set(k, v);
  }

  getProperty(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.map);
  }
  getKeys(): string[] {
    return [...this.map.keys()];
  }
  setProperty(key: unknown, value: unknown): this {
    const [k, v] = this.checked(key, value);
    const next = new Map(this.map);
    next.set(k, v);
    this.commit(next);
    return this;
  }
  setProperties(properties: unknown, deleteAllOthers?: unknown): this {
    if (!properties || typeof properties !== 'object') throw refuse('setProperties needs an object');
    if (deleteAllOthers !== undefined && typeof deleteAllOthers !== 'boolean')
      throw refuse('deleteAllOthers must be a boolean');
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.map);
    for (const [key, value] of Object.entries(properties)) {
      const [k, v] = this.checked(key, value);
      next.set(k, v);
    }
    this.commit(next);
    return this;
  }
  deleteProperty(key: string): this {
    this.map.delete(key);
    return this;
  }
  deleteAllProperties(): this {
    this.map.clear();
    return this;
  }
}

/** One cache (user, script or document): values by key, with their expiry on the app's clock. */
export class FakeCacheStore extends Map<string, string> {
  readonly expires = new Map<string, number>();
}

function cacheApi(app: FakeSpreadsheetApp, store: FakeCacheStore, onPut?: (key: string, value: string) => void) {
  const live = (key: string): string | null => {
    const expiry = store.expires.get(key);
    if (expiry !== undefined && expiry <= app.now) {
      store.delete(key);
      store.expires.delete(key);
    }
    return store.get(key) ?? null;
  };
  const checkKey = (key: unknown): string => {
    if (typeof key !== 'string') throw refuse(`cache key ${describe(key)} (a string is needed)`);
    if (key.length > CACHE_KEY_CHARS) throw new Error(MESSAGES.keyTooLarge);
    return key;
  };
  const seconds = (s: unknown): number => {
    if (s === undefined) return CACHE_DEFAULT_SECONDS;
    if (!isInt(s) || s < 1 || s > CACHE_MAX_SECONDS)
      throw refuse(`cache expiry ${String(s)} s (documented: 1 to ${CACHE_MAX_SECONDS} seconds)`);
    return s;
  };
  const checkValue = (value: unknown): string => {
    if (typeof value !== 'string') throw refuse(`cache value ${describe(value)} (a string is needed)`);
    if (utf8Bytes(value) > CACHE_VALUE_BYTES) throw new Error(MESSAGES.valueTooLarge);
    return value;
  };
  const evict = (): void => {
    for (const key of [...store.keys()]) live(key);
    if (store.size <= CACHE_MAX_ENTRIES) return;
    const byExpiry = [...store.keys()].sort(
      (a, b) => (store.expires.get(b) ?? Infinity) - (store.expires.get(a) ?? Infinity),
    );
    for (const key of byExpiry.slice(CACHE_KEPT_ON_OVERFLOW)) {
      store.delete(key);
      store.expires.delete(key);
    }
  };
  const put = (key: unknown, value: unknown, expiration?: unknown): void => {
    const k = checkKey(key);
    const v = checkValue(value);
    const s = seconds(expiration);
    store.set(k, v);
    store.expires.set(k, app.now + s * 1000);
    evict();
    onPut?.(k, v);
  };
  return {
    get: (key: unknown): string | null => live(checkKey(key)),
    getAll: (keys: unknown): Record<string, string> => {
      if (!Array.isArray(keys)) throw refuse('getAll needs an array of keys');
      const out: Record<string, string> = {};
      for (const key of keys) {
        const v = live(checkKey(key));
        if (v !== null) out[key as string] = v;
      }
      return out;
    },
    put,
    putAll: (values: unknown, expiration?: unknown): void => {
      if (!values || typeof values !== 'object') throw refuse('putAll needs an object');
      const entries = Object.entries(values).map(([k, v]) => [checkKey(k), checkValue(v)] as const);
      seconds(expiration);
      for (const [k, v] of entries) put(k, v, expiration);
    },
    remove: (key: unknown): void => {
      const k = checkKey(key);
      store.delete(k);
      store.expires.delete(k);
    },
    removeAll: (keys: unknown): void => {
      if (!Array.isArray(keys)) throw refuse('removeAll needs an array of keys');
      for (const key of keys) {
        const k = checkKey(key);
        store.delete(k);
        store.expires.delete(k);
      }
    },
  };
}

/** The document lock: held by nobody, by an execution of this script (its number), or by "another execution". */
class LockState {
  holder: number | 'elsewhere' | null = null;
}

function lockApi(app: FakeSpreadsheetApp, state: LockState) {
  const execution = app.execution;
  const mine = (): boolean => state.holder === execution && app.execution === execution;
  const acquire = (timeout: unknown, method: string): boolean => {
    if (typeof timeout !== 'number' || Number.isNaN(timeout)) throw refuse(`${method} needs a timeout in milliseconds`);
    if (mine()) return true;
    if (timeout < 0) return false;
    if (state.holder === null || (typeof state.holder === 'number' && state.holder !== app.execution)) {
      state.holder = execution;
      return true;
    }
    app.now += timeout;
    return false;
  };
  return {
    tryLock: (timeoutInMillis: unknown): boolean => acquire(timeoutInMillis, 'tryLock'),
    waitLock: (timeoutInMillis: unknown): void => {
      if (!acquire(timeoutInMillis, 'waitLock')) throw new Error(MESSAGES.lockTimeout);
    },
    hasLock: (): boolean => mine(),
    releaseLock: (): void => {
      if (mine()) state.holder = null;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The app

export class FakeSpreadsheetApp {
  readonly calls = new Calls();
  readonly sheets: FakeGSheet[] = [];
  readonly menu: string[] = [];
  /** insertSheet throws for these names (as a protected spreadsheet refuses). */
  refuseSheet: (name: string) => boolean = () => false;
  readonly sidebars: unknown[] = [];
  /** The user cache (CacheService.getUserCache). */
  readonly cache = new FakeCacheStore();
  readonly scriptCache = new FakeCacheStore();
  readonly documentCache = new FakeCacheStore();
  /** Called on every user-cache put (tests use it to cancel a run from its progress). */
  onCachePut: ((key: string, value: string) => void) | undefined;
  readonly documentProperties = new FakeProperties();
  readonly userProperties = new FakeProperties();
  readonly scriptProperties = new FakeProperties();
  readonly spreadsheet: FakeGSpreadsheet;
  readonly id = 'fake-spreadsheet-1';
  timeZone = 'Asia/Ho_Chi_Minh';
  locale = 'en_US';
  /**
   * The next this many script writes (setValues, setBackgrounds, setFormulas, setNumberFormats, clear…, sort) throw
   * Apps Script's "Service Spreadsheets failed…" before writing anything, as a run can fail half way; earlier writes
   * stay written.
   */
  failWrites = 0;
  /** The fake's clock (ms since the epoch): cache expiry and lock waits use it. */
  now = Date.UTC(2025, 0, 1);
  /** The current script execution; `newExecution()` ends it (releasing its lock) and starts another. */
  execution = 1;
  readonly metadata: MetaRecord[] = [];
  readonly protections: ProtectionRecord[] = [];
  private readonly lock = new LockState();
  private activeSheet: FakeGSheet | null;
  private activeGoneBecause = '';
  private nextSheetId = 0;
  private nextMetadataId = 1_000;

  /** Sheets of 1,000 × 26 with these names (default "Sheet1"); the first is active. */
  constructor(...names: string[]) {
    this.spreadsheet = new FakeGSpreadsheet(this);
    for (const name of names.length ? names : ['Sheet1']) this.makeSheet(name, DEFAULT_GRID);
    this.activeSheet = this.sheets[0] as FakeGSheet;
  }

  /** The active sheet. After the active sheet was hidden or deleted, which one is active is not documented. */
  get active(): FakeGSheet {
    if (!this.activeSheet)
      throw refuse(`the active sheet after ${this.activeGoneBecause} (not documented); call setActiveSheet first`);
    return this.activeSheet;
  }
  set active(sheet: FakeGSheet) {
    this.activeSheet = sheet;
  }

  sheet(name: string): FakeGSheet {
    const sheet = this.sheets.find((s) => s.getName() === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  /** A user's sheet of the given grid (test setup; not counted). */
  addSheet(name: string, size: { rows: number; cols: number } = DEFAULT_GRID): FakeGSheet {
    if (this.sheets.some((s) => s.getName() === name)) throw new Error(MESSAGES.sheetExists(name));
    return this.makeSheet(name, size);
  }

  makeSheet(name: string, size: { rows: number; cols: number }): FakeGSheet {
    this.checkCells(size.rows * size.cols);
    // The first sheet of a spreadsheet has id 0; later ones get large pseudo-random ids.
    const id = this.nextSheetId === 0 ? 0 : 100_000_000 + ((this.nextSheetId * 482_711_123) % 1_900_000_000);
    this.nextSheetId++;
    const sheet = new FakeGSheet(name, this.calls, this, id, size);
    this.sheets.push(sheet);
    return sheet;
  }

  /** Throws Sheets' error when `more` cells would take the spreadsheet over 10 million. */
  checkCells(more: number): void {
    if (more <= 0) return;
    const total = this.sheets.reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
    if (total + more > SHEETS_LIMITS.cells) throw new Error(MESSAGES.cellLimit);
  }

  removeSheet(sheet: FakeGSheet): void {
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const m of this.metadata)
      if (m.location.type !== 'SPREADSHEET' && m.location.sheet === sheet) m.removed = true;
    for (const p of this.protections) if (p.sheet === sheet) p.removed = true;
    sheet.deleted = true;
    this.activeSheetGone(sheet, 'deleting the active sheet');
  }

  activeSheetGone(sheet: FakeGSheet, because = 'hiding the active sheet'): void {
    if (this.activeSheet !== sheet) return;
    this.activeSheet = null;
    this.activeGoneBecause = because;
  }

  /** Called by every script write: fails it while `failWrites` is above 0 (the user's own actions never fail). */
  writeAttempt(): void {
    if (this.calls.muted > 0 || this.failWrites <= 0) return;
    this.failWrites--;
    throw new Error(MESSAGES.serviceFailed(this.id));
  }

  /** Moves the clock on (cache expiry). */
  advance(seconds: number): void {
    this.now += seconds * 1000;
  }

  /** Ends the current script execution (its lock is released, as Apps Script does) and starts the next one. */
  newExecution(): void {
    if (this.lock.holder === this.execution) this.lock.holder = null;
    this.execution++;
  }

  /** Another execution takes the document lock (a second user's apply); waitLock then times out. */
  holdLockElsewhere(): void {
    this.lock.holder = 'elsewhere';
  }

  /** The other execution lets the lock go. */
  releaseLockElsewhere(): void {
    if (this.lock.holder === 'elsewhere') this.lock.holder = null;
  }

  /** Who holds the document lock: null, 'elsewhere', or 'this execution'. */
  get lockHolder(): 'elsewhere' | 'this execution' | null {
    if (this.lock.holder === null) return null;
    return this.lock.holder === 'elsewhere' ? 'elsewhere' : 'this execution';
  }

  // -- developer metadata and protections ------------------------------------------------------------------------

  addMetadata(location: MetaLocation, key: unknown, rest: unknown[], method: string): void {
    let value: unknown = null;
    let visibility: unknown = DeveloperMetadataVisibility.DOCUMENT;
    if (rest.length === 1) {
      if (rest[0] instanceof GasEnum) visibility = rest[0];
      else value = rest[0];
    } else if (rest.length === 2) [value, visibility] = rest;
    else if (rest.length > 2)
      throw new Error(`The parameters don't match the method signature for SpreadsheetApp.${method}.`);
    const record: MetaRecord = {
      id: this.nextMetadataId++,
      key: checkMetadataKey(key),
      value: checkMetadataValue(value),
      visibility: enumName(visibility, 'DeveloperMetadataVisibility', `SpreadsheetApp.${method}`) as
        'DOCUMENT' | 'PROJECT',
      location,
      removed: false,
    };
    this.metadata.push(record);
  }

  metadataWhere(test: (m: MetaRecord) => boolean): FakeDeveloperMetadata[] {
    return this.metadata.filter((m) => !m.removed && test(m)).map((m) => new FakeDeveloperMetadata(m, this));
  }

  addProtection(record: ProtectionRecord): FakeProtection {
    this.protections.push(record);
    return new FakeProtection(record);
  }

  protectionsWhere(test: (p: ProtectionRecord) => boolean): FakeProtection[] {
    return this.protections.filter((p) => !p.removed && test(p)).map((p) => new FakeProtection(p));
  }

  /** Row/column metadata and protected ranges follow an insert (n > 0) or delete (n < 0) at `at`. */
  moveRecords(sheet: FakeGSheet, dimension: 'ROWS' | 'COLUMNS', at: number, n: number): void {
    const type = dimension === 'ROWS' ? 'ROW' : 'COLUMN';
    for (const m of this.metadata) {
      if (m.removed || m.location.type !== type || m.location.sheet !== sheet) continue;
      const location = m.location;
      if (location.index < at) continue;
      if (n < 0 && location.index < at - n) m.removed = true;
      else location.index += n;
    }
    for (const p of this.protections) {
      if (p.removed || p.sheet !== sheet || !p.rect) continue;
      const start = dimension === 'ROWS' ? p.rect.row : p.rect.col;
      const size = dimension === 'ROWS' ? p.rect.rows : p.rect.cols;
      let nextStart = start;
      let nextSize = size;
      if (n > 0) {
        if (start >= at) nextStart = start + n;
        else if (at < start + size) nextSize = size + n;
      } else {
        const cut0 = at;
        const cut1 = at - n; // exclusive
        const keptBefore = Math.max(0, Math.min(start + size, cut0) - start);
        const keptAfter = Math.max(0, start + size - Math.max(start, cut1));
        nextSize = keptBefore + keptAfter;
        nextStart = start < cut0 ? start : start >= cut1 ? start + n : cut0;
        if (nextSize === 0) p.removed = true;
      }
      if (dimension === 'ROWS') p.rect = { ...p.rect, row: nextStart, rows: nextSize };
      else p.rect = { ...p.rect, col: nextStart, cols: nextSize };
    }
  }

  /** Row metadata follows a sort: the row at `top + order[i]` is now at `top + i`. */
  permuteRows(sheet: FakeGSheet, top: number, order: readonly number[]): void {
    const newIndex = new Map<number, number>();
    order.forEach((from, to) => newIndex.set(top + from, top + to));
    for (const m of this.metadata) {
      if (m.removed || m.location.type !== 'ROW' || m.location.sheet !== sheet) continue;
      const next = newIndex.get(m.location.index);
      if (next !== undefined) m.location.index = next;
    }
  }

  /** The Apps Script globals, for loading Code.js. */
  globals(): Record<string, unknown> {
    const menu = {
      addItem: (caption: string, fn: string) => (this.menu.push(`${caption} → ${fn}`), menu),
      addToUi: () => undefined,
    };
    return {
      SpreadsheetApp: {
        getActiveSpreadsheet: () => this.spreadsheet,
        getActive: () => this.spreadsheet,
        getActiveSheet: () => this.spreadsheet.getActiveSheet(),
        getUi: () => ({
          createAddonMenu: () => menu,
          createMenu: () => menu,
          showSidebar: (output: unknown) => this.sidebars.push(output),
        }),
        flush: () => undefined,
        ProtectionType,
        DeveloperMetadataLocationType,
        DeveloperMetadataVisibility,
      },
      HtmlService: {
        createHtmlOutputFromFile: (file: string) => ({ file, setTitle: (title: string) => ({ file, title }) }),
      },
      LockService: {
        getDocumentLock: () => lockApi(this, this.lock),
      },
      CacheService: {
        getUserCache: () => cacheApi(this, this.cache, (k, v) => this.onCachePut?.(k, v)),
        getScriptCache: () => cacheApi(this, this.scriptCache),
        getDocumentCache: () => cacheApi(this, this.documentCache),
      },
      PropertiesService: {
        getDocumentProperties: () => this.documentProperties,
        getUserProperties: () => this.userProperties,
        getScriptProperties: () => this.scriptProperties,
      },
      Charts: { ChartType: Object.fromEntries(CHART_TYPES.map((t) => [t, t])) },
    };
  }
}
