/**
 * RFM_SCORE and RFM_SEGMENT: the cell reading and shapes around the pure method in methods/rfm.ts, and the options
 * (as_of, bins, thresholds) and default rules that RFM_TABLE (rfm-table.ts) shares.
 */
import {
  isAbsent,
  numberGrid,
  optionalDate,
  optionalNumber,
  readLang,
  readVectorDates,
  readVectorNumbers,
  requireAscending,
  requireSameLength,
  shapeLike,
  toMatrix,
  toVector,
} from '../args.js';
import { BLANK, BLANK_STATE, PROBLEM, describeCell, isBlank, readNumber, readText, serialToIso } from '../cells.js';
import { at, describeProblem, fail, isProblem, problem, type Problem } from '../errors.js';
import { label, type Lang } from '../labels.js';
import {
  DEFAULT_BINS,
  DEFAULT_RULES,
  MAX_BINS,
  MIN_BINS,
  frequencyScore,
  matchRule,
  monetaryScore,
  quantileCuts,
  recencyScore,
  scoreDigits,
  type RfmCuts,
  type RuleBounds,
  type SegmentRule,
} from '../methods/rfm.js';
import type { OutCell } from '../output.js';
import { LANG_PARAM, param, type FunctionSpec, type ParamSpec } from './types.js';

// ---------------------------------------------------------------------------------------------------------------
// Shared options: as_of, bins, thresholds

export interface RfmOptions {
  readonly asOf: number | undefined;
  readonly bins: number;
  /** Threshold-mode bounds; undefined in quantile mode. */
  readonly thresholds: RfmCuts | undefined;
}

/** The 3-row thresholds array: rows R (days), F, M, each strictly ascending with bins − 1 (1..8) bounds. */
function readThresholds(raw: unknown): RfmCuts | undefined {
  if (isAbsent(raw)) return undefined;
  const grid = numberGrid(raw, 'thresholds');
  const cols = grid[0]?.length ?? 0;
  if (grid.length !== 3 || cols < 1 || cols > MAX_BINS - 1 || grid.some((r) => r.length !== cols)) {
    fail('thresholdRows', { arg: 'thresholds', rows: grid.length, cols });
  }
  for (const bounds of grid) requireAscending(bounds, 'thresholds');
  const [r, f, m] = grid as [number[], number[], number[]];
  return {
    mode: 'threshold',
    bins: cols + 1,
    r: Float64Array.from(r),
    f: Float64Array.from(f),
    m: Float64Array.from(m),
  };
}

export function readOptions(asOfRaw: unknown, binsRaw: unknown, thresholdsRaw: unknown): RfmOptions {
  const asOf = optionalDate(asOfRaw, 'as_of');
  const binsGiven = optionalNumber(binsRaw, 'bins', { min: MIN_BINS, max: MAX_BINS, integer: true });
  const thresholds = readThresholds(thresholdsRaw);
  if (thresholds && binsGiven !== undefined && binsGiven !== thresholds.bins) {
    fail('binsMismatch', { arg: 'bins', value: binsGiven, cols: thresholds.bins - 1, bins: thresholds.bins });
  }
  return { asOf, bins: thresholds?.bins ?? binsGiven ?? DEFAULT_BINS, thresholds };
}

/** The cuts to score with: the given thresholds, or the population's quantiles. */
export function cutsFor(options: RfmOptions, days: Float64Array, orders: Float64Array, revenue: Float64Array): RfmCuts {
  return options.thresholds ?? quantileCuts(days, orders, revenue, options.bins);
}

function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}

const AS_OF_HELP = {
  en: 'The date recency is counted to (a date cell, a serial, or text such as 2024-12-31, 20241231 or 31/12/2024). Default: the latest date in the data, never today (answers would change overnight). Pass it in row-by-row formulas.',
  vi: 'Ngày tính số ngày từ lần mua cuối (ô ngày, số sê-ri, hoặc chữ như 2024-12-31, 20241231 hay 31/12/2024). Mặc định: ngày gần nhất trong dữ liệu, không bao giờ là hôm nay (kết quả sẽ đổi qua đêm). Hãy truyền khi viết công thức từng dòng.',
};
const BINS_HELP = {
  en: 'Number of score levels, 2 to 9; default 5. With thresholds it follows from their width.',
  vi: 'Số mức điểm, từ 2 đến 9; mặc định 5. Khi có thresholds, số mức suy ra từ độ rộng của nó.',
};
const THRESHOLDS_HELP = {
  en: 'Fixed bounds instead of quantiles: 3 rows (R in days, F, M), each strictly ascending with bins − 1 lower bounds, e.g. {115,181,297,482;4,5,6,8;256,382,506,666}. Score = 1 + number of bounds ≤ the value; for recency reversed (R = 5 below 115 days). Needs no population, so it works row by row.',
  vi: 'Ngưỡng cố định thay cho phân vị: 3 dòng (R theo số ngày, F, M), mỗi dòng tăng dần nghiêm ngặt với bins − 1 cận dưới, ví dụ {115,181,297,482;4,5,6,8;256,382,506,666}. Điểm = 1 + số cận ≤ giá trị; với R thì ngược lại (R = 5 khi dưới 115 ngày). Không cần tập so sánh nên dùng được từng dòng.',
};

