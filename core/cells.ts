/**
 * Cell reading: the one place that turns what a host hands us (Excel: numbers, serial dates, `0` or `null`
 * for blanks; Sheets: `""` for blanks, `Date` objects; text everywhere) into typed values, blanks, or
 * per-row problems. Nothing here guesses: text whose meaning depends on the locale is a problem.
 */
import { problem, type Problem } from './errors.js';

export const BLANK: unique symbol = Symbol('blank');
export type Blank = typeof BLANK;
export type Read<T> = T | Blank | Problem;

const MS_PER_DAY = 86_400_000;
/** Excel serial of 1970-01-01 (serials count days from 1899-12-30). */
const UNIX_EPOCH_SERIAL = 25_569;
/** 9999-12-31, Excel's last date. */
const MAX_DATE_SERIAL = 2_958_465;

const ERROR_TEXTS = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BUSY!',
  '#BLOCKED!',
  '#CONNECT!',
  '#UNKNOWN!',
  '#ERROR!',
  '#PYTHON!',
  '#CYCLE!',
  '#LIC!',
]);

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A host error value: Excel's CustomFunctions.Error, HyperFormula's CellError, a JS Error, or error text. */
function errorText(value: object): string | undefined {
  if (value instanceof Error) return value.message || value.name;
  const { code, type } = value as { code?: unknown; type?: unknown };
  if (typeof code === 'string') return code;
  if (typeof type === 'string') return `#${type}`;
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
  return utc / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** The local-midnight JS Date of a day serial (what Sheets shows as that date). */
export function serialToDate(serial: number): Date {
  const utc = new Date((Math.floor(serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
}

/** ISO `YYYY-MM-DD` of a day serial. */
export function serialToIso(serial: number): string {
  return new Date((Math.floor(serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY).toISOString().slice(0, 10);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** Day serial of ISO date text (the date as written; a time or zone suffix does not move it), or undefined. */
export function isoToSerial(text: string): number | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const utc = Date.UTC(year, month, day);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month || check.getUTCDate() !== day) return undefined;
  return utc / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

const CURRENCY = /^(?:₫|đ|vnđ|vnd|us\$|\$|€|usd|eur)\s*|\s*(?:₫|đ|vnđ|vnd|\$|€|usd|eur)$/i;
const GROUPED = (sep: string): RegExp => new RegExp(`^\\d{1,3}(?:\\${sep}\\d{3})+$`);
const GROUPED_DOT = GROUPED('.');
const GROUPED_COMMA = GROUPED(',');
const SPACE_GROUPED = /^\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/;
const SCIENTIFIC = /^\d+(?:\.\d+)?e[+-]?\d+$/i;

/**
 * Reads number text: `"1234"`, `"1,234.50"`, `"1.234.567 ₫"`, `" 12 "`, `"12%"`, `"-5"`, `"(5)"`, `"1 234 567"`.
 * One separator followed by exactly three digits after a 1–3 digit group (`"1.234"`) is ambiguous: a problem.
 */
export function parseNumberText(original: string): number | Problem {
  let s = original.replace(/[\u00a0\u202f\u2007]/g, ' ').trim();
  if (ERROR_TEXTS.has(s.toUpperCase())) return problem('errorValue', { text: s.toUpperCase() });
  const notANumber = (): Problem => problem('notANumber', { text: original });
  let sign = 1;
  let scale = 1;
  if (s.startsWith('(') && s.endsWith(')')) {
    sign = -1;
    s = s.slice(1, -1).trim();
  }
  if (s.endsWith('%')) {
    scale = 0.01;
    s = s.slice(0, -1).trim();
  }
  for (let pass = 0; pass < 2; pass++) {
    if (s.startsWith('-') || s.startsWith('+') || s.startsWith('−')) {
      if (s[0] !== '+') sign = -sign;
      s = s.slice(1).trim();
    }
    s = s.replace(CURRENCY, '').trim();
  }
  if (s.includes(' ')) {
    if (!SPACE_GROUPED.test(s)) return notANumber();
    s = s.replace(/ /g, '');
  }
  let value: number;
  if (/^\d+$/.test(s)) value = Number(s);
  else if (SCIENTIFIC.test(s)) value = Number(s);
  else if (/^[\d.,]+$/.test(s) && /\d/.test(s)) {
    const parsed = parseSeparated(s, original);
    if (typeof parsed !== 'number') return parsed ?? notANumber();
    value = parsed;
  } else return notANumber();
  return sign * value * scale;
}

function parseSeparated(s: string, original: string): number | Problem | undefined {
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  if (dots > 0 && commas > 0) {
    const decimalSep = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const cut = s.lastIndexOf(decimalSep);
    const whole = s.slice(0, cut);
    const fraction = s.slice(cut + 1);
    const grouped = decimalSep === '.' ? GROUPED_COMMA : GROUPED_DOT;
    if (!grouped.test(whole) || !/^\d+$/.test(fraction)) return undefined;
    return Number(whole.replace(/[.,]/g, '') + '.' + fraction);
  }
  const sep = dots > 0 ? '.' : ',';
  const count = dots + commas;
  if (count > 1)
    return (sep === '.' ? GROUPED_DOT : GROUPED_COMMA).test(s) ? Number(s.replace(/[.,]/g, '')) : undefined;
  const [whole = '', fraction = ''] = s.split(sep);
  if (fraction === '') return whole === '' ? undefined : Number(whole);
  if (fraction.length === 3 && whole.length >= 1 && whole.length <= 3 && whole[0] !== '0') {
    return problem('ambiguousNumber', {
      text: original.trim(),
      small: Number(`${whole}.${fraction}`),
      large: Number(whole + fraction),
    });
  }
  return Number(`${whole === '' ? '0' : whole}.${fraction}`);
}

function describeRaw(raw: unknown): string {
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (typeof raw === 'object' && raw !== null) {
    try {
      return JSON.stringify(raw).slice(0, 60);
    } catch {
      return Object.prototype.toString.call(raw);
    }
  }
  return String(raw);
}

/** A number, a blank, or a per-row problem. A `Date` reads as its serial, as Excel would see it. */
export function readNumber(raw: unknown): Read<number> {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : problem('notFinite', { text: String(raw) });
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw === 'string') return raw.trim() === '' ? BLANK : parseNumberText(raw);
  if (typeof raw === 'boolean') return problem('booleanNotNumber', { text: describeRaw(raw) });
  if (isDate(raw))
    return Number.isNaN(raw.getTime()) ? problem('notADate', { text: 'Invalid Date' }) : dateToSerial(raw);
  if (typeof raw === 'object') {
    const error = errorText(raw);
    if (error !== undefined) return problem('errorValue', { text: error });
  }
  return problem('notANumber', { text: describeRaw(raw) });
}

/**
 * A date as a whole-day serial (days since 1899-12-30; the time of day is dropped), a blank, or a problem.
 * Accepts Excel serials, `Date` objects and ISO text; other text (`31/12/2024`, `2024`) is a problem, never a guess.
 */
export function readDate(raw: unknown): Read<number> {
  if (isDate(raw)) {
    return Number.isNaN(raw.getTime()) ? problem('notADate', { text: 'Invalid Date' }) : Math.floor(dateToSerial(raw));
  }
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '') return BLANK;
    const iso = isoToSerial(text);
    if (iso !== undefined) return iso;
    return ERROR_TEXTS.has(text.toUpperCase())
      ? problem('errorValue', { text: text.toUpperCase() })
      : problem('notADate', { text });
  }
  if (raw === 0) return BLANK; // Excel may pass a blank cell as 0, and no real date is serial 0
  const serial = readNumber(raw);
  if (typeof serial !== 'number') return serial;
  if (serial < 1 || serial > MAX_DATE_SERIAL) return problem('notADate', { text: describeRaw(raw) });
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
  if (typeof raw === 'object') {
    const error = errorText(raw);
    if (error !== undefined) return problem('errorValue', { text: error });
  }
  return describeRaw(raw);
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

/**
 * Reads many cells as numbers in one pass (numbers take a fast path with no allocation).
 * With `fromRows`, `cells` are one-cell host rows (`[[a], [b], …]`), read without flattening them first.
 */
export function readNumbers(
  cells: readonly unknown[],
  reader: (raw: unknown) => Read<number> = readNumber,
  fromRows = false,
): NumberColumn {
  const n = cells.length;
  const values = new Float64Array(n);
  const state = new Uint8Array(n);
  const fast = reader === readNumber;
  let problems: Map<number, Problem> | undefined;
  for (let i = 0; i < n; i++) {
    const raw = fromRows ? (cells[i] as readonly unknown[])[0] : cells[i];
    if (fast && typeof raw === 'number' && raw - raw === 0) {
      values[i] = raw;
      continue;
    }
    const read = reader(raw);
    if (typeof read === 'number') values[i] = read;
    else if (read === BLANK) state[i] = BLANK_STATE;
    else {
      state[i] = PROBLEM;
      (problems ??= new Map()).set(i, read);
    }
  }
  return { values, state, problems: problems ?? NO_PROBLEMS };
}

export function readDates(cells: readonly unknown[]): NumberColumn {
  return readNumbers(cells, readDate);
}
