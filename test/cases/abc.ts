import { BLANK, answers, column, problem, type HostCase } from './types.js';

export const ABC_CASES: HostCase[] = [
  {
    fn: 'ABC_CLASS',
    title: 'spec example',
    args: [column(27000, 24000, 18000, 16000, 6000, 5000, 4000)],
    expect: answers('A', 'A', 'A', 'B', 'B', 'C', 'C'),
  },
  {
    fn: 'ABC_CLASS',
    title: 'blanks, text numbers and an ambiguous text',
    args: [column(50, BLANK, '30', 15, '1.234', 5)],
    expect: answers('A', '', 'A', 'B', problem('could be 1.234 or 1234'), 'C'),
    blanksMayBeZero: false,
  },
  {
    fn: 'ABC_CLASS',
    title: 'row by row against a population, Vietnamese',
    args: [15, column(50, 30, 15, 5), undefined, undefined, 'vi'],
    expect: [['B']],
  },
  {
    fn: 'ABC_CLASS',
    title: 'a_share above b_share',
    args: [column(1, 2), undefined, 0.9, 0.5],
    expect: { error: 'b_share' },
  },
];
