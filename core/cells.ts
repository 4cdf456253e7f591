/**
 * Cell reading: the one place that turns what a host hands us (Excel: numbers, serial dates, `0` or `null`
 * for blanks; Sheets: `""` for blanks, `Date` objects; text everywhere) into typed values, blanks, or
 * per-row problems. Nothing here guesses: text whose meaning depends on the locale (`"1.234"`, `"01/02/2026"`) is
 * read only when a currency or the other cells of the same argument settle it (number-text.ts, dates.ts; the column
 * readers readNumbers and readDates), else it is a problem whose message says the fix. A value no cell can hold (an
 * object, a list, a function) is a problem too, never an exception.
 */
import {
  MAX_DATE_SERIAL,
  MS_PER_DAY,
  UNIX_EPOCH_SERIAL,
  UNSETTLED,
  dateTextToSerial,
  isEightDigitNumber,
  serialToIso,
  withEvidence,
  yyyymmddToSerial,
  type DateOrder,
} from './dates.js';
import { problem, type Problem } from './errors.js';
import { ERROR_TEXTS, NO_SEPARATORS, parseNumberText, settleSeparators, type Separators } from './number-text.js';

export { isoToSerial, serialToIso } from './dates.js';
export { parseNumberText } from './number-text.js';

export const BLANK: unique symbol = Symbol('blank');
export type Blank = typeof BLANK;
export type Read<T> = T | Blank | Problem;

/** Local copies: hot loops read these on every cell. */
const EPOCH = UNIX_EPOCH_SERIAL;
const DAY_MS = MS_PER_DAY;
const LAST_SERIAL = MAX_DATE_SERIAL;

/** A Date from any realm (Sheets hands over Dates made in the script's own realm). Never throws. */
export function isDate(value: unknown): value is Date {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return Object.prototype.toString.call(value) === '[object Date]';
  } catch {
    return false;
  }
}

/** A host error value: Excel's CustomFunctions.Error, HyperFormula's CellError, a JS Error; undefined otherwise. */
function errorText(value: object): string | undefined {
  try {
    if (value instanceof Error) return value.message || value.name;
    const { code, type } = value as { code?: unknown; type?: unknown };
    if (typeof code === 'string') return code;
    if (typeof type === 'string') return `#${type}`;
  } catch {
    // an object whose properties cannot be read is no error value
  }
  return undefined;
}

export function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

/** Days since 1899-12-30 of a JS Date, from its wall-clock fields, so daylight-saving shifts never change the day. */
export function dateToSerial(date: Date): number {
  const utc = Date.UTC(
    date.getFullYear(),
    date.getMonth(),
    date.getDate(),
    date.getHours(),
    date.getMinutes(),
    date.getSeconds(),
    date.getMilliseconds(),
  );
  return utc / DAY_MS + EPOCH;
}

/** The local-midnight JS Date of a day serial (what Sheets shows as that date). */
export function serialToDate(serial: number): Date {
  const utc = new Date((Math.floor(serial) - EPOCH) * DAY_MS);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
}

/**
 * A short, safe description of any cell value for a message: never throws, whatever the host hands over
 * (objects without a prototype, proxies, symbols, functions, big integers).
 */
export function describeCell(raw: unknown): string {
  try {
    if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
    if (typeof raw === 'string') return raw;
    if (typeof raw === 'function') return 'a function';
    if (typeof raw === 'symbol') return raw.toString();
    if (isDate(raw)) return Number.isNaN(raw.getTime()) ? 'Invalid Date' : serialToIso(dateToSerial(raw));
    if (Array.isArray(raw)) return `a list of ${raw.length} value(s)`;
    if (typeof raw === 'object' && raw !== null) {
      const json = JSON.stringify(raw) as string | undefined;
      return json === undefined ? 'an object' : json.slice(0, 60);
    }
    return String(raw);
  } catch {
    return 'an object';
  }
}

/** A value no spreadsheet cell holds (an object, a list, a function, a symbol): a problem, or an error value's. */
function notACellValue(raw: unknown): Problem {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const error = errorText(raw);
    if (error !== undefined) return problem('errorValue', { text: error });
  }
  return problem('notACellValue', { text: describeCell(raw) });
}

/**
 * A number, a blank, or a per-row problem. A `Date` reads as its serial, as Excel would see it. `separators` is what
 * the other cells of the argument settle about an ambiguous `"1.234"` (nothing, for a lone cell).
 */
