/** BCG_QUADRANT and PRIORITY_QUADRANT: two catalog entries over the one two-axis engine in methods/quadrant.ts. */
import { optionalNumberArg, readLang, readVectorNumbers, requireSameLength, shapeLike, toVector } from '../args.js';
import { BLANK_STATE, PROBLEM, VALUE } from '../cells.js';
import { at, type Problem } from '../errors.js';
import { label, type LabelKey } from '../labels.js';
import { medianWhere, quadrantOf, type Quadrant } from '../methods/quadrant.js';
import type { OutCell, OutGrid } from '../output.js';
import { LANG_PARAM, param, type DetailSink, type FunctionSpec, type ParamSpec, type Text } from './types.js';
import { ATTRACTIVENESS, FEASIBILITY, GROWTH, SALES, as } from './column-roles.js';
import { defineMethod } from './method.js';

interface Axis {
  /** The values' argument name. */
  readonly arg: string;
  /** The cut's parameter. */
  readonly cut: ParamSpec;
}

interface QuadrantConfig {
  readonly x: Axis;
  readonly y: Axis;
  readonly labels: Record<Quadrant, LabelKey>;
}

/**
 * Reads both columns, leaves a row with a problem in either column out of both populations, takes each
 * default cut as the median of every other readable cell of its column, and classifies the rows where both
 * values are numbers. A problem wins over a blank; a blank in either column gives a blank answer. The cuts used
 * go to `details`.
 */
function runQuadrant(config: QuadrantConfig, args: readonly unknown[], details?: DetailSink): OutGrid {
  const [xRaw, yRaw, xCutRaw, yCutRaw, langRaw] = args;
  const lang = readLang(langRaw);
  const xVector = toVector(xRaw, config.x.arg);
  const yVector = toVector(yRaw, config.y.arg);
  requireSameLength(xVector, config.x.arg, yVector, config.y.arg);
  const xCut = optionalNumberArg(config.x.cut, xCutRaw);
  const yCut = optionalNumberArg(config.y.cut, yCutRaw);
  const xs = readVectorNumbers(xVector);
  const ys = readVectorNumbers(yVector);
  const n = xs.values.length;

  const xUsable = new Uint8Array(n);
  const yUsable = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (xs.state[i] === PROBLEM || ys.state[i] === PROBLEM) continue;
    if (xs.state[i] === VALUE) xUsable[i] = 1;
    if (ys.state[i] === VALUE) yUsable[i] = 1;
  }
  const cuts = {
    x: xCut ?? medianWhere(xs.values, xUsable),
    y: yCut ?? medianWhere(ys.values, yUsable),
  };
  details?.({ kind: 'quadrant', xCut: cuts.x, yCut: cuts.y });

  const names: Record<Quadrant, string> = {
    highHigh: label(config.labels.highHigh, lang),
    lowHigh: label(config.labels.lowHigh, lang),
    highLow: label(config.labels.highLow, lang),
    lowLow: label(config.labels.lowLow, lang),
  };
  const answers = new Array<OutCell>(n);
  for (let i = 0; i < n; i++) {
    if (xs.state[i] === PROBLEM) answers[i] = at(xs.problems.get(i) as Problem, config.x.arg, i + 1);
    else if (ys.state[i] === PROBLEM) answers[i] = at(ys.problems.get(i) as Problem, config.y.arg, i + 1);
    else if (xs.state[i] === BLANK_STATE || ys.state[i] === BLANK_STATE) answers[i] = '';
    else answers[i] = names[quadrantOf(xs.values[i] as number, ys.values[i] as number, cuts)];
  }
  return shapeLike(xVector, answers);
}

const ROW_BY_ROW: Text = {
  en: 'Row-by-row formulas must pass both cuts: one row alone is its own median.',
  vi: 'Công thức từng dòng phải truyền cả hai ngưỡng: một dòng đứng riêng là trung vị của chính nó.',
};

