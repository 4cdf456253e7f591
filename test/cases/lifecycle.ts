import { BLANK, answers, column, date, problem, type HostCase } from './types.js';

export const LIFECYCLE_CASES: HostCase[] = [
  {
    fn: 'LIFECYCLE_STAGE',
    title: 'the catalog example: Evangelist, New, Prospect, Lost',
    args: [
      column(date('2023-01-10'), date('2024-05-01'), BLANK, date('2022-03-01')),
      column(date('2024-06-20'), date('2024-06-01'), BLANK, date('2023-05-01')),
      column(7, 1, 0, 3),
      date('2024-06-30'),
      column(2, 0, 0, 0),
    ],
    expect: answers('Evangelist', 'New', 'Prospect', 'Lost'),
  },
  {
    fn: 'LIFECYCLE_STAGE',
    title: 'custom settings, as_of by default the latest last purchase, Vietnamese',
    args: [
      column('2024-01-01', '2024-01-01', '2024-01-01', '2024-06-25'),
      column('2024-03-01', '2024-04-25', '2024-06-28', '2024-06-30'),
      column(1, 1, 2, 1),
      undefined,
      undefined,
      [[30, 60, 90, 2]],
      'vi',
    ],
    expect: answers('Đã mất', 'Nguy cơ', 'Trung thành', 'Mới'),
  },
  {
    fn: 'LIFECYCLE_STAGE',
    title: 'an all-blank row and per-row problems',
    args: [
      column(BLANK, BLANK, '2024-06-01', date('2024-01-01'), date('2024-01-01')),
      column(BLANK, BLANK, '2024-01-01', BLANK, date('2024-07-15')),
      column(BLANK, 3, 2, 2, 2),
      date('2024-06-30'),
    ],
    expect: answers(
      '',
      problem('orders, row 2 of the range: 3 orders are given but both purchase dates are blank'),
      problem('first_purchase, row 3 of the range: first purchase 2024-06-01 is after last purchase 2024-01-01'),
      problem('last_purchase, row 4 of the range: orders or one purchase date are given but last_purchase is blank'),
      problem('last_purchase, row 5 of the range: the date 2024-07-15 is after as_of (2024-06-30)'),
    ),
    // With blanks passed as 0, the all-blank row reads as orders 0: a Prospect.
    blanksMayBeZero: false,
  },
  {
    fn: 'LIFECYCLE_STAGE',
    title: 'settings of 3 numbers',
    args: [column(date('2024-01-01')), column(date('2024-02-01')), column(1), undefined, undefined, [[90, 180, 365]]],
    expect: { error: 'settings must have 4 values' },
  },
];
