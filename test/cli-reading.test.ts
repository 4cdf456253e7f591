/**
 * The command line reads order lines chunk by chunk (core/engine/order-lines-stream.ts), where RFM_TABLE reads whole columns at
 * once (core/order-lines.ts, methods/orders.ts). These properties hold for any cells and any chunking: a date column
 * settled by the streamed first pass reads as readVectorDates reads the whole column (values, blanks, problems with
 * their texts), an amount column as readVectorNumbers reads it (readAmount's shortcut for plain whole numbers too), and every line gets the status, reason and problem
 * readOrderLines and groupOrders give it (lines left out per customer and without one, the rows appended to DuckDB).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readVectorDates, readVectorNumbers, toVector } from '../core/args.js';
import { BLANK, readDate, readNumber, readText, type NumberColumn, type Read } from '../core/cells.js';
import type { Problem } from '../core/errors.js';
import { groupOrders, LINE_LEFT_OUT, LINE_USED } from '../core/methods/orders.js';
import { readOrderLines } from '../core/order-lines.js';
import { LineReader, readAmount, settleColumns, type LineColumns } from '../core/engine/order-lines-stream.js';
import type { Cell, Chunk } from '../cli/sources.js';

/** Cells split into chunks of the given sizes (the last one takes the rest), rows numbered from 1. */
async function* chunked(columns: readonly (readonly Cell[])[], sizes: readonly number[]): AsyncGenerator<Chunk> {
  const n = columns[0]?.length ?? 0;
  let start = 0;
  for (let k = 0; start < n; k++) {
    const size = Math.max(1, sizes[k % Math.max(1, sizes.length)] ?? n);
    const end = Math.min(n, start + size);
    const rows = Array.from({ length: end - start }, (_, i) => start + i + 1);
    yield { rows, columns: columns.map((c) => c.slice(start, end)) };
    start = end;
  }
}

const DATE_CELLS: Cell[] = [
  '2026-02-01',
  '2026-02-01 14:05',
  '20260201',
  '22/09/2026',
  '22/09/2026 09:46:16',
  '01/02/2026',
  '05/05/2026',
  '09/22/2026',
  '12/1/2010 8:26',
  '3.4.2026',
  '31/02/2026',
  'not a date',
  '#N/A',
  '',
  ' ',
  null,
  46_000,
  46_000.75,
  20_260_201,
  0,
  -3,
];
const AMOUNT_CELLS: Cell[] = [
  '506737',
  '-12',
  '007',
  '-0',
  '0',
  ' 42 ',
  '12345678901234567890',
  '450.000 ₫',
  '450.000',
  '1.234.567',
  '1,234.50',
  '1.234,5',
  '12.5',
  '89.000',
  '1,000',
  '(5)',
  '-250.000 ₫',
  '12%',
  'abc',
  '',
  null,
  0,
  120,
  -4.5,
  '#VALUE!',
];
const ID_CELLS: Cell[] = ['Ann', ' Bo ', 'Cu', 1001, '1001', '', null, '#N/A', 0, 'HD1', 'HD2', true];

/** The answers of a column read, as comparable values: a number, 'blank', or the problem's code and text. */
function reads(column: NumberColumn, n: number): unknown[] {
  return Array.from({ length: n }, (_, i) =>
    column.state[i] === 0 ? column.values[i] : column.state[i] === 1 ? 'blank' : column.problems.get(i),
  );
}

function shown(read: Read<number>): unknown {
  return typeof read === 'number' ? read : read === BLANK ? 'blank' : read;
}

const sizes = fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 });

describe('the streamed first pass settles a column as the whole-column readers do', () => {
  it('dates: readDate(cell, settled order) equals readVectorDates on the whole column', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...DATE_CELLS), { maxLength: 30 }), sizes, async (cells, split) => {
        const settled = await settleColumns(chunked([cells], split), 0);
        const want = reads(
          readVectorDates(
            toVector(
              cells.map((c) => [c]),
              'order_dates',
            ),
          ),
          cells.length,
        );
        expect(cells.map((c) => shown(readDate(c, settled.dates)))).toEqual(want);
      }),
      { numRuns: 400 },
    );
  });

  it('amounts: readNumber(cell, settled separators) equals readVectorNumbers on the whole column', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...AMOUNT_CELLS), { maxLength: 30 }), sizes, async (cells, split) => {
        const dates = cells.map(() => null);
        const settled = await settleColumns(chunked([dates, cells], split), 1);
        const want = reads(
          readVectorNumbers(
            toVector(
              cells.map((c) => [c]),
              'revenues',
            ),
          ),
          cells.length,
        );
        expect(cells.map((c) => shown(readNumber(c, settled.amounts[0])))).toEqual(want);
        expect(cells.map((c) => shown(readAmount(c, settled.amounts[0]!)))).toEqual(want);
      }),
      { numRuns: 400 },
    );
  });
});

