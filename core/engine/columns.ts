/**
 * Finding the table's header row and guessing which column plays which role from the header words each method's
 * columns carry (core/catalog/column-roles.ts), English and Vietnamese. Headers are compared without case or
 * diacritics, so `ngay mua cuoi` and `Ngày Mua Cuối` match; the user can change every guess in the panel.
 */
import { isDate, readDate, readNumber } from '../cells.js';
import { isEightDigitNumber } from '../dates.js';
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
 * Guesses every column of a method from the headers (and, for dates, from the first data rows). Columns are guessed
 * in the method's order, each used once: the order date before the order id, so `Order` is not the date.
 */
export function guessMapping(
  method: MethodId,
  headers: readonly string[],
  sample: readonly (readonly (CellValue | Date)[])[] = [],
): Record<string, number | number[]> {
  const taken = new Set<number>();
  const mapping: Record<string, number | number[]> = {};
  for (const column of methodSpec(method).columns) {
    if (column.several) continue;
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
