/**
 * Order lines to orders to customers: the one piece of the core that RFM_TABLE, the customer-lifetime-value
 * functions and the panel share, so they count orders, returns and left-out lines the same way.
 *
 * - **Orders.** Without order ids each line is one order. With order ids, the lines of one customer that share an
 *   order id are one order (a point-of-sale export has one line per item); the order's date is the latest date of its
 *   lines and its value the sum of their revenues.
 * - **Returns and cancellations.** An order whose value is 0 or below (within the relative tolerance of 1e-9 of the
 *   sum of its lines' sizes, so a cancellation that nets a sale to 1e-17 is still 0) is not a purchase: it does not
 *   count as an order and its date is not a purchase date, but its value is added to the customer's revenue, so
 *   returns net off. A customer whose orders are all ≤ 0 has no purchase.
 * - **Lines left out** (read by core/order-lines.ts: no customer, a cell that cannot be read, a blank cell in a filled
 *   line; here: a date after an explicit as_of) are counted by reason with their first rows, and reported per customer
 *   when the customer is known, else together.
 * Revenue is summed with Neumaier's compensated summation (numeric/sum.ts), so reordering the lines hardly changes
 * a total.
 *
 * Cost: O(lines) time expected (one hash lookup per line with order ids, none without), O(lines + customers)
 * memory.
 *
 * @see https://en.wikipedia.org/wiki/RFM_(market_research) (orders, not lines, are the F of RFM)
 * @see https://en.wikipedia.org/wiki/Kahan_summation_algorithm#Further_enhancements (Neumaier)
 * @example
 *   // Ann buys twice (invoice 1 has two lines) and returns 30 on invoice C1; Bo only returns.
 *   const grouped = groupOrders(readOrderLines({
 *     customers: toVector([['Ann'], ['Ann'], ['Ann'], ['Ann'], ['Bo']], 'customers'),
 *     dates: toVector([['2024-05-01'], ['2024-05-01'], ['2024-06-01'], ['2024-06-02'], ['2024-06-03']], 'order_dates'),
 *     revenues: toVector([[10], [20], [50], [-30], [-5]], 'revenues'),
 *     orderIds: toVector([['1'], ['1'], ['2'], ['C1'], ['3']], 'order_ids'),
 *   }));
 *   grouped.purchases       // → [2, 0]: invoices 1 and 2; C1 and Bo's order are returns
 *   grouped.revenue         // → [50, -5]
 *   grouped.lastPurchase[0] // → the serial of 2024-06-01 (C1's 2024-06-02 is no purchase)
 *   grouped.lastPurchase[1] // → NaN: Bo has no purchase
 */
import { at, problem, type Problem } from '../errors.js';
import { serialToIso } from '../dates.js';
import { addCompensated } from '../numeric/sum.js';
import { RELATIVE_TOLERANCE } from '../tolerance.js';

/** Why a line was left out. */
export type LeftOutReason =
  | 'noCustomer'
  | 'badCustomer'
  | 'badDate'
  | 'blankDate'
  | 'badRevenue'
  | 'blankRevenue'
  | 'badOrderId'
  | 'blankOrderId'
  | 'afterAsOf';

/** Every reason, in the order they are told (by the panel and the command line). */
export const LEFT_OUT_REASONS: readonly LeftOutReason[] = [
  'noCustomer',
  'badCustomer',
  'badDate',
  'blankDate',
  'badRevenue',
  'blankRevenue',
  'badOrderId',
  'blankOrderId',
  'afterAsOf',
];

/** A line's status: used, empty (skipped silently), or left out (with a reason and a problem). */
export const LINE_USED = 0;
export const LINE_EMPTY = 1;
export const LINE_LEFT_OUT = 2;

/** Why one line was left out, and the problem to show (located at its argument and row). */
export interface LineProblem {
  readonly reason: LeftOutReason;
  readonly problem: Problem;
}

