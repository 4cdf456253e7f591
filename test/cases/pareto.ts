import { BLANK, column, problem, type HostCase } from './types.js';

export const PARETO_CASES: HostCase[] = [
  {
    fn: 'PARETO_LEADERS',
    title: 'catalog example: repeated items summed',
    args: [column('a', 'b', 'a', 'c', 'd'), column(30, 30, 20, 15, 5)],
    expect: [
      ['Item', 'Value', 'Cumulative share'],
      ['a', 50, 0.5],
      ['b', 30, 0.8],
    ],
  },
  {
    fn: 'PARETO_LEADERS',
    title: 'a blank line, a number item, a tie block at the boundary, a line left out',
    args: [column('a', 1001, BLANK, '1001', 'c', 'd'), column(40, 10, BLANK, 20, 30, '#N/A'), 0.6],
    expect: [
      ['Item', 'Value', 'Cumulative share'],
      ['a', 40, 0.4],
      ['1001', 30, 0.7],
      ['c', 30, 1],
      [problem('1 line(s) left out: values, row 6 of the range: the cell holds the error #N/A'), '', ''],
    ],
  },
  {
    fn: 'PARETO_LEADERS',
    title: 'a share of 0',
    args: [column('a'), column(1), 0],
    expect: { error: 'share must be more than 0 and at most 1' },
  },
  {
    fn: 'PARETO_RATIO',
    title: 'catalog example',
    args: [column(100, 10, 10, 10, 10)],
    expect: [[10]],
  },
  {
    fn: 'PARETO_RATIO',
    title: 'a blank is left out; top 50%',
    args: [column(40, BLANK, 10, 30, 20), 0.5],
    expect: [[35 / 15]],
    blanksMayBeZero: false,
  },
  {
    fn: 'PARETO_RATIO',
    title: 'an unreadable cell makes the answer say why',
    args: [column(100, 'abc', 10)],
    expect: [[problem('values, row 2 of the range: "abc" is not a number')]],
  },
  {
    fn: 'PARETO_RATIO',
    title: 'the rest averages 0',
    args: [column(100, 0, 0)],
    expect: [[problem('the rest of the values average 0')]],
  },
  {
    fn: 'PARETO_RATIO',
    title: 'a top_share of 1',
    args: [column(1, 2), 1],
    expect: { error: 'top_share must be more than 0 and less than 1' },
  },
];
