/**
 * RFM on order lines as the panel runs it. The plan's columns become RFM_TABLE's arguments, so the panel scores
 * customers exactly as the formula does (order ids make orders, returns net off); revenue is a column, or
 * Quantity × Price with each of the two columns read as a whole by the core's readers (`450.000 ₫`, `"12"`).
 * The same order-line logic (core/order-lines.ts, core/methods/orders.ts) reports the lines: how many were used, the
 * return lines, and the lines left out by reason with their first rows. Counts are customers, not lines; each line
 * gets its customer's segment.
 */
import { readVectorNumbers, toVector } from '../args.js';
import { isoToSerial, PROBLEM, VALUE } from '../cells.js';
import { describeProblem, problem, type Problem } from '../errors.js';
import { serialToIso } from '../dates.js';
import { groupOrders, LEFT_OUT_REASONS, LINE_EMPTY, LINE_USED, type LeftOutReason } from '../methods/orders.js';
import { readOrderLines } from '../order-lines.js';
import type { OutGrid } from '../output.js';
import type { Lang } from '../labels.js';
import type { Plan, RevenueSource } from './plan.js';
import type { RowProblem } from './segment.js';
import type { FunctionDetails } from '../catalog/types.js';
import { call, columnOf, headerName, single, type Cell, type Rows } from './table-columns.js';

/** Lines of one kind: how many, and the first of them (0-based data rows; the preview numbers them as the sheet). */
export interface LineGroup {
  readonly count: number;
  readonly rows: readonly number[];
}

export interface LeftOutGroup extends LineGroup {
  readonly reason: LeftOutReason;
}

export interface LinesReport {
  /** Lines that hold something (empty lines are skipped). */
  readonly lines: number;
  /** Lines that went into the customers' orders (returns included). */
  readonly usedLines: number;
  /** Customers with a segment. */
  readonly customers: number;
  /** Customers whose every order is a return or a cancellation: listed without a segment. */
  readonly customersWithoutPurchase: number;
  /** Customers with a line left out: no segment until the line is fixed (their totals would be wrong). */
  readonly customersWithLinesLeftOut: number;
  readonly revenueFrom: RevenueSource;
  /** Used lines of returns and cancellations (orders of value 0 or below). */
  readonly returnLines: LineGroup;
  /** Lines left out, by reason. */
  readonly leftOut: readonly LeftOutGroup[];
}

export interface OrderLinesSegmentation {
  /** Per line, its customer's segment ('' when it has none). */
  readonly labels: readonly string[];
  /** The lines left out, each with why. */
  readonly problems: readonly RowProblem[];
  /** The segment of each customer with one. */
  readonly customerSegments: readonly string[];
  /** What RFM_TABLE reported it used (as-of, cut points). */
  readonly details: readonly FunctionDetails[];
  /** RFM_TABLE's answer: a header, then one row per customer. */
  readonly customers: OutGrid;
  readonly lines: LinesReport;
}

/** A revenue no reader takes: a line whose quantity or price cannot be read is left out as unreadable revenue. */
const UNREADABLE = '#VALUE!';

/** RFM_TABLE's columns: customer, …, segment. */
const SEGMENT_COLUMN = 9;

function revenueSourceOf(plan: Plan): RevenueSource {
  return plan.options.revenueFrom ?? (plan.columns.revenue === undefined ? 'quantityPrice' : 'column');
}

interface LineRevenues {
  readonly cells: unknown[][];
  /** The name the revenue goes by in messages. */
  readonly name: string;
  /** Lines whose quantity or price cannot be read: the message to show. */
  readonly problems: ReadonlyMap<number, string>;
}

/** `Số lượng: "abc" is not a number …`: a problem named by its column, without its row (the panel numbers rows). */
function located(column: string, p: Problem, lang: Lang): string {
  const { arg: _arg, row: _row, ...params } = p.params;
  return `${column}: ${describeProblem({ ...p, params }, lang)}`;
}

