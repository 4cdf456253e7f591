import { BLANK, answers, column, date, problem, type CaseCell, type ExpectedCell, type HostCase } from './types.js';

const THRESHOLDS: CaseCell[][] = [
  [115, 181, 297, 482],
  [4, 5, 6, 8],
  [256, 382, 506, 666],
];
/** RFM_TABLE's header row in English. */
export const RFM_TABLE_HEADER: ExpectedCell[] = [
  'Customer',
  'Last purchase',
  'Recency (days)',
  'Orders',
  'Revenue',
  'R',
  'F',
  'M',
  'RFM score',
  'Segment',
];
const HEADER = RFM_TABLE_HEADER;
const blanks = (n: number): ExpectedCell[] => Array<ExpectedCell>(n).fill('');

export const RFM_CASES: HostCase[] = [
  {
    fn: 'RFM_SCORE',
    title: 'quantile scores of five customers (days 0..40 → R 5..1)',
    args: [
      column(date('2024-06-30'), date('2024-06-20'), date('2024-06-10'), date('2024-05-31'), date('2024-05-21')),
      column(4, 5, 3, 2, 1),
      column(50, 40, 30, 20, 10),
    ],
    expect: answers(545, 454, 333, 222, 111),
  },
  {
    fn: 'RFM_SCORE',
    title: 'threshold mode row by row, as_of a date cell',
    args: [date('2024-03-01'), 6, 400, date('2024-06-30'), undefined, THRESHOLDS],
    expect: [[443]],
  },
  {
    fn: 'RFM_SCORE',
    title: 'a blank row and a per-row problem are left out of the population',
    args: [
      column(date('2024-06-30'), BLANK, '31/06/2024', '2024-06-10'),
      column(3, BLANK, 2, 1),
      column(300, BLANK, 200, '100'),
    ],
    expect: answers(555, '', problem('last_purchase, row 3 of the range: "31/06/2024" is not a date'), 111),
  },
  {
    fn: 'RFM_SCORE',
    title: 'bins out of range',
    args: [column(date('2024-06-30')), column(1), column(1), undefined, 12],
    expect: { error: 'bins must be between 2 and 9' },
  },
  {
    fn: 'RFM_SCORE',
    title: 'thresholds not ascending',
    args: [
      column(date('2024-06-30')),
      column(1),
      column(1),
      undefined,
      undefined,
      [
        [1, 2],
        [4, 3],
        [5, 6],
      ],
    ],
    expect: { error: 'thresholds must be strictly ascending' },
  },
  {
    fn: 'RFM_SEGMENT',
    title: 'default rules, scores as numbers and text, a blank, a bad score',
    args: [column(555, '545', 111, BLANK, 604, 215)],
    expect: answers(
      'Champions',
      'Potential Loyalist',
      'Lost',
      '',
      problem('rfm_scores, row 5 of the range: 604 is not an RFM score'),
      'Others',
    ),
  },
  {
    fn: 'RFM_SEGMENT',
    title: 'custom rules with a header row, Vietnamese',
    args: [
      column(545, 155, 333),
      [
        ['name', 'r_lo', 'r_hi', 'f_lo', 'f_hi', 'm_lo', 'm_hi'],
        ['VIP', 4, 5, 4, 5, 4, 5],
        ['Sleeping', 1, 2, 1, 5, 1, 5],
      ],
      'vi',
    ],
    expect: answers('VIP', 'Sleeping', 'Khác'),
  },
  {
    fn: 'RFM_SEGMENT',
    title: 'rules with 6 columns',
    args: [column(555), [['VIP', 4, 5, 4, 5, 4]]],
    expect: { error: 'rules must have exactly 7 columns' },
  },
  {
    fn: 'RFM_TABLE',
    title: 'order lines to customers, dates as date cells and ISO text',
    args: [
      column('Ann', 'Bo', 'Ann', 'Cy', BLANK),
      column(date('2024-05-01'), date('2024-03-01'), '2024-06-30', date('2024-06-15'), BLANK),
      column(120, 80, 60, 500, BLANK),
    ],
    expect: [
      HEADER,
      ['Ann', date('2024-06-30'), 0, 2, 180, 5, 5, 3, 553, 'Potential Loyalist'],
      ['Bo', date('2024-03-01'), 121, 1, 80, 1, 1, 1, 111, 'Lost'],
      ['Cy', date('2024-06-15'), 15, 1, 500, 3, 1, 5, 315, 'Promising'],
    ],
  },
  {
    fn: 'RFM_TABLE',
    title: 'bad lines: in the known customer’s row, else in one final row',
    args: [
      column('Ann', 'Bo', BLANK, 'Ann'),
      column(date('2024-06-01'), date('2024-06-30'), date('2024-06-01'), 'soon'),
      column(10, 20, 30, 40),
      date('2024-06-30'),
    ],
    expect: [
      HEADER,
      ['Ann', problem('1 line(s) left out: order_dates, row 4 of the range: "soon" is not a date'), ...blanks(8)],
      ['Bo', date('2024-06-30'), 0, 1, 20, 5, 1, 1, 511, 'New Customers'],
      [problem('1 line(s) left out: customers, row 3 of the range: the cell is blank'), ...blanks(9)],
    ],
    // With blanks passed as 0, row 3's customer reads as the customer "0".
    blanksMayBeZero: false,
  },
  {
    fn: 'RFM_TABLE',
    title: 'order_ids: lines of one order are one order; returns and cancellations net off and are not orders',
    args: [
      column('Ann', 'Ann', 'Ann', 'Ann', 'Bo', 'Bo', 'Cy', BLANK, 'Dee', 'Dee'),
      column(
        date('2024-06-01'),
        date('2024-06-01'),
        date('2024-06-20'),
        date('2024-06-25'),
        date('2024-06-10'),
        date('2024-06-12'),
        date('2024-06-15'),
        date('2024-06-05'),
        date('2024-06-30'),
        date('2024-06-30'),
      ),
      column(30, 20, 40, -40, 100, -100, -25, 60, 70, 0),
      undefined,
      undefined,
      undefined,
      column('A1', 'A1', 'A2', 'C-A2', 'B1', 'CB1', 'C9', 'X1', 'D1', 'D2'),
    ],
    expect: [
      HEADER,
      // Ann: A1 (30 + 20) and A2 are orders; the cancellation C-A2 (-40) nets off and its later date is no purchase.
      ['Ann', date('2024-06-20'), 10, 2, 50, 3, 5, 3, 353, 'Potential Loyalist'],
      ['Bo', date('2024-06-10'), 20, 1, 0, 1, 1, 1, 111, 'Lost'],
      // Cy only returned: listed with Orders 0, no date, no score, out of the population.
      ['Cy', '', '', 0, -25, ...blanks(5)],
      // An order of 0 (D2) is not a purchase either.
      ['Dee', date('2024-06-30'), 0, 1, 70, 5, 1, 5, 515, 'New Customers'],
      [problem('1 line(s) left out: customers, row 8 of the range: the cell is blank'), ...blanks(9)],
    ],
    blanksMayBeZero: false,
  },
  {
    fn: 'RFM_TABLE',
    title: 'an order is dated by its latest line',
    args: [
      column('Eve', 'Eve', 'Fay'),
      column('2024-06-28', '2024-06-26', '2024-06-30'),
      column(10, 20, 5),
      undefined,
      undefined,
      undefined,
      column('E1', 'E1', 'F1'),
    ],
    expect: [
      HEADER,
      ['Eve', date('2024-06-28'), 2, 1, 30, 1, 1, 5, 115, 'Lost'],
      ['Fay', date('2024-06-30'), 0, 1, 5, 5, 1, 1, 511, 'New Customers'],
    ],
  },
  {
    fn: 'RFM_TABLE',
    title: 'a cancellation invoice C536379 with negative lines cancels nothing else and is no order',
    args: [
      column(17850, 17850, 17850, 17850, 17850, 13047),
      column(
        '2010-12-01 08:26',
        '2010-12-01 08:26',
        '2010-12-01 09:41',
        '2010-12-01 09:41',
        '2010-12-02 10:00',
        '2010-12-02 11:00',
      ),
      column(15.3, 20.34, -15.3, -20.34, 22, 54.08),
      undefined,
      undefined,
      undefined,
      column(536379, 536379, 'C536379', 'C536379', 536380, 536381),
    ],
    expect: [
      HEADER,
      ['17850', date('2010-12-02'), 0, 2, 22, 5, 5, 1, 551, 'Others'],
      ['13047', date('2010-12-02'), 0, 1, 54.08, 5, 1, 5, 515, 'New Customers'],
    ],
  },
  {
    fn: 'RFM_TABLE',
    title: 'without order_ids each line is an order; a negative line is a return, its date no purchase',
    args: [
      column('Ann', 'Ann', 'Ann', 'Bo'),
      column('2024-06-01', '2024-06-10', '2024-06-30', '2024-06-30'),
      column(50, 30, -20, 10),
    ],
    expect: [
      HEADER,
      ['Ann', date('2024-06-10'), 20, 2, 60, 1, 5, 5, 155, 'At Risk'],
      ['Bo', date('2024-06-30'), 0, 1, 10, 5, 1, 1, 511, 'New Customers'],
    ],
  },
  {
    fn: 'RFM_TABLE',
    title: 'lines without a customer are counted in the final row with their first rows',
    args: [
      column(BLANK, 'A', BLANK, '#N/A', BLANK, BLANK),
      column('2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06'),
      column(1, 2, 3, 4, 5, 6),
    ],
    expect: [
      HEADER,
      ['A', date('2024-01-02'), 0, 1, 2, 5, 1, 1, 511, 'New Customers'],
      [
        problem(
          '5 line(s) left out: customers, row 1 of the range: the cell is blank but the rest of the line is filled; customers, row 3 of the range: the cell is blank but the rest of the line is filled; customers, row 4 of the range: the cell holds the error #N/A; …',
        ),
        ...blanks(9),
      ],
    ],
    blanksMayBeZero: false,
  },
  {
    fn: 'RFM_TABLE',
    title: 'order_ids of another length',
    args: [
      column('A', 'B'),
      column('2024-01-01', '2024-01-02'),
      column(1, 2),
      undefined,
      undefined,
      undefined,
      column('1'),
    ],
    expect: { error: 'order_ids has 1 cells but customers has 2' },
  },
  {
    fn: 'RFM_TABLE',
    title: 'ranges of different lengths',
    args: [column('Ann', 'Bo'), column(date('2024-06-01')), column(10, 20)],
    expect: { error: 'order_dates has 1 cells but customers has 2' },
  },
];
