/**
 * Reading order lines from host cells: customers, dates, revenues and (optionally) order ids, each argument read as
 * a whole (dates in the order its own cells settle, amounts with the separators its own cells settle), into the
 * typed lines that methods/orders.ts groups. Shared by RFM_TABLE, the lifetime-value functions and the panel.
 *
 * A line is used when its customer, date, revenue (and order id, when given) are all readable. An empty line (every
 * cell blank; in Excel builds that pass blanks as 0, a blank date with the other cells blank or 0) is skipped
 * silently. Any other line is left out with the first of these problems: the customer cannot be read or is blank
 * (`noCustomer`), then the date, the revenue, the order id (unreadable, or blank in a filled line).
 * Cost: O(lines); each distinct customer or order-id cell value is read once.
 *
 * @example
 *   const lines = readOrderLines({
 *     customers: toVector([['Ann'], [''], ['Bo']], 'customers'),
 *     dates: toVector([['22/09/2026 09:46:16'], ['2026-09-01'], ['01/09/2026']], 'order_dates'),
 *     revenues: toVector([['450.000 ₫'], [5], ['89.000 ₫']], 'revenues'),
 *   });
 *   lines.status // → [LINE_USED, LINE_LEFT_OUT, LINE_USED]: line 2 has no customer
 *   lines.date[2] // → the serial of 2026-09-01 (day first, as 22/09/2026 settles)
 */
import { cellReader, readVectorDates, readVectorNumbers, vectorLength, type Vector } from './args.js';
import { BLANK, BLANK_STATE, PROBLEM, VALUE, readText } from './cells.js';
import { at, problem, type Problem } from './errors.js';
import {
  LINE_EMPTY,
  LINE_LEFT_OUT,
  LINE_USED,
  type LeftOutReason,
  type LineProblem,
  type OrderLines,
} from './methods/orders.js';

/** Local copies: the loop below reads these on every line. */
const USED = LINE_USED;
const EMPTY = LINE_EMPTY;
const LEFT_OUT = LINE_LEFT_OUT;

/** The argument vectors of order lines; `orderIds` is optional. Same lengths (checked by the caller). */
export interface OrderLineCells {
  readonly customers: Vector;
  readonly dates: Vector;
  readonly revenues: Vector;
  readonly orderIds?: Vector;
}

/** The argument names problems are located at. */
export interface OrderLineArgs {
  readonly customers: string;
  readonly dates: string;
  readonly revenues: string;
  readonly orderIds: string;
}

export const ORDER_LINE_ARGS: OrderLineArgs = {
  customers: 'customers',
  dates: 'order_dates',
  revenues: 'revenues',
  orderIds: 'order_ids',
};

/** Per-cell identity of a column: a number per distinct identity (0, 1, … by first appearance), −1 blank, −2 bad. */
export interface Identities {
  readonly index: Int32Array;
  readonly ids: string[];
  readonly problems: Map<number, Problem>;
}

export const NO_IDENTITY = -1;
export const BAD_IDENTITY = -2;

/**
 * Numbers the identities of a column (customers, order ids) in order of first appearance, by readText (trimmed
 * text, case kept; 1001 and "1001" are one). A raw text or number already seen is looked up directly, so readText
 * runs once per distinct cell value, and a line with the same raw value as the line before needs no lookup. One
 * pass, O(n).
 */
