/**
 * ABC_CLASS: the cell reading around the pure method in methods/abc.ts, against a population (catalog/population.ts).
 * A spilled column (`=ABC_CLASS(C2:C1000001)`) takes one pass of its own: the column's numbers are read once into a
 * typed array, sorted once for the cut-offs, and each row of the answer is one of three shared rows (A, B, C).
 */
import { answerRow, isAbsent, numberArg, readLang, readVectorNumbers, toVector, vectorLength } from '../args.js';
import { BLANK_STATE } from '../cells.js';
import { at, fail, type Problem } from '../errors.js';
import { label, type Lang, type LabelKey } from '../labels.js';
import { ABC_DEFAULT_SHARES, abcAnalysis, abcClass, type AbcAnalysis, type AbcClass } from '../methods/abc.js';
import { markHostReady, type OutCell, type OutGrid } from '../output.js';
import { PopulationCache, readableNumbers } from '../population-cache.js';
import { classifyAgainstPopulation, type RelativeMethod } from './population.js';
import { LANG_PARAM, param, type DetailSink, type FunctionSpec } from './types.js';
import { VALUE, as } from './column-roles.js';
import { defineMethod } from './method.js';

const cache = new PopulationCache<AbcAnalysis>();
export const CLASS_LABEL: Record<'A' | 'B' | 'C', LabelKey> = { A: 'abcA', B: 'abcB', C: 'abcC' };

/** The relative method, with the one answer row of each class (shared, frozen: answerRow) for spilled columns. */
interface AbcMethod extends RelativeMethod<AbcAnalysis> {
  readonly rows: Readonly<Record<AbcClass, OutCell[]>>;
}

const methods = new Map<string, AbcMethod>();

/** One method object per (shares, language), reused by every call, so row-by-row calls stay cheap. */
let last: { aShare: number; bShare: number; lang: Lang; method: AbcMethod } | undefined;

function abcMethod(aShare: number, bShare: number, lang: Lang): AbcMethod {
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
      rows: { A: answerRow(labels.A), B: answerRow(labels.B), C: answerRow(labels.C) },
    };
    methods.set(key, method);
  }
  last = { aShare, bShare, lang, method };
  return method;
}

/**
 * A column of two or more values classified against itself, in one pass: the same answers as
 * classifyAgainstPopulation (a blank is `""`, an unreadable cell a problem naming its row), every readable value's
 * row one of `method.rows`. Undefined for anything else (a row, one cell, a separate population), which takes the
 * shared path.
 */
function spilledColumn(
  rawValues: unknown,
  rawPopulation: unknown,
  method: AbcMethod,
  report: ((used: AbcAnalysis) => void) | undefined,
): OutGrid | undefined {
  if (!Array.isArray(rawValues) || !isAbsent(rawPopulation)) return undefined;
  const vector = toVector(rawValues, 'values');
  if (vector.orientation !== 'column' || vectorLength(vector) < 2) return undefined;
  const { values, state, problems } = readVectorNumbers(vector);
  const analysis = method.prepare(readableNumbers(values, state));
  if (report) report(analysis);
  const { A: rowA, B: rowB, C: rowC } = method.rows;
  const { aMin, bMin } = analysis;
  const blank = answerRow('');
  const grid = new Array<OutCell[]>(values.length);
  for (let i = 0; i < values.length; i++) {
    const read = state[i];
    if (read === 0) {
      // abcClass, inlined: a keyed lookup of its answer per value costs about as much as the rest of the loop.
      const value = values[i] as number;
      grid[i] = value > 0 && value >= aMin ? rowA : value > 0 && value >= bMin ? rowB : rowC;
    } else if (read === BLANK_STATE) grid[i] = blank;
    else grid[i] = answerRow(at(problems.get(i) as Problem, 'values', i + 1));
  }
  // Labels and "" only, one per row, unless a cell could not be read.
  return problems.size === 0 ? markHostReady(grid, 1) : grid;
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
    const method = abcMethod(aShare, bShare, lang);
    const report = reporter(aShare, bShare, details);
    return (
      spilledColumn(values, population, method, report) ?? classifyAgainstPopulation(values, population, method, report)
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
