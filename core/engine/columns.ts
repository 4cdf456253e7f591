/**
 * Finding the table's header row and guessing which column plays which role from header names in English and
 * Vietnamese (`Doanh thu`, `Khách hàng`, `Ngày mua cuối`, …). Headers are compared without case or diacritics,
 * so `ngay mua cuoi` and `Ngày Mua Cuối` match; the user can change every guess in the panel.
 */
import { isDate, readDate, readNumber } from '../cells.js';
import { isEightDigitNumber } from '../dates.js';
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

/** Header words per role, English and Vietnamese (normalised), most specific first. */
export const ROLE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  customer: [
    'customer id',
    'customer',
    'client',
    'account',
    'company',
    'name',
    'khach hang',
    'ma khach hang',
    'ten khach hang',
    'cong ty',
    'ten',
  ],
  item: ['product', 'item', 'sku', 'san pham', 'mat hang', 'hang hoa'],
  value: [
    'revenue this year',
    'revenue',
    'sales',
    'amount',
    'value',
    'turnover',
    'doanh thu nam nay',
    'doanh thu',
    'doanh so',
    'gia tri',
    'tong tien',
    'thanh tien',
  ],
  revenue: [
    'revenue this year',
    'revenue',
    'sales',
    'amount',
    'monetary',
    'line total',
    'doanh thu nam nay',
    'doanh thu',
    'doanh so',
    'thanh tien',
    'tong tien hang',
    'tong tien',
    'so tien',
    'total',
  ],
  orderId: [
    'invoice no',
    'invoice number',
    'invoice id',
    'order id',
    'order no',
    'order number',
    'invoice',
    'order',
    'receipt',
    'ma hoa don',
    'so hoa don',
    'ma don hang',
    'ma don',
    'so hd',
    'ma hd',
    'so chung tu',
    'ma chung tu',
  ],
  quantity: ['quantity', 'qty', 'units', 'so luong', 'sl'],
  price: ['unit price', 'price', 'don gia', 'gia ban'],
  sales: ['revenue this year', 'sales', 'revenue', 'doanh thu nam nay', 'doanh thu', 'doanh so'],
  growth: ['growth', 'tang truong', 'ty le tang truong'],
  lastYear: ['revenue last year', 'last year', 'doanh thu nam truoc', 'nam truoc'],
  lastPurchase: [
    'last purchase',
    'last order',
    'most recent',
    'ngay mua cuoi',
    'lan mua cuoi',
    'mua gan nhat',
    'ngay mua gan nhat',
  ],
  firstPurchase: [
    'first purchase',
    'first order',
    'since',
    'ngay mua dau',
    'lan mua dau',
    'mua lan dau',
    'ngay dang ky',
  ],
  orderDate: [
    'order date',
    'invoice date',
    'date',
    'ngay dat hang',
    'ngay don hang',
    'ngay hoa don',
    'ngay chung tu',
    'ngay mua',
    'ngay ban',
    'thoi gian',
    'ngay',
  ],
  orders: ['orders', 'order count', 'frequency', 'purchases', 'so don', 'so don hang', 'so lan mua', 'tan suat'],
  referrals: ['referrals', 'referred', 'gioi thieu', 'so lan gioi thieu'],
  attractiveness: ['attractiveness', 'attractive', 'muc hap dan', 'hap dan'],
  feasibility: ['feasibility', 'ability', 'kha thi', 'kha nang'],
  industry: ['industry', 'sector', 'nganh', 'linh vuc'],
  region: ['region', 'area', 'vung', 'mien', 'khu vuc'],
  employees: ['employees', 'staff', 'headcount', 'nhan vien', 'so nhan vien', 'quy mo'],
};

/** A column a method reads: its role, whether it takes several columns, whether it may be left out. */
export interface RoleSpec {
  readonly role: string;
  readonly several?: boolean;
  readonly optional?: boolean;
  /** Needed only when the revenue comes from this source (RFM on order lines: a column, or Quantity × Price). */
  readonly revenueFrom?: RevenueSource;
}

/** The roles each method reads. */
export const METHOD_ROLES: Readonly<Record<MethodId, readonly RoleSpec[]>> = {
  abc: [{ role: 'value' }],
  xyz: [{ role: 'periods', several: true }],
  bcg: [{ role: 'sales' }, { role: 'growth' }],
  priority: [{ role: 'attractiveness' }, { role: 'feasibility' }],
  rfm: [{ role: 'lastPurchase' }, { role: 'orders' }, { role: 'revenue' }],
  rfmOrders: [
    { role: 'customer' },
    { role: 'orderDate' },
    { role: 'orderId', optional: true },
    { role: 'revenue', revenueFrom: 'column' },
    { role: 'quantity', revenueFrom: 'quantityPrice' },
    { role: 'price', revenueFrom: 'quantityPrice' },
  ],
  pyramid: [{ role: 'value' }],
  lifecycle: [
    { role: 'firstPurchase' },
    { role: 'lastPurchase' },
    { role: 'orders' },
    { role: 'referrals', optional: true },
  ],
  kmeans: [{ role: 'features', several: true }],
  rules: [],
  tags: [],
};

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

/** The best column for a role by header name, or undefined. `taken` columns are skipped. */
export function guessColumn(
  headers: readonly string[],
  role: string,
  taken: ReadonlySet<number> = new Set(),
): number | undefined {
  const synonyms = ROLE_SYNONYMS[role];
  if (!synonyms) return undefined;
  const normalized = headers.map(normalizeHeader);
  for (const synonym of synonyms) {
    const exact = normalized.findIndex((h, i) => !taken.has(i) && h === synonym);
    if (exact >= 0) return exact;
  }
  for (const synonym of synonyms) {
    const partial = normalized.findIndex((h, i) => !taken.has(i) && holds(h, synonym));
    if (partial >= 0) return partial;
  }
  return undefined;
}

/**
 * Guesses every role of a method from the headers (and, for dates, from the first data rows). Roles are guessed in
 * the method's order, each column used once: the order date before the order id, so `Order` is not the date.
 */
export function guessMapping(
  method: MethodId,
  headers: readonly string[],
  sample: readonly (readonly (CellValue | Date)[])[] = [],
): Record<string, number | number[]> {
  const taken = new Set<number>();
  const mapping: Record<string, number | number[]> = {};
  for (const { role, several } of METHOD_ROLES[method]) {
    if (several) continue;
    let column = guessColumn(headers, role, taken);
    if (column === undefined && /purchase|date/i.test(role)) {
      column = headers.findIndex((_, i) => !taken.has(i) && looksLikeDates(sample.map((r) => r[i] ?? null)));
      if (column < 0) column = undefined;
    }
    if (column !== undefined) {
      mapping[role] = column;
      taken.add(column);
    }
  }
  return mapping;
}

/** Where RFM on order lines takes revenue from: the revenue column when one was found, else Quantity × Price. */
export function guessRevenueSource(mapping: Readonly<Record<string, unknown>>): RevenueSource {
  const found = (role: string): boolean => mapping[role] !== undefined;
  return !found('revenue') && found('quantity') && found('price') ? 'quantityPrice' : 'column';
}