const SALES_CUT = param(
  'sales_cut',
  'number',
  {
    en: `Sales at or above this are high; default: the median of sales. ${ROW_BY_ROW.en} E.g. MEDIAN(C$2:C$500).`,
    vi: `Doanh số từ ngưỡng này trở lên là cao; mặc định: trung vị của sales. ${ROW_BY_ROW.vi} Ví dụ MEDIAN(C$2:C$500).`,
  },
  true,
);
const GROWTH_CUT = param(
  'growth_cut',
  'number',
  {
    en: 'Growth at or above this is high; default: the median of growth. E.g. 10%.',
    vi: 'Tăng trưởng từ ngưỡng này trở lên là cao; mặc định: trung vị của growth. Ví dụ 10%.',
  },
  true,
);

const BCG: QuadrantConfig = {
  x: { arg: 'sales', cut: SALES_CUT },
  y: { arg: 'growth', cut: GROWTH_CUT },
  labels: { highHigh: 'bcgStar', lowHigh: 'bcgQuestionMark', highLow: 'bcgCashCow', lowLow: 'bcgDog' },
};

export const BCG_QUADRANT: FunctionSpec = {
  name: 'BCG_QUADRANT',
  summary: {
    en: 'Customer BCG matrix: Star (high sales, high growth), Question Mark (low sales, high growth), Cash Cow (high sales, low growth) or Dog (low, low). High means ≥ the cut; default cuts: the medians of the given sales and growth. A blank growth (no earlier period) gives a blank answer.',
    vi: 'Ma trận BCG khách hàng: Ngôi sao (doanh số cao, tăng trưởng cao), Dấu hỏi (doanh số thấp, tăng trưởng cao), Bò sữa (doanh số cao, tăng trưởng thấp) hoặc Chó gặm xương (thấp, thấp). Cao nghĩa là ≥ ngưỡng; ngưỡng mặc định: trung vị của doanh số và tăng trưởng đã cho. Tăng trưởng trống (chưa có kỳ trước) cho kết quả trống.',
  },
  params: [
    param('sales', 'range', {
      en: 'Sales of each customer (a column or row, or one cell). A row whose sales or growth cannot be read gets #VALUE! and is left out of both medians.',
      vi: 'Doanh số của từng khách hàng (một cột, một dòng hoặc một ô). Dòng có doanh số hoặc tăng trưởng không đọc được nhận #VALUE! và bị loại khỏi cả hai trung vị.',
    }),
    param('growth', 'range', {
      en: 'Growth of each customer, same length as sales (10% or 0.1). Blank: no earlier period, blank answer. Excel builds that pass a blank as 0 read it as 0% growth.',
      vi: 'Tăng trưởng của từng khách hàng, cùng độ dài với sales (10% hoặc 0.1). Trống: chưa có kỳ trước, kết quả trống. Các bản Excel truyền ô trống thành 0 sẽ đọc là tăng trưởng 0%.',
    }),
    SALES_CUT,
    GROWTH_CUT,
    LANG_PARAM,
  ],
  result: 'perCell',
  example: {
    formula: '=BCG_QUADRANT({100;80;30;20}, {0.3;0.02;0.25;0.01})',
    result: 'Star; Cash Cow; Question Mark; Dog',
  },
  run: (args, details) => runQuadrant(BCG, args, details),
};

const A_CUT = param(
  'a_cut',
  'number',
  {
    en: `Attractiveness at or above this is high; default: the median. ${ROW_BY_ROW.en}`,
    vi: `Điểm hấp dẫn từ ngưỡng này trở lên là cao; mặc định: trung vị. ${ROW_BY_ROW.vi}`,
  },
  true,
);
const F_CUT = param(
  'f_cut',
  'number',
  {
    en: 'Feasibility at or above this is high; default: the median.',
    vi: 'Điểm khả thi từ ngưỡng này trở lên là cao; mặc định: trung vị.',
  },
  true,
);

const PRIORITY: QuadrantConfig = {
  x: { arg: 'attractiveness', cut: A_CUT },
  y: { arg: 'feasibility', cut: F_CUT },
  labels: {
    highHigh: 'priorityFocus',
    highLow: 'priorityBuild',
    lowHigh: 'priorityOpportunistic',
    lowLow: 'priorityDeprioritise',
  },
};