/** Order lines, read: what groupOrders needs, with no host cell left in it. */
export interface OrderLines {
  /** Number of lines. */
  readonly count: number;
  /** Customer identities, by customer number (0, 1, … in order of first appearance). */
  readonly customerIds: readonly string[];
  /** Per line: the customer's number, or −1 when the customer is blank or cannot be read. */
  readonly customer: Int32Array;
  /** Per line: the order id's number (0, 1, … by distinct id), when order ids are given; else each line is an order. */
  readonly order?: Int32Array;
  /** Distinct order ids, when given. */
  readonly orderIdCount: number;
  /** Per line: whole-day date serial (read when the line is used). */
  readonly date: Float64Array;
  /** Per line: revenue (read when the line is used). */
  readonly revenue: Float64Array;
  /** Per line: LINE_USED, LINE_EMPTY or LINE_LEFT_OUT. */
  readonly status: Uint8Array;
  /** The lines left out, by line index. */
  readonly leftOut: ReadonlyMap<number, LineProblem>;
  /** The name of the dates argument, for problems found while grouping (a date after as_of). */
  readonly dateArg: string;
}

/** Lines of one kind: how many, and the first rows (1-based, at most FIRST_ROWS). */
export interface LineTally {
  count: number;
  readonly rows: number[];
}

/** Lines left out for one customer (or for no customer): how many, and the first problems. */
export interface LeftOutReport {
  count: number;
  readonly problems: Problem[];
}

/** Every order (purchases and returns), in order of their first line. */
export interface OrderList {
  readonly count: number;
  readonly customer: Int32Array;
  /** The latest date of the order's lines. */
  readonly date: Float64Array;
  /** The sum of the order's lines. */
  readonly value: Float64Array;
  /** 1 for a purchase (value above 0), 0 for a return or cancellation. */
  readonly purchase: Uint8Array;
}

/** Order lines grouped per customer, indexed by customer number. */
export interface CustomerOrders {
  readonly customerIds: readonly string[];
  /** Per customer: lines used (purchases and returns). */
  readonly lines: Uint32Array;
  /** Per customer: orders of value above 0 (the F of RFM). */
  readonly purchases: Uint32Array;
  /** Per customer: orders of value 0 or below (returns, cancellations). */
  readonly returns: Uint32Array;
  /** Per customer: the sum of every used line, returns included. */
  readonly revenue: Float64Array;
  /** Per customer: the date of the first and the last purchase; NaN without a purchase. */
  readonly firstPurchase: Float64Array;
  readonly lastPurchase: Float64Array;
  /** Lines left out per known customer, by customer number. */
  readonly leftOutByCustomer: ReadonlyMap<number, LeftOutReport>;
  /** Lines left out whose customer is blank or cannot be read. */
  readonly leftOutWithoutCustomer: LeftOutReport | undefined;
  /** Lines left out, by reason. */
  readonly leftOutByReason: Readonly<Partial<Record<LeftOutReason, LineTally>>>;
  /** Used lines that belong to a return or cancellation (an order of value 0 or below). */
  readonly returnLines: LineTally;
  /** Distinct customers with at least one used line. */
  readonly customersWithLines: number;
  /** The latest date of the used lines (the default as_of); −Infinity without any. */
  readonly latestDate: number;
  readonly orders: OrderList;
}

/** How many problems a report keeps (its count covers them all). */
export const PROBLEMS_KEPT = 3;
/** How many first rows a tally keeps. */
export const FIRST_ROWS = 5;

export interface GroupOptions {
  /** Lines dated after it are left out (reason `afterAsOf`). */
  readonly asOf?: number;
}

function tally(tallies: Partial<Record<LeftOutReason, LineTally>>, reason: LeftOutReason, row: number): void {
  tally1((tallies[reason] ??= { count: 0, rows: [] }), row);
}

function addTo(report: LeftOutReport | undefined, p: Problem): LeftOutReport {
  const entry = report ?? { count: 0, problems: [] };
  entry.count++;
  if (entry.problems.length < PROBLEMS_KEPT) entry.problems.push(p);
  return entry;
}

/** Local copies: the loops below read these on every line. */
const EMPTY = LINE_EMPTY;
const LEFT_OUT = LINE_LEFT_OUT;
const TOLERANCE = RELATIVE_TOLERANCE;

