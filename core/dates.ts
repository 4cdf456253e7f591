/**
 * Date text and date numbers: the one place that decides which of them are dates, and which day they are.
 *
 * - ISO text, with or without a time: `2024-05-31`, `2024-05-31 14:05`, `2024-05-31T14:05:00Z` (the date as written;
 *   a time or zone never moves it).
 * - 8-digit year-month-day numbers or text: `19970101`, as point-of-sale and accounting exports write them (no Excel
 *   date serial is that large: the last one, 9999-12-31, is 2958465).
 * - Day/month/year text with `/`, `-` or `.` and an optional time: `22/09/2026`, `22-09-2026 09:46:16`. Which field
 *   is the day is settled by the argument's own cells: a first field above 12 somewhere in it means day first, a
 *   second field above 12 means month first. A text whose two fields are equal (`05/05/2026`) needs no settling; one
 *   whose order nothing settles, or an argument that shows both orders, is a per-row problem that names the fix.
 * A time of day is ignored. Every function here is O(length of the text); settling an argument is one pass, O(n).
 *
 * @see https://en.wikipedia.org/wiki/ISO_8601
 * @see https://en.wikipedia.org/wiki/Date_format_by_country (day-first and month-first orders)
 * @example
 *   dateTextToSerial('22/09/2026 09:46:16')            // → 46287 (2026-09-22)
 *   dateTextToSerial('01/02/2026')                     // → a problem: 2026-02-01 or 2026-01-02?
 *   dateTextToSerial('01/02/2026', settleDateOrder(['22/09/2026', '01/02/2026'])) // → 46054 (2026-02-01)
 *   yyyymmddToSerial(19970101)                         // → 35431
 */
import { problem, type Problem } from './errors.js';

/** Milliseconds in a day: serials count whole days, JS dates milliseconds. */
export const MS_PER_DAY = 86_400_000;
/** Excel serial of 1970-01-01 (serials count days from 1899-12-30). */
export const UNIX_EPOCH_SERIAL = 25_569;
/** 9999-12-31, Excel's last date. */
export const MAX_DATE_SERIAL = 2_958_465;

/** Day serial of a calendar date (month 1..12), or undefined when the date does not exist or is out of Excel's range. */
export function civilToSerial(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  const serial = utc / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  return serial >= 1 && serial <= MAX_DATE_SERIAL ? serial : undefined;
}

