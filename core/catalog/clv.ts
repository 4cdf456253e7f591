/**
 * CLV_TABLE and CLV_MODEL: customer lifetime value from order lines, by the BG/NBD model of purchases (Fader, Hardie
 * and Lee 2005, ../methods/bgnbd.ts) and the Gamma-Gamma model of spend (Fader and Hardie 2013,
 * ../methods/gamma-gamma.ts), both fitted here by maximum likelihood to the customers given.
 *
 * - Lines are read and grouped into orders exactly as RFM_TABLE does (core/order-lines.ts, ../methods/orders.ts):
 *   order ids, returns netted, an order of value 0 or below is no purchase. A customer's purchases on one day are one
 *   occasion (../methods/occasions.ts); x = occasions − 1, t_x = last − first occasion, T = as_of − first occasion,
 *   all in days, m̄ = the mean value of the occasions after the first.
 * - as_of (default: the latest date of the lines) ends the observation: lines after it are left out of the models
 *   and reported in a final row; their customers keep their earlier lines.
 * - A line that cannot be read leaves its customer out of the fit (the customer's data would be incomplete): in
 *   CLV_TABLE that customer's row carries the problem in `First purchase`; lines without a readable customer are
 *   reported in a final row; in CLV_MODEL both are reported in one final row.
 * - A customer with no occasion (no line, or every order 0 or below) is listed with blank model columns.
 * - Fewer than 10 customers, no repeat purchase at all, a fit that does not converge, or a spend model without a
 *   finite mean is a whole-call problem that says which and what to do; an expected-purchase series that cannot be
 *   summed (a horizon far beyond the customer's age) is a problem in that customer's cells, never a silent number.
 * Cost: O(lines) to read and group, O(P log P) for P purchases to form occasions, the fits (O(n log n) and
 * O(evaluations · distinct customers), see the methods), then ⌈horizon / 30⌉ + 1 series per distinct (x, t_x, T).
 */
import { alongside, dateArg, isAbsent, numberArg, parallelVectors, readLang } from '../args.js';
import { serialToIso } from '../dates.js';
import { at, describeProblem, fail, problem, type ErrorCode, type Problem } from '../errors.js';
import { label, type Lang, type LabelKey } from '../labels.js';
import { expectedPurchases, fitBgnbd, probabilityAlive, type BgNbdFitted } from '../methods/bgnbd.js';
import { discountedClv } from '../methods/clv.js';
import { expectedOrderValue, fitGammaGamma, type GammaGammaFitted } from '../methods/gamma-gamma.js';
import { purchaseOccasions } from '../methods/occasions.js';
import { groupOrders, LINE_USED, PROBLEMS_KEPT, type LeftOutReport } from '../methods/orders.js';
import { MAX_TERMS } from '../numeric/hyp2f1.js';
import { readOrderLines } from '../order-lines.js';
import { dateOut, type OutCell, type OutGrid } from '../output.js';
import { LANG_PARAM, param, type FunctionSpec, type ParamSpec } from './types.js';

/** Default horizon of the forecast, in days. */
export const CLV_DEFAULT_HORIZON_DAYS = 365;
/** Longest horizon, in days (ten years). */
export const CLV_MAX_HORIZON_DAYS = 3650;
/** Default annual discount rate. */
export const CLV_DEFAULT_ANNUAL_DISCOUNT = 0.1;

const CUSTOMERS = param('customers', 'range', {
  en: 'Customer of each order line (a column or row): trimmed text, case-sensitive; the number 1001 and the text "1001" are one customer. Lines with a blank customer are counted in a final row.',
  vi: 'Khách hàng của từng dòng đơn (một cột hoặc một dòng): chữ đã bỏ khoảng trắng đầu cuối, phân biệt hoa thường; số 1001 và chữ "1001" là cùng một khách. Dòng không có khách hàng được đếm ở một dòng cuối.',
});