/** Per-customer purchase counting, shared by the two ways orders are formed. */
class Purchases {
  readonly purchases: Uint32Array;
  readonly returns: Uint32Array;
  readonly firstPurchase: Float64Array;
  readonly lastPurchase: Float64Array;
  constructor(customers: number) {
    this.purchases = new Uint32Array(customers);
    this.returns = new Uint32Array(customers);
    this.firstPurchase = new Float64Array(customers).fill(NaN);
    this.lastPurchase = new Float64Array(customers).fill(NaN);
  }
  /** Counts one order; true when it is a purchase (value above 0, within the tolerance of its lines' size). */
  add(c: number, day: number, value: number, size: number): boolean {
    if (!(value > TOLERANCE * size)) {
      this.returns[c] = (this.returns[c] as number) + 1;
      return false;
    }
    this.purchases[c] = (this.purchases[c] as number) + 1;
    if (!(day >= (this.firstPurchase[c] as number))) this.firstPurchase[c] = day;
    if (!(day <= (this.lastPurchase[c] as number))) this.lastPurchase[c] = day;
    return true;
  }
}

/**
 * Groups read order lines into orders and customers (see the module comment for the rules).
 * @param lines read by readOrderLines (core/order-lines.ts)
 * @param options `asOf`: lines after it are left out and reported
 * @returns per-customer lines, purchases, returns, net revenue, first and last purchase; every order (built on
 *   first use); the lines left out, per customer and by reason. O(lines) expected: one pass over the lines, and with
 *   order ids one over the orders and one more over the lines when there are returns.
 */
export function groupOrders(lines: OrderLines, options: GroupOptions = {}): CustomerOrders {
  const { count: n, customer, order, date, revenue, status } = lines;
  const asOf = options.asOf ?? Infinity;
  const customers = lines.customerIds.length;
  const idCount = lines.orderIdCount;
  const used = new Uint32Array(customers);
  const revenueSum = new Float64Array(customers);
  const revenueCompensation = new Float64Array(customers);
  const counted = new Purchases(customers);
  const leftOutByCustomer = new Map<number, LeftOutReport>();
  const leftOutByReason: Partial<Record<LeftOutReason, LineTally>> = {};
  const returnLines: LineTally = { count: 0, rows: [] };
  let leftOutWithoutCustomer: LeftOutReport | undefined;
  let latestDate = -Infinity;

  // With order ids: one slot per order, in order of first line. Without, each used line is its order.
  const slotOfLine = new Int32Array(n).fill(-1);
  const slots = order ? new Map<number, number>() : undefined;
  const byOrder = order ? new OrderSlots(n) : undefined;

  for (let i = 0; i < n; i++) {
    const state = status[i];
    if (state === EMPTY) continue;
    const c = customer[i] as number;
    const day = date[i] as number;
    let leftOut: LineProblem | undefined;
    if (state === LEFT_OUT) leftOut = lines.leftOut.get(i);
    else if (day > asOf) {
      const p = problem('dateAfterAsOf', { date: serialToIso(day), asOf: serialToIso(asOf) });
      leftOut = { reason: 'afterAsOf', problem: at(p, lines.dateArg, i + 1) };
    }
    if (leftOut) {
      tally(leftOutByReason, leftOut.reason, i + 1);
      if (c >= 0) leftOutByCustomer.set(c, addTo(leftOutByCustomer.get(c), leftOut.problem));
      else leftOutWithoutCustomer = addTo(leftOutWithoutCustomer, leftOut.problem);
      continue;
    }
    const v = revenue[i] as number;
    used[c] = (used[c] as number) + 1;
    addCompensated(revenueSum, revenueCompensation, c, v);
    if (day > latestDate) latestDate = day;
    if (slots && byOrder) {
      const key = c * idCount + ((order as Int32Array)[i] as number);
      let slot = slots.get(key);
      if (slot === undefined) slots.set(key, (slot = byOrder.open(c, day)));
      byOrder.add(slot, day, v);
      slotOfLine[i] = slot;
    } else {
      slotOfLine[i] = i;
      if (!counted.add(c, day, v, Math.abs(v))) tally1(returnLines, i + 1);
    }
  }

  let purchase: Uint8Array | undefined;
  if (byOrder) {
    purchase = byOrder.count(counted);
    if (counted.returns.some((r) => r > 0)) {
      for (let i = 0; i < n; i++) {
        const slot = slotOfLine[i] as number;
        if (slot >= 0 && !purchase[slot]) tally1(returnLines, i + 1);
      }
    }
  }
  const revenueOut = new Float64Array(customers);
  let customersWithLines = 0;
  for (let c = 0; c < customers; c++) {
    revenueOut[c] = (revenueSum[c] as number) + (revenueCompensation[c] as number);
    if ((used[c] as number) > 0) customersWithLines++;
  }
  let list: OrderList | undefined;
  return {
    customerIds: lines.customerIds,
    lines: used,
    purchases: counted.purchases,
    returns: counted.returns,
    revenue: revenueOut,
    firstPurchase: counted.firstPurchase,
    lastPurchase: counted.lastPurchase,
    leftOutByCustomer,
    leftOutWithoutCustomer,
    leftOutByReason,
    returnLines,
    customersWithLines,
    latestDate,
    get orders(): OrderList {
      return (list ??= byOrder ? byOrder.list(purchase as Uint8Array) : lineOrders(lines, slotOfLine));
    },
  };
}

