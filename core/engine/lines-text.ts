/**
 * How the lines of RFM on order lines are told, in English and Vietnamese: the panel's preview and the summary sheet
 * say the same thing ("24 customers from 412 lines", "43 lines without a customer, rows 5, 9, …"). Counts are
 * grouped as each language writes them (1,234 and 1.234) by core/number-format.ts, so the Sheets server says the same.
 */
import type { Lang } from '../labels.js';
import { formatCount } from '../number-format.js';
import type { LeftOutReason } from '../methods/orders.js';
import { fillTemplate } from '../template.js';
import type { RevenueSource } from './plan.js';
import type { LeftOutGroup, LineGroup } from './rfm-orders.js';

/** Exported for the browser test that looks for an English word on a Vietnamese page (and the reverse). */
export const LINES_TEXT = {
  customersFromLines: {
    en: '{customers} customers from {lines} lines',
    vi: '{customers} khách hàng từ {lines} dòng',
  },
  total: { en: 'Total: {what}', vi: 'Tổng: {what}' },
  rows: { en: 'rows {rows}', vi: 'dòng {rows}' },
  returnLines: {
    en: '{n} lines of returns or cancellations: netted off revenue, not counted as orders',
    vi: '{n} dòng trả hàng hoặc hủy đơn: trừ vào doanh thu, không tính là đơn',
  },
  noCustomer: { en: '{n} lines without a customer', vi: '{n} dòng không có khách hàng' },
  badCustomer: { en: '{n} lines whose customer cannot be read', vi: '{n} dòng không đọc được khách hàng' },
  badDate: { en: '{n} lines whose date cannot be read', vi: '{n} dòng không đọc được ngày' },
  blankDate: { en: '{n} lines without a date', vi: '{n} dòng không có ngày' },
  badRevenue: { en: '{n} lines whose revenue cannot be read', vi: '{n} dòng không đọc được doanh thu' },
  badQuantityPrice: {
    en: '{n} lines whose quantity or price cannot be read',
    vi: '{n} dòng không đọc được số lượng hoặc đơn giá',
  },
  blankRevenue: { en: '{n} lines without a revenue', vi: '{n} dòng không có doanh thu' },
  blankQuantityPrice: {
    en: '{n} lines without a quantity or a price',
    vi: '{n} dòng thiếu số lượng hoặc đơn giá',
  },
  badOrderId: { en: '{n} lines whose order id cannot be read', vi: '{n} dòng không đọc được mã đơn' },
  blankOrderId: { en: '{n} lines without an order id', vi: '{n} dòng không có mã đơn' },
  afterAsOf: { en: '{n} lines dated after the as-of date', vi: '{n} dòng có ngày sau ngày tính' },
  leftOut: { en: 'left out: {what}', vi: 'bỏ qua: {what}' },
} as const satisfies Record<string, Record<Lang, string>>;

const TEXT = LINES_TEXT;
type TextKey = keyof typeof TEXT;

function fill(key: TextKey, lang: Lang, values: Record<string, string>): string {
  return fillTemplate(TEXT[key][lang], values);
}

/** A count as the language writes it: 20,497 in English, 20.497 in Vietnamese. */
export function countText(n: number, lang: Lang): string {
  return formatCount(n, lang);
}

/** "rows 5, 9, 12, …" (rows as the sheet numbers them; an ellipsis when there are more lines than rows shown). */
export function rowsText(group: LineGroup, lang: Lang): string {
  const more = group.count > group.rows.length ? ', …' : '';
  return fill('rows', lang, { rows: group.rows.map((r) => countText(r, lang)).join(', ') + more });
}

/** "24 customers from 412 lines". */
export function customersFromLines(customers: number, lines: number, lang: Lang): string {
  return fill('customersFromLines', lang, { customers: countText(customers, lang), lines: countText(lines, lang) });
}

/** "43 lines without a customer" for a reason lines were left out. */
export function leftOutText(reason: LeftOutReason, count: number, revenueFrom: RevenueSource, lang: Lang): string {
  const key: TextKey =
    revenueFrom === 'quantityPrice' && reason === 'badRevenue'
      ? 'badQuantityPrice'
      : revenueFrom === 'quantityPrice' && reason === 'blankRevenue'
        ? 'blankQuantityPrice'
        : reason;
  return fill(key, lang, { n: countText(count, lang) });
}

export function returnLinesText(count: number, lang: Lang): string {
  return fill('returnLines', lang, { n: countText(count, lang) });
}

/** The summary sheet's total for order lines: "Total: 24 customers from 412 lines; left out: 43 lines …". */
export function linesTotalText(
  report: {
    readonly customers: number;
    readonly lines: number;
    readonly revenueFrom: RevenueSource;
    readonly leftOut: readonly LeftOutGroup[];
  },
  lang: Lang,
): string {
  const total = fill('total', lang, { what: customersFromLines(report.customers, report.lines, lang) });
  if (report.leftOut.length === 0) return total;
  const leftOut = report.leftOut
    .map((g) => `${leftOutText(g.reason, g.count, report.revenueFrom, lang)} (${rowsText(g, lang)})`)
    .join('; ');
  return `${total}; ${fill('leftOut', lang, { what: leftOut })}`;
}