const ORDER_DATES = param('order_dates', 'range', {
  en: 'Date of each order line, same length as customers: date cells, serials, or text such as 2024-05-31 14:05, 20240531 or 22/09/2026 09:46:16 (day or month first as the column’s own dates settle); a time of day is ignored, and purchases of one customer on one day are one purchase occasion.',
  vi: 'Ngày của từng dòng đơn, cùng độ dài với customers: ô ngày, số sê-ri, hoặc chữ như 2024-05-31 14:05, 20240531 hay 22/09/2026 09:46:16 (ngày hay tháng trước do chính các ngày trong cột xác định); giờ trong ngày được bỏ qua, và các lần mua của một khách trong cùng một ngày là một lần mua.',
});

const REVENUES = param('revenues', 'range', {
  en: 'Revenue of each order line, same length as customers: numbers or text such as 1,234.50 or 450.000 ₫; 0 or negative for returns and cancellations, which are no purchase. Excel builds that pass a blank as 0 read it as 0.',
  vi: 'Doanh thu của từng dòng đơn, cùng độ dài với customers: số hoặc chữ như 1,234.50 hay 450.000 ₫; 0 hoặc âm cho trả hàng và hủy đơn, không được tính là lần mua. Các bản Excel truyền ô trống thành 0 sẽ đọc là 0.',
});

const AS_OF = param(
  'as_of',
  'date',
  {
    en: 'The end of the observation (a date cell, a serial, or text such as 2024-12-31, 20241231 or 31/12/2024): each customer’s age is counted to it, and lines after it are left out and reported. Default: the latest date in the lines, never today (answers would change overnight).',
    vi: 'Ngày kết thúc quan sát (ô ngày, số sê-ri, hoặc chữ như 2024-12-31, 20241231 hay 31/12/2024): tuổi của mỗi khách tính đến ngày này, các dòng sau ngày này bị bỏ qua và được báo lại. Mặc định: ngày gần nhất trong dữ liệu, không bao giờ là hôm nay (kết quả sẽ đổi qua đêm).',
  },
  true,
);

const HORIZON_DAYS = param(
  'horizon_days',
  'number',
  {
    en: 'How far ahead, in days, Expected purchases and CLV look from as_of.',
    vi: 'Số ngày nhìn về phía trước tính từ as_of cho Số lần mua dự kiến và Giá trị vòng đời.',
  },
  true,
  { default: CLV_DEFAULT_HORIZON_DAYS, min: 1, max: CLV_MAX_HORIZON_DAYS, integer: true },
);

const ANNUAL_DISCOUNT = param(
  'annual_discount',
  'number',
  {
    en: 'Yearly discount rate of future revenue, e.g. 0.1 for 10 %: each 30-day month’s expected revenue is divided by (1 + annual_discount)^(month / 12).',
    vi: 'Tỷ lệ chiết khấu theo năm của doanh thu tương lai, ví dụ 0.1 là 10 %: doanh thu dự kiến của mỗi tháng 30 ngày được chia cho (1 + annual_discount)^(tháng / 12).',
  },
  true,
  { default: CLV_DEFAULT_ANNUAL_DISCOUNT, min: 0, max: 1 },
);

const ORDER_IDS = param(
  'order_ids',
  'range',
  {
    en: 'Order or invoice number of each line, same length as customers: a customer’s lines with the same id are one order (a point-of-sale export has one line per item), dated by its latest line. Left out: each line is one order.',
    vi: 'Mã đơn hoặc số hóa đơn của từng dòng, cùng độ dài với customers: các dòng của một khách cùng mã là một đơn (file xuất từ máy bán hàng có mỗi mặt hàng một dòng), lấy ngày muộn nhất của các dòng. Bỏ trống: mỗi dòng là một đơn.',
  },
  true,
);

