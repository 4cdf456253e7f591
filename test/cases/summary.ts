import { BLANK, column, problem, type HostCase } from './types.js';

const HEADER = ['Segment', 'Customers', 'Customer share', 'Value', 'Value share', 'Average value'];

export const SUMMARY_CASES: HostCase[] = [
  {
    fn: 'SEGMENT_SUMMARY',
    title: 'catalog example',
    args: [column('A', 'B', 'A', 'C'), column(500, 200, 300, 100)],
    expect: [
      HEADER,
      ['A', 2, 0.5, 800, 800 / 1100, 400],
      ['B', 1, 0.25, 200, 200 / 1100, 200],
      ['C', 1, 0.25, 100, 100 / 1100, 100],
      ['Total', 4, 1, 1100, 1, 275],
    ],
  },
  {
    fn: 'SEGMENT_SUMMARY',
    title: 'Vietnamese, a blank value counted as a customer, a line left out',
    args: [column('A', 'A', 'B', 'C'), column(30, BLANK, 10, 'abc'), 'vi'],
    expect: [
      ['Phân khúc', 'Số khách hàng', 'Tỷ lệ khách hàng', 'Giá trị', 'Tỷ lệ giá trị', 'Giá trị trung bình'],
      ['A', 2, 2 / 3, 30, 0.75, 15],
      ['B', 1, 1 / 3, 10, 0.25, 10],
      ['Tổng', 3, 1, 40, 1, 40 / 3],
      [problem('values, dòng 4 của vùng: "abc" không phải là số'), '', '', '', '', ''],
    ],
  },
  {
    fn: 'SEGMENT_SUMMARY',
    title: 'ranges of different lengths',
    args: [column('A', 'B'), column(1, 2, 3)],
    expect: { error: 'values has 3 cells but segments has 2' },
  },
  {
    fn: 'MAIN_TRAIT',
    title: 'catalog example',
    args: [column('A', 'A', 'A', 'B', 'B'), column('North', 'North', 'South', 'North', 'South')],
    expect: [
      ['Segment', 'Main trait', 'Share'],
      ['A', 'North', 2 / 3],
      ['B', '', ''],
    ],
  },
  {
    fn: 'MAIN_TRAIT',
    title: 'a blank trait is not counted; a line left out',
    args: [column('A', 'A', 'A', 'B'), column('x', 'x', BLANK, '#N/A')],
    expect: [
      ['Segment', 'Main trait', 'Share'],
      ['A', 'x', 1],
      [problem('1 line(s) left out: traits, row 4 of the range: the cell holds the error #N/A'), '', ''],
    ],
    blanksMayBeZero: false,
  },
  {
    fn: 'MAIN_TRAIT',
    title: 'min_share above 1',
    args: [column('A'), column('x'), 2],
    expect: { error: 'min_share must be between 0 and 1' },
  },
];
