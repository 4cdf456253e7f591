/**
 * Customer value in words, English and Vietnamese, with the language's numbers (core/number-format.ts): the fitted
 * model as a shop owner reads it, the settings used, and the names of the preview's histograms and list. The words
 * follow the models' means: BG/NBD (Fader, Hardie and Lee 2005) gives each active customer a purchase rate
 * λ ~ Gamma(r, α), of mean r / α a day, so a typical customer buys every α / r days; after each purchase they drop
 * out with probability p ~ Beta(a, b), of mean a / (a + b). Gamma-Gamma (Fader and Hardie 2013) gives an order a
 * mean value of p·γ / (q − 1) when q > 1.
 */
import { label, type Lang } from '../labels.js';
import { formatCount, formatNumber, formatPercent } from '../number-format.js';
import { fillTemplate } from '../template.js';
import type { ClvModel, ClvReport, HistogramBin } from './clv-orders.js';
import { THRESHOLD_NAMES, type Threshold } from './details-view.js';

const CLV_TEXT = {
  buysEvery: {
    en: 'A typical customer buys every {days} days while active.',
    vi: 'Một khách hàng điển hình mua {days} ngày một lần khi còn gắn bó.',
  },
  dropOut: {
    en: 'After each purchase, {share} of customers stop buying for good.',
    vi: 'Sau mỗi lần mua, {share} khách hàng thôi mua hẳn.',
  },
  orderValue: { en: 'An order is worth {value} on average.', vi: 'Trung bình mỗi đơn trị giá {value}.' },
  fitted: {
    en: '{customers} customers bought by {asOf}; {repeat} of them bought again.',
    vi: '{customers} khách hàng đã mua tính đến {asOf}; {repeat} người trong số đó mua lại.',
  },
  horizon: {
    en: '{clv}: expected spend over the next {days} days, discounted at {rate} a year; {total} in all.',
    vi: '{clv}: chi tiêu dự kiến trong {days} ngày tới, chiết khấu {rate} mỗi năm; tổng cộng {total}.',
  },
  horizonName: { en: 'Horizon', vi: 'Khoảng dự báo' },
  days: { en: '{n} days', vi: '{n} ngày' },
  discountName: { en: 'Annual discount', vi: 'Chiết khấu năm' },
  modelTitle: { en: 'The model', vi: 'Mô hình' },
  pAliveTitle: { en: 'How likely customers are to buy again', vi: 'Khả năng khách hàng mua lại' },
  clvTitle: { en: 'Customer lifetime value (CLV)', vi: 'Giá trị vòng đời khách hàng' },
  slippingTitle: {
    en: 'Highest value, slipping away ({pAlive} below {cut})',
    vi: 'Giá trị cao nhất đang rời đi ({pAlive} dưới {cut})',
  },
  slippingNone: {
    en: 'No customer is slipping away: every {pAlive} is {cut} or more.',
    vi: 'Không khách hàng nào đang rời đi: mọi {pAlive} đều từ {cut} trở lên.',
  },
  slippingMore: {
    en: '{shown} of {n} customers slipping away, highest value first.',
    vi: '{shown} trong {n} khách hàng đang rời đi, giá trị cao nhất trước.',
  },
  customersTitle: { en: 'Customers', vi: 'Khách hàng' },
} as const satisfies Record<string, Record<Lang, string>>;

type ClvTextKey = keyof typeof CLV_TEXT;

export function clvText(key: ClvTextKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return fillTemplate(CLV_TEXT[key][lang], values);
}

/** An amount as the preview writes it: grouped, two decimals below 100, whole above. */
export function formatAmount(value: number, lang: Lang): string {
  return formatNumber(value, lang, Math.abs(value) < 100 ? 2 : 0);
}

/** A probability as the panel writes it: two decimals at most (0.7, 0,35). */
export const formatProbability = (value: number, lang: Lang): string => formatNumber(value, lang, 2);

/**
 * The fitted model in sentences: how often, how likely to stop, how much an order is worth, whom it was fitted to,
 * and what CLV counts. A sentence whose number the fit does not give (q ≤ 1: no mean order value) is left out.
 */
export function modelSentences(report: ClvReport, lang: Lang): string[] {
  const m: ClvModel = report.model;
  const sentences: string[] = [];
  const every = m.alphaDays / m.r;
  if (Number.isFinite(every) && every > 0)
    sentences.push(clvText('buysEvery', lang, { days: formatNumber(every, lang, every < 10 ? 1 : 0) }));
  const drop = m.a / (m.a + m.b);
  if (Number.isFinite(drop)) sentences.push(clvText('dropOut', lang, { share: formatPercent(drop, lang, 0) }));
  const order = m.q > 1 ? (m.p * m.gamma) / (m.q - 1) : NaN;
  if (Number.isFinite(order)) sentences.push(clvText('orderValue', lang, { value: formatAmount(order, lang) }));
  if (Number.isFinite(m.customers))
    sentences.push(
      clvText('fitted', lang, {
        customers: formatCount(m.customers, lang),
        repeat: formatCount(m.repeatCustomers, lang),
        asOf: report.asOf,
      }),
    );
  sentences.push(
    clvText('horizon', lang, {
      clv: label('headerClv', lang),
      days: formatCount(report.horizonDays, lang),
      rate: formatPercent(report.annualDiscount, lang, 0),
      total: formatAmount(report.totalClv, lang),
    }),
  );
  return sentences;
}

/** The settings used, for the preview's line of cut-offs: as-of, horizon, discount and the two bands. */
export function clvThresholds(report: ClvReport, lang: Lang): Threshold[] {
  const p = label('headerPAlive', lang);
  return [
    { name: THRESHOLD_NAMES.asOf[lang], value: report.asOf },
    { name: clvText('horizonName', lang), value: clvText('days', lang, { n: formatCount(report.horizonDays, lang) }) },
    { name: clvText('discountName', lang), value: formatPercent(report.annualDiscount, lang, 0) },
    {
      name: `${label('clvActive', lang)}: ${p} ≥`,
      value: formatProbability(report.bands.activeFrom, lang),
    },
    {
      name: `${label('clvLikelyLost', lang)}: ${p} <`,
      value: formatProbability(report.bands.lostBelow, lang),
    },
  ];
}

/** A histogram bin's range in words: `0.3–0.4`, `1,000–2,000`, `≥ 5,000` (the language's digits). */
export function binText(bin: HistogramBin, lang: Lang, format: (v: number, lang: Lang) => string): string {
  if (bin.open) return `≥ ${format(bin.lo, lang)}`;
  return `${format(bin.lo, lang)}–${format(bin.hi, lang)}`;
}
