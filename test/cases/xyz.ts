import { BLANK, answers, problem, type HostCase } from './types.js';

export const XYZ_CASES: HostCase[] = [
  {
    fn: 'XYZ_CLASS',
    title: 'catalog example: CV 0, ≈0.577, ≈1.414',
    args: [
      [
        [10, 10, 10, 10],
        [1, 3, 1, 3],
        [0, 0, 30, 10],
      ],
    ],
    expect: answers('X', 'Y', 'Z'),
  },
  {
    fn: 'XYZ_CLASS',
    title: 'blanks skipped, an all-blank row, a row with one number',
    args: [
      [
        [4, BLANK, 4],
        [BLANK, BLANK, BLANK],
        [7, BLANK, BLANK],
      ],
    ],
    expect: answers(
      'X',
      '',
      problem('period_values, row 3 of the range: needs at least two numbers in the row, has 1'),
    ),
    blanksMayBeZero: false,
  },
  {
    fn: 'XYZ_CLASS',
    title: 'custom cuts as an array constant, and an unreadable cell',
    args: [
      [
        [10, 12],
        [10, 20],
        [10, 40],
        [10, 'ten'],
      ],
      [[0.2, 0.6]],
    ],
    expect: answers('X', 'Y', 'Z', problem('"ten" is not a number')),
  },
  {
    fn: 'XYZ_CLASS',
    title: 'cuts not ascending',
    args: [[[1, 2]], [[1, 0.5]]],
    expect: { error: 'cuts must be strictly ascending' },
  },
  {
    fn: 'XYZ_CLASS',
    title: 'one column where a matrix is expected',
    args: [[[1], [2]]],
    expect: { error: 'period_values must be a range of 2 or more columns' },
  },
];