/**
 * Each line's revenue as Quantity × Price, each column read as a whole (its own cells settle an ambiguous
 * `1.234`). Both blank, or one blank: no revenue. Either unreadable: the line is left out with that cell's problem.
 */
function quantityTimesPrice(plan: Plan, headers: readonly Cell[], rows: Rows): LineRevenues {
  const qColumn = single(plan.columns.quantity);
  const pColumn = single(plan.columns.price);
  const quantity = readVectorNumbers(toVector(columnOf(rows, qColumn, 'quantity'), 'quantity'));
  const price = readVectorNumbers(toVector(columnOf(rows, pColumn, 'price'), 'price'));
  const qName = headerName(headers, qColumn as number);
  const pName = headerName(headers, pColumn as number);
  const cells: unknown[][] = new Array(rows.length);
  const problems = new Map<number, string>();
  for (let i = 0; i < rows.length; i++) {
    const q = quantity.state[i];
    const p = price.state[i];
    if (q === VALUE && p === VALUE) cells[i] = [(quantity.values[i] as number) * (price.values[i] as number)];
    else if (q === PROBLEM || p === PROBLEM) {
      cells[i] = [UNREADABLE];
      const [name, column] = q === PROBLEM ? [qName, quantity] : [pName, price];
      problems.set(i, located(name, column.problems.get(i) as Problem, plan.lang));
    } else cells[i] = [null];
  }
  return { cells, name: `${qName} × ${pName}`, problems };
}

function lineRevenues(plan: Plan, headers: readonly Cell[], rows: Rows, from: RevenueSource): LineRevenues {
  if (from === 'quantityPrice') return quantityTimesPrice(plan, headers, rows);
  const column = single(plan.columns.revenue);
  return {
    cells: columnOf(rows, column, 'revenue'),
    name: headerName(headers, column ?? -1),
    problems: new Map(),
  };
}

const groupRows = (tally: { count: number; rows: readonly number[] }): LineGroup => ({
  count: tally.count,
  rows: tally.rows.map((line) => line - 1),
});

/** The plan's order-line columns as a customer-table function takes them, with the names the user knows them by. */
export interface OrderLineColumns {
  readonly customers: Cell[][];
  readonly dates: Cell[][];
  readonly orderIds: Cell[][] | undefined;
  readonly revenue: LineRevenues;
  readonly revenueFrom: RevenueSource;
  readonly names: {
    readonly customers: string;
    readonly dates: string;
    readonly revenues: string;
    readonly orderIds: string;
  };
}

/** Reads the plan's customer, date, order id and revenue (a column or Quantity × Price) columns. O(lines). */
export function orderLineColumns(plan: Plan, headers: readonly Cell[], rows: Rows): OrderLineColumns {
  const m = plan.columns;
  const customerColumn = single(m.customer);
  const dateColumn = single(m.orderDate);
  const orderColumn = single(m.orderId);
  const revenueFrom = revenueSourceOf(plan);
  const revenue = lineRevenues(plan, headers, rows, revenueFrom);
  return {
    customers: columnOf(rows, customerColumn, 'customer'),
    dates: columnOf(rows, dateColumn, 'orderDate'),
    orderIds: orderColumn === undefined ? undefined : columnOf(rows, orderColumn, 'orderId'),
    revenue,
    revenueFrom,
    names: {
      customers: headerName(headers, customerColumn as number),
      dates: headerName(headers, dateColumn as number),
      revenues: revenue.name,
      orderIds: orderColumn === undefined ? '' : headerName(headers, orderColumn),
    },
  };
}

