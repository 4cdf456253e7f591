/**
 * The words and numbers of the preview charts in English and Vietnamese: titles, axis names, the screen-reader
 * summaries and tables, and axis values written short (12k, 3.5M / 12 nghìn, 3,5 tr) with the language's digits.
 */
import type { Lang } from '../../core/labels.js';
import { formatNumber, formatPercent } from '../../core/number-format.js';
import { fillTemplate } from '../../core/template.js';

export const CHART_TEXT = {
  barsTitle: { en: 'Segments by size', vi: 'Quy mô các phân khúc' },
  barsSummary: {
    en: '{n} segments, {total} {unit} in all. {list}.',
    vi: '{n} phân khúc, tổng cộng {total} {unit}. {list}.',
  },
  rows: { en: 'rows', vi: 'dòng' },
  customers: { en: 'customers', vi: 'khách hàng' },
  rowsAxis: { en: 'Rows', vi: 'Số dòng' },
  customersAxis: { en: 'Customers', vi: 'Số khách hàng' },
  segment: { en: 'Segment', vi: 'Phân khúc' },
  count: { en: 'Count', vi: 'Số lượng' },
  share: { en: 'Share', vi: 'Tỷ lệ' },

  paretoTitle: { en: 'Pareto curve: who brings the revenue', vi: 'Đường Pareto: ai mang lại doanh thu' },
  paretoX: { en: 'Share of customers, largest first', vi: 'Tỷ lệ khách hàng, lớn nhất trước' },
  paretoY: { en: 'Share of revenue', vi: 'Tỷ lệ doanh thu' },
  paretoA: {
    en: 'A: {customers} of customers → {value} of revenue',
    vi: 'A: {customers} khách hàng → {value} doanh thu',
  },
  paretoAB: {
    en: 'A + B: {customers} of customers → {value} of revenue',
    vi: 'A + B: {customers} khách hàng → {value} doanh thu',
  },
  paretoTop: { en: 'Top {customers} of customers', vi: '{customers} khách hàng lớn nhất' },
  revenueShare: { en: 'Share of revenue', vi: 'Tỷ lệ doanh thu' },
  paretoRow: { en: 'Customers', vi: 'Khách hàng' },

  scatterTitle: { en: '{x} against {y}', vi: '{x} và {y}' },
  scatterSummary: {
    en: '{n} points. Cuts: {x} {xCut}, {y} {yCut}. {list}.',
    vi: '{n} điểm. Ngưỡng: {x} {xCut}, {y} {yCut}. {list}.',
  },
  logScale: { en: '{name} (log scale)', vi: '{name} (thang log)' },
  clipped: {
    en: '{n} points lie beyond the {axis} axis and are drawn at its edge.',
    vi: '{n} điểm nằm ngoài trục {axis}, được vẽ ở mép trục.',
  },
  clippedOne: {
    en: 'One point lies beyond the {axis} axis and is drawn at its edge.',
    vi: 'Một điểm nằm ngoài trục {axis}, được vẽ ở mép trục.',
  },
  sampled: {
    en: 'Showing {shown} of {total} points, evenly spread.',
    vi: 'Hiển thị {shown} trên {total} điểm, lấy đều.',
  },
  quadrant: { en: 'Quadrant', vi: 'Góc phần tư' },
  cut: { en: 'Cut', vi: 'Ngưỡng' },
} as const satisfies Record<string, Record<Lang, string>>;

export type ChartTextKey = keyof typeof CHART_TEXT;

/** A chart string with `{name}` placeholders filled. */
export function chartText(key: ChartTextKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return fillTemplate(CHART_TEXT[key][lang], values);
}

/** Short magnitude words: thousand, million, billion. */
const MAGNITUDES: Record<Lang, readonly (readonly [number, string])[]> = {
  en: [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ],
  vi: [
    [1e9, ' tỷ'],
    [1e6, ' tr'],
    [1e3, ' nghìn'],
  ],
};

/** An axis value written short: 1,500 → 1.5k (en), 1,5 nghìn (vi); 250,000,000 → 250M, 250 tr. */
export function formatAxisNumber(value: number, lang: Lang): string {
  const size = Math.abs(value);
  for (const [unit, word] of MAGNITUDES[lang]) {
    if (size >= unit) return `${formatNumber(value / unit, lang, size / unit >= 100 ? 0 : 1)}${word}`;
  }
  return formatNumber(value, lang, size >= 100 ? 0 : size >= 1 ? 1 : 3);
}

/** An axis fraction as a percentage with the decimals a round tick needs (at most two): 5%, 2.5%, 0.25%. */
export function formatAxisPercent(value: number, lang: Lang): string {
  let decimals = 0;
  while (decimals < 2 && Math.abs(value * 100 * 10 ** decimals - Math.round(value * 100 * 10 ** decimals)) > 1e-6)
    decimals++;
  return formatPercent(value, lang, decimals);
}
