/**
 * Finding the table's header row and guessing which column plays which role from the header words each method's
 * columns carry (core/catalog/column-roles.ts), English and Vietnamese. Headers are compared without case or
 * diacritics, so `ngay mua cuoi` and `Ngày Mua Cuối` match; the user can change every guess in the panel.
 */
import { isDate, readDate, readNumber } from '../cells.js';
import { isEightDigitNumber } from '../dates.js';
import { FIRST_PURCHASE, LAST_PURCHASE, ORDER_DATE, ORDER_ID } from '../catalog/column-roles.js';
import type { ColumnSpec } from '../catalog/method.js';
import { methodSpec } from '../catalog/index.js';
import type { MethodId, RevenueSource } from './plan.js';
import type { CellValue } from './sheet-io.js';

/** Lower case, no diacritics (đ → d), words apart (`InvoiceNo` → `invoice no`), single spaces. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[_\-.:/()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function isText(cell: CellValue | Date | undefined): boolean {
  return typeof cell === 'string' && cell.trim() !== '' && typeof readNumber(cell) !== 'number';
}

/**
 * The header row among the first rows: the first row whose non-empty cells are mostly text and that is followed
 * by a row with at least one number or date. Returns -1 when the data has no header.
 */
export function findHeaderRow(rows: readonly (readonly (CellValue | Date)[])[], lookAhead = 10): number {
  for (let r = 0; r < Math.min(rows.length - 1, lookAhead); r++) {
    const cells = (rows[r] ?? []).filter((c) => c !== null && c !== '');
    if (cells.length === 0) continue;
    const textShare = cells.filter(isText).length / cells.length;
    const next = rows[r + 1] ?? [];
    const nextHasData = next.some((c) => isDate(c) || (c !== null && c !== '' && !isText(c)));
    if (textShare >= 0.6 && nextHasData) return r;
  }
  return -1;
}

function looksLikeDates(values: readonly (CellValue | Date)[]): boolean {
  const filled = values.filter((v) => v !== null && v !== '');
  return (
    filled.length > 0 &&
    filled.every(
      (v) =>
        isDate(v) ||
        (typeof v === 'string' && typeof readDate(v) === 'number') ||
        (typeof v === 'number' && isEightDigitNumber(v) && typeof readDate(v) === 'number'),
    )
  );
}

/** A short synonym (`sl`, `qty`) matches whole words only, so `sl` does not find every header holding "sl". */
const SHORT_SYNONYM = 3;

function holds(header: string, synonym: string): boolean {
  return synonym.length <= SHORT_SYNONYM ? ` ${header} `.includes(` ${synonym} `) : header.includes(synonym);
}

/** The best column for a role by its header words, or undefined. `taken` columns are skipped. */
export function guessColumn(
  headers: readonly string[],
  column: Pick<ColumnSpec, 'guesses'>,
  taken: ReadonlySet<number> = new Set(),
): number | undefined {
  const normalized = headers.map(normalizeHeader);
  for (const synonym of column.guesses) {
    const exact = normalized.findIndex((h, i) => !taken.has(i) && h === synonym);
    if (exact >= 0) return exact;
  }
  for (const synonym of column.guesses) {
    const partial = normalized.findIndex((h, i) => !taken.has(i) && holds(h, synonym));
    if (partial >= 0) return partial;
  }
  return undefined;
}

/**
 * Header words of columns that hold numbers without measuring anything: ids and codes, phone and fax numbers,
 * postcodes, tax and identity card numbers, row numbers, RFM score codes (three digits, not an amount). Whole words
 * of the normalized header, so `ma` finds `Mã KH` but not `Mùa`, and `id` finds `Customer ID` but not `Paid`.
 */
const ID_WORDS = [
  'id',
  'ids',
  'ma',
  'code',
  'stt',
  'sdt',
  'tel',
  'phone',
  'mobile',
  'fax',
  'zip',
  'postcode',
  'mst',
  'cmnd',
  'cccd',
  'rfm',
];
/** The same, as phrases anywhere in the header; with the order and invoice number words of the order id role. */
const ID_PHRASES = [
  'dien thoai',
  'di dong',
  'postal',
  'buu chinh',
  'so thu tu',
  'row number',
  'ma so thue',
  'tax code',
  'tax number',
  'so tai khoan',
  'account number',
  ...ORDER_ID.guesses.filter((g) => g.includes(' ')),
];
/** Whole headers that number rows. */
const ROW_NUMBER_HEADERS = ['#', 'no', 'nr', 'n', 'stt', 'row', 'index', 'tt'];
/** Header words of date columns (the date roles'), whose numbers may be date serials. */
const DATE_WORDS = [...LAST_PURCHASE.guesses, ...FIRST_PURCHASE.guesses, ...ORDER_DATE.guesses];
/** Serial days from 1950-01-01 to 2099-12-31: a number in a date column within these is a date. */
const SERIAL_RANGE = [18_264, 73_050] as const;
/** A column is numeric when at least this share of its filled sample cells are numbers. */
const NUMERIC_SHARE = 0.8;

