/**
 * RFM_SCORE: the cell reading and shapes around the pure method in methods/rfm.ts, and the one scoring of a
 * population (`scorePopulation`) that RFM_TABLE (rfm-table.ts) shares.
 */
import { parallelVectors, readVectorDates, readVectorNumbers, shapeLike } from '../args.js';
import { BLANK_STATE, PROBLEM, serialToIso } from '../cells.js';
import { at, problem, type Problem } from '../errors.js';
import { combineScore, rfmDigits, type RfmDigits } from '../methods/rfm.js';
import type { OutCell } from '../output.js';
import { AS_OF_FIELD, BINS_FIELD, cutsFor, readRfmOptions, RFM_OPTION_PARAMS, type RfmOptions } from './rfm-options.js';
import { param, type DetailSink, type FunctionSpec } from './types.js';
import { LAST_PURCHASE, ORDERS, REVENUE, as } from './column-roles.js';
import { defineMethod } from './method.js';
import { RFM_SEGMENT_LABELS } from './rfm-segment.js';

/**
 * Scores a population (each member's days since the last purchase, orders and revenue) with the options' cuts,
 * reporting as_of and the cuts to `details`. Undefined when the population is empty (there are no quantiles).
 */
export function scorePopulation(
  options: RfmOptions,
  asOf: number,
  days: Float64Array,
  orders: Float64Array,
  revenue: Float64Array,
  details?: DetailSink,
): RfmDigits | undefined {
  if (days.length === 0) return undefined;
  const cuts = cutsFor(options, days, orders, revenue);
  details?.({
    kind: 'rfm',
    asOf,
    bins: cuts.bins,
    mode: cuts.mode,
    r: Array.from(cuts.r),
    f: Array.from(cuts.f),
    m: Array.from(cuts.m),
  });
  return rfmDigits(days, orders, revenue, cuts);
}

function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}