/** A problem without where it is (the two readers number rows alike but say it differently). */
function what(p: Problem): unknown {
  const { row: _row, onSheet: _onSheet, cell: _cell, ...params } = p.params;
  return { code: p.code, params };
}

describe('each line gets the status, reason and problem RFM_TABLE gives it', () => {
  const line = fc.tuple(
    fc.constantFrom(...ID_CELLS),
    fc.constantFrom(...DATE_CELLS),
    fc.constantFrom(...AMOUNT_CELLS),
    fc.constantFrom(...ID_CELLS),
  );
  it('with and without order ids, with and without as_of', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 40 }),
        sizes,
        fc.boolean(),
        fc.option(fc.constantFrom(46_000, 46_054, 46_287)),
        async (lines, split, withIds, asOf) => {
          const customers = lines.map((l) => l[0]);
          const dates = lines.map((l) => l[1]);
          const revenues = lines.map((l) => l[2]);
          const ids = lines.map((l) => l[3]);
          const headers = ['customers', 'order_dates', 'revenues', 'order_ids'];
          const columns: LineColumns = {
            customer: 0,
            date: 1,
            revenue: 2,
            headers,
            ...(withIds ? { orderId: 3 } : {}),
          };
          const scanned = withIds ? [customers, dates, revenues, ids] : [customers, dates, revenues];

          const settled = await settleColumns(chunked([dates, revenues], split), 1);
          const reader = new LineReader(columns, settled, asOf === null ? {} : { asOf });
          const appended: { line: number; customer: string; orderId: string | null; day: number | null }[] = [];
          const revenue: (number | null)[] = [];
          for await (const chunk of chunked(scanned, split)) {
            const rows = reader.readChunk(chunk);
            rows.line.forEach((l, k) => {
              appended.push({ line: l, customer: rows.customer[k]!, orderId: rows.orderId[k]!, day: rows.day[k]! });
              revenue.push(rows.revenue[k]!);
            });
          }

          const col = (cells: readonly Cell[]) =>
            toVector(
              cells.map((c) => [c]),
              '',
            );
          const whole = readOrderLines({
            customers: col(customers),
            dates: col(dates),
            revenues: col(revenues),
            ...(withIds ? { orderIds: col(ids) } : {}),
          });
          const grouped = groupOrders(whole, asOf === null ? {} : { asOf });

          // The rows DuckDB gets: every used line, and every left-out line of a known customer (no date, no revenue).
          const want = [];
          const wantRevenue = [];
          for (let i = 0; i < whole.count; i++) {
            const c = whole.customer[i]!;
            if (whole.status[i] === LINE_USED) {
              const o = whole.order?.[i];
              want.push({
                line: i + 1,
                customer: whole.customerIds[c]!,
                orderId: withIds ? (readText(ids[i]) as string) : null,
                day: whole.date[i]!,
              });
              wantRevenue.push(whole.revenue[i]!);
              expect(o === undefined || o >= 0).toBe(true);
            } else if (whole.status[i] === LINE_LEFT_OUT && c >= 0) {
              want.push({ line: i + 1, customer: whole.customerIds[c]!, orderId: null, day: null });
              wantRevenue.push(null);
            }
          }
          expect(appended).toEqual(want);
          expect(revenue).toEqual(wantRevenue);

          const read = reader.read;
          const byReason = Object.fromEntries(
            Object.entries(grouped.leftOutByReason).map(([reason, tally]) => [reason, tally!.count]),
          );
          expect(
            Object.fromEntries(Object.entries(read.leftOutByReason).map(([reason, tally]) => [reason, tally!.count])),
          ).toEqual(byReason);
          const perCustomer = new Map(
            [...grouped.leftOutByCustomer].map(([c, r]) => [whole.customerIds[c]!, [r.count, r.problems.map(what)]]),
          );
          expect(new Map([...read.leftOutByCustomer].map(([c, r]) => [c, [r.count, r.problems.map(what)]]))).toEqual(
            perCustomer,
          );
          const without = grouped.leftOutWithoutCustomer;
          const got = read.leftOutWithoutCustomer;
          expect(got && [got.count, got.problems.map(what)]).toEqual(
            without && [without.count, without.problems.map(what)],
          );
          expect(read.latestDate).toBe(grouped.latestDate);
        },
      ),
      { numRuns: 300 },
    );
  });
});
