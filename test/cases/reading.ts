/**
 * The spec's reading rules (conventions: numbers as text, dates; the "Numbers as text" clarification), one case per
 * example, through functions that echo what they read (SEGMENT_SUMMARY sums, RFM tables show dates and revenue).
 */
import { answers, column, date, problem, type ExpectedCell, type HostCase } from './types.js';
import { RFM_TABLE_HEADER } from './rfm.js';

const SUMMARY = ['Segment', 'Customers', 'Customer share', 'Value', 'Value share', 'Average value'];
const RFM_HEADER = RFM_TABLE_HEADER;
const blanks = (n: number): ExpectedCell[] => Array<ExpectedCell>(n).fill('');
/** A summary of one-line segments named after their values: each value read is shown as it was read. */
function echo(values: readonly number[]): ExpectedCell[][] {
  const total = values.reduce((s, v) => s + v, 0);
  const rows = values
    .map((v, i) => [`s${i + 1}`, v] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([name, v]) => [name, 1, 1 / values.length, v, v / total, v]);
  return [SUMMARY, ...rows, ['Total', values.length, 1, total, 1, total / values.length]];
}
const segments = (n: number): string[] => Array.from({ length: n }, (_, i) => `s${i + 1}`);

export const READING_CASES: HostCase[] = [
  {
    fn: 'SEGMENT_SUMMARY',
    title: 'amounts in a currency without minor units: . and , group thousands',
    args: [
      column(...segments(8)),
      column('450.000 ₫', '89.000 ₫', '1.250.000đ', 'VND 2.500.000', '450.000 VNĐ', '¥1,000', '5.000 KRW', '₩7,000'),
    ],
    expect: echo([450_000, 89_000, 1_250_000, 2_500_000, 450_000, 1000, 5000, 7000]),
  },
  {
    fn: 'SEGMENT_SUMMARY',
    title: 'unambiguous number text, with currency symbols and codes, spaces and a trailing %',
    args: [
      column(...segments(11)),
      column(
        '1234',
        '1,234.50',
        '1.234.567 ₫',
        ' 12 ',
        '0.125',
        '1234.567',
        '1,5',
        '12%',
        '$1,234.50',
        '€12,5',
        '1,000 JPY',
      ),
    ],
    expect: echo([1234, 1234.5, 1_234_567, 12, 0.125, 1234.567, 1.5, 0.12, 1234.5, 12.5, 1000]),
  },
  {
    fn: 'SEGMENT_SUMMARY',
    title: '"1.234.567" in the same argument makes . a thousands separator for "450.000"',
    args: [column('s1', 's2'), column('1.234.567', '450.000')],
    expect: echo([1_234_567, 450_000]),
  },
  {
    fn: 'SEGMENT_SUMMARY',
    title: '"1.234,5" in the same argument makes . a thousands separator for "450.000"',
    args: [column('s1', 's2'), column('1.234,5', '450.000')],
    expect: echo([1234.5, 450_000]),
  },
  {
    fn: 'SEGMENT_SUMMARY',
    title: 'a dong amount settles the plain amounts beside it ("89.000 ₫" and "450.000")',
    args: [column('s1', 's2'), column('89.000 ₫', '450.000')],
    expect: echo([89_000, 450_000]),
  },
  {
    fn: 'SEGMENT_SUMMARY',
    title: '"12.5" in the same argument makes . a decimal point for "1.234"',
    args: [column('s1', 's2'), column('12.5', '1.234')],
    expect: echo([12.5, 1.234]),
  },
  {
    fn: 'SEGMENT_SUMMARY',
    title: 'cells showing opposite roles leave "450.000" a per-row problem',
    args: [column('s1', 's2', 's3'), column('12.5', '1.234,5', '450.000')],
    expect: [
      ...echo([12.5, 1234.5]),
      [
        problem('values, row 3 of the range: "450.000" could be 450 or 450000, and this range settles nothing'),
        ...blanks(5),
      ],
    ],
  },
  {
    fn: 'ABC_CLASS',
    title: '"1.234" and "1,234" with nothing to settle them are per-row problems that say the fix',
    args: [column(5000, '1.234', '1,234', 3000)],
    expect: answers(
      'A',
      problem('"1.234" could be 1.234 or 1234: type it as a number, or without the separator'),
      problem('"1,234" could be 1.234 or 1234: type it as a number, or without the separator'),
      'C',
    ),
  },
  {
    fn: 'ABC_CLASS',
    title: 'the other argument (population) does not settle the values argument',
    args: ['450.000', column('1.234.567', '450.000')],
    expect: answers(problem('values, row 1 of the range: "450.000" could be 450 or 450000')),
  },
  {
    fn: 'XYZ_CLASS',
    title: 'a matrix argument settles over all its cells',
    args: [
      [
        ['1.000.000', '1.000.000'],
        ['450.000', '450.000'],
      ],
    ],
    expect: answers('X', 'X'),
  },
  {
    fn: 'RFM_SCORE',
    title: 'day-first text dates with times, ₫ amounts, as_of "30/09/2026"',
    args: [
      column('22/09/2026 09:46:16', '01/09/2026 18:00:00', '05/08/2026'),
      column(3, 2, 1),
      column('450.000 ₫', '89.000 ₫', '1.250.000đ'),
      '30/09/2026',
    ],
    expect: answers(553, 331, 115),
  },
  {
    fn: 'RFM_SCORE',
    title: 'day/month/year with - and . separators, times ignored ("22-09-2026 09:46:16", "01.09.2026")',
    args: [
      column('22-09-2026 09:46:16', '01-09-2026 23:59:59', '05.08.2026'),
      column(3, 2, 1),
      column(300, 200, 100),
      '2026-09-30',
    ],
    expect: answers(555, 333, 111),
  },
  {
    fn: 'RFM_SCORE',
    title: 'month-first text settled by "12/31/2025"',
    args: [column('12/31/2025', '01/02/2026'), column(1, 1), column(1, 1), '2026-01-10', undefined, [[9], [2], [2]]],
    expect: answers(111, 211),
  },
  {
    fn: 'RFM_SCORE',
    title: 'day/month text that nothing settles is a per-row problem naming both readings',
    args: [column('01/02/2026', '2026-02-10'), column(1, 1), column(1, 1), '2026-02-10', undefined, [[10], [2], [2]]],
    expect: answers(
      problem(
        'last_purchase, row 1 of the range: "01/02/2026" could be 2026-02-01 (day first) or 2026-01-02 (month first), and no other date of this range settles it: write it as 2026-02-01 or 2026-01-02',
      ),
      211,
    ),
  },
  {
    fn: 'RFM_SCORE',
    title: 'a cell against the order its argument shows is a per-row problem',
    args: [
      column('22/09/2026', '09/23/2026', '2026-09-24'),
      column(1, 1, 1),
      column(1, 1, 1),
      '2026-09-30',
      undefined,
      [[10], [2], [2]],
    ],
    expect: answers(
      problem(
        'last_purchase, row 1 of the range: "22/09/2026": this range has dates day first ("22/09/2026") and month first',
      ),
      problem('last_purchase, row 2 of the range: "09/23/2026": this range has dates day first'),
      211,
    ),
  },
  {
    fn: 'LIFECYCLE_STAGE',
    title: '8-digit year-month-day numbers and text (POS and accounting exports), as_of "31/12/2025"',
    args: [
      column(19970101, '20251201', 20230101),
      column(20251201, '20251215', 20240101),
      column(7, 1, 2),
      '31/12/2025',
    ],
    expect: answers('Loyal', 'New', 'Lost'),
  },
  {
    fn: 'LIFECYCLE_STAGE',
    title: 'as_of as an 8-digit number; ISO text with a time',
    args: [column('2025-12-01 14:05'), column('2025-12-15T09:30:00'), column(1), 20251231],
    expect: answers('New'),
  },
  {
    fn: 'LIFECYCLE_STAGE',
    title: 'an as_of whose order nothing settles fails the call with the fix',
    args: [column(20251201), column(20251215), column(1), '01/02/2026'],
    expect: {
      error:
        'as_of "01/02/2026" could be 2026-02-01 (day first) or 2026-01-02 (month first): write it as 2026-02-01 or 2026-01-02',
    },
  },
  {
    fn: 'RFM_TABLE',
    title: 'a Vietnamese POS export: one line per item, Mã hóa đơn as order_ids, dd/mm/yyyy hh:mm:ss, ₫ amounts',
    args: [
      column('Nguyễn An', 'Nguyễn An', 'Trần Bình', 'Nguyễn An'),
      column('22/09/2026 09:46:16', '22/09/2026 09:46:16', '01/10/2026 10:00:00', '05/10/2026 18:30:00'),
      column('450.000 ₫', '89.000 ₫', '1.250.000 ₫', '120.000 ₫'),
      '31/12/2026',
      undefined,
      undefined,
      column('HD001', 'HD001', 'HD002', 'HD003'),
      'vi',
    ],
    expect: [
      [
        'Khách hàng',
        'Lần mua cuối',
        'Số ngày từ lần mua cuối',
        'Số đơn',
        'Doanh thu',
        'R',
        'F',
        'M',
        'Điểm RFM',
        'Phân khúc',
      ],
      ['Nguyễn An', date('2026-10-05'), 87, 2, 659_000, 5, 5, 1, 551, 'Khác'],
      ['Trần Bình', date('2026-10-01'), 91, 1, 1_250_000, 1, 1, 5, 115, 'Đã mất'],
    ],
  },
  {
    fn: 'RFM_TABLE',
    title: 'an accounting export: yyyymmdd numbers as order dates',
    args: [column('K1', 'K2', 'K1'), column(20250105, 20250301, 20250310), column(100, 50, 25)],
    expect: [
      RFM_HEADER,
      ['K1', date('2025-03-10'), 0, 2, 125, 5, 5, 5, 555, 'Champions'],
      ['K2', date('2025-03-01'), 9, 1, 50, 1, 1, 1, 111, 'Lost'],
    ],
  },
  {
    fn: 'RFM_TABLE',
    title: 'order dates whose order nothing settles are left out, in their customers’ rows',
    args: [column('A', 'B', 'A'), column('01/02/2026', '03/04/2026', '2026-05-01'), column(1, 2, 3)],
    expect: [
      RFM_HEADER,
      [
        'A',
        problem(
          '1 line(s) left out: order_dates, row 1 of the range: "01/02/2026" could be 2026-02-01 (day first) or 2026-01-02',
        ),
        ...blanks(8),
      ],
      ['B', problem('1 line(s) left out: order_dates, row 2 of the range: "03/04/2026" could be'), ...blanks(8)],
    ],
  },
  {
    fn: 'PARETO_LEADERS',
    title: 'amounts of one argument settled together (order lines in dong)',
    args: [column('a', 'b', 'a', 'c'), column('300.000', '1.200.000 ₫', '150.000', '50.000'), 0.9],
    expect: [
      ['Item', 'Value', 'Cumulative share'],
      ['b', 1_200_000, 1_200_000 / 1_700_000],
      ['a', 450_000, 1_650_000 / 1_700_000],
    ],
  },
];
