import { BLANK, answers, column, problem, type HostCase } from './types.js';

export const TIER_CASES: HostCase[] = [
  {
    fn: 'CUSTOMER_TIER',
    title: 'catalog example with shares {0.1,0.2,0.5}',
    args: [column(900, 500, 300, 200, 120, 100, 80, 60, 40, 0), undefined, [[0.1, 0.2, 0.5]]],
    expect: answers('Top', 'Large', 'Medium', 'Medium', 'Medium', 'Small', 'Small', 'Small', 'Small', 'Inactive'),
  },
  {
    fn: 'CUSTOMER_TIER',
    title: 'default pyramid: a blank, an ambiguous text, zero',
    args: [column(30, BLANK, '1.234', 10, 0)],
    expect: answers(
      'Top',
      '',
      problem('values, row 3 of the range: "1.234" could be 1.234 or 1234'),
      'Small',
      'Inactive',
    ),
    blanksMayBeZero: false,
  },
  {
    fn: 'CUSTOMER_TIER',
    title: 'row by row against a population, Vietnamese',
    args: [20, column(30, 20, 10), [[0.1, 0.5, 0.9]], 'vi'],
    expect: [['Lớn']],
  },
  {
    fn: 'CUSTOMER_TIER',
    title: 'shares not ascending',
    args: [column(1, 2), undefined, [[0.2, 0.05, 0.5]]],
    expect: { error: 'shares must be strictly ascending' },
  },
];
