/**
 * Purchase occasions (core/methods/occasions.ts): a customer's purchases on one day are one occasion worth their sum,
 * returns are none; checked against a plain Map-based count on random orders, in any order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toVector } from '../core/args.js';
import { purchaseOccasions } from '../core/methods/occasions.js';
import { groupOrders, type OrderList } from '../core/methods/orders.js';
import { readOrderLines } from '../core/order-lines.js';
import { isoToSerial } from '../core/index.js';

const orderList = (rows: readonly (readonly [number, number, number])[]): OrderList => ({
  count: rows.length,
  customer: Int32Array.from(rows, (r) => r[0]),
  date: Float64Array.from(rows, (r) => r[1]),
  value: Float64Array.from(rows, (r) => r[2]),
  purchase: Uint8Array.from(rows, (r) => (r[2] > 0 ? 1 : 0)),
});

/** The same facts by a Map of days per customer: the reference the property compares with. */
function naive(rows: readonly (readonly [number, number, number])[], customers: number) {
  const days = Array.from({ length: customers }, () => new Map<number, number>());
  for (const [c, day, value] of rows) if (value > 0) days[c]!.set(day, (days[c]!.get(day) ?? 0) + value);
  return days.map((byDay) => {
    const sorted = [...byDay.keys()].sort((a, b) => a - b);
    const repeat = sorted.slice(1).reduce((s, d) => s + (byDay.get(d) as number), 0);
    return { count: sorted.length, first: sorted[0] ?? NaN, last: sorted.at(-1) ?? NaN, repeat };
  });
}

describe('purchaseOccasions', () => {
  it('follows its documented example', () => {
    const o = purchaseOccasions(
      orderList([
        [0, 100, 10],
        [0, 100, 20],
        [0, 107, 5],
        [0, 110, -8],
      ]),
      1,
    );
    expect([o.count[0], o.first[0], o.last[0], o.repeatValue[0]]).toEqual([2, 100, 107, 5]);
  });

  it('gives a customer without a purchase no occasion, and NaN days', () => {
    const o = purchaseOccasions(
      orderList([
        [1, 100, -5],
        [1, 101, 0],
        [0, 50, 3],
      ]),
      2,
    );
    expect([...o.count]).toEqual([1, 0]);
    expect(o.first[1]).toBeNaN();
    expect(o.last[1]).toBeNaN();
    expect([...o.repeatValue]).toEqual([0, 0]);
  });

  it('counts distinct days and sums repeat values as a Map does, in any order (property)', () => {
    const rowArb = fc.tuple(
      fc.integer({ min: 0, max: 5 }),
      fc.integer({ min: 40_000, max: 40_060 }),
      fc.oneof(fc.integer({ min: -50, max: 200 }), fc.constant(0)),
    );
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), fc.integer(), (rows, seed) => {
        const want = naive(rows, 6);
        const shuffled = [...rows].sort(
          (a, b) => ((a[0] * 31 + a[1] * 7 + seed) % 13) - ((b[0] * 31 + b[1] * 7 + seed) % 13),
        );
        for (const order of [rows, shuffled]) {
          const o = purchaseOccasions(orderList(order), 6);
          want.forEach((w, c) => {
            expect(o.count[c]).toBe(w.count);
            expect(o.first[c]).toBe(w.first);
            expect(o.last[c]).toBe(w.last);
            expect(o.repeatValue[c]).toBe(w.repeat); // small whole numbers: exact
          });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('counts the days of a customer with many purchases (sorted natively, not by insertion)', () => {
    const rows = Array.from({ length: 100 }, (_, i) => [i % 2, 1000 - ((i * 7) % 40), 1 + (i % 3)] as const);
    const o = purchaseOccasions(orderList(rows), 2);
    naive(rows, 2).forEach((w, c) => {
      expect([o.count[c], o.first[c], o.last[c], o.repeatValue[c]]).toEqual([w.count, w.first, w.last, w.repeat]);
    });
    expect(o.count[0]).toBe(20);
  });

  it('doubles the repeat value exactly when every value doubles', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 3 }),
            fc.integer({ min: 1, max: 30 }),
            fc.double({ min: 0.01, max: 1e6, noNaN: true }),
          ),
          {
            maxLength: 40,
          },
        ),
        (rows) => {
          const once = purchaseOccasions(orderList(rows), 4);
          const twice = purchaseOccasions(orderList(rows.map(([c, d, v]) => [c, d, 2 * v] as const)), 4);
          expect([...twice.repeatValue]).toEqual([...once.repeatValue].map((v) => 2 * v));
          expect([...twice.count]).toEqual([...once.count]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reads orders as RFM_TABLE forms them: one order id is one order dated by its latest line, returns net inside it', () => {
    // Ann: invoice 1 (lines on 05-01 and 05-02: one order dated 05-02), invoice 2 on 05-02 (same day: one occasion),
    // C1 a cancellation on 05-09 (no occasion), invoice 3 on 05-20 netting to 0 (no purchase).
    const col = (values: unknown[]) =>
      toVector(
        values.map((v) => [v]),
        'x',
      );
    const lines = readOrderLines({
      customers: col(['Ann', 'Ann', 'Ann', 'Ann', 'Ann', 'Ann']),
      dates: col(['2024-05-01', '2024-05-02', '2024-05-02', '2024-05-09', '2024-05-20', '2024-05-20']),
      revenues: col([10, 20, 7, -30, 5, -5]),
      orderIds: col(['1', '1', '2', 'C1', '3', '3']),
    });
    const grouped = groupOrders(lines);
    const o = purchaseOccasions(grouped.orders, 1);
    expect(o.count[0]).toBe(1);
    expect(o.first[0]).toBe(isoToSerial('2024-05-02'));
    expect(o.repeatValue[0]).toBe(0);
  });
});
