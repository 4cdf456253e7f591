/**
 * Seeded data for the differential tests, made to hit the edges: returns and cancellation invoices, order ids with
 * several lines per order, blank customers (NULL and spaces), customers padded with spaces, customers with only
 * returns, and few distinct values (whole revenues from a short list, dates over a short span) so many customers tie
 * on the quantile cut points.
 */
import { seededRandom } from '../../core/numeric/random.js';
import type { Cell, Table } from './databases.js';
import type { LifecycleInput, OrderLinesInput, SegmentsInput, ValuesInput } from './core-answers.js';

const DAY_MS = 86_400_000;
const START = Date.parse('2024-01-01T00:00:00Z');
const ISO_CACHE: string[] = [];
/** The ISO date `day` days after 2024-01-01 (cached: the generators call it once per line). */
const iso = (day: number): string => (ISO_CACHE[day] ??= new Date(START + day * DAY_MS).toISOString().slice(0, 10));

export interface OrderLinesData extends OrderLinesInput {
  readonly line: readonly number[];
}

/** `n` order lines of about n / 8 customers over `days` days; `wide` draws revenue from a log-normal, not a short list. */
export function orderLines(n: number, seed: number, options: { days?: number; wide?: boolean } = {}): OrderLinesData {
  const random = seededRandom(seed);
  const days = options.days ?? 120;
  const customers = Math.max(2, Math.round(n / 8));
  const line: number[] = [];
  const customer: Cell[] = [];
  const orderId: Cell[] = [];
  const orderDate: string[] = [];
  const revenue: number[] = [];
  let invoice = 0;
  while (line.length < n) {
    const c = Math.floor(customers * random() ** 1.5);
    const u = random();
    const who: Cell = u < 0.005 ? null : u < 0.01 ? '   ' : u < 0.03 ? `  KH${c} ` : `KH${c}`;
    const day = Math.floor(random() * days);
    const items = 1 + Math.floor(random() ** 3 * 4);
    const cancel = random() < 0.08;
    const id = cancel ? `C${++invoice}` : String(++invoice);
    for (let k = 0; k < items && line.length < n; k++) {
      const amount = options.wide
        ? Math.round(Math.exp(10 + 1.2 * (random() + random() + random() - 1.5)) * 100) / 100
        : [50, 100, 100, 150, 200, 250, 400, 1000][Math.floor(random() * 8)]!;
      line.push(line.length + 1);
      customer.push(who);
      // Some lines of a multi-line order share its id but fall on a later day (the order is dated by its latest line).
      orderId.push(random() < 0.002 ? null : id);
      orderDate.push(iso(day + (k > 0 && random() < 0.2 ? 1 : 0)));
      revenue.push(cancel || (c % 97 === 5 && random() < 0.9) ? -amount : amount);
    }
  }
  return { line, customer, orderId, orderDate, revenue };
}

export function ordersTable(data: OrderLinesData, name = 'orders'): Table {
  return {
    name,
    columns: [
      { name: 'line', type: 'BIGINT', values: data.line },
      { name: 'customer', type: 'TEXT', values: data.customer },
      { name: 'order_id', type: 'TEXT', values: data.orderId },
      { name: 'order_date', type: 'DATE', values: data.orderDate },
      { name: 'revenue', type: 'DOUBLE', values: data.revenue },
    ],
  };
}

export interface ValuesData extends ValuesInput {
  readonly customer: readonly Cell[];
}

/** `n` customer values: many ties, zeros, returns (negative), blanks, and a few large ones. */
export function customerValues(n: number, seed: number): ValuesData {
  const random = seededRandom(seed);
  const line: number[] = [];
  const customer: Cell[] = [];
  const value: Cell[] = [];
  for (let i = 0; i < n; i++) {
    const u = random();
    line.push(i + 1);
    customer.push(`KH${i + 1}`);
    value.push(
      u < 0.03
        ? null
        : u < 0.06
          ? 0
          : u < 0.1
            ? -Math.round(random() * 500)
            : u < 0.6
              ? [100, 200, 300, 500][Math.floor(random() * 4)]!
              : Math.round(Math.exp(5 + 3 * random())),
    );
  }
  return { line, customer, value };
}