/** ISO `YYYY-MM-DD` of a day serial. */
export function serialToIso(serial: number): string {
  return new Date((Math.floor(serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** An optional time of day after a date: ` 09:46`, ` 09:46:16`, `T09:46:16.5`, ` 9:46 PM`. Ignored. */
const TIME = String.raw`(?:[T ]\s*\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?)?`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})${TIME}(?:Z|[+-]\d{2}:?\d{2})?$`);
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})${TIME}$`);
const EIGHT_DIGITS = /^\d{8}$/;

/** Day serial of ISO date text (the date as written; a time or zone suffix does not move it), or undefined. */
export function isoToSerial(text: string): number | undefined {
  const m = ISO_DATE.exec(text);
  return m ? civilToSerial(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** Day serial of an 8-digit year-month-day number (`19970101`), or undefined when it is not one. */
export function yyyymmddToSerial(value: number): number | undefined {
  if (!Number.isInteger(value) || value < 10_000_000 || value > 99_999_999) return undefined;
  return civilToSerial(Math.floor(value / 10_000), Math.floor(value / 100) % 100, value % 100);
}

/** True for a number that can only be meant as an 8-digit year-month-day date (no date serial is that large). */
export function isEightDigitNumber(value: number): boolean {
  return value >= 10_000_000 && value <= 99_999_999;
}

/** Which field of day/month/year text is the day: `dmy` (22/09/2026) or `mdy` (09/22/2026). */
export type DayMonthOrder = 'dmy' | 'mdy';

/** What an argument's cells settle about day/month/year text: the order, and the first cell showing each order. */
export interface DateOrder {
  readonly order?: DayMonthOrder;
  /** The first text of the argument whose first field is above 12. */
  readonly dayFirst?: string;
  /** The first text of the argument whose second field is above 12. */
  readonly monthFirst?: string;
}

/** Nothing settled: a lone cell settles only itself. */
export const UNSETTLED: DateOrder = {};

interface DayMonthFields {
  readonly first: number;
  readonly second: number;
  readonly year: number;
}

function dayMonthFields(text: string): DayMonthFields | undefined {
  const m = DAY_MONTH_YEAR.exec(text);
  return m ? { first: Number(m[1]), second: Number(m[3]), year: Number(m[4]) } : undefined;
}

/** The order a day/month/year text shows by itself (a field above 12 that is a real date), or undefined. */
export function orderShownBy(text: string): DayMonthOrder | undefined {
  const f = dayMonthFields(text.trim());
  if (!f) return undefined;
  if (f.first > 12 && f.second <= 12) return civilToSerial(f.year, f.second, f.first) === undefined ? undefined : 'dmy';
  if (f.second > 12 && f.first <= 12) return civilToSerial(f.year, f.first, f.second) === undefined ? undefined : 'mdy';
  return undefined;
}

/** Adds one cell's evidence to what an argument settles; returns the same object when it adds nothing. */
export function withEvidence(order: DateOrder, raw: unknown): DateOrder {
  if (typeof raw !== 'string') return order;
  const shown = orderShownBy(raw);
  if (shown === 'dmy' && order.dayFirst === undefined) return settled({ ...order, dayFirst: raw.trim() });
  if (shown === 'mdy' && order.monthFirst === undefined) return settled({ ...order, monthFirst: raw.trim() });
  return order;
}

function settled(order: DateOrder): DateOrder {
  const { dayFirst, monthFirst } = order;
  if (dayFirst !== undefined && monthFirst === undefined) return { dayFirst, order: 'dmy' };
  if (monthFirst !== undefined && dayFirst === undefined) return { monthFirst, order: 'mdy' };
  return { dayFirst, monthFirst };
}

/** The order an argument's cells settle: one pass over them, O(n). Cells that are not day/month/year text add nothing. */
export function settleDateOrder(cells: Iterable<unknown>): DateOrder {
  let order = UNSETTLED;
  for (const raw of cells) {
    order = withEvidence(order, raw);
    if (order.dayFirst !== undefined && order.monthFirst !== undefined) break;
  }
  return order;
}

/**
 * Day serial of date text: ISO (with a time), 8 digits, or day/month/year in the argument's settled order.
 * Undefined when the text has none of these forms; a problem when it has one but the day cannot be known.
 */
export function dateTextToSerial(text: string, order: DateOrder = UNSETTLED): number | Problem | undefined {
  const iso = isoToSerial(text);
  if (iso !== undefined) return iso;
  if (EIGHT_DIGITS.test(text)) return yyyymmddToSerial(Number(text));
  const f = dayMonthFields(text);
  if (!f) return undefined;
  const dayFirst = civilToSerial(f.year, f.second, f.first);
  const monthFirst = civilToSerial(f.year, f.first, f.second);
  if (dayFirst === undefined && monthFirst === undefined) return undefined;
  if (f.first === f.second) return dayFirst;
  if (order.dayFirst !== undefined && order.monthFirst !== undefined) {
    return problem('mixedDateOrder', { text, dayFirst: order.dayFirst, monthFirst: order.monthFirst });
  }
  if (dayFirst === undefined) return monthFirst;
  if (monthFirst === undefined) return dayFirst;
  if (order.order === 'dmy') return dayFirst;
  if (order.order === 'mdy') return monthFirst;
  return problem('ambiguousDayMonth', { text, dayFirst: serialToIso(dayFirst), monthFirst: serialToIso(monthFirst) });
}