export function readNumber(raw: unknown, separators: Separators = NO_SEPARATORS): Read<number> {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : problem('notFinite', { text: String(raw) });
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw === 'string') return raw.trim() === '' ? BLANK : parseNumberText(raw, separators);
  if (typeof raw === 'boolean') return problem('booleanNotNumber', { text: describeCell(raw) });
  if (isDate(raw))
    return Number.isNaN(raw.getTime()) ? problem('notADate', { text: 'Invalid Date' }) : dateToSerial(raw);
  return notACellValue(raw);
}

/**
 * A date as a whole-day serial (days since 1899-12-30; the time of day is dropped), a blank, or a problem.
 * Accepts Excel serials, `Date` objects, 8-digit year-month-day numbers (`19970101`) and date text (see dates.ts):
 * ISO, 8 digits, or day/month/year in the order the argument settles (`order`; a lone cell settles only itself).
 */
export function readDate(raw: unknown, order: DateOrder = UNSETTLED): Read<number> {
  if (isDate(raw)) {
    return Number.isNaN(raw.getTime()) ? problem('notADate', { text: 'Invalid Date' }) : Math.floor(dateToSerial(raw));
  }
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '') return BLANK;
    const read = dateTextToSerial(text, order);
    if (read !== undefined) return read;
    return ERROR_TEXTS.has(text.toUpperCase())
      ? problem('errorValue', { text: text.toUpperCase() })
      : problem('notADate', { text });
  }
  if (typeof raw === 'number' && raw >= 1 && raw <= LAST_SERIAL) return Math.floor(raw);
  if (raw === 0) return BLANK; // Excel may pass a blank cell as 0, and no real date is serial 0
  const serial = readNumber(raw);
  if (typeof serial !== 'number') return serial;
  if (isEightDigitNumber(serial)) return yyyymmddToSerial(serial) ?? problem('notADate', { text: String(serial) });
  if (serial < 1 || serial > LAST_SERIAL) return problem('notADate', { text: describeCell(raw) });
  return Math.floor(serial);
}

/**
 * Text identity of a cell (customers, items, segments, traits): trimmed text, case kept; the number `1001`
 * and the text `"1001"` are the same identity.
 */
export function readText(raw: unknown): Read<string> {
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '') return BLANK;
    return ERROR_TEXTS.has(text.toUpperCase()) ? problem('errorValue', { text: text.toUpperCase() }) : text;
  }
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : problem('notFinite', { text: String(raw) });
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (isDate(raw))
    return Number.isNaN(raw.getTime()) ? problem('notADate', { text: 'Invalid Date' }) : serialToIso(dateToSerial(raw));
  return notACellValue(raw);
}

/** A column read as numbers: `state` is 0 for a value, 1 for a blank, 2 for a problem. */
export interface NumberColumn {
  readonly values: Float64Array;
  readonly state: Uint8Array;
  readonly problems: ReadonlyMap<number, Problem>;
}

const NO_PROBLEMS: ReadonlyMap<number, Problem> = new Map();

export const VALUE = 0;
export const BLANK_STATE = 1;
export const PROBLEM = 2;

/** Distinct date texts remembered while reading one argument. */
const DATE_CACHE_LIMIT = 100_000;

/** The cells of an argument in order: a flat list, or one-cell host rows (`[[a], [b], …]`) read without flattening. */
function* cellsOf(cells: readonly unknown[], fromRows: boolean): Generator<unknown> {
  for (let i = 0; i < cells.length; i++) yield fromRows ? (cells[i] as readonly unknown[])[0] : cells[i];
}

function setRead(
  column: { values: Float64Array; state: Uint8Array },
  problems: Map<number, Problem>,
  i: number,
  read: Read<number>,
): void {
  if (typeof read === 'number') {
    column.values[i] = read;
    column.state[i] = VALUE;
    problems.delete(i);
  } else if (read === BLANK) {
    column.state[i] = BLANK_STATE;
    problems.delete(i);
  } else {
    column.state[i] = PROBLEM;
    problems.set(i, read);
  }
}

/**
 * Reads an argument's cells as numbers in one pass (numbers take a fast path with no allocation). An ambiguous
 * `"1.234"` is then settled by the argument's other cells (number-text.ts), in a second pass over its text cells
 * that runs only when there is one. With `fromRows`, `cells` are one-cell host rows, read without flattening.
 * O(n).
 */
