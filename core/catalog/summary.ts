/**
 * SEGMENT_SUMMARY and MAIN_TRAIT, and the line reading every aggregating function (these two, PARETO_LEADERS)
 * shares: a line is a key (segment, item) and a value. Such functions have no output cell per line, so a line
 * that cannot be read is left out and the table ends with one row whose first cell is a problem
 * ("#VALUE! 2 line(s) left out: …", naming the first three by argument and row).
 */
import { numberArg, readLang, requireSameLength, toVector } from '../args.js';
import { BLANK, readEachNumber, readEachText, readText, type Read } from '../cells.js';
import { at, describeProblem, isProblem, problem, type Problem } from '../errors.js';
import { label, type Lang } from '../labels.js';
import { mainTraits, summarise } from '../methods/summary.js';
import type { OutCell, OutGrid } from '../output.js';
import { LANG_PARAM, param, type FunctionSpec } from './types.js';

/** Lines kept, with the key and the value (undefined for a blank value), and the problems of the lines left out. */
export interface Lines<T> {
  readonly keys: string[];
  readonly values: (T | undefined)[];
  readonly leftOut: Problem[];
}

/**
 * Reads key/value lines. A line blank in both is skipped; a line with a problem in either cell, or a value
 * without a key, is left out and reported; a key with a blank value is kept with an undefined value.
 */
export function readLines<T>(
  keysRaw: unknown,
  keyArg: string,
  valuesRaw: unknown,
  valueArg: string,
  readValues: (cells: readonly unknown[]) => readonly Read<T>[],
): Lines<T> {
  const keyVector = toVector(keysRaw, keyArg);
  const valueVector = toVector(valuesRaw, valueArg);
  requireSameLength(keyVector, keyArg, valueVector, valueArg);
  const keyCells = keyVector.cells;
  const valueReads = readValues(valueVector.cells);
  const keys: string[] = [];
  const values: (T | undefined)[] = [];
  const leftOut: Problem[] = [];
  for (let i = 0; i < keyCells.length; i++) {
    const key = readText(keyCells[i]);
    const value = valueReads[i] as Read<T>;
    if (isProblem(key)) leftOut.push(at(key, keyArg, i + 1));
    else if (isProblem(value)) leftOut.push(at(value, valueArg, i + 1));
    else if (key === BLANK) {
      if (value !== BLANK) leftOut.push(at(problem('incompleteRow', { missing: keyArg }), keyArg, i + 1));
    } else {
      keys.push(key);
      values.push(value === BLANK ? undefined : value);
    }
  }
  return { keys, values, leftOut };
}

const SHOWN_PROBLEMS = 3;

/**
 * The final row of a table with lines left out: a problem in the first cell, blanks after it; none when every
 * line was read. The details name the first three lines, in the call's language.
 */
export function leftOutRows(leftOut: readonly Problem[], width: number, lang: Lang): OutGrid {
  if (leftOut.length === 0) return [];
  const shown = leftOut.slice(0, SHOWN_PROBLEMS).map((p) => describeProblem(p, lang));
  if (leftOut.length > SHOWN_PROBLEMS) shown.push('…');
  const row: OutCell[] = [problem('linesLeftOut', { count: leftOut.length, details: shown.join('; ') })];
  for (let j = 1; j < width; j++) row.push('');
  return [row];
}

/** Numbers of the kept lines, NaN for a blank value. */
export function numbersOf(values: readonly (number | undefined)[]): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] ?? NaN;
  return out;
}

const LEFT_OUT_HELP = {
  en: 'Lines that cannot be read (or a value without a segment) are left out and reported in one last row that starts with #VALUE!.',
  vi: 'Dòng không đọc được (hoặc có giá trị mà không có phân khúc) bị bỏ qua và được báo trong một dòng cuối bắt đầu bằng #VALUE!.',
};

const ZERO_KEY = {
  en: 'Excel builds that pass a blank cell as 0 turn a blank segment into the segment "0": give exactly the rows of your data.',
  vi: 'Các bản Excel truyền ô trống thành 0 sẽ biến phân khúc trống thành phân khúc "0": hãy chọn đúng các dòng có dữ liệu.',
};