export function readIdentities(cellAt: (i: number) => unknown, n: number): Identities {
  const index = new Int32Array(n);
  const byRaw = new Map<string | number, number>();
  const byId = new Map<string, number>();
  const ids: string[] = [];
  const problems = new Map<number, Problem>();
  // The previous line's identity: the lines of one invoice are usually next to each other in an export.
  let previousRaw: unknown = undefined;
  let previous = NO_IDENTITY;
  for (let i = 0; i < n; i++) {
    const raw = cellAt(i);
    if (raw === previousRaw && previous >= 0) {
      index[i] = previous;
      continue;
    }
    const primitive = typeof raw === 'string' || typeof raw === 'number';
    const seen = primitive ? byRaw.get(raw) : undefined;
    if (seen !== undefined) {
      index[i] = previous = seen;
      previousRaw = raw;
      continue;
    }
    previousRaw = undefined;
    previous = NO_IDENTITY;
    const id = readText(raw);
    if (typeof id !== 'string') {
      index[i] = id === BLANK ? NO_IDENTITY : BAD_IDENTITY;
      if (id !== BLANK) problems.set(i, id);
      continue;
    }
    let number = byId.get(id);
    if (number === undefined) {
      number = ids.length;
      ids.push(id);
      byId.set(id, number);
    }
    if (primitive) {
      byRaw.set(raw, number);
      previousRaw = raw;
      previous = number;
    }
    index[i] = number;
  }
  return { index, ids, problems };
}

/** Reads order-line arguments into typed lines. O(lines). */
export function readOrderLines(cells: OrderLineCells, args: OrderLineArgs = ORDER_LINE_ARGS): OrderLines {
  const n = vectorLength(cells.customers);
  const customerAt = cellReader(cells.customers);
  const revenueAt = cellReader(cells.revenues);
  const customers = readIdentities(customerAt, n);
  const dates = readVectorDates(cells.dates);
  const revenues = readVectorNumbers(cells.revenues);
  const orderAt = cells.orderIds ? cellReader(cells.orderIds) : undefined;
  const orders = orderAt ? readIdentities(orderAt, n) : undefined;

  const customer = new Int32Array(n);
  const status = new Uint8Array(n);
  const leftOut = new Map<number, LineProblem>();
  const leave = (i: number, reason: LeftOutReason, p: Problem, arg: string): void => {
    status[i] = LEFT_OUT;
    leftOut.set(i, { reason, problem: at(p, arg, i + 1) });
  };
  for (let i = 0; i < n; i++) {
    const c = customers.index[i] as number;
    customer[i] = c >= 0 ? c : -1;
    const dateState = dates.state[i];
    const revenueState = revenues.state[i];
    const o = orders ? (orders.index[i] as number) : 0;
    if (c >= 0 && dateState === VALUE && revenueState === VALUE && o >= 0) {
      status[i] = USED;
      continue;
    }
    // An empty line, also as Excel may pass it (blanks as 0): skipped silently.
    const customerEmpty = c === NO_IDENTITY || customerAt(i) === 0;
    const revenueEmpty = revenueState === BLANK_STATE || revenueAt(i) === 0;
    const orderEmpty = !orderAt || o === NO_IDENTITY || orderAt(i) === 0;
    if (customerEmpty && dateState === BLANK_STATE && revenueEmpty && orderEmpty) {
      status[i] = EMPTY;
      continue;
    }
    if (c === BAD_IDENTITY) leave(i, 'badCustomer', customers.problems.get(i) as Problem, args.customers);
    else if (c === NO_IDENTITY) leave(i, 'noCustomer', problem('blankInLine'), args.customers);
    else if (dateState === PROBLEM) leave(i, 'badDate', dates.problems.get(i) as Problem, args.dates);
    else if (dateState === BLANK_STATE) leave(i, 'blankDate', problem('blankInLine'), args.dates);
    else if (revenueState === PROBLEM) leave(i, 'badRevenue', revenues.problems.get(i) as Problem, args.revenues);
    else if (revenueState === BLANK_STATE) leave(i, 'blankRevenue', problem('blankInLine'), args.revenues);
    else if (o === BAD_IDENTITY) leave(i, 'badOrderId', orders?.problems.get(i) as Problem, args.orderIds);
    else leave(i, 'blankOrderId', problem('blankInLine'), args.orderIds);
  }
  return {
    count: n,
    customerIds: customers.ids,
    customer,
    order: orders?.index,
    orderIdCount: orders?.ids.length ?? 0,
    date: dates.values,
    revenue: revenues.values,
    status,
    leftOut,
    dateArg: args.dates,
  };
}