const TABLE_HEADER: readonly LabelKey[] = [
  'headerCustomer',
  'headerFirstPurchase',
  'headerLastPurchase',
  'headerRepeatPurchases',
  'headerAgeDays',
  'headerPAlive',
  'headerExpectedPurchases',
  'headerExpectedOrderValue',
  'headerClv',
];
const WIDTH = TABLE_HEADER.length;

/** Lines left out for one reason, with the first problems. */
function addTo(report: LeftOutReport | undefined, p: Problem): LeftOutReport {
  const entry = report ?? { count: 0, problems: [] };
  entry.count++;
  if (entry.problems.length < PROBLEMS_KEPT) entry.problems.push(p);
  return entry;
}

function details(report: LeftOutReport, lang: Lang): string {
  const text = report.problems.map((p) => describeProblem(p, lang)).join('; ');
  return text + (report.count > report.problems.length ? '; …' : '');
}

/** Order lines read for the models: who is in the fit, with their x, t_x, T and m̄ in days. */
interface ClvData {
  readonly customerIds: readonly string[];
  readonly asOf: number;
  /** Per customer: 1 when in the fit (an occasion, no line that cannot be read). */
  readonly inFit: Uint8Array;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly meanValue: Float64Array;
  readonly first: Float64Array;
  readonly last: Float64Array;
  /** Lines that cannot be read, per known customer. */
  readonly badByCustomer: ReadonlyMap<number, LeftOutReport>;
  /** Lines that cannot be read and have no readable customer. */
  readonly badWithoutCustomer: LeftOutReport | undefined;
  /** Every line that cannot be read, in line order. */
  readonly badLines: LeftOutReport | undefined;
  /** Lines after as_of (left out of the models, their customers kept). */
  readonly afterAsOf: LeftOutReport | undefined;
}

/** Reads and groups the order lines and forms each customer's occasions. O(lines + P log P). */
function readClvData(
  customersRaw: unknown,
  datesRaw: unknown,
  revenuesRaw: unknown,
  asOfRaw: unknown,
  orderIdsRaw: unknown,
): ClvData {
  const [customers, dates, revenues] = parallelVectors([
    [customersRaw, CUSTOMERS.name],
    [datesRaw, ORDER_DATES.name],
    [revenuesRaw, REVENUES.name],
  ]);
  const orderIds = isAbsent(orderIdsRaw)
    ? undefined
    : alongside(customers, CUSTOMERS.name, orderIdsRaw, ORDER_IDS.name);
  const asOfGiven = dateArg(AS_OF, asOfRaw);
  const lines = readOrderLines({ customers, dates, revenues, orderIds });
  const grouped = groupOrders(lines, { asOf: asOfGiven });
  const asOf = asOfGiven ?? grouped.latestDate;
  const size = lines.customerIds.length;

  const badByCustomer = new Map<number, LeftOutReport>();
  let badWithoutCustomer: LeftOutReport | undefined;
  let badLines: LeftOutReport | undefined;
  for (const [i, leftOut] of lines.leftOut) {
    const c = lines.customer[i] as number;
    badLines = addTo(badLines, leftOut.problem);
    if (c >= 0) badByCustomer.set(c, addTo(badByCustomer.get(c), leftOut.problem));
    else badWithoutCustomer = addTo(badWithoutCustomer, leftOut.problem);
  }
  let afterAsOf: LeftOutReport | undefined;
  if (asOfGiven !== undefined) {
    for (let i = 0; i < lines.count; i++) {
      const day = lines.date[i] as number;
      if (lines.status[i] !== LINE_USED || !(day > asOfGiven)) continue;
      const p = problem('dateAfterAsOf', { date: serialToIso(day), asOf: serialToIso(asOfGiven) });
      afterAsOf = addTo(afterAsOf, at(p, lines.dateArg, i + 1));
    }
  }

  const occasions = purchaseOccasions(grouped.orders, size);
  const inFit = new Uint8Array(size);
  const x = new Float64Array(size);
  const tx = new Float64Array(size);
  const T = new Float64Array(size);
  const meanValue = new Float64Array(size);
  for (let c = 0; c < size; c++) {
    const count = occasions.count[c] as number;
    if (count === 0 || badByCustomer.has(c)) continue;
    inFit[c] = 1;
    const first = occasions.first[c] as number;
    x[c] = count - 1;
    tx[c] = (occasions.last[c] as number) - first;
    T[c] = asOf - first;
    meanValue[c] = count > 1 ? (occasions.repeatValue[c] as number) / (count - 1) : 0;
  }
  return {
    customerIds: lines.customerIds,
    asOf,
    inFit,
    x,
    tx,
    T,
    meanValue,
    first: occasions.first,
    last: occasions.last,
    badByCustomer,
    badWithoutCustomer,
    badLines,
    afterAsOf,
  };
}

