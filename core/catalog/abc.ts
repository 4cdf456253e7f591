/** ABC_CLASS: the cell reading around the pure method in methods/abc.ts, against a population (catalog/population.ts). */
import { numberArg, readLang } from '../args.js';
import { fail } from '../errors.js';
import { label, type Lang, type LabelKey } from '../labels.js';
import { ABC_DEFAULT_SHARES, abcAnalysis, abcClass, type AbcAnalysis } from '../methods/abc.js';
import { PopulationCache } from '../population-cache.js';
import { classifyAgainstPopulation, type RelativeMethod } from './population.js';
import { LANG_PARAM, param, type DetailSink, type FunctionSpec } from './types.js';
import { VALUE, as } from './column-roles.js';
import { defineMethod } from './method.js';

const cache = new PopulationCache<AbcAnalysis>();
const CLASS_LABEL: Record<'A' | 'B' | 'C', LabelKey> = { A: 'abcA', B: 'abcB', C: 'abcC' };
const methods = new Map<string, RelativeMethod<AbcAnalysis>>();

/** One method object per (shares, language), reused by every call, so row-by-row calls stay cheap. */
let last: { aShare: number; bShare: number; lang: Lang; method: RelativeMethod<AbcAnalysis> } | undefined;

function abcMethod(aShare: number, bShare: number, lang: Lang): RelativeMethod<AbcAnalysis> {
  if (last && last.aShare === aShare && last.bShare === bShare && last.lang === lang) return last.method;
  const key = `${aShare}|${bShare}|${lang}`;
  let method = methods.get(key);
  if (!method) {
    const labels = { A: label(CLASS_LABEL.A, lang), B: label(CLASS_LABEL.B, lang), C: label(CLASS_LABEL.C, lang) };
    method = {
      cache,
      key: `${aShare}|${bShare}`,
      prepare: (population) => abcAnalysis(population, aShare, bShare),
      classify: (value, cutoffs) => labels[abcClass(value, cutoffs)],
    };
    methods.set(key, method);
  }
  last = { aShare, bShare, lang, method };
  return method;
}

const SHARE_LIMITS = { min: 0, max: 1 } as const;
const A_SHARE = param(
  'a_share',
  'number',
  { en: 'Running share that ends class A.', vi: 'Tỷ trọng cộng dồn kết thúc nhóm A.' },
  true,
  { default: ABC_DEFAULT_SHARES.a, ...SHARE_LIMITS },
);
const B_SHARE = param(
  'b_share',
  'number',
  { en: 'Running share that ends class B; above a_share.', vi: 'Tỷ trọng cộng dồn kết thúc nhóm B; lớn hơn a_share.' },
  true,
  { default: ABC_DEFAULT_SHARES.b, ...SHARE_LIMITS },
);

/** Reports the cut-offs and the curve the classes were made with. */
function reporter(aShare: number, bShare: number, details: DetailSink | undefined) {
  if (!details) return undefined;
  return (used: AbcAnalysis): void =>
    details({
      kind: 'abc',
      aShare,
      bShare,
      aMin: used.aMin,
      bMin: used.bMin,
      curve: used.curve,
      aEnd: used.aEnd,
      bEnd: used.bEnd,
    });
}

export const ABC_CLASS: FunctionSpec = {
  name: 'ABC_CLASS',
  summary: {
    en: 'Pareto (ABC) class of each value by its share of the total: A while the running share of the largest values stays within a_share, B within b_share, else C. The share includes the value itself, so one customer with over 80% of the total is B.',
    vi: 'Phân loại ABC (Pareto) theo tỷ trọng trong tổng: A khi tỷ trọng cộng dồn của các giá trị lớn nhất không vượt a_share, B không vượt b_share, còn lại C. Tỷ trọng tính cả chính giá trị đó, nên một khách hàng chiếm hơn 80% tổng là B.',
  },
  params: [
    param('values', 'range', {
      en: 'The values to classify (a column or row, or one cell).',
      vi: 'Các giá trị cần phân loại (một cột, một dòng hoặc một ô).',
    }),
    param(
      'population',
      'range',
      {
        en: 'The values to compare with; default: values itself. Use for row-by-row formulas, e.g. C$2:C$500.',
        vi: 'Tập giá trị để so sánh; mặc định: chính values. Dùng khi viết công thức từng dòng, ví dụ C$2:C$500.',
      },
      true,
    ),
    A_SHARE,
    B_SHARE,
    LANG_PARAM,
  ],
  result: 'perCell',
  example: { formula: '=ABC_CLASS({27000;24000;18000;16000;6000;5000;4000})', result: 'A; A; A; B; B; C; C' },
  run([values, population, aShareRaw, bShareRaw, langRaw], details) {
    const lang = readLang(langRaw);
    const aShare = numberArg(A_SHARE, aShareRaw);
    const bShare = numberArg(B_SHARE, bShareRaw);
    if (!(aShare < bShare))
      fail('sharesOrder', { arg: 'b_share', value: bShare, other: 'a_share', otherValue: aShare });
    return classifyAgainstPopulation(
      values,
      population,
      abcMethod(aShare, bShare, lang),
      reporter(aShare, bShare, details),
    );
  },
};

export const ABC_METHOD = defineMethod({
  id: 'abc',
  name: { en: 'ABC (Pareto)', vi: 'ABC (Pareto)' },
  about: {
    en: 'A: the few customers that make most of the revenue; C: the long tail.',
    vi: 'A: số ít khách hàng mang lại phần lớn doanh thu; C: phần đuôi dài.',
  },
  run: 'function',
  fn: 'ABC_CLASS',
  columns: [as(VALUE, 'values')],
  options: [
    { param: 'a_share', label: { en: 'Class A ends at running share', vi: 'Nhóm A kết thúc ở tỷ trọng cộng dồn' } },
    { param: 'b_share', label: { en: 'Class B ends at running share', vi: 'Nhóm B kết thúc ở tỷ trọng cộng dồn' } },
  ],
  chart: 'pareto',
  labels: ['abcA', 'abcB', 'abcC'],
});