function isIdHeader(header: string): boolean {
  const h = normalizeHeader(header);
  const words = ` ${h} `;
  return (
    ROW_NUMBER_HEADERS.includes(h) ||
    ID_WORDS.some((w) => words.includes(` ${w} `)) ||
    ID_PHRASES.some((phrase) => h.includes(phrase))
  );
}

/** Whole numbers counting up by one from row to row (3 or more): row numbers or sequential ids. */
function countsRows(numbers: readonly number[]): boolean {
  return (
    numbers.length >= 3 &&
    numbers.every((x, i) => Number.isInteger(x) && (i === 0 || x === (numbers[i - 1] as number) + 1))
  );
}

/**
 * The columns to compare (k-means features): every column whose filled sample cells are mostly (80 %) numbers,
 * in sheet order, except id-like columns (ids, codes, phone numbers, postcodes, row numbers; by their header words
 * or by values counting up by one) and dates (date cells or date text, or date serials under a date header).
 * Blank sample cells are not counted, so a column blank for new customers (growth) still counts.
 */
export function guessNumericColumns(
  headers: readonly string[],
  sample: readonly (readonly (CellValue | Date)[])[],
  taken: ReadonlySet<number> = new Set(),
): number[] {
  const found: number[] = [];
  headers.forEach((header, i) => {
    if (taken.has(i) || isIdHeader(header)) return;
    const cells = sample.map((r) => r[i] ?? null).filter((v) => v !== null && v !== '');
    if (cells.length === 0 || looksLikeDates(cells)) return;
    const reads = cells.map((v) => readNumber(v));
    const numbers = reads.filter((v): v is number => typeof v === 'number');
    // "350.000" is a number either way (350 or 350,000): the column settles which when it is read.
    const ambiguous = reads.filter((v) => typeof v === 'object' && v.code === 'ambiguousNumber').length;
    if (numbers.length + ambiguous < NUMERIC_SHARE * cells.length || countsRows(numbers)) return;
    const datesHeader = DATE_WORDS.some((w) => holds(normalizeHeader(header), w));
    if (datesHeader && numbers.every((x) => x >= SERIAL_RANGE[0] && x <= SERIAL_RANGE[1])) return;
    found.push(i);
  });
  return found;
}

/**
 * Guesses every column of a method from the headers (and, for dates, from the first data rows). Columns are guessed
 * in the method's order, each used once: the order date before the order id, so `Order` is not the date. Several
 * numeric columns (k-means features) are the sample's numeric columns; other several columns are left to the user.
 */
export function guessMapping(
  method: MethodId,
  headers: readonly string[],
  sample: readonly (readonly (CellValue | Date)[])[] = [],
): Record<string, number | number[]> {
  const taken = new Set<number>();
  const mapping: Record<string, number | number[]> = {};
  for (const column of methodSpec(method).columns) {
    if (column.several) {
      const numeric = column.numeric ? guessNumericColumns(headers, sample, taken) : [];
      if (numeric.length > 0) mapping[column.role] = numeric;
      continue;
    }
    let found = guessColumn(headers, column, taken);
    if (found === undefined && column.dates) {
      found = headers.findIndex((_, i) => !taken.has(i) && looksLikeDates(sample.map((r) => r[i] ?? null)));
      if (found < 0) found = undefined;
    }
    if (found !== undefined) {
      mapping[column.role] = found;
      taken.add(found);
    }
  }
  return mapping;
}

/** Where RFM on order lines takes revenue from: the revenue column when one was found, else Quantity × Price. */
export function guessRevenueSource(mapping: Readonly<Record<string, unknown>>): RevenueSource {
  const found = (role: string): boolean => mapping[role] !== undefined;
  return !found('revenue') && found('quantity') && found('price') ? 'quantityPrice' : 'column';
}