export const SEGMENT_SUMMARY: FunctionSpec = {
  name: 'SEGMENT_SUMMARY',
  summary: {
    en: 'One row per segment: Segment, Customers, Customer share, Value, Value share, Average value, sorted by value descending (ties by name), then a Total row. Spills with a header.',
    vi: 'Mỗi phân khúc một dòng: Phân khúc, Số khách hàng, Tỷ lệ khách hàng, Giá trị, Tỷ lệ giá trị, Giá trị trung bình, xếp theo giá trị giảm dần (bằng nhau theo tên), rồi dòng Tổng. Trả về bảng có dòng tiêu đề.',
  },
  params: [
    param('segments', 'range', {
      en: `The segment of each customer, one line per customer (a column or row). ${LEFT_OUT_HELP.en} ${ZERO_KEY.en}`,
      vi: `Phân khúc của từng khách hàng, mỗi khách hàng một dòng (một cột hoặc một dòng). ${LEFT_OUT_HELP.vi} ${ZERO_KEY.vi}`,
    }),
    param('values', 'range', {
      en: 'The value of each customer, same length as segments. A blank value counts the customer and adds nothing to the value (Excel builds that pass a blank as 0 give the same). Value shares are blank when the total value is 0.',
      vi: 'Giá trị của từng khách hàng, cùng độ dài với segments. Giá trị trống vẫn tính khách hàng nhưng không cộng vào giá trị (các bản Excel truyền ô trống thành 0 cho cùng kết quả). Tỷ lệ giá trị để trống khi tổng giá trị bằng 0.',
    }),
    LANG_PARAM,
  ],
  result: 'table',
  example: {
    formula: '=SEGMENT_SUMMARY({"A";"B";"A";"C"}, {500;200;300;100})',
    result:
      'Segment, Customers, Customer share, Value, Value share, Average value; A, 2, 0.5, 800, 0.727…, 400; B, 1, 0.25, 200, 0.182…, 200; C, 1, 0.25, 100, 0.091…, 100; Total, 4, 1, 1100, 1, 275',
  },
  run([segmentsRaw, valuesRaw, langRaw]) {
    const lang = readLang(langRaw);
    const lines = readLines(segmentsRaw, 'segments', valuesRaw, 'values', readEachNumber);
    const { rows, total } = summarise(lines.keys, numbersOf(lines.values));
    const share = (part: number, whole: number): OutCell => (whole === 0 ? '' : part / whole);
    const grid: OutGrid = [
      [
        label('headerSegment', lang),
        label('headerCustomers', lang),
        label('headerCustomerShare', lang),
        label('headerValue', lang),
        label('headerValueShare', lang),
        label('headerAverageValue', lang),
      ],
    ];
    for (const r of rows) {
      grid.push([
        r.segment,
        r.customers,
        share(r.customers, total.customers),
        r.value,
        share(r.value, total.value),
        r.value / r.customers,
      ]);
    }
    grid.push([
      label('headerTotal', lang),
      total.customers,
      total.customers === 0 ? '' : 1,
      total.value,
      total.value === 0 ? '' : 1,
      share(total.value, total.customers),
    ]);
    return grid.concat(leftOutRows(lines.leftOut, 6, lang));
  },
};

const MIN_SHARE = param(
  'min_share',
  'number',
  {
    en: 'The most common trait must be shared by more than this share of the members with a trait.',
    vi: 'Đặc điểm phổ biến nhất phải có ở hơn tỷ lệ này trong các thành viên có đặc điểm.',
  },
  true,
  { default: 0.5, min: 0, max: 1 },
);

export const MAIN_TRAIT: FunctionSpec = {
  name: 'MAIN_TRAIT',
  summary: {
    en: "Each segment's main characteristic: the most common trait among its members when more than min_share of them share it, else blank (also blank when two traits tie). Spills Segment, Main trait, Share (the main trait's share of the members with a trait; blank without one) with a header, largest segment first.",
    vi: 'Đặc điểm chính của từng phân khúc: đặc điểm phổ biến nhất trong các thành viên khi hơn min_share số thành viên có nó, nếu không thì để trống (cũng để trống khi hai đặc điểm bằng nhau). Trả về bảng Phân khúc, Đặc điểm chính, Tỷ lệ (tỷ lệ của đặc điểm chính trong các thành viên có đặc điểm; trống khi không có) có dòng tiêu đề, phân khúc lớn nhất trước.',
  },
  params: [
    param('segments', 'range', {
      en: `The segment of each customer (a column or row). ${LEFT_OUT_HELP.en} ${ZERO_KEY.en}`,
      vi: `Phân khúc của từng khách hàng (một cột hoặc một dòng). ${LEFT_OUT_HELP.vi} ${ZERO_KEY.vi}`,
    }),
    param('traits', 'range', {
      en: 'The trait of each customer (region, industry, channel…), same length as segments. Blank traits are not counted, neither as a trait nor in the share; Excel builds that pass a blank as 0 count it as the trait "0".',
      vi: 'Đặc điểm của từng khách hàng (vùng, ngành, kênh…), cùng độ dài với segments. Đặc điểm trống không được tính, kể cả khi tính tỷ lệ; các bản Excel truyền ô trống thành 0 sẽ tính là đặc điểm "0".',
    }),
    MIN_SHARE,
  ],
  result: 'table',
  example: {
    formula: '=MAIN_TRAIT({"A";"A";"A";"B";"B"}, {"North";"North";"South";"North";"South"})',
    result: 'Segment, Main trait, Share; A, North, 0.667; B, , ',
  },
  run([segmentsRaw, traitsRaw, minShareRaw]) {
    const minShare = numberArg(MIN_SHARE, minShareRaw);
    const lines = readLines(segmentsRaw, 'segments', traitsRaw, 'traits', readEachText);
    const grid: OutGrid = [[label('headerSegment', 'en'), label('headerMainTrait', 'en'), label('headerShare', 'en')]];
    for (const r of mainTraits(lines.keys, lines.values, minShare))
      grid.push([r.segment, r.trait ?? '', r.share ?? '']);
    return grid.concat(leftOutRows(lines.leftOut, 3, 'en'));
  },
};