export function readNumbers(cells: readonly unknown[], fromRows = false): NumberColumn {
  const n = cells.length;
  const values = new Float64Array(n);
  const state = new Uint8Array(n);
  let problems: Map<number, Problem> | undefined;
  let ambiguous: number[] | undefined;
  for (let i = 0; i < n; i++) {
    const raw = fromRows ? (cells[i] as readonly unknown[])[0] : cells[i];
    if (typeof raw === 'number' && raw - raw === 0) {
      values[i] = raw;
      continue;
    }
    const read = readNumber(raw);
    if (typeof read === 'number') values[i] = read;
    else if (read === BLANK) state[i] = BLANK_STATE;
    else {
      state[i] = PROBLEM;
      (problems ??= new Map()).set(i, read);
      if (read.code === 'ambiguousNumber') (ambiguous ??= []).push(i);
    }
  }
  if (ambiguous && problems) {
    const separators = settleSeparators(cellsOf(cells, fromRows));
    if (separators !== NO_SEPARATORS) {
      const column = { values, state };
      for (const i of ambiguous) {
        const raw = fromRows ? (cells[i] as readonly unknown[])[0] : cells[i];
        setRead(column, problems, i, readNumber(raw, separators));
      }
    }
  }
  return { values, state, problems: problems?.size ? problems : NO_PROBLEMS };
}

/**
 * Reads an argument's cells as whole-day dates. Day/month/year text is read in the order the argument's own cells
 * settle (dates.ts): the first pass notes which orders its texts show; a second pass over the cells runs only when
 * an order settles an ambiguous text or the argument shows both orders. Each distinct text is parsed once. O(n).
 */
export function readDates(cells: readonly unknown[], fromRows = false): NumberColumn {
  const n = cells.length;
  const values = new Float64Array(n);
  const state = new Uint8Array(n);
  const problems = new Map<number, Problem>();
  const column = { values, state };
  let order = UNSETTLED;
  let ambiguous = false;
  let texts = new Map<string, Read<number>>();
  const readDateText = (raw: string, settled: DateOrder): Read<number> => {
    let read = texts.get(raw);
    if (read === undefined) {
      read = readDate(raw, settled);
      if (texts.size < DATE_CACHE_LIMIT) texts.set(raw, read);
      if (settled === UNSETTLED) order = withEvidence(order, raw);
    }
    return read;
  };
  for (let i = 0; i < n; i++) {
    const raw = fromRows ? (cells[i] as readonly unknown[])[0] : cells[i];
    const read = typeof raw === 'string' ? readDateText(raw, UNSETTLED) : readDate(raw);
    if (typeof read === 'number') values[i] = read;
    else setRead(column, problems, i, read);
    if (typeof read === 'object' && read.code === 'ambiguousDayMonth') ambiguous = true;
  }
  const mixed = order.dayFirst !== undefined && order.monthFirst !== undefined;
  if (mixed || (ambiguous && order.order !== undefined)) {
    const settled = order;
    texts = new Map();
    for (let i = 0; i < n; i++) {
      const raw = fromRows ? (cells[i] as readonly unknown[])[0] : cells[i];
      if (typeof raw === 'string') setRead(column, problems, i, readDateText(raw, settled));
    }
  }
  return { values, state, problems: problems.size ? problems : NO_PROBLEMS };
}

/** One read per cell of an argument, as numbers settled by the argument (readNumbers), for line-by-line readers. */
export function readEachNumber(cells: readonly unknown[]): Read<number>[] {
  const column = readNumbers(cells);
  const reads = new Array<Read<number>>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const state = column.state[i];
    reads[i] =
      state === VALUE
        ? (column.values[i] as number)
        : state === BLANK_STATE
          ? BLANK
          : (column.problems.get(i) as Problem);
  }
  return reads;
}

/** One readText per cell of an argument. */
export function readEachText(cells: readonly unknown[]): Read<string>[] {
  return cells.map(readText);
}

/**
 * A cell reader for a rows × columns argument: numbers as readNumber reads them, an ambiguous `"1.234"` settled by
 * every text cell of the whole argument (one pass, made the first time one is met, then reused).
 */
export function matrixNumberReader(rows: readonly (readonly unknown[])[]): (raw: unknown) => Read<number> {
  let separators: Separators | undefined;
  function* everyCell(): Generator<unknown> {
    for (const row of rows) if (Array.isArray(row)) yield* row;
  }
  return (raw) => {
    const read = readNumber(raw);
    if (typeof read !== 'object' || read.code !== 'ambiguousNumber') return read;
    separators ??= settleSeparators(everyCell());
    return separators === NO_SEPARATORS ? read : readNumber(raw, separators);
  };
}