export const PRIORITY_QUADRANT: FunctionSpec = {
  name: 'PRIORITY_QUADRANT',
  summary: {
    en: 'Segment priority on two axes: Focus (high attractiveness, high feasibility), Build (high attractiveness, low feasibility), Opportunistic (low, high) or Deprioritise (low, low). High means ≥ the cut; default cuts: the medians of the given scores.',
    vi: 'Mức ưu tiên phân khúc theo hai trục: Tập trung (hấp dẫn cao, khả thi cao), Xây dựng (hấp dẫn cao, khả thi thấp), Tận dụng cơ hội (thấp, cao) hoặc Giảm ưu tiên (thấp, thấp). Cao nghĩa là ≥ ngưỡng; ngưỡng mặc định: trung vị của các điểm đã cho.',
  },
  params: [
    param('attractiveness', 'range', {
      en: 'Attractiveness score of each segment (a column or row, or one cell). A row whose attractiveness or feasibility cannot be read gets #VALUE! and is left out of both medians.',
      vi: 'Điểm hấp dẫn của từng phân khúc (một cột, một dòng hoặc một ô). Dòng có điểm hấp dẫn hoặc khả thi không đọc được nhận #VALUE! và bị loại khỏi cả hai trung vị.',
    }),
    param('feasibility', 'range', {
      en: 'Feasibility score of each segment, same length as attractiveness. A blank in either gives a blank answer; Excel builds that pass a blank as 0 read it as a score of 0.',
      vi: 'Điểm khả thi của từng phân khúc, cùng độ dài với attractiveness. Ô trống ở một trong hai cho kết quả trống; các bản Excel truyền ô trống thành 0 sẽ đọc là điểm 0.',
    }),
    A_CUT,
    F_CUT,
    LANG_PARAM,
  ],
  result: 'perCell',
  example: {
    formula: '=PRIORITY_QUADRANT({8;9;3;2}, {7;2;8;1})',
    result: 'Focus; Build; Opportunistic; Deprioritise',
  },
  run: (args, details) => runQuadrant(PRIORITY, args, details),
};

const MEDIAN: Text = { en: 'blank: the median', vi: 'trống: trung vị' };

export const BCG_METHOD = defineMethod({
  id: 'bcg',
  name: { en: 'BCG matrix', vi: 'Ma trận BCG' },
  about: {
    en: 'Sales against growth: Stars, Cash Cows, Question Marks, Dogs.',
    vi: 'Doanh số và tăng trưởng: Ngôi sao, Bò sữa, Dấu hỏi, Chó gặm xương.',
  },
  run: 'function',
  fn: 'BCG_QUADRANT',
  columns: [as(SALES, 'sales'), as(GROWTH, 'growth')],
  options: [
    { param: 'sales_cut', label: { en: 'Cut on sales', vi: 'Ngưỡng doanh số' }, blank: MEDIAN },
    { param: 'growth_cut', label: { en: 'Cut on growth', vi: 'Ngưỡng tăng trưởng' }, blank: MEDIAN },
  ],
  chart: 'scatter',
  labels: ['bcgStar', 'bcgCashCow', 'bcgQuestionMark', 'bcgDog'],
});

export const PRIORITY_METHOD = defineMethod({
  id: 'priority',
  name: { en: 'Priority quadrants', vi: 'Ma trận ưu tiên' },
  about: {
    en: 'Attractiveness against feasibility: where to focus first.',
    vi: 'Mức hấp dẫn và khả năng thực hiện: nên tập trung vào đâu trước.',
  },
  run: 'function',
  fn: 'PRIORITY_QUADRANT',
  columns: [as(ATTRACTIVENESS, 'attractiveness'), as(FEASIBILITY, 'feasibility')],
  options: [
    { param: 'a_cut', label: { en: 'Cut on attractiveness', vi: 'Ngưỡng mức hấp dẫn' }, blank: MEDIAN },
    { param: 'f_cut', label: { en: 'Cut on feasibility', vi: 'Ngưỡng khả năng thực hiện' }, blank: MEDIAN },
  ],
  chart: 'scatter',
  labels: ['priorityFocus', 'priorityBuild', 'priorityOpportunistic', 'priorityDeprioritise'],
});
