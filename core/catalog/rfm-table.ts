/**
 * RFM_TABLE: order lines (read by core/order-lines.ts, grouped by methods/orders.ts) to one scored row per customer.
 *
 * - Orders: each line, or with `order_ids` the lines of one customer that share an id; an order of value 0 or below
 *   (a return, a cancellation invoice such as C536379) is not counted and its date is not a purchase date, but its
 *   value nets off the customer's revenue.
 * - A customer with no purchase (every order ≤ 0) is listed with Orders 0, Revenue, and the rest blank; it is not in
 *   the score population.
 * - A line that cannot be used is left out. When its customer is known, that customer's row keeps the customer and
 *   carries the problem in `Last purchase`, the rest blank (its totals would be incomplete, so it gets no score and is
 *   not in the population, as a bad row is elsewhere); lines with a blank or unreadable customer are reported together
 *   in one final row whose first cell is the problem, with their count and first rows.
 * - as_of defaults to the latest date of the used lines.
 * Cost: O(lines) to group, O(c log c) for the quantiles of c customers.
 */
import { alongside, isAbsent, parallelVectors, readLang } from '../args.js';
import { describeProblem, problem, type Problem } from '../errors.js';
import { label, type Lang, type LabelKey } from '../labels.js';
import { groupOrders, type LeftOutReport } from '../methods/orders.js';
import { combineScore, matchRule, type SegmentRule } from '../methods/rfm.js';
import { readOrderLines } from '../order-lines.js';
import { dateOut, type OutCell, type OutGrid } from '../output.js';
import { AS_OF_FIELD, BINS_FIELD, readRfmOptions, RFM_OPTION_PARAMS } from './rfm-options.js';
import { scorePopulation } from './rfm-score.js';
import { defaultRules, RFM_SEGMENT_LABELS } from './rfm-segment.js';
import { LANG_PARAM, param, type FunctionSpec } from './types.js';
import { CUSTOMER, ORDER_DATE, ORDER_ID, PRICE, QUANTITY, REVENUE, as } from './column-roles.js';
import { defineMethod } from './method.js';

/** RFM_TABLE's header, in its order (the command line writes the same). */
export const RFM_TABLE_HEADER: readonly LabelKey[] = [
  'headerCustomer',
  'headerLastPurchase',
  'headerRecencyDays',
  'headerOrders',
  'headerRevenue',
  'headerR',
  'headerF',
  'headerM',
  'headerRfmScore',
  'headerSegment',
];
const WIDTH = RFM_TABLE_HEADER.length;

function reportProblem(report: LeftOutReport, lang: Lang): Problem {
  const details = report.problems.map((p) => describeProblem(p, lang)).join('; ');
  return problem('linesLeftOut', {
    count: report.count,
    details: details + (report.count > report.problems.length ? '; …' : ''),
  });
}

/** A row with its first cells given and the rest blank. */
function partialRow(...first: OutCell[]): OutCell[] {
  const row = new Array<OutCell>(WIDTH).fill('');
  first.forEach((cell, j) => (row[j] = cell));
  return row;
}