function tally1(entry: LineTally, row: number): void {
  entry.count++;
  if (entry.rows.length < FIRST_ROWS) entry.rows.push(row);
}

/** Orders formed by order ids: customer, latest date, compensated value and size of each. */
class OrderSlots {
  private size = 0;
  private readonly customer: Int32Array;
  private readonly date: Float64Array;
  private readonly sum: Float64Array;
  private readonly compensation: Float64Array;
  private readonly magnitude: Float64Array;
  private value: Float64Array | undefined;
  constructor(capacity: number) {
    this.customer = new Int32Array(capacity);
    this.date = new Float64Array(capacity);
    this.sum = new Float64Array(capacity);
    this.compensation = new Float64Array(capacity);
    this.magnitude = new Float64Array(capacity);
  }
  open(c: number, day: number): number {
    const slot = this.size++;
    this.customer[slot] = c;
    this.date[slot] = day;
    return slot;
  }
  add(slot: number, day: number, v: number): void {
    if (day > (this.date[slot] as number)) this.date[slot] = day;
    addCompensated(this.sum, this.compensation, slot, v);
    this.magnitude[slot] = (this.magnitude[slot] as number) + Math.abs(v);
  }
  /** Counts every order into the customers' purchases; returns each order's purchase flag. O(orders). */
  count(counted: Purchases): Uint8Array {
    const purchase = new Uint8Array(this.size);
    const value = new Float64Array(this.size);
    for (let k = 0; k < this.size; k++) {
      value[k] = (this.sum[k] as number) + (this.compensation[k] as number);
      const c = this.customer[k] as number;
      if (counted.add(c, this.date[k] as number, value[k] as number, this.magnitude[k] as number)) purchase[k] = 1;
    }
    this.value = value;
    return purchase;
  }
  list(purchase: Uint8Array): OrderList {
    return {
      count: this.size,
      customer: this.customer.slice(0, this.size),
      date: this.date.slice(0, this.size),
      value: this.value ?? new Float64Array(this.size),
      purchase,
    };
  }
}

/** Without order ids: every used line is an order. O(lines). */
function lineOrders(lines: OrderLines, slotOfLine: Int32Array): OrderList {
  let count = 0;
  for (let i = 0; i < lines.count; i++) if ((slotOfLine[i] as number) >= 0) count++;
  const customer = new Int32Array(count);
  const date = new Float64Array(count);
  const value = new Float64Array(count);
  const purchase = new Uint8Array(count);
  count = 0;
  for (let i = 0; i < lines.count; i++) {
    if ((slotOfLine[i] as number) < 0) continue;
    customer[count] = lines.customer[i] as number;
    date[count] = lines.date[i] as number;
    value[count] = lines.revenue[i] as number;
    purchase[count++] = (lines.revenue[i] as number) > 0 ? 1 : 0;
  }
  return { count, customer, date, value, purchase };
}
