/** CUSTOMER_TIER: the cell reading around the pure method in methods/tier.ts, against a population (catalog/population.ts). */
import { listArg, readLang } from '../args.js';
import { label, type Lang, type LabelKey } from '../labels.js';
import { TIER_DEFAULT_SHARES, tierCutoffs, tierOf, type Tier, type TierCutoffs } from '../methods/tier.js';
import { PopulationCache } from '../population-cache.js';
import { classifyAgainstPopulation, type RelativeMethod } from './population.js';
import { LANG_PARAM, param, type DetailSink, type FunctionSpec } from './types.js';
import { VALUE, as } from './column-roles.js';
import { defineMethod } from './method.js';

const cache = new PopulationCache<TierCutoffs>();
export const TIER_LABEL: Record<Tier, LabelKey> = {
  Top: 'tierTop',
  Large: 'tierLarge',
  Medium: 'tierMedium',
  Small: 'tierSmall',
  Inactive: 'tierInactive',
};
const methods = new Map<string, RelativeMethod<TierCutoffs>>();

/** One method object per (shares, language), reused by every call, so row-by-row calls stay cheap. */
function tierMethod(shares: readonly [number, number, number], lang: Lang): RelativeMethod<TierCutoffs> {
  const key = shares.join('|');
  let method = methods.get(`${key}|${lang}`);
  if (!method) {
    const labels = Object.fromEntries(
      (Object.keys(TIER_LABEL) as Tier[]).map((tier) => [tier, label(TIER_LABEL[tier], lang)]),
    ) as Record<Tier, string>;
    method = {
      cache,
      key,
      prepare: (population) => tierCutoffs(population, shares),
      classify: (value, cutoffs) => labels[tierOf(value, cutoffs)],
    };
    if (methods.size >= 64) methods.clear();
    methods.set(`${key}|${lang}`, method);
  }
  return method;
}

const SHARES = param(
  'shares',
  'list',
  {
    en: 'Cumulative count shares ending Top, Large and Medium.',
    vi: 'Các tỷ lệ số lượng cộng dồn kết thúc nhóm Siêu cấp, Lớn và Vừa.',
  },
  true,
  { default: TIER_DEFAULT_SHARES, count: TIER_DEFAULT_SHARES.length, min: 0, max: 1, ascending: true },
);

/** Reports the shares and the smallest value of each tier the answers were made with. */
function reporter(shares: readonly number[], details: DetailSink | undefined) {
  if (!details) return undefined;
  return (used: TierCutoffs): void => details({ kind: 'tier', shares, minimums: [used.top, used.large, used.medium] });
}

export const CUSTOMER_TIER: FunctionSpec = {
  name: 'CUSTOMER_TIER',
  summary: {
    en: 'Customer pyramid by count (1% / 4% / 15% / 80%): among the n positive values, a value ranked r (1 + the number of strictly larger values; ties share the better rank) is Top if r ≤ ceil(1%·n), Large if r ≤ ceil(5%·n), Medium if r ≤ ceil(20%·n), else Small; a value of 0 or below is Inactive.',
    vi: 'Kim tự tháp khách hàng theo số lượng (1% / 4% / 15% / 80%): trong n giá trị dương, giá trị có thứ hạng r (1 + số giá trị lớn hơn hẳn; bằng nhau cùng hạng tốt hơn) là Siêu cấp nếu r ≤ ceil(1%·n), Lớn nếu r ≤ ceil(5%·n), Vừa nếu r ≤ ceil(20%·n), còn lại Nhỏ; giá trị từ 0 trở xuống là Không hoạt động.',
  },
  params: [
    param('values', 'range', {
      en: 'The values to place, e.g. revenue per customer (a column or row, or one cell). Excel builds that pass a blank as 0 make it Inactive.',
      vi: 'Các giá trị cần xếp hạng, ví dụ doanh thu từng khách hàng (một cột, một dòng hoặc một ô). Các bản Excel truyền ô trống thành 0 sẽ xếp ô đó là Không hoạt động.',
    }),
    param(
      'population',
      'range',
      {
        en: 'The values to rank against; default: values itself. Use for row-by-row formulas, e.g. C$2:C$500.',
        vi: 'Tập giá trị để xếp hạng; mặc định: chính values. Dùng khi viết công thức từng dòng, ví dụ C$2:C$500.',
      },
      true,
    ),
    SHARES,
    LANG_PARAM,
  ],
  result: 'perCell',
  example: {
    formula: '=CUSTOMER_TIER({900;500;300;200;120;100;80;60;40;0}, , {0.1,0.2,0.5})',
    result: 'Top; Large; Medium; Medium; Medium; Small; Small; Small; Small; Inactive',
  },
  run([values, population, sharesRaw, langRaw], details) {
    const lang = readLang(langRaw);
    const shares = listArg(SHARES, sharesRaw) as [number, number, number];
    return classifyAgainstPopulation(values, population, tierMethod(shares, lang), reporter(shares, details));
  },
};

export const PYRAMID_METHOD = defineMethod({
  id: 'pyramid',
  name: { en: 'Customer pyramid', vi: 'Kim tự tháp khách hàng' },
  about: {
    en: 'Top, Large, Medium, Small and Inactive by revenue.',
    vi: 'Siêu cấp, Lớn, Vừa, Nhỏ và Không hoạt động theo doanh thu.',
  },
  run: 'function',
  fn: 'CUSTOMER_TIER',
  columns: [as(VALUE, 'values')],
  options: [
    {
      param: 'shares',
      label: {
        en: 'Cumulative shares of customers ending Top, Large, Medium (e.g. 0.01, 0.05, 0.2)',
        vi: 'Tỷ lệ khách hàng cộng dồn kết thúc tầng Siêu cấp, Lớn, Vừa (vd 0.01, 0.05, 0.2)',
      },
    },
  ],
  chart: 'bars',
  labels: ['tierTop', 'tierLarge', 'tierMedium', 'tierSmall', 'tierInactive'],
});
