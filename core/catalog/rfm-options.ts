/**
 * The options RFM_SCORE and RFM_TABLE share: as_of, bins and thresholds, as parameters and as read, and the cuts
 * they give a population.
 */
import { dateArg, isAbsent, numberArg, numberGrid, optionalNumberArg } from '../args.js';
import { fail } from '../errors.js';
import { DEFAULT_BINS, MAX_BINS, MIN_BINS, quantileCuts, type RfmCuts } from '../methods/rfm.js';
import { param, type ParamSpec } from './types.js';
import type { OptionSpec } from './method.js';

export const AS_OF = param(
  'as_of',
  'date',
  {
    en: 'The date recency is counted to (a date cell, a serial, or text such as 2024-12-31, 20241231 or 31/12/2024). Default: the latest date in the data, never today (answers would change overnight). Pass it in row-by-row formulas.',
    vi: 'Ngày tính số ngày từ lần mua cuối (ô ngày, số sê-ri, hoặc chữ như 2024-12-31, 20241231 hay 31/12/2024). Mặc định: ngày gần nhất trong dữ liệu, không bao giờ là hôm nay (kết quả sẽ đổi qua đêm). Hãy truyền khi viết công thức từng dòng.',
  },
  true,
);

export const BINS = param(
  'bins',
  'number',
  {
    en: 'Number of score levels. With thresholds it follows from their width.',
    vi: 'Số mức điểm. Khi có thresholds, số mức suy ra từ độ rộng của nó.',
  },
  true,
  { default: DEFAULT_BINS, min: MIN_BINS, max: MAX_BINS, integer: true },
);

export const THRESHOLDS = param(
  'thresholds',
  'matrix',
  {
    en: 'Fixed bounds instead of quantiles: 3 rows (R in days, F, M) of bins − 1 lower bounds each, e.g. {115,181,297,482;4,5,6,8;256,382,506,666}. Score = 1 + number of bounds ≤ the value; for recency reversed (R = 5 below 115 days). Needs no population, so it works row by row.',
    vi: 'Ngưỡng cố định thay cho phân vị: 3 dòng (R theo số ngày, F, M), mỗi dòng bins − 1 cận dưới, ví dụ {115,181,297,482;4,5,6,8;256,382,506,666}. Điểm = 1 + số cận ≤ giá trị; với R thì ngược lại (R = 5 khi dưới 115 ngày). Không cần tập so sánh nên dùng được từng dòng.',
  },
  true,
  { ascending: true },
);

/** as_of, bins, thresholds, in the order both functions take them. */
export const RFM_OPTION_PARAMS: readonly ParamSpec[] = [AS_OF, BINS, THRESHOLDS];

export interface RfmOptions {
  /** The as_of given; undefined when it is to be the latest date of the data. */
  readonly asOf: number | undefined;
  readonly bins: number;
  /** Threshold-mode bounds; undefined in quantile mode. */
  readonly thresholds: RfmCuts | undefined;
}

/** The thresholds array (rows ascending, checked by invoke): 3 rows R (days), F, M of one width, 1 to bins − 1. */
function readThresholds(raw: unknown): RfmCuts | undefined {
  if (isAbsent(raw)) return undefined;
  const grid = numberGrid(raw, THRESHOLDS.name);
  const cols = grid[0]?.length ?? 0;
  if (grid.length !== 3 || cols < 1 || cols > MAX_BINS - 1 || grid.some((r) => r.length !== cols)) {
    fail('thresholdRows', { arg: THRESHOLDS.name, rows: grid.length, cols });
  }
  const [r, f, m] = grid as [number[], number[], number[]];
  return {
    mode: 'threshold',
    bins: cols + 1,
    r: Float64Array.from(r),
    f: Float64Array.from(f),
    m: Float64Array.from(m),
  };
}

/** Reads the three options; bins, when given with thresholds, must agree with their width. */
export function readRfmOptions(asOfRaw: unknown, binsRaw: unknown, thresholdsRaw: unknown): RfmOptions {
  const asOf = dateArg(AS_OF, asOfRaw);
  const binsGiven = optionalNumberArg(BINS, binsRaw);
  const thresholds = readThresholds(thresholdsRaw);
  if (thresholds && binsGiven !== undefined && binsGiven !== thresholds.bins) {
    fail('binsMismatch', { arg: BINS.name, value: binsGiven, cols: thresholds.bins - 1, bins: thresholds.bins });
  }
  return { asOf, bins: thresholds?.bins ?? numberArg(BINS, binsRaw), thresholds };
}

/** The cuts to score with: the given thresholds, or the population's quantiles. */
export function cutsFor(options: RfmOptions, days: Float64Array, orders: Float64Array, revenue: Float64Array): RfmCuts {
  return options.thresholds ?? quantileCuts(days, orders, revenue, options.bins);
}

/** The panel's as-of field (RFM and lifecycle stages). */
export const AS_OF_FIELD: OptionSpec = {
  param: 'as_of',
  label: { en: 'As of', vi: 'Tính đến ngày' },
  blank: { en: 'blank: the latest date in the data', vi: 'trống: ngày mới nhất trong dữ liệu' },
};

export const BINS_FIELD: OptionSpec = { param: 'bins', label: { en: 'Score levels', vi: 'Số mức điểm' } };