export function optionParams(): ParamSpec[] {
  return [
    param('as_of', 'date', AS_OF_HELP, true),
    param('bins', 'number', BINS_HELP, true),
    param('thresholds', 'matrix', THRESHOLDS_HELP, true),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// RFM_SCORE

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
    ...optionParams(),
  ],
  result: 'perCell',
  example: {
    formula: '=RFM_SCORE({"2024-12-30";"2024-06-01";"2023-01-15"}, {9;3;1}, {900;300;40})',
    result: '555; 333; 111',
  },
  run([lastRaw, ordersRaw, revenueRaw, asOfRaw, binsRaw, thresholdsRaw]) {
    const lastVector = toVector(lastRaw, 'last_purchase');
    const ordersVector = toVector(ordersRaw, 'orders');
    const revenueVector = toVector(revenueRaw, 'revenue');
    requireSameLength(lastVector, 'last_purchase', ordersVector, 'orders');
    requireSameLength(lastVector, 'last_purchase', revenueVector, 'revenue');
    const options = readOptions(asOfRaw, binsRaw, thresholdsRaw);
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
    if (count > 0) {
      const cuts = cutsFor(options, days, f, m);
      count = 0;
      for (let i = 0; i < n; i++) {
        if (!member[i]) continue;
        const j = count++;
        answers[i] =
          100 * recencyScore(days[j] as number, cuts) +
          10 * frequencyScore(f[j] as number, cuts) +
          monetaryScore(m[j] as number, cuts);
      }
    }
    return shapeLike(lastVector, answers);
  },
};

// ---------------------------------------------------------------------------------------------------------------
// RFM_SEGMENT

/** A score cell: its digits, a blank answer, or a problem. Excel's blank-as-0 is a blank: no score is 0. */
function readScore(raw: unknown): [number, number, number] | '' | Problem {
  if (raw === 0 || isBlank(raw)) return '';
  let text: string;
  if (typeof raw === 'string') {
    text = raw.trim();
    // Sheets shows another function's per-row problem as text starting with the error, e.g. "#VALUE! orders, row 3: …"
    const error = /^(#[A-Z0-9/]+[!?]?)(?:\s|$)/.exec(text);
    if (error && /^#(?:VALUE!|N\/A|NUM!|REF!|DIV\/0!|NAME\?|NULL!|ERROR!)$/.test(error[1] as string)) {
      return problem('errorValue', { text: error[1] as string });
    }
  } else if (typeof raw === 'boolean') text = raw ? 'TRUE' : 'FALSE';
  else text = describeCell(raw);
  const read = readNumber(raw);
  if (isProblem(read) && read.code === 'errorValue') return read;
  const digits = typeof read === 'number' ? scoreDigits(read) : undefined;
  return digits ?? problem('notAScore', { text });
}

const BOUND_NAMES = ['r_lo', 'r_hi', 'f_lo', 'f_hi', 'm_lo', 'm_hi'] as const;

function isBlankOrZero(cell: unknown): boolean {
  return cell === 0 || isBlank(cell);
}

/** A custom rules range: 7 columns, the first row may be a header; blank rows are skipped. Whole-call problems. */
function readRules(raw: unknown, lang: Lang): SegmentRule[] {
  const rows = toMatrix(raw, 'rules', 0);
  const cols = rows[0]?.length ?? 0;
  if (cols !== 7) fail('rulesColumns', { arg: 'rules', cols });
  const bad = (row: number, why: Problem): never =>
    fail('rulesShape', { arg: 'rules', row, why: describeProblem(why, lang) });
  const rules: SegmentRule[] = [];
  rows.forEach((cells, index) => {
    const row = index + 1;
    if (cells.every(isBlankOrZero)) return;
    const boundCells = cells.slice(1, 7);
    const isHeader = (c: unknown): boolean => typeof c === 'string' && !isBlank(c) && typeof readNumber(c) !== 'number';
    if (index === 0 && boundCells.every(isHeader)) return;
    const name = readText(cells[0]);
    if (name === BLANK) bad(row, problem('ruleNoName'));
    if (isProblem(name)) bad(row, name);
    const bounds = boundCells.map((cell, j) => {
      const value = readNumber(cell);
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 9) {
        bad(row, problem('ruleBadBound', { bound: BOUND_NAMES[j] as string, text: isBlank(cell) ? '' : String(cell) }));
      }
      return value as number;
    });
    for (let j = 0; j < 6; j += 2) {
      if ((bounds[j] as number) > (bounds[j + 1] as number)) {
        bad(
          row,
          problem('ruleBoundsOrder', {
            lo: `${BOUND_NAMES[j]} (${bounds[j]})`,
            hi: `${BOUND_NAMES[j + 1]} (${bounds[j + 1]})`,
          }),
        );
      }
    }
    rules.push({ name: name as string, bounds: bounds as unknown as RuleBounds });
  });
  if (rules.length === 0) fail('noData', { arg: 'rules' });
  return rules;
}

