import { numberOr, readLang } from '../args.js';
import { fail } from '../errors.js';
import { label, type Lang, type LabelKey } from '../labels.js';
import { ABC_DEFAULT_SHARES, abcClass, abcCutoffs, type AbcCutoffs } from '../methods/abc.js';
import { PopulationCache } from '../population-cache.js';
import { classifyAgainstPopulation, type RelativeMethod } from './population.js';
import { LANG_PARAM, param, type FunctionSpec } from './types.js';

const cache = new PopulationCache<AbcCutoffs>();
const CLASS_LABEL: Record<'A' | 'B' | 'C', LabelKey> = { A: 'abcA', B: 'abcB', C: 'abcC' };
const methods = new Map<string, RelativeMethod<AbcCutoffs>>();

/** One method object per (shares, language), reused by every call, so row-by-row calls stay cheap. */
let last: { aShare: number; bShare: number; lang: Lang; method: RelativeMethod<AbcCutoffs> } | undefined;

function abcMethod(aShare: number, bShare: number, lang: Lang): RelativeMethod<AbcCutoffs> {
  if (last && last.aShare === aShare && last.bShare === bShare && last.lang === lang) return last.method;
  const key = `${aShare}|${bShare}|${lang}`;
  let method = methods.get(key);
  if (!method) {
    const labels = { A: label(CLASS_LABEL.A, lang), B: label(CLASS_LABEL.B, lang), C: label(CLASS_LABEL.C, lang) };
    method = {
      cache,
      key: `${aShare}|${bShare}`,
      prepare: (population) => abcCutoffs(population, aShare, bShare),
      classify: (value, cutoffs) => labels[abcClass(value, cutoffs)],
    };
    methods.set(key, method);
  }
  last = { aShare, bShare, lang, method };
  return method;
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
    param(
      'a_share',
      'number',
      { en: 'Running share that ends class A; default 0.8.', vi: 'Tỷ trọng cộng dồn kết thúc nhóm A; mặc định 0.8.' },
      true,
    ),
    param(
      'b_share',
      'number',
      { en: 'Running share that ends class B; default 0.95.', vi: 'Tỷ trọng cộng dồn kết thúc nhóm B; mặc định 0.95.' },
      true,
    ),
    LANG_PARAM,
  ],
  result: 'perCell',
  example: { formula: '=ABC_CLASS({27000;24000;18000;16000;6000;5000;4000})', result: 'A; A; A; B; B; C; C' },
  run([values, population, aShareRaw, bShareRaw, langRaw]) {
    const lang = readLang(langRaw);
    const aShare = numberOr(aShareRaw, 'a_share', ABC_DEFAULT_SHARES.a, { min: 0, max: 1 });
    const bShare = numberOr(bShareRaw, 'b_share', ABC_DEFAULT_SHARES.b, { min: 0, max: 1 });
    if (!(aShare < bShare))
      fail('sharesOrder', { arg: 'b_share', value: bShare, other: 'a_share', otherValue: aShare });
    return classifyAgainstPopulation(values, population, abcMethod(aShare, bShare, lang));
  },
};