export const RFM_TABLE: FunctionSpec = {
  name: 'RFM_TABLE',
  summary: {
    en: 'From order lines to one row per customer, in order of first appearance, with a header: Customer, Last purchase, Recency (days), Orders, Revenue, R, F, M, RFM score, Segment (default rules). Without order_ids each line is an order; with them, a customer’s lines that share an order id are one order, dated by its latest line. An order of value 0 or below (a return, a cancellation) is not counted and its date is not a purchase, but its value nets off Revenue; a customer with no purchase gets Orders 0 and no score. Scores as RFM_SCORE, over the customers with a purchase. Empty lines are skipped. A line that cannot be used is left out: when its customer is known, that customer’s row shows the problem in Last purchase and gets no score; lines without a readable customer are counted in one final row that starts with #VALUE!.',
    vi: 'Từ các dòng đơn hàng thành mỗi khách hàng một dòng, theo thứ tự xuất hiện đầu tiên, có tiêu đề: Khách hàng, Lần mua cuối, Số ngày từ lần mua cuối, Số đơn, Doanh thu, R, F, M, Điểm RFM, Phân khúc (quy tắc mặc định). Không có order_ids thì mỗi dòng là một đơn; có order_ids thì các dòng của một khách cùng mã đơn là một đơn, lấy ngày muộn nhất của các dòng. Đơn có giá trị từ 0 trở xuống (trả hàng, hủy đơn) không được đếm và ngày của nó không phải ngày mua, nhưng giá trị được trừ vào Doanh thu; khách chưa mua lần nào có Số đơn 0 và không có điểm. Điểm tính như RFM_SCORE trên các khách đã mua. Dòng trống được bỏ qua. Dòng không dùng được bị loại: khi biết khách hàng, dòng của khách đó báo lỗi ở cột Lần mua cuối và không có điểm; các dòng không đọc được khách hàng được đếm chung ở một dòng cuối bắt đầu bằng #VALUE!.',
  },
  params: [
    param('customers', 'range', {
      en: 'Customer of each order line (a column or row): trimmed text, case-sensitive; the number 1001 and the text "1001" are one customer. Lines with a blank customer are counted in the final row.',
      vi: 'Khách hàng của từng dòng đơn (một cột hoặc một dòng): chữ đã bỏ khoảng trắng đầu cuối, phân biệt hoa thường; số 1001 và chữ "1001" là cùng một khách. Dòng không có khách hàng được đếm ở dòng cuối.',
    }),
    param('order_dates', 'range', {
      en: 'Date of each order line, same length as customers: date cells, serials, or text such as 2024-05-31 14:05, 20240531 or 22/09/2026 09:46:16 (day or month first as the column’s own dates settle); a time of day is ignored.',
      vi: 'Ngày của từng dòng đơn, cùng độ dài với customers: ô ngày, số sê-ri, hoặc chữ như 2024-05-31 14:05, 20240531 hay 22/09/2026 09:46:16 (ngày hay tháng trước do chính các ngày trong cột xác định); giờ trong ngày được bỏ qua.',
    }),
    param('revenues', 'range', {
      en: 'Revenue of each order line, same length as customers: numbers or text such as 1,234.50 or 450.000 ₫; 0 or negative for returns and cancellations. Excel builds that pass a blank as 0 read it as 0.',
      vi: 'Doanh thu của từng dòng đơn, cùng độ dài với customers: số hoặc chữ như 1,234.50 hay 450.000 ₫; 0 hoặc âm cho trả hàng và hủy đơn. Các bản Excel truyền ô trống thành 0 sẽ đọc là 0.',
    }),
    ...RFM_OPTION_PARAMS,
    param(
      'order_ids',
      'range',
      {
        en: 'Order or invoice number of each line, same length as customers: a customer’s lines with the same id are one order (a point-of-sale export has one line per item). Left out: each line is one order.',
        vi: 'Mã đơn hoặc số hóa đơn của từng dòng, cùng độ dài với customers: các dòng của một khách cùng mã là một đơn (file xuất từ máy bán hàng có mỗi mặt hàng một dòng). Bỏ trống: mỗi dòng là một đơn.',
      },
      true,
    ),
    LANG_PARAM,
  ],
  result: 'table',
  example: {
    formula: '=RFM_TABLE({"Ann";"Bo";"Ann"}, {"2024-05-01";"2024-03-01";"2024-06-30"}, {120;80;60}, "2024-06-30")',
    result:
      'Customer, Last purchase, Recency (days), Orders, Revenue, R, F, M, RFM score, Segment; Ann, 2024-06-30, 0, 2, 180, 5, 5, 5, 555, Champions; Bo, 2024-03-01, 121, 1, 80, 1, 1, 1, 111, Lost',
  },
  run([customersRaw, datesRaw, revenuesRaw, asOfRaw, binsRaw, thresholdsRaw, orderIdsRaw, langRaw], details) {
    const lang = readLang(langRaw);
    const [customers, dates, revenues] = parallelVectors([
      [customersRaw, 'customers'],
      [datesRaw, 'order_dates'],
      [revenuesRaw, 'revenues'],
    ]);
    const orderIds = isAbsent(orderIdsRaw) ? undefined : alongside(customers, 'customers', orderIdsRaw, 'order_ids');
    const options = readRfmOptions(asOfRaw, binsRaw, thresholdsRaw);
    const grouped = groupOrders(readOrderLines({ customers, dates, revenues, orderIds }), { asOf: options.asOf });
    const asOf = options.asOf ?? grouped.latestDate;

    // The population: customers with a purchase and no line left out.
    const size = grouped.customerIds.length;
    const scored = new Uint8Array(size);
    let count = 0;
    for (let c = 0; c < size; c++) {
      if (!grouped.leftOutByCustomer.has(c) && (grouped.purchases[c] as number) > 0) {
        scored[c] = 1;
        count++;
      }
    }
    const days = new Float64Array(count);
    const f = new Float64Array(count);
    const m = new Float64Array(count);
    count = 0;
    for (let c = 0; c < size; c++) {
      if (!scored[c]) continue;
      days[count] = asOf - (grouped.lastPurchase[c] as number);
      f[count] = grouped.purchases[c] as number;
      m[count++] = grouped.revenue[c] as number;
    }
    const digits = scorePopulation(options, asOf, days, f, m, details);

    const segments = defaultRules(lang);
    const others = label('rfmOthers', lang);
    const grid: OutGrid = [RFM_TABLE_HEADER.map((key) => label(key, lang))];
    count = 0;
    for (let c = 0; c < size; c++) {
      const id = grouped.customerIds[c] as string;
      const bad = grouped.leftOutByCustomer.get(c);
      if (bad) grid.push(partialRow(id, reportProblem(bad, lang)));
      else if (scored[c] && digits) {
        const j = count++;
        const r = digits.r[j] as number;
        const fs = digits.f[j] as number;
        const ms = digits.m[j] as number;
        const k = matchRule(r, fs, ms, segments);
        grid.push([
          id,
          dateOut(grouped.lastPurchase[c] as number),
          days[j] as number,
          f[j] as number,
          m[j] as number,
          r,
          fs,
          ms,
          combineScore(r, fs, ms),
          k < 0 ? others : (segments[k] as SegmentRule).name,
        ]);
      } else if ((grouped.lines[c] as number) > 0) {
        grid.push(partialRow(id, '', '', 0, grouped.revenue[c] as number));
      }
    }
    const unknown = grouped.leftOutWithoutCustomer;
    if (unknown) grid.push(partialRow(reportProblem(unknown, lang)));
    return grid;
  },
};

export const RFM_ORDERS_METHOD = defineMethod({
  id: 'rfmOrders',
  name: { en: 'RFM on order lines', vi: 'RFM trên dòng đơn hàng' },
  about: {
    en: 'One line per item or order: lines with one order id are one order, returns net off, each customer scored.',
    vi: 'Mỗi mặt hàng hoặc đơn một dòng: các dòng cùng mã đơn là một đơn, hàng trả được trừ, chấm điểm từng khách.',
  },
  run: 'orderLines',
  fn: 'RFM_TABLE',
  columns: [
    as(CUSTOMER, 'customers'),
    as(ORDER_DATE, 'order_dates'),
    as(ORDER_ID, 'order_ids'),
    { ...as(REVENUE, 'revenues'), revenueFrom: 'column' },
    { ...QUANTITY, revenueFrom: 'quantityPrice' },
    { ...PRICE, revenueFrom: 'quantityPrice' },
  ],
  options: [AS_OF_FIELD, BINS_FIELD],
  chart: 'bars',
  labels: RFM_SEGMENT_LABELS,
});
