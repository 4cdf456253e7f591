/** Order lines to orders to customers (core/order-lines.ts, core/methods/orders.ts), the piece RFM_TABLE shares. */
import { describe, expect, it } from 'vitest';
import { toVector } from '../core/args.js';
import { describeProblem, isoToSerial } from '../core/index.js';
import { LINE_EMPTY, LINE_LEFT_OUT, LINE_USED, groupOrders } from '../core/methods/orders.js';
import { readIdentities, readOrderLines } from '../core/order-lines.js';
import { col } from './helpers.js';

const serial = (iso: string): number => isoToSerial(iso) as number;

function linesOf(
  customers: unknown[],
  dates: unknown[],
  revenues: unknown[],
  orderIds?: unknown[],
): ReturnType<typeof readOrderLines> {
  return readOrderLines({
    customers: toVector(col(customers), 'customers'),
    dates: toVector(col(dates), 'order_dates'),
    revenues: toVector(col(revenues), 'revenues'),
    orderIds: orderIds ? toVector(col(orderIds), 'order_ids') : undefined,
  });
}

describe('readOrderLines', () => {
  it('reads each argument as a whole: day-first dates and dong amounts settled by their own columns', () => {
    const lines = linesOf(
      ['Ann', '', 'Bo'],
      ['22/09/2026 09:46:16', '2026-09-01', '01/09/2026'],
      ['450.000 ₫', 5, '89.000'],
    );
    expect(Array.from(lines.status)).toEqual([LINE_USED, LINE_LEFT_OUT, LINE_USED]);
    expect(lines.date[2]).toBe(serial('2026-09-01'));
    expect(lines.revenue[2]).toBe(89_000);
    expect(lines.customerIds).toEqual(['Ann', 'Bo']);
    expect(lines.leftOut.get(1)?.reason).toBe('noCustomer');
  });

  it('names the first problem of a line, in the order customer, date, revenue, order id', () => {
    const lines = linesOf(
      ['#N/A', 'A', 'A', 'A', 'A', 'A', '', 0],
      ['x', 'x', '', '2024-01-01', '2024-01-01', '2024-01-01', '', 0],
      [1, 'y', 1, 'y', '', 1, '', 0],
      ['o', 'o', 'o', 'o', 'o', '', '', 0],
    );
    expect([...lines.leftOut.values()].map((l) => l.reason)).toEqual([
      'badCustomer',
      'badDate',
      'blankDate',
      'badRevenue',
      'blankRevenue',
      'blankOrderId',
    ]);
    expect(lines.status[6]).toBe(LINE_EMPTY);
    expect(lines.status[7]).toBe(LINE_EMPTY);
    expect(describeProblem(lines.leftOut.get(3)!.problem)).toBe(
      'revenues, row 4 of the range: "y" is not a number: type a number such as 1234.5 or 1.234.567 ₫',
    );
  });

  it('numbers identities once per distinct cell value: 1001 and "1001" are one', () => {
    const ids = readIdentities((i) => [1001, '1001', ' 1001 ', 'a', '', '#REF!'][i], 6);
    expect(Array.from(ids.index)).toEqual([0, 0, 0, 1, -1, -2]);
    expect(ids.ids).toEqual(['1001', 'a']);
  });

  it('gives runs of one value (an invoice’s lines) the same identities as scattered ones, problems on every line', () => {
    const cells = ['b', 'b', ' b', 'b', '#N/A', '#N/A', '', '', 7, 7, '7', 'a', 'b', '#REF!', '#REF!', 'a'];
    const ids = readIdentities((i) => cells[i], cells.length);
    expect(Array.from(ids.index)).toEqual([0, 0, 0, 0, -2, -2, -1, -1, 1, 1, 1, 2, 0, -2, -2, 2]);
    expect(ids.ids).toEqual(['b', '7', 'a']);
    expect([...ids.problems.keys()]).toEqual([4, 5, 13, 14]);
  });
});

describe('groupOrders', () => {
  it('follows its documented example', () => {
    const grouped = groupOrders(
      linesOf(
        ['Ann', 'Ann', 'Ann', 'Ann', 'Bo'],
        ['2024-05-01', '2024-05-01', '2024-06-01', '2024-06-02', '2024-06-03'],
        [10, 20, 50, -30, -5],
        ['1', '1', '2', 'C1', '3'],
      ),
    );
    expect(Array.from(grouped.purchases)).toEqual([2, 0]);
    expect(Array.from(grouped.returns)).toEqual([1, 1]);
    expect(Array.from(grouped.revenue)).toEqual([50, -5]);
    expect(grouped.firstPurchase[0]).toBe(serial('2024-05-01'));
    expect(grouped.lastPurchase[0]).toBe(serial('2024-06-01'));
    expect(grouped.lastPurchase[1]).toBeNaN();
    expect(grouped.latestDate).toBe(serial('2024-06-03'));
    expect(grouped.returnLines).toEqual({ count: 2, rows: [4, 5] });
    expect(grouped.orders.count).toBe(4);
    expect(Array.from(grouped.orders.value)).toEqual([30, 50, -30, -5]);
    expect(Array.from(grouped.orders.purchase)).toEqual([1, 1, 0, 0]);
  });

  it('without order ids each used line is an order', () => {
    const grouped = groupOrders(linesOf(['A', 'A', 'B'], ['2024-01-01', '2024-01-02', '2024-01-03'], [5, -5, 0]));
    expect(Array.from(grouped.purchases)).toEqual([1, 0]);
    expect(Array.from(grouped.returns)).toEqual([1, 1]);
    expect(grouped.returnLines).toEqual({ count: 2, rows: [2, 3] });
    expect(Array.from(grouped.orders.customer)).toEqual([0, 0, 1]);
    expect(Array.from(grouped.orders.purchase)).toEqual([1, 0, 0]);
  });

  it('counts lines left out by reason with their first rows, per known customer and without one', () => {
    const customers = ['A', '', '', 'B', '', '', '', '', 'A'];
    const dates = [
      '2024-01-01',
      '2024-01-01',
      '2024-01-01',
      'x',
      '2024-01-01',
      '2024-01-01',
      '2024-01-01',
      '2024-01-01',
      '2024-03-01',
    ];
    const grouped = groupOrders(linesOf(customers, dates, [1, 1, 1, 1, 1, 1, 1, 1, 1]), {
      asOf: serial('2024-02-01'),
    });
    expect(grouped.leftOutByReason).toEqual({
      noCustomer: { count: 6, rows: [2, 3, 5, 6, 7] },
      badDate: { count: 1, rows: [4] },
      afterAsOf: { count: 1, rows: [9] },
    });
    expect(grouped.leftOutWithoutCustomer?.count).toBe(6);
    expect(grouped.leftOutWithoutCustomer?.problems).toHaveLength(3);
    expect(grouped.leftOutByCustomer.get(0)?.count).toBe(1);
    expect(describeProblem(grouped.leftOutByCustomer.get(0)!.problems[0]!)).toBe(
      'order_dates, row 9 of the range: the date 2024-03-01 is after as_of (2024-02-01)',
    );
    expect(grouped.customersWithLines).toBe(1);
  });

  it('an order that nets to a floating-point hair above 0 is no purchase', () => {
    const grouped = groupOrders(
      linesOf(['A', 'A', 'A'], Array(3).fill('2024-01-01'), [0.1, 0.2, -0.3], ['o', 'o', 'o']),
    );
    expect(grouped.purchases[0]).toBe(0);
    expect(grouped.returns[0]).toBe(1);
  });
});
