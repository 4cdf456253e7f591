/** PARETO_LEADERS (a table) and PARETO_RATIO (one number). */
import { numberArg, readVectorNumbers, toVector } from '../args.js';
import { PROBLEM, VALUE, readEachNumber } from '../cells.js';
import { at, problem, type Problem } from '../errors.js';
import { label } from '../labels.js';
import { paretoLeaders, paretoRatio } from '../methods/pareto.js';
import { groupSums } from '../methods/summary.js';
import type { OutCell, OutGrid } from '../output.js';
import { param, type FunctionSpec } from './types.js';
import { leftOutRows, numbersOf, readLines } from './summary.js';

const SHARE = param('share', 'number', { en: 'The cumulative share to reach.', vi: 'Tỷ lệ cộng dồn cần đạt.' }, true, {
  default: 0.8,
  exclusiveMin: 0,
  max: 1,
});
const TOP_SHARE = param(
  'top_share',
  'number',
  { en: 'The share of customers in the top.', vi: 'Tỷ lệ khách hàng thuộc nhóm đầu.' },
  true,
  { default: 0.2, exclusiveMin: 0, exclusiveMax: 1 },
);

export const PARETO_LEADERS: FunctionSpec = {
  name: 'PARETO_LEADERS',
  summary: {
    en: 'The items (products, customers) that together make share of the total: repeated items are summed first (works on raw order lines), sorted by value descending, and the smallest leading set whose cumulative share reaches share is listed; equal values at the boundary go in together. Spills Item, Value, Cumulative share with a header.',
    vi: 'Các mục (sản phẩm, khách hàng) cùng nhau chiếm tỷ lệ share của tổng: các mục lặp lại được cộng trước (dùng được trên từng dòng đơn hàng), xếp theo giá trị giảm dần, rồi liệt kê nhóm đầu nhỏ nhất có tỷ lệ cộng dồn đạt share; các giá trị bằng nhau ở ranh giới được lấy cùng nhau. Trả về bảng Mục, Giá trị, Tỷ lệ cộng dồn có dòng tiêu đề.',
  },
  params: [
    param('items', 'range', {
      en: 'The item of each line (a column or row); the number 1001 and the text "1001" are one item. Lines that cannot be read, or a value without an item, are left out and reported in one last row that starts with #VALUE!.',
      vi: 'Mục của từng dòng (một cột hoặc một dòng); số 1001 và chữ "1001" là một mục. Dòng không đọc được, hoặc có giá trị mà không có mục, bị bỏ qua và được báo trong một dòng cuối bắt đầu bằng #VALUE!.',
    }),
    param('values', 'range', {
      en: 'The value of each line, same length as items. Negative lines (returns) are netted against their item; items whose sum is 0 or below add nothing to the total and are never leaders. A blank value adds nothing (as does a blank passed as 0 by some Excel builds).',
      vi: 'Giá trị của từng dòng, cùng độ dài với items. Dòng âm (hàng trả lại) được trừ vào mục của nó; mục có tổng từ 0 trở xuống không cộng vào tổng và không bao giờ đứng đầu. Giá trị trống không cộng thêm gì (giống ô trống được một số bản Excel truyền thành 0).',
    }),
    SHARE,
  ],
  result: 'table',
  example: {
    formula: '=PARETO_LEADERS({"a";"b";"a";"c";"d"}, {30;30;20;15;5})',
    result: 'Item, Value, Cumulative share; a, 50, 0.5; b, 30, 0.8',
  },
  run([itemsRaw, valuesRaw, shareRaw]) {
    const share = numberArg(SHARE, shareRaw);
    const lines = readLines(itemsRaw, 'items', valuesRaw, 'values', readEachNumber);
    const groups = groupSums(lines.keys, numbersOf(lines.values));
    const grid: OutGrid = [
      [label('headerItem', 'en'), label('headerValue', 'en'), label('headerCumulativeShare', 'en')],
    ];
    for (const leader of paretoLeaders(groups.names, groups.sums, share)) {
      grid.push([leader.item, leader.value, leader.cumulativeShare]);
    }
    return grid.concat(leftOutRows(lines.leftOut, 3, 'en'));
  },
};

export const PARETO_RATIO: FunctionSpec = {
  name: 'PARETO_RATIO',
  summary: {
    en: 'Average value of the top top_share of customers (by count, rounded up) divided by the average of the rest: the "top 20% buy 16× more" figure. One number.',
    vi: 'Giá trị trung bình của nhóm top_share khách hàng đầu (theo số lượng, làm tròn lên) chia cho giá trị trung bình của phần còn lại: con số "20% khách hàng đầu mua gấp 16 lần". Một số.',
  },
  params: [
    param('values', 'range', {
      en: 'One value per customer (a column or row). Blanks are left out (Excel builds that pass a blank as 0 count it as a customer with 0); zeros and negatives count as they are, as in AVERAGE. The answer is #VALUE! with the reason, instead of a number, when a cell cannot be read (the first such cell is named), when there are fewer than 2 values, when the top takes every value, or when the rest averages 0 or below.',
      vi: 'Mỗi khách hàng một giá trị (một cột hoặc một dòng). Ô trống bị bỏ qua (các bản Excel truyền ô trống thành 0 sẽ tính là khách hàng có giá trị 0); số 0 và số âm được tính như AVERAGE. Kết quả là #VALUE! kèm lý do thay cho một số khi có ô không đọc được (nêu ô đầu tiên), khi có ít hơn 2 giá trị, khi nhóm đầu lấy hết mọi giá trị, hoặc khi phần còn lại có trung bình từ 0 trở xuống.',
    }),
    TOP_SHARE,
  ],
  result: 'scalar',
  example: { formula: '=PARETO_RATIO({100;10;10;10;10})', result: '10' },
  run([valuesRaw, topShareRaw]) {
    const topShare = numberArg(TOP_SHARE, topShareRaw);
    const column = readVectorNumbers(toVector(valuesRaw, 'values'));
    const n = column.values.length;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (column.state[i] === PROBLEM) return [[at(column.problems.get(i) as Problem, 'values', i + 1)]];
      if (column.state[i] === VALUE) count++;
    }
    const values = count === n ? column.values : new Float64Array(count);
    if (count !== n) {
      count = 0;
      for (let i = 0; i < n; i++) if (column.state[i] === VALUE) values[count++] = column.values[i] as number;
    }
    const ratio = paretoRatio(values, topShare);
    let answer: OutCell;
    if (ratio.kind === 'ratio') answer = ratio.value;
    else if (ratio.kind === 'tooFew') answer = problem('tooFewRows', { arg: 'values', min: 2, count: ratio.count });
    else if (ratio.kind === 'emptyRest') answer = problem('paretoEmptyRest', { top: ratio.top, count: ratio.count });
    else answer = problem('paretoRestNotPositive', { average: ratio.average });
    return [[answer]];
  },
};