/** The default rules with their names in a language. */
export function defaultRules(lang: Lang): SegmentRule[] {
  return DEFAULT_RULES.map((rule) => ({ name: label(rule.name, lang), bounds: rule.bounds }));
}

export const RFM_SEGMENT: FunctionSpec = {
  name: 'RFM_SEGMENT',
  summary: {
    en: 'Named segment of each RFM score (545 or "545"): the first matching rule wins, no match is Others. Default rules (R, F, M inclusive): Champions 5/5/5; Potential Loyalist 3–5/3–5/2–5; Loyal Customers 2–4/2–4/2–4; Promising 3–4/1–3/3–5; New Customers 4–5/1–3/1–5; Can’t Lose Them 1–2/3–4/4–5; At Risk 1–2/2–5/4–5; Need Attention 1–3/3–5/3–5; About To Sleep 2–3/1–3/1–4; Lost 1/1–5/1–5.',
    vi: 'Tên phân khúc của từng điểm RFM (545 hoặc "545"): quy tắc khớp đầu tiên được chọn, không khớp là Khác. Quy tắc mặc định (R, F, M, gồm cả biên): Nhà vô địch 5/5/5; Tiềm năng trung thành 3–5/3–5/2–5; Khách hàng trung thành 2–4/2–4/2–4; Hứa hẹn 3–4/1–3/3–5; Khách hàng mới 4–5/1–3/1–5; Không thể để mất 1–2/3–4/4–5; Có nguy cơ 1–2/2–5/4–5; Cần quan tâm 1–3/3–5/3–5; Sắp ngủ đông 2–3/1–3/1–4; Đã mất 1/1–5/1–5.',
  },
  params: [
    param('rfm_scores', 'range', {
      en: 'Scores of three digits 1 to 9, as numbers (545) or text ("545"), e.g. from RFM_SCORE (a column or row, or one cell). Blank (or 0, as some Excel builds pass a blank) gives a blank answer; anything else that is not such a score gets #VALUE!.',
      vi: 'Điểm gồm ba chữ số từ 1 đến 9, dạng số (545) hoặc chữ ("545"), ví dụ từ RFM_SCORE (một cột, một dòng hoặc một ô). Ô trống (hoặc 0, như một số bản Excel truyền ô trống) cho kết quả trống; giá trị khác không phải điểm như vậy nhận #VALUE!.',
    }),
    param(
      'rules',
      'matrix',
      {
        en: 'Your own rules instead of the defaults: a range of exactly 7 columns name, r_lo, r_hi, f_lo, f_hi, m_lo, m_hi (whole numbers 1 to 9, bounds inclusive), checked top to bottom. A first row of column titles and blank rows are skipped. Names are used as written.',
        vi: 'Quy tắc riêng thay cho mặc định: vùng đúng 7 cột tên, r_lo, r_hi, f_lo, f_hi, m_lo, m_hi (số nguyên từ 1 đến 9, gồm cả biên), xét từ trên xuống. Dòng tiêu đề đầu tiên và các dòng trống được bỏ qua. Tên được dùng nguyên văn.',
      },
      true,
    ),
    LANG_PARAM,
  ],
  result: 'perCell',
  example: {
    formula: '=RFM_SEGMENT({555;545;111;"222"})',
    result: 'Champions; Potential Loyalist; Lost; Loyal Customers',
  },
  run([scoresRaw, rulesRaw, langRaw]) {
    const lang = readLang(langRaw);
    const vector = toVector(scoresRaw, 'rfm_scores');
    const rules = isAbsent(rulesRaw) ? defaultRules(lang) : readRules(rulesRaw, lang);
    const others = label('rfmOthers', lang);
    const cells = vector.cells;
    const answers = new Array<OutCell>(cells.length);
    for (let i = 0; i < cells.length; i++) {
      const read = readScore(cells[i]);
      if (read === '') answers[i] = '';
      else if (isProblem(read)) answers[i] = at(read, 'rfm_scores', i + 1);
      else {
        const k = matchRule(read[0], read[1], read[2], rules);
        answers[i] = k < 0 ? others : (rules[k] as SegmentRule).name;
      }
    }
    return shapeLike(vector, answers);
  },
};