export function valuesTable(data: ValuesData, name = 'customers'): Table {
  return {
    name,
    columns: [
      { name: 'line', type: 'BIGINT', values: data.line },
      { name: 'customer', type: 'TEXT', values: data.customer },
      { name: 'value', type: 'DOUBLE', values: data.value },
    ],
  };
}

/** `n` lifecycle rows, every shape: blank, prospect, problems, dated ones on and around each setting. */
export function lifecycleRows(n: number, seed: number): LifecycleInput & { customer: Cell[] } {
  const random = seededRandom(seed);
  const line: number[] = [];
  const customer: Cell[] = [];
  const firstPurchase: (string | null)[] = [];
  const lastPurchase: (string | null)[] = [];
  const orders: (number | null)[] = [];
  const referrals: (number | null)[] = [];
  const asOfDay = 800;
  for (let i = 0; i < n; i++) {
    const u = random();
    line.push(i + 1);
    customer.push(`KH${i + 1}`);
    // Days since last purchase, often exactly on or one day beside 90, 180 and 365.
    const edge = [89, 90, 91, 179, 180, 181, 364, 365, 366][Math.floor(random() * 9)]!;
    const sinceLast = random() < 0.5 ? edge : Math.floor(random() * 500);
    const span = random() < 0.3 ? 0 : Math.floor(random() * 400);
    let first: string | null = iso(asOfDay - sinceLast - span);
    let last: string | null = iso(asOfDay - sinceLast);
    let count: number | null = 1 + Math.floor(random() * 8);
    let refs: number | null = random() < 0.5 ? null : Math.floor(random() * 3);
    if (u < 0.03) [first, last, count, refs] = [null, null, null, null];
    else if (u < 0.07) [first, last, count] = [null, null, random() < 0.5 ? 0 : null];
    else if (u < 0.08) [first, last] = [null, null];
    else if (u < 0.09) first = null;
    else if (u < 0.1) [first, last] = [last, first];
    else if (u < 0.11) count = -1;
    else if (u < 0.12) refs = 1.5;
    else if (u < 0.13) count = null;
    else if (u < 0.14) last = iso(asOfDay + 3);
    firstPurchase.push(first);
    lastPurchase.push(last);
    orders.push(count);
    referrals.push(refs);
  }
  return { line, customer, firstPurchase, lastPurchase, orders, referrals };
}

export function lifecycleTable(data: ReturnType<typeof lifecycleRows>, name = 'customers'): Table {
  return {
    name,
    columns: [
      { name: 'line', type: 'BIGINT', values: data.line },
      { name: 'customer', type: 'TEXT', values: data.customer },
      { name: 'first_purchase', type: 'DATE', values: data.firstPurchase },
      { name: 'last_purchase', type: 'DATE', values: data.lastPurchase },
      { name: 'orders', type: 'DOUBLE', values: data.orders },
      { name: 'referrals', type: 'DOUBLE', values: data.referrals },
    ],
  };
}

/** `n` segment lines: a dozen segments (some padded, some tied in value), blanks, NULL values. */
export function segmentLines(n: number, seed: number): SegmentsInput & { line: number[] } {
  const random = seededRandom(seed);
  const names = ['Champions', 'Lost', 'At Risk', ' Lost ', 'Mới', 'Đã mất', 'Ánh', 'Zed', 'apple', 'Apple', 'B', 'C'];
  const line: number[] = [];
  const segment: Cell[] = [];
  const value: Cell[] = [];
  for (let i = 0; i < n; i++) {
    const u = random();
    line.push(i + 1);
    segment.push(u < 0.02 ? null : names[Math.floor(random() * names.length)]!);
    value.push(u > 0.97 ? null : [100, 250, 400, -50, 1000][Math.floor(random() * 5)]!);
  }
  return { line, segment, value };
}

export function segmentsTable(data: ReturnType<typeof segmentLines>, name = 'segments'): Table {
  return {
    name,
    columns: [
      { name: 'line', type: 'BIGINT', values: data.line },
      { name: 'segment', type: 'TEXT', values: data.segment },
      { name: 'value', type: 'DOUBLE', values: data.value },
    ],
  };
}