export const RFM_SCORE: FunctionSpec = {
  name: 'RFM_SCORE',
  summary: {
    en: 'Recency, frequency and monetary scores of each customer row as the number 100·R + 10·F + M (e.g. 545). Quantile mode (default): cut points at the 1/bins … (bins−1)/bins quantiles of the rows, as PERCENTILE.INC; score = 1 + number of cut points strictly below the value; R = bins − number of cut points strictly below the days since the last purchase (fewer days, higher R; a day count on a cut point gets the higher R). Equal values get equal scores. A row with a blank input gives a blank answer.',
    vi: 'Điểm gần đây, tần suất và giá trị của từng khách hàng dưới dạng số 100·R + 10·F + M (ví dụ 545). Chế độ phân vị (mặc định): điểm cắt tại các phân vị 1/bins … (bins−1)/bins của các dòng, như PERCENTILE.INC; điểm = 1 + số điểm cắt nhỏ hơn hẳn giá trị; R = bins − số điểm cắt nhỏ hơn hẳn số ngày từ lần mua cuối (càng ít ngày R càng cao; số ngày đúng bằng điểm cắt được R cao hơn). Giá trị bằng nhau cùng điểm. Dòng có ô trống cho kết quả trống.',
  },
  params: [
    param('last_purchase', 'range', {
      en: 'Date of each customer’s last purchase (a column or row, or one cell): date cells, serials, or text such as 2024-05-31, 20240531 or 31/05/2024 (day or month first as the column’s own dates settle). Rows whose three inputs can all be read make the population for the quantiles.',
      vi: 'Ngày mua cuối của từng khách hàng (một cột, một dòng hoặc một ô): ô ngày, số sê-ri, hoặc chữ như 2024-05-31, 20240531 hay 31/05/2024 (ngày hay tháng trước do chính các ngày trong cột xác định). Các dòng đọc được cả ba giá trị tạo thành tập so sánh để tính phân vị.',
    }),
    param('orders', 'range', {
      en: 'Number of orders of each customer, a whole number ≥ 0, same length as last_purchase. Excel builds that pass a blank as 0 read it as 0 orders.',
      vi: 'Số đơn hàng của từng khách hàng, số nguyên ≥ 0, cùng độ dài với last_purchase. Các bản Excel truyền ô trống thành 0 sẽ đọc là 0 đơn.',
    }),
    param('revenue', 'range', {
      en: 'Revenue of each customer, same length as last_purchase; negative (net returns) is allowed. Excel builds that pass a blank as 0 read it as 0.',
      vi: 'Doanh thu của từng khách hàng, cùng độ dài với last_purchase; cho phép số âm (trả hàng ròng). Các bản Excel truyền ô trống thành 0 sẽ đọc là 0.',
    }),
    ...RFM_OPTION_PARAMS,
  ],
  result: 'perCell',
  example: {
    formula: '=RFM_SCORE({"2024-12-30";"2024-06-01";"2023-01-15"}, {9;3;1}, {900;300;40})',
    result: '555; 333; 111',
  },
  run([lastRaw, ordersRaw, revenueRaw, asOfRaw, binsRaw, thresholdsRaw], details) {
    const [lastVector, ordersVector, revenueVector] = parallelVectors([
      [lastRaw, 'last_purchase'],
      [ordersRaw, 'orders'],
      [revenueRaw, 'revenue'],
    ]);
    const options = readRfmOptions(asOfRaw, binsRaw, thresholdsRaw);
    const dates = readVectorDates(lastVector);
    const orders = readVectorNumbers(ordersVector);
    const revenue = readVectorNumbers(revenueVector);
    const n = dates.values.length;
    const answers = new Array<OutCell>(n);

    // The population: rows whose three inputs are readable (and orders a count).
    const member = new Uint8Array(n);
    let latest = -Infinity;
    for (let i = 0; i < n; i++) {
      if (dates.state[i] === PROBLEM) answers[i] = at(dates.problems.get(i) as Problem, 'last_purchase', i + 1);
      else if (orders.state[i] === PROBLEM) answers[i] = at(orders.problems.get(i) as Problem, 'orders', i + 1);
      else if (revenue.state[i] === PROBLEM) answers[i] = at(revenue.problems.get(i) as Problem, 'revenue', i + 1);
      else if (dates.state[i] === BLANK_STATE || orders.state[i] === BLANK_STATE || revenue.state[i] === BLANK_STATE) {
        answers[i] = '';
      } else if (!isCount(orders.values[i] as number)) {
        answers[i] = at(problem('negativeCount', { text: orders.values[i] as number }), 'orders', i + 1);
      } else {
        member[i] = 1;
        if ((dates.values[i] as number) > latest) latest = dates.values[i] as number;
      }
    }
    const asOf = options.asOf ?? latest;

    let count = 0;
    for (let i = 0; i < n; i++) {
      if (!member[i]) continue;
      const last = dates.values[i] as number;
      if (last > asOf) {
        member[i] = 0;
        answers[i] = at(
          problem('dateAfterAsOf', { date: serialToIso(last), asOf: serialToIso(asOf) }),
          'last_purchase',
          i + 1,
        );
      } else count++;
    }
    const days = new Float64Array(count);
    const f = new Float64Array(count);
    const m = new Float64Array(count);
    count = 0;
    for (let i = 0; i < n; i++) {
      if (!member[i]) continue;
      days[count] = asOf - (dates.values[i] as number);
      f[count] = orders.values[i] as number;
      m[count++] = revenue.values[i] as number;
    }
    const digits = scorePopulation(options, asOf, days, f, m, details);
    if (digits) {
      count = 0;
      for (let i = 0; i < n; i++) {
        if (!member[i]) continue;
        const j = count++;
        answers[i] = combineScore(digits.r[j] as number, digits.f[j] as number, digits.m[j] as number);
      }
    }
    return shapeLike(lastVector, answers);
  },
};

export const RFM_METHOD = defineMethod({
  id: 'rfm',
  name: { en: 'RFM (one row per customer)', vi: 'RFM (mỗi khách một dòng)' },
  about: {
    en: 'Recency, frequency and money scores, named segments.',
    vi: 'Điểm gần đây, tần suất, giá trị và tên phân khúc.',
  },
  run: 'function',
  fn: 'RFM_SCORE',
  columns: [as(LAST_PURCHASE, 'last_purchase'), as(ORDERS, 'orders'), as(REVENUE, 'revenue')],
  options: [AS_OF_FIELD, BINS_FIELD],
  chart: 'bars',
  labels: RFM_SEGMENT_LABELS,
  then(scores, { call, lang }) {
    const scoreCells = scores.map((s) => [typeof s === 'number' || typeof s === 'string' ? s : '']);
    const segments = call('RFM_SEGMENT', [scoreCells, null, lang]);
    return scores.map((s, i) => (typeof s === 'number' || s === '' ? (segments[i] ?? '') : s));
  },
});
