/**
 * The panel's *Customer value* method: order lines (customer, date, revenue or Quantity × Price, optional order id)
 * through CLV_TABLE (BG/NBD and Gamma-Gamma, core/catalog/clv.ts), each customer put in a band of P(alive), the
 * chance that they still buy: *Active* from `active_from` (0.7), *Likely lost* below `lost_below` (0.3), *At risk*
 * between. The bands are the panel's own settings, not parameters of the function; the other options are
 * CLV_TABLE's (as_of, horizon_days, annual_discount), with its defaults and limits.
 */
import type { LabelKey } from '../labels.js';
import { AS_OF_FIELD } from './rfm-options.js';
import { CUSTOMER, ORDER_DATE, ORDER_ID, PRICE, QUANTITY, REVENUE, as } from './column-roles.js';
import { defineMethod, type OptionSpec } from './method.js';
import { param } from './types.js';

/** The segments, Active → Likely lost: the method's label order and the palette's. */
export const CLV_SEGMENT_LABELS: readonly LabelKey[] = ['clvActive', 'clvAtRisk', 'clvLikelyLost'];

/** Where the bands of P(alive) start: Active from `activeFrom`, Likely lost below `lostBelow`. */
export interface ClvBands {
  readonly activeFrom: number;
  readonly lostBelow: number;
}

export const DEFAULT_CLV_BANDS: ClvBands = { activeFrom: 0.7, lostBelow: 0.3 };

const ACTIVE_FROM = param(
  'active_from',
  'number',
  {
    en: 'A customer whose P(alive) is at least this is Active.',
    vi: 'Khách có xác suất còn mua từ mức này trở lên là Đang gắn bó.',
  },
  true,
  { default: DEFAULT_CLV_BANDS.activeFrom, exclusiveMin: 0, exclusiveMax: 1 },
);

const LOST_BELOW = param(
  'lost_below',
  'number',
  {
    en: 'A customer whose P(alive) is below this is Likely lost; between the two, At risk.',
    vi: 'Khách có xác suất còn mua dưới mức này là Có lẽ đã rời bỏ; ở giữa hai mức là Nguy cơ rời bỏ.',
  },
  true,
  { default: DEFAULT_CLV_BANDS.lostBelow, exclusiveMin: 0, exclusiveMax: 1 },
);

const HORIZON_FIELD: OptionSpec = {
  param: 'horizon_days',
  label: { en: 'Horizon (days)', vi: 'Khoảng dự báo (ngày)' },
};

const DISCOUNT_FIELD: OptionSpec = {
  param: 'annual_discount',
  label: { en: 'Annual discount rate', vi: 'Lãi suất chiết khấu năm' },
};

const ACTIVE_FIELD: OptionSpec = {
  param: ACTIVE_FROM.name,
  label: { en: 'Active: P(alive) at least', vi: 'Đang gắn bó: xác suất còn mua từ' },
  own: ACTIVE_FROM,
};

const LOST_FIELD: OptionSpec = {
  param: LOST_BELOW.name,
  label: { en: 'Likely lost: P(alive) below', vi: 'Có lẽ đã rời bỏ: xác suất còn mua dưới' },
  own: LOST_BELOW,
};

/** The bands of a plan's option values (by parameter name); a band left out takes its default. */
export function clvBands(values: Readonly<Record<string, unknown>> | undefined): ClvBands {
  const read = (name: string, fallback: number): number => {
    const v = values?.[name];
    return typeof v === 'number' ? v : fallback;
  };
  return {
    activeFrom: read(ACTIVE_FROM.name, DEFAULT_CLV_BANDS.activeFrom),
    lostBelow: read(LOST_BELOW.name, DEFAULT_CLV_BANDS.lostBelow),
  };
}

/** Whether the bands make three segments: 0 < lostBelow < activeFrom < 1. */
export function bandsAreOrdered(bands: ClvBands): boolean {
  return 0 < bands.lostBelow && bands.lostBelow < bands.activeFrom && bands.activeFrom < 1;
}

/**
 * The segment of a P(alive): Active at or above `activeFrom`, Likely lost below `lostBelow`, else At risk. O(1).
 * @example clvSegment(0.7, DEFAULT_CLV_BANDS) // 'clvActive'
 */
export function clvSegment(pAlive: number, bands: ClvBands): LabelKey {
  if (pAlive >= bands.activeFrom) return 'clvActive';
  return pAlive < bands.lostBelow ? 'clvLikelyLost' : 'clvAtRisk';
}

export const CLV_METHOD = defineMethod({
  id: 'clv',
  name: { en: 'Customer value', vi: 'Giá trị khách hàng' },
  about: {
    en: 'From order lines: how likely each customer is to buy again, how often and for how much, and their value over the horizon (CLV).',
    vi: 'Từ các dòng đơn hàng: khả năng mỗi khách còn mua, mua bao thường xuyên, bao nhiêu, và giá trị của họ trong khoảng dự báo (CLV).',
  },
  run: 'orderLines',
  fn: 'CLV_TABLE',
  columns: [
    as(CUSTOMER, 'customers'),
    as(ORDER_DATE, 'order_dates'),
    as(ORDER_ID, 'order_ids'),
    { ...as(REVENUE, 'revenues'), revenueFrom: 'column' },
    { ...QUANTITY, revenueFrom: 'quantityPrice' },
    { ...PRICE, revenueFrom: 'quantityPrice' },
  ],
  options: [AS_OF_FIELD, HORIZON_FIELD, DISCOUNT_FIELD, ACTIVE_FIELD, LOST_FIELD],
  chart: 'bars',
  labels: CLV_SEGMENT_LABELS,
  checkOptions(values) {
    if (bandsAreOrdered(clvBands(values))) return undefined;
    return {
      param: LOST_BELOW.name,
      message: {
        en: 'Likely lost must start below Active: this number must be less than the Active one, so that At risk lies between them.',
        vi: 'Mức Có lẽ đã rời bỏ phải thấp hơn mức Đang gắn bó: số này phải nhỏ hơn số của Đang gắn bó, để Nguy cơ rời bỏ nằm giữa hai mức.',
      },
    };
  },
});
