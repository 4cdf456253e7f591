/** XYZ_CLASS: the cell reading around the pure method in methods/xyz.ts, one answer per matrix row. */
import { answerRow, listArg, toMatrix } from '../args.js';
import { BLANK, matrixNumberReader, type Read } from '../cells.js';
import { at, isProblem, problem } from '../errors.js';
import { label, type LabelKey } from '../labels.js';
import { coefficientOfVariation, XYZ_DEFAULT_CUTS, xyzClass, type XyzClass } from '../methods/xyz.js';
import type { OutCell, OutGrid } from '../output.js';
import { param, type FunctionSpec } from './types.js';
import { PERIODS, as } from './column-roles.js';
import { defineMethod } from './method.js';

const CLASS_LABEL: Record<XyzClass, LabelKey> = { X: 'xyzX', Y: 'xyzY', Z: 'xyzZ' };
const LABELS: Record<XyzClass, string> = {
  X: label(CLASS_LABEL.X, 'en'),
  Y: label(CLASS_LABEL.Y, 'en'),
  Z: label(CLASS_LABEL.Z, 'en'),
};

/** One matrix row: its class, a blank answer (every cell blank), or the row's first problem. */
function classifyRow(
  cells: readonly unknown[],
  row: number,
  cuts: readonly [number, number],
  buffer: Float64Array,
  readNumber: (raw: unknown) => Read<number>,
): OutCell {
  let count = 0;
  for (let j = 0; j < cells.length; j++) {
    const raw = cells[j];
    const read = typeof raw === 'number' && raw - raw === 0 ? raw : readNumber(raw);
    if (read === BLANK) continue;
    if (isProblem(read)) return at(read, 'period_values', row);
    buffer[count++] = read;
  }
  if (count === 0) return '';
  if (count < 2) return at(problem('tooFewValues', { count }), 'period_values', row);
  return LABELS[xyzClass(coefficientOfVariation(buffer.subarray(0, count)), cuts)];
}

const CUTS = param(
  'cuts',
  'list',
  {
    en: 'CV cut-offs: X up to the first, Y up to the second.',
    vi: 'Các ngưỡng CV: X đến ngưỡng thứ nhất, Y đến ngưỡng thứ hai.',
  },
  true,
  { default: XYZ_DEFAULT_CUTS, count: XYZ_DEFAULT_CUTS.length, min: 0, ascending: true },
);

export const XYZ_CLASS: FunctionSpec = {
  name: 'XYZ_CLASS',
  summary: {
    en: 'Demand variability of each row of a customers × periods matrix: coefficient of variation CV = STDEV.S / AVERAGE of the row; X if CV ≤ 0.5, Y if CV ≤ 1, else Z. A row whose mean is 0 or below is Z. One answer per matrix row.',
    vi: 'Mức biến động nhu cầu của từng dòng trong ma trận khách hàng × kỳ: hệ số biến thiên CV = STDEV.S / AVERAGE của dòng; X nếu CV ≤ 0.5, Y nếu CV ≤ 1, còn lại Z. Dòng có trung bình bằng 0 hoặc âm là Z. Mỗi dòng ma trận một kết quả.',
  },
  params: [
    param('period_values', 'matrix', {
      en: 'Rows × periods (2 or more columns), e.g. monthly sales per customer. Blanks in a row are skipped, as STDEV.S and AVERAGE do; a row with fewer than two numbers gets #VALUE!, an all-blank row a blank. Excel builds that pass a blank as 0 count it as a period with 0 sales.',
      vi: 'Các dòng × các kỳ (từ 2 cột), ví dụ doanh số hằng tháng của từng khách hàng. Ô trống trong dòng được bỏ qua như STDEV.S và AVERAGE; dòng có ít hơn hai số nhận #VALUE!, dòng trống hoàn toàn cho kết quả trống. Các bản Excel truyền ô trống thành 0 sẽ tính đó là một kỳ có doanh số 0.',
    }),
    CUTS,
  ],
  result: 'perRow',
  example: { formula: '=XYZ_CLASS({10,10,10,10;1,3,1,3;0,0,30,10})', result: 'X; Y; Z' },
  run([matrix, cutsRaw], details) {
    const pair = listArg(CUTS, cutsRaw) as [number, number];
    const rows = toMatrix(matrix, 'period_values', 2);
    let buffer = new Float64Array(rows[0]?.length ?? 0);
    const readNumber = matrixNumberReader(rows);
    const grid: OutGrid = new Array<OutCell[]>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const cells = rows[i] ?? [];
      if (cells.length > buffer.length) buffer = new Float64Array(cells.length);
      grid[i] = answerRow(classifyRow(cells, i + 1, pair, buffer, readNumber));
    }
    details?.({ kind: 'xyz', cuts: pair });
    return grid;
  },
};

export const XYZ_METHOD = defineMethod({
  id: 'xyz',
  name: { en: 'XYZ (steadiness)', vi: 'XYZ (độ ổn định)' },
  about: {
    en: 'X: steady buying across periods; Z: erratic. Needs one column per period.',
    vi: 'X: mua đều qua các kỳ; Z: thất thường. Cần mỗi kỳ một cột.',
  },
  run: 'function',
  fn: 'XYZ_CLASS',
  columns: [as(PERIODS, 'period_values')],
  options: [
    {
      param: 'cuts',
      label: { en: 'X and Y end at variation (e.g. 0.5, 1)', vi: 'X và Y kết thúc ở hệ số biến thiên (vd 0.5, 1)' },
    },
  ],
  chart: 'bars',
  labels: ['xyzX', 'xyzY', 'xyzZ'],
});