interface ClvFit {
  readonly purchases: BgNbdFitted;
  readonly spend: GammaGammaFitted;
}

function notConverged(model: string, reason: string): never {
  return fail('clvNotConverged', { model, reason });
}

/** The last successful fit and the customers it was fitted to. */
let lastFit: { readonly data: ClvData; readonly fit: ClvFit } | undefined;

function sameArray(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Whether the fit of `a` is the fit of `b`: the same customers in the fit, with the same x, t_x, T and mean values. */
function sameFitData(a: ClvData, b: ClvData): boolean {
  return (
    sameArray(a.inFit, b.inFit) &&
    sameArray(a.x, b.x) &&
    sameArray(a.tx, b.tx) &&
    sameArray(a.T, b.T) &&
    sameArray(a.meanValue, b.meanValue)
  );
}

/**
 * Fits both models to the customers in the fit; a failure is a whole-call problem. CLV_TABLE and CLV_MODEL on the
 * same lines (the panel's preview asks for both) fit once: the last fit is kept and reused when the customers' data
 * are the same, which an O(customers) comparison checks (the fit is deterministic, so reuse changes no answer).
 */
function fitModels(data: ClvData): ClvFit {
  if (lastFit !== undefined && sameFitData(lastFit.data, data)) return lastFit.fit;
  const fit = fitBoth(data);
  lastFit = { data, fit };
  return fit;
}

function fitBoth(data: ClvData): ClvFit {
  const n = data.inFit.reduce((s, v) => s + v, 0);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  let repeat = 0;
  for (let c = 0, j = 0; c < data.inFit.length; c++) {
    if (!data.inFit[c]) continue;
    x[j] = data.x[c] as number;
    tx[j] = data.tx[c] as number;
    T[j++] = data.T[c] as number;
    if ((data.x[c] as number) > 0) repeat++;
  }
  const purchases = fitBgnbd({ x, tx, T });
  switch (purchases.kind) {
    case 'fitted':
      break;
    case 'tooFewCustomers':
      return fail('clvTooFewCustomers', { min: purchases.min, count: purchases.count });
    case 'noRepeatPurchase':
      return fail('clvNoRepeatPurchase', { count: purchases.customers });
    case 'notConverged':
      return notConverged('BG/NBD', purchases.reason);
    case 'badCustomer':
      throw new Error(`CLV: customer ${purchases.index} has an impossible ${purchases.field}`);
  }
  const gx = new Float64Array(repeat);
  const gm = new Float64Array(repeat);
  for (let c = 0, j = 0; c < data.inFit.length; c++) {
    if (!data.inFit[c] || !((data.x[c] as number) > 0)) continue;
    gx[j] = data.x[c] as number;
    gm[j++] = data.meanValue[c] as number;
  }
  const spend = fitGammaGamma({ x: gx, meanValue: gm });
  switch (spend.kind) {
    case 'fitted':
      return { purchases, spend };
    case 'notConverged':
      return notConverged('Gamma-Gamma', spend.reason);
    case 'noFiniteMean':
      return fail('clvNoFiniteMean', { q: Number(spend.q.toPrecision(3)) });
    default:
      throw new Error(`CLV: the spend model was given impossible data (${spend.kind})`);
  }
}

/** A row with its first cells given and the rest blank. */
function partialRow(width: number, ...first: OutCell[]): OutCell[] {
  const row = new Array<OutCell>(width).fill('');
  first.forEach((cell, j) => (row[j] = cell));
  return row;
}

function leftOutProblem(code: ErrorCode, report: LeftOutReport, lang: Lang, extra = {}): Problem {
  return problem(code, { count: report.count, details: details(report, lang), ...extra });
}

/** The examples' order lines: ten customers over 2024, dates as 8-digit numbers, as_of the year's last day. */
const EXAMPLE_LINES =
  '{"A";"B";"C";"C";"D";"D";"E";"E";"F";"F";"F";"G";"G";"H";"H";"H";"H";"H";"I";"I";"J";"J"}, {20240709;20240407;20240101;20240219;20240603;20241115;20240203;20240513;20240717;20240929;20241003;20240119;20240426;20240105;20240112;20240118;20240121;20240226;20240305;20240513;20240128;20240328}, {50;80;20;30;90;100;90;80;100;100;100;130;120;40;40;50;40;40;100;80;80;110}, 20241231';

const ORDER_LINE_PARAMS: readonly ParamSpec[] = [CUSTOMERS, ORDER_DATES, REVENUES, AS_OF];

export const CLV_TABLE: FunctionSpec = {
  name: 'CLV_TABLE',
  summary: {
    en: 'Customer lifetime value from order lines: will each customer buy again, how often, and for how much. Fits the BG/NBD purchase model (Fader, Hardie and Lee 2005) and the Gamma-Gamma spend model (Fader and Hardie 2013) to the customers given and spills one row per customer, in order of first appearance, with a header: Customer, First purchase, Last purchase, Repeat purchases, Age (days), P(alive), Expected purchases, Expected order value, CLV. Orders and returns as in RFM_TABLE; a customer’s purchases on one day are one occasion. Expected purchases and CLV cover horizon_days after as_of, CLV discounted monthly. No purchase: blank model columns. A line that cannot be read leaves its customer out of the fit, the problem in First purchase; lines without a readable customer, and lines after as_of, are counted in final rows. Fewer than 10 customers, no repeat purchase, or a fit that does not converge fails the call with a message.',
    vi: 'Giá trị vòng đời khách hàng từ các dòng đơn hàng: mỗi khách còn mua nữa không, bao nhiêu lần, bao nhiêu tiền. Khớp mô hình số lần mua BG/NBD (Fader, Hardie và Lee 2005) và mô hình chi tiêu Gamma-Gamma (Fader và Hardie 2013) với các khách được cho, trả về mỗi khách một dòng theo thứ tự xuất hiện, có tiêu đề: Khách hàng, Lần mua đầu, Lần mua cuối, Số lần mua lại, Số ngày từ lần mua đầu, Khả năng còn mua, Số lần mua dự kiến, Giá trị đơn dự kiến, Giá trị vòng đời. Đơn hàng và hàng trả tính như RFM_TABLE; các lần mua của một khách trong một ngày là một lần mua. Số lần mua dự kiến và giá trị vòng đời tính cho horizon_days ngày sau as_of, chiết khấu theo tháng. Chưa mua: các cột mô hình để trống. Dòng không đọc được loại khách đó khỏi mô hình, lỗi ở cột Lần mua đầu; dòng không có khách và dòng sau as_of được đếm ở các dòng cuối. Dưới 10 khách, không ai mua lại, hoặc mô hình không hội tụ thì cả lệnh báo lỗi.',
  },
  params: [...ORDER_LINE_PARAMS, HORIZON_DAYS, ANNUAL_DISCOUNT, ORDER_IDS, LANG_PARAM],
  result: 'table',
  example: {
    formula: `=CLV_TABLE(${EXAMPLE_LINES})`,
    result:
      'Customer, First purchase, Last purchase, Repeat purchases, Age (days), P(alive), Expected purchases, Expected order value, CLV; A, 2024-07-09, 2024-07-09, 0, 175, 1, 0.825, 80.8, 63.9; B, 2024-04-07, 2024-04-07, 0, 268, 1, 0.695, 80.8, 53.7; C, 2024-01-01, 2024-02-19, 1, 365, 0.0375, 0.0378, 59.6, 2.15; D, 2024-06-03, 2024-11-15, 1, 211, 0.273, 0.341, 88.8, 29.1; E, 2024-02-03, 2024-05-13, 1, 332, 0.085, 0.0894, 80.5, 6.89; F, 2024-07-17, 2024-10-03, 2, 167, 0.164, 0.288, 92.1, 25.6; G, 2024-01-19, 2024-04-26, 1, 347, 0.0776, 0.08, 97.2, 7.45; H, 2024-01-05, 2024-02-26, 4, 361, 0.0027, 0.00545, 52.4, 0.275; I, 2024-03-05, 2024-05-13, 1, 301, 0.0685, 0.0751, 80.5, 5.79; J, 2024-01-28, 2024-03-28, 1, 338, 0.0503, 0.0524, 93, 4.67',
  },
  run([customersRaw, datesRaw, revenuesRaw, asOfRaw, horizonRaw, discountRaw, orderIdsRaw, langRaw]) {
    const lang = readLang(langRaw);
    const horizon = numberArg(HORIZON_DAYS, horizonRaw);
    const discount = numberArg(ANNUAL_DISCOUNT, discountRaw);
    const data = readClvData(customersRaw, datesRaw, revenuesRaw, asOfRaw, orderIdsRaw);
    const { purchases, spend } = fitModels(data);
    const bg = purchases.params;
    const gg = spend.params;

    const grid: OutGrid = [TABLE_HEADER.map((key) => label(key, lang))];
    const tooLong = problem('clvSeriesLimit', { horizon, terms: MAX_TERMS });
    // E[Y(H)] and the discounted months depend on (x, t_x, T) alone: once per distinct triple (one-time buyers of
    // one day share theirs), [E[Y(H)], Σ ΔE[Y] / (1 + d)^(k/12)].
    const forecasts = new Map<string, readonly [number, number]>();
    for (let c = 0; c < data.customerIds.length; c++) {
      const id = data.customerIds[c] as string;
      const bad = data.badByCustomer.get(c);
      if (bad) {
        grid.push(partialRow(WIDTH, id, leftOutProblem('linesLeftOut', bad, lang)));
        continue;
      }
      if (!data.inFit[c]) {
        grid.push(partialRow(WIDTH, id));
        continue;
      }
      const x = data.x[c] as number;
      const tx = data.tx[c] as number;
      const T = data.T[c] as number;
      const orderValue = expectedOrderValue(gg, x, data.meanValue[c] as number);
      const key = `${x} ${tx} ${T}`;
      let forecast = forecasts.get(key);
      if (!forecast) {
        // Σ ΔE[Y] × V / (1 + d)^(k/12) = V × Σ ΔE[Y] / (1 + d)^(k/12): the months' sum per unit of value.
        forecast = [expectedPurchases(bg, x, tx, T, horizon), discountedClv(bg, { x, tx, T }, 1, horizon, discount)];
        forecasts.set(key, forecast);
      }
      const [expected, perUnit] = forecast;
      grid.push([
        id,
        dateOut(data.first[c] as number),
        dateOut(data.last[c] as number),
        x,
        T,
        probabilityAlive(bg, x, tx, T),
        Number.isFinite(expected) ? expected : tooLong,
        orderValue,
        Number.isFinite(perUnit) ? perUnit * orderValue : tooLong,
      ]);
    }
    if (data.badWithoutCustomer) {
      grid.push(partialRow(WIDTH, leftOutProblem('linesLeftOut', data.badWithoutCustomer, lang)));
    }
    if (data.afterAsOf) grid.push(partialRow(WIDTH, leftOutProblem('linesAfterAsOf', data.afterAsOf, lang)));
    return grid;
  },
};

export const CLV_MODEL: FunctionSpec = {
  name: 'CLV_MODEL',
  summary: {
    en: 'The fitted parameters behind CLV_TABLE on the same order lines, as a two-column table with a header (Parameter, Value): r, alpha (days), a, b and the BG/NBD log-likelihood of the data in days; p, q, gamma and the Gamma-Gamma log-likelihood of the customers’ mean repeat values; the customers with a purchase occasion, and those with repeat purchases. A very large r (or a and b, or q and gamma) means the customers are alike in that respect: the best fit is the model’s limit in which everyone buys at one rate (drops out with one probability, spends around one mean), and the predictions are that limit’s. Lines that cannot be read, and lines after as_of, are reported in final rows that start with #VALUE!.',
    vi: 'Các tham số đã khớp đằng sau CLV_TABLE trên cùng các dòng đơn hàng, thành bảng hai cột có tiêu đề (Tham số, Giá trị): r, alpha (ngày), a, b và log-hợp lý BG/NBD của dữ liệu tính theo ngày; p, q, gamma và log-hợp lý Gamma-Gamma của giá trị mua lại trung bình của các khách; số khách có lần mua, và số khách có mua lại. r rất lớn (hoặc a và b, hoặc q và gamma rất lớn) nghĩa là các khách giống nhau ở mặt đó: điểm khớp tốt nhất là giới hạn của mô hình, trong đó mọi khách mua với cùng một tần suất (rời bỏ với cùng một xác suất, chi tiêu quanh cùng một mức trung bình), và các dự báo là của giới hạn đó. Các dòng không đọc được và các dòng sau as_of được báo ở các dòng cuối bắt đầu bằng #VALUE!.',
  },
  params: [...ORDER_LINE_PARAMS, ORDER_IDS],
  result: 'table',
  example: {
    formula: `=CLV_MODEL(${EXAMPLE_LINES})`,
    result:
      'Parameter, Value; r, 1.13; alpha (days), 81.2; a, 4.04; b, 2.18; BG/NBD log-likelihood, -71.3; p, 6.85; q, 10.5; gamma, 113; Gamma-Gamma log-likelihood, -40; customers, 10; customers with repeat purchases, 8',
  },
  run([customersRaw, datesRaw, revenuesRaw, asOfRaw, orderIdsRaw]) {
    const lang: Lang = 'en';
    const data = readClvData(customersRaw, datesRaw, revenuesRaw, asOfRaw, orderIdsRaw);
    const { purchases, spend } = fitModels(data);
    const row = (name: string, value: OutCell): OutCell[] => [name, value];
    const grid: OutGrid = [
      [label('headerParameter', lang), label('headerValue', lang)],
      row('r', purchases.params.r),
      row(label('clvAlphaDays', lang), purchases.params.alpha),
      row('a', purchases.params.a),
      row('b', purchases.params.b),
      row(label('clvBgnbdLogLikelihood', lang), purchases.logLikelihood),
      row('p', spend.params.p),
      row('q', spend.params.q),
      row('gamma', spend.params.gamma),
      row(label('clvGammaGammaLogLikelihood', lang), spend.logLikelihood),
      row(label('clvCustomers', lang), purchases.customers),
      row(label('clvRepeatCustomers', lang), purchases.repeatCustomers),
    ];
    if (data.badLines) {
      const customers = data.badByCustomer.size;
      grid.push(partialRow(2, leftOutProblem('clvLinesLeftOut', data.badLines, lang, { customers })));
    }
    if (data.afterAsOf) grid.push(partialRow(2, leftOutProblem('linesAfterAsOf', data.afterAsOf, lang)));
    return grid;
  },
};
