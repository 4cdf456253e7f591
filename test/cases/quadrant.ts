import { BLANK, answers, column, problem, type HostCase } from './types.js';

export const QUADRANT_CASES: HostCase[] = [
  {
    fn: 'BCG_QUADRANT',
    title: 'catalog example, median cuts',
    args: [column(100, 80, 30, 20), column(0.3, 0.02, 0.25, 0.01)],
    expect: answers('Star', 'Cash Cow', 'Question Mark', 'Dog'),
  },
  {
    fn: 'BCG_QUADRANT',
    title: 'a blank growth and an unreadable growth (left out of both medians)',
    args: [column(100, 80, 30, 20, 50), column(0.3, BLANK, 0.25, 0.01, 'abc')],
    expect: answers('Star', '', 'Question Mark', 'Dog', problem('growth, row 5 of the range: "abc" is not a number')),
    blanksMayBeZero: false,
  },
  {
    fn: 'BCG_QUADRANT',
    title: 'row by row with cuts, Vietnamese',
    args: [120, 0.05, 100, 0.1, 'vi'],
    expect: [['Bò sữa']],
  },
  {
    fn: 'BCG_QUADRANT',
    title: 'ranges of different lengths',
    args: [column(1, 2, 3), column(1, 2)],
    expect: { error: 'growth has 2 cells but sales has 3' },
  },
  {
    fn: 'PRIORITY_QUADRANT',
    title: 'catalog example, median cuts',
    args: [column(8, 9, 3, 2), column(7, 2, 8, 1)],
    expect: answers('Focus', 'Build', 'Opportunistic', 'Deprioritise'),
  },
  {
    fn: 'PRIORITY_QUADRANT',
    title: 'given cuts, a value on the cut is high, Vietnamese, a blank',
    args: [column(5, 4, BLANK), column(5, 6, 1), 5, 5, 'vi'],
    expect: answers('Tập trung', 'Tận dụng cơ hội', ''),
    blanksMayBeZero: false,
  },
  {
    fn: 'PRIORITY_QUADRANT',
    title: 'a cut that is not a number',
    args: [column(1), column(1), 'high'],
    expect: { error: 'a_cut must be a number' },
  },
];