/** Segments order lines: RFM_TABLE scores the customers, each line gets its customer's segment. O(lines). */
export function segmentOrderLines(plan: Plan, headers: readonly Cell[], rows: Rows): OrderLinesSegmentation {
  const columns = orderLineColumns(plan, headers, rows);
  const { customers, dates, revenue, orderIds } = columns;
  const o = plan.options;
  const details: FunctionDetails[] = [];
  const table = call(
    'RFM_TABLE',
    [
      customers,
      dates,
      revenue.cells,
      o.values?.as_of ?? null,
      o.values?.bins ?? null,
      null,
      orderIds ?? null,
      plan.lang,
    ],
    (d) => details.push(d),
  );
  const segmentOf = new Map<string, string>();
  for (const row of table.slice(1)) {
    const segment = row[SEGMENT_COLUMN];
    if (typeof row[0] !== 'string' || typeof segment !== 'string' || segment === '') continue;
    segmentOf.set(row[0], segment);
  }
  return { ...labelLines(plan, columns, rows, segmentOf), details, customers: table };
}

/**
 * Each line labelled with its customer's segment (`segmentOf`, by customer id as the table function writes it), the
 * lines left out with why (named by the user's columns), and the report of how the lines were used. O(lines).
 */
export function labelLines(
  plan: Plan,
  columns: OrderLineColumns,
  rows: Rows,
  segmentOf: ReadonlyMap<string, string>,
): Omit<OrderLinesSegmentation, 'details' | 'customers'> {
  const { lang } = plan;
  const { customers, dates, revenue, orderIds, names, revenueFrom } = columns;
  const asOfText = plan.options.values?.as_of;
  // The same lines again, their problems named by the columns the user knows.
  const lines = readOrderLines(
    {
      customers: toVector(customers, 'customers'),
      dates: toVector(dates, 'order_dates'),
      revenues: toVector(revenue.cells, 'revenues'),
      ...(orderIds ? { orderIds: toVector(orderIds, 'order_ids') } : {}),
    },
    names,
  );
  const asOf = typeof asOfText === 'string' ? isoToSerial(asOfText) : undefined;
  const grouped = groupOrders(lines, asOf === undefined ? {} : { asOf });

  const labels: string[] = new Array(rows.length).fill('');
  const problems: RowProblem[] = [];
  for (let i = 0; i < lines.count; i++) {
    const c = lines.customer[i] as number;
    const leftOut = lines.leftOut.get(i);
    if (leftOut) {
      const column = leftOut.problem.params.arg;
      const message =
        revenue.problems.get(i) ?? located(typeof column === 'string' ? column : '', leftOut.problem, lang);
      problems.push({ row: i, message });
    } else if (lines.status[i] === LINE_USED && asOf !== undefined && (lines.date[i] as number) > asOf) {
      const p = problem('dateAfterAsOf', { date: serialToIso(lines.date[i] as number), asOf: serialToIso(asOf) });
      problems.push({ row: i, message: located(names.dates, p, lang) });
    } else if (lines.status[i] === LINE_USED && c >= 0) {
      labels[i] = segmentOf.get(lines.customerIds[c] as string) ?? '';
    }
  }

  let customersWithoutPurchase = 0;
  for (let c = 0; c < grouped.customerIds.length; c++)
    if ((grouped.lines[c] as number) > 0 && (grouped.purchases[c] as number) === 0 && !grouped.leftOutByCustomer.has(c))
      customersWithoutPurchase++;
  const leftOut = LEFT_OUT_REASONS.flatMap((reason) => {
    const group = grouped.leftOutByReason[reason];
    return group ? [{ reason, ...groupRows(group) }] : [];
  });
  const leftOutCount = leftOut.reduce((sum, g) => sum + g.count, 0);
  let nonEmpty = 0;
  for (let i = 0; i < lines.count; i++) if (lines.status[i] !== LINE_EMPTY) nonEmpty++;
  return {
    labels,
    problems,
    customerSegments: [...segmentOf.values()],
    lines: {
      lines: nonEmpty,
      usedLines: nonEmpty - leftOutCount,
      customers: segmentOf.size,
      customersWithoutPurchase,
      customersWithLinesLeftOut: grouped.leftOutByCustomer.size,
      revenueFrom,
      returnLines: groupRows(grouped.returnLines),
      leftOut,
    },
  };
}
