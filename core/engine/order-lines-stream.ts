/**
 * Order lines read chunk by chunk, by the core's own rules, with the answers RFM_TABLE (core/order-lines.ts,
 * methods/orders.ts) would give on the whole columns at once:
 *
 * - A column settles itself before it is read: day/month order from its own unambiguous dates (core/dates.ts), the
 *   decimal separator from its own amounts (core/number-text.ts). `settleColumns` is that first pass, streamed, and
 *   gives what readVectorDates and readVectorNumbers settle on the whole column: the first text showing each order
 *   (or separator), in file order. A cell then reads as `readDate(cell, order)` / `readNumber(cell, separators)`.
 * - Each line gets the status readOrderLines gives it (used, empty and skipped, or left out with the first problem
 *   in the same order: customer, date, revenue, order id), and a used line dated after an explicit as_of is left out
 *   as groupOrders leaves it out. Revenue is a column or Quantity × Price, each read as a whole (as the panel does).
 * - Problems name the file's column (its header) and row, and are told by core/errors.ts.
 * Lines are counted by reason with their first rows; a known customer's left-out lines are kept per customer (count
 * and first problems, as RFM_TABLE shows them in that customer's row); lines without a readable customer together.
 *
 * Shared by the command line (cli/rfm.ts, files read by DuckDB in Node) and the panel's *Open an order file*
 * (panel/order-file/, files read by DuckDB-Wasm in the browser); nothing here touches a host or a file.
 *
 * Cost: O(lines) time; memory O(chunk + customers with lines left out + distinct date texts up to a cap).
 *
 * @example
 *   const settled = await settleColumns(source.scan(0, [1, 2]), { dates: 0, amounts: [1] });
 *   const reader = new LineReader(columns, settled, {});
 *   for await (const chunk of source.scan(0, columns.scanned)) append(reader.read(chunk));
 */
import { withArgPlaces, type LocatedArg } from '../arg-places.js';
import { BLANK, readDate, readNumber, type Read } from '../cells.js';
import { UNSETTLED, serialToIso, withEvidence, type DateOrder } from '../dates.js';
import { at, describeProblem, problem, type Problem } from '../errors.js';
import type { Lang } from '../labels.js';
import { FIRST_ROWS, PROBLEMS_KEPT, type LeftOutReason, type LeftOutReport } from '../methods/orders.js';
import { decimalShownBy, NO_SEPARATORS, settleSeparators, type Separators } from '../number-text.js';
import { BAD_IDENTITY, NO_IDENTITY, readIdentities } from '../order-lines.js';

/** One cell as a host would pass it to a formula (a file reader hands cells so). */
export type Cell = string | number | boolean | null;

/** Rows of a file, by column: `columns[k][i]` is the cell of the k-th asked column on the i-th row. */
export interface Chunk {
  /** The file's own row number (1-based; a CSV's header is row 1) of each row. */
  readonly rows: readonly number[];
  readonly columns: readonly (readonly Cell[])[];
}

/** Which file columns (0-based) play which role, and the headers problems name them by. */
export interface LineColumns {
  readonly customer: number;
  readonly date: number;
  /** Revenue from one column, or … */
  readonly revenue?: number;
  /** … Quantity × Price. */
  readonly quantity?: number;
  readonly price?: number;
  readonly orderId?: number;
  readonly headers: readonly string[];
}

/** The columns a scan reads, in the order LineReader takes them. */
export function scannedColumns(c: LineColumns): number[] {
  const amounts = c.revenue !== undefined ? [c.revenue] : [c.quantity as number, c.price as number];
  return [c.customer, c.date, ...amounts, ...(c.orderId !== undefined ? [c.orderId] : [])];
}

/** The amount columns (revenue, or quantity and price), in scan order. */
export function amountColumns(c: LineColumns): number[] {
  return c.revenue !== undefined ? [c.revenue] : [c.quantity as number, c.price as number];
}

/** What a whole column settles: the date column's day/month order, each amount column's separators. */
export interface Settled {
  readonly dates: DateOrder;
  readonly amounts: readonly Separators[];
  /** Data rows seen (the whole file, unless both settle early). */
  readonly rows: number;
}

/** Distinct date texts remembered by the first pass (a repeat adds no evidence). */
const SEEN_LIMIT = 100_000;

/** One amount column's evidence: the first text showing a decimal point and the first showing a decimal comma. */
class SeparatorEvidence {
  private readonly shown: string[] = [];
  private point = false;
  private comma = false;
  get done(): boolean {
    return this.point && this.comma;
  }
  add(raw: Cell): void {
    // Only a text with a point or a comma can show a separator (decimalShownBy).
    if (typeof raw !== 'string' || (!raw.includes('.') && !raw.includes(','))) return;
    const shown = decimalShownBy(raw);
    if (shown === '.' && !this.point) {
      this.point = true;
      this.shown.push(raw);
    } else if (shown === ',' && !this.comma) {
      this.comma = true;
      this.shown.push(raw);
    }
  }
  /** The column's separators: settleSeparators over its first evidence texts, in file order, as over every cell. */
  settle(): Separators {
    return this.shown.length === 0 ? NO_SEPARATORS : settleSeparators(this.shown);
  }
}

/**
 * The first pass: streams the date column and the amount columns (in that order in each chunk) and returns what
 * they settle, stopping early once the dates show both orders and every amount column both separators (nothing
 * more can change then). `onRows` is told the rows seen so far.
 */
export async function settleColumns(
  chunks: AsyncIterable<Chunk>,
  amountCount: number,
  onRows: (rows: number) => void = () => {},
): Promise<Settled> {
  let order = UNSETTLED;
  const seen = new Set<string>();
  const amounts = Array.from({ length: amountCount }, () => new SeparatorEvidence());
  let rows = 0;
  for await (const chunk of chunks) {
    const dates = chunk.columns[0] as readonly Cell[];
    const ordersDone = (): boolean => order.dayFirst !== undefined && order.monthFirst !== undefined;
    if (!ordersDone()) {
      for (const raw of dates) {
        if (typeof raw !== 'string' || seen.has(raw)) continue;
        if (seen.size < SEEN_LIMIT) seen.add(raw);
        order = withEvidence(order, raw);
        if (ordersDone()) break;
      }
    }
    amounts.forEach((evidence, k) => {
      if (evidence.done) return;
      for (const raw of chunk.columns[k + 1] as readonly Cell[]) {
        evidence.add(raw);
        if (evidence.done) break;
      }
    });
    rows += chunk.rows.length;
    onRows(rows);
    if (ordersDone() && amounts.every((a) => a.done)) break;
  }
  return { dates: order, amounts: amounts.map((a) => a.settle()), rows };
}

/** Lines of one reason: how many, and the first file rows. */
interface RowTally {
  count: number;
  readonly rows: number[];
}

/** The rows to append to DuckDB for one chunk: used lines, and left-out lines of known customers (date NULL). */
export interface LineRows {
  readonly line: number[];
  readonly customer: string[];
  readonly orderId: (string | null)[];
  /** Day serial (days since 1899-12-30), or null for a left-out line. */
  readonly day: (number | null)[];
  readonly revenue: (number | null)[];
}

/** Everything read so far, for the summary and RFM_TABLE's problem cells. */
export interface LinesRead {
  /** Lines holding something (empty lines are skipped). */
  lines: number;
  usedLines: number;
  readonly leftOutByReason: Partial<Record<LeftOutReason, RowTally>>;
  /** Lines left out per known customer (by its identity). */
  readonly leftOutByCustomer: Map<string, LeftOutReport>;
  leftOutWithoutCustomer: LeftOutReport | undefined;
  /** The latest date of the lines used (the default as_of), −Infinity before any. */
  latestDate: number;
}

/** Reading options: an explicit as_of (day serial) leaves out the lines after it. */
export interface ReadOptions {
  readonly asOf?: number;
}

/** Lines without a date cache: distinct date texts remembered while reading (as readDates does). */
const DATE_CACHE_LIMIT = 100_000;

function addTo(report: LeftOutReport | undefined, p: Problem): LeftOutReport {
  const entry = report ?? { count: 0, problems: [] };
  entry.count++;
  if (entry.problems.length < PROBLEMS_KEPT) entry.problems.push(p);
  return entry;
}

/** Whole numbers written plainly (`506737`, `-12`): the text most amount columns of an export hold. */
const PLAIN_WHOLE = /^-?\d+$/;

/**
 * readNumber (core/cells.ts), with a shortcut for plainly written whole numbers, which it reads as Number(text):
 * no separator, currency or sign other than a leading minus, so nothing a column settles applies to them.
 */
export function readAmount(raw: Cell, separators: Separators): Read<number> {
  return typeof raw === 'string' && PLAIN_WHOLE.test(raw) ? Number(raw) : readNumber(raw, separators);
}

type State = 0 | 1 | 2;
const VALUE: State = 0;
const BLANK_STATE: State = 1;
const PROBLEM: State = 2;

function stateOf(read: Read<number>): State {
  return typeof read === 'number' ? VALUE : read === BLANK ? BLANK_STATE : PROBLEM;
}

/** Reads chunks of order lines into rows for DuckDB, counting what it leaves out. Create one per file. */
export class LineReader {
  readonly read: LinesRead = {
    lines: 0,
    usedLines: 0,
    leftOutByReason: {},
    leftOutByCustomer: new Map(),
    leftOutWithoutCustomer: undefined,
    latestDate: -Infinity,
  };
  private readonly dates = new Map<string, Read<number>>();
  private readonly places: ReadonlyMap<string, LocatedArg>;
  private readonly names: {
    readonly customer: string;
    readonly date: string;
    readonly amounts: readonly string[];
    /** The revenue as a whole: its column, or `Quantity × Price`. */
    readonly revenue: string;
    readonly orderId: string;
  };

  constructor(
    private readonly columns: LineColumns,
    private readonly settled: Settled,
    private readonly options: ReadOptions = {},
  ) {
    const header = (k: number | undefined): string => (k === undefined ? '' : (columns.headers[k] ?? ''));
    const amounts = amountColumns(columns).map(header);
    this.names = {
      customer: header(columns.customer),
      date: header(columns.date),
      amounts,
      revenue: amounts.join(' × '),
      orderId: header(columns.orderId),
    };
    // Each column's problems name the file's own row: a place starting at row 1 makes `at(p, name, row)` say "row N".
    const n = this.names;
    const named = [n.customer, n.date, ...n.amounts, n.revenue, n.orderId];
    this.places = new Map(named.filter(Boolean).map((name) => [name, { row: 1, vector: true }] as const));
  }

  private readDateCell(raw: Cell): Read<number> {
    if (typeof raw !== 'string') return readDate(raw, this.settled.dates);
    let read = this.dates.get(raw);
    if (read === undefined) {
      read = readDate(raw, this.settled.dates);
      if (this.dates.size < DATE_CACHE_LIMIT) this.dates.set(raw, read);
    }
    return read;
  }

  private tally(reason: LeftOutReason, row: number): void {
    const entry = (this.read.leftOutByReason[reason] ??= { count: 0, rows: [] });
    entry.count++;
    if (entry.rows.length < FIRST_ROWS) entry.rows.push(row);
  }

  /** One chunk (columns in `scannedColumns` order) to the rows DuckDB gets. O(rows of the chunk). */
  readChunk(chunk: Chunk): LineRows {
    return withArgPlaces(this.places, () => this.readLines(chunk));
  }

  private readLines(chunk: Chunk): LineRows {
    const { rows, columns } = chunk;
    const n = rows.length;
    const quantityPrice = this.columns.revenue === undefined;
    const customerCells = columns[0] as readonly Cell[];
    const dateCells = columns[1] as readonly Cell[];
    const amountCells = columns.slice(2, quantityPrice ? 4 : 3);
    const orderCells = this.columns.orderId !== undefined ? columns[quantityPrice ? 4 : 3] : undefined;
    const customers = readIdentities((i) => customerCells[i], n);
    const orders = orderCells ? readIdentities((i) => orderCells[i], n) : undefined;
    const separators = this.settled.amounts;
    const { names, read } = this;
    const asOf = this.options.asOf ?? Infinity;
    const out: LineRows = { line: [], customer: [], orderId: [], day: [], revenue: [] };

    for (let i = 0; i < n; i++) {
      const row = rows[i] as number;
      const dateRead = this.readDateCell(dateCells[i] as Cell);
      const dateState = stateOf(dateRead);
      // Revenue: one column, or Quantity × Price (either unreadable: that cell's problem; either blank: blank).
      let revenueRead: Read<number>;
      let revenueName: string = names.amounts[0] as string;
      let revenueRaw: Cell;
      const first = readAmount((amountCells[0] as readonly Cell[])[i] as Cell, separators[0] as Separators);
      if (!quantityPrice) {
        revenueRead = first;
        revenueRaw = (amountCells[0] as readonly Cell[])[i] as Cell;
      } else {
        const second = readAmount((amountCells[1] as readonly Cell[])[i] as Cell, separators[1] as Separators);
        if (typeof first === 'number' && typeof second === 'number') revenueRead = first * second;
        else if (typeof first === 'object') revenueRead = first;
        else if (typeof second === 'object') {
          revenueRead = second;
          revenueName = names.amounts[1] as string;
        } else revenueRead = BLANK;
        revenueRaw = typeof revenueRead === 'number' ? revenueRead : null;
      }
      const revenueState = stateOf(revenueRead);
      const c = customers.index[i] as number;
      const o = orders ? (orders.index[i] as number) : 0;

      if (c >= 0 && dateState === VALUE && revenueState === VALUE && o >= 0) {
        const day = dateRead as number;
        const customer = customers.ids[c] as string;
        read.lines++;
        if (day > asOf) {
          const p = problem('dateAfterAsOf', { date: serialToIso(day), asOf: serialToIso(asOf) });
          this.leave(customer, 'afterAsOf', at(p, names.date, row), row);
        } else {
          read.usedLines++;
          if (day > read.latestDate) read.latestDate = day;
        }
        out.line.push(row);
        out.customer.push(customer);
        out.orderId.push(orders ? (orders.ids[o] as string) : null);
        out.day.push(day);
        out.revenue.push(revenueRead as number);
        continue;
      }
      // An empty line, also as Excel may pass it (blanks as 0): skipped silently.
      const customerEmpty = c === NO_IDENTITY || customerCells[i] === 0;
      const revenueEmpty = revenueState === BLANK_STATE || revenueRaw === 0;
      const orderEmpty = !orderCells || o === NO_IDENTITY || orderCells[i] === 0;
      if (customerEmpty && dateState === BLANK_STATE && revenueEmpty && orderEmpty) continue;

      read.lines++;
      const customer = c >= 0 ? (customers.ids[c] as string) : undefined;
      const blankInLine = problem('blankInLine');
      if (c === BAD_IDENTITY) {
        this.leave(customer, 'badCustomer', at(customers.problems.get(i) as Problem, names.customer, row), row);
      } else if (c === NO_IDENTITY) this.leave(customer, 'noCustomer', at(blankInLine, names.customer, row), row);
      else if (dateState === PROBLEM) this.leave(customer, 'badDate', at(dateRead as Problem, names.date, row), row);
      else if (dateState === BLANK_STATE) this.leave(customer, 'blankDate', at(blankInLine, names.date, row), row);
      else if (revenueState === PROBLEM) {
        this.leave(customer, 'badRevenue', at(revenueRead as Problem, revenueName, row), row);
      } else if (revenueState === BLANK_STATE) {
        this.leave(customer, 'blankRevenue', at(blankInLine, names.revenue, row), row);
      } else if (o === BAD_IDENTITY) {
        this.leave(customer, 'badOrderId', at(orders?.problems.get(i) as Problem, names.orderId, row), row);
      } else this.leave(customer, 'blankOrderId', at(blankInLine, names.orderId, row), row);
      if (customer !== undefined) {
        // The customer keeps its row (with the problem); no date or revenue, so the query leaves the line out.
        out.line.push(row);
        out.customer.push(customer);
        out.orderId.push(null);
        out.day.push(null);
        out.revenue.push(null);
      }
    }
    return out;
  }

  private leave(customer: string | undefined, reason: LeftOutReason, p: Problem, row: number): void {
    this.tally(reason, row);
    const r = this.read;
    if (customer !== undefined) r.leftOutByCustomer.set(customer, addTo(r.leftOutByCustomer.get(customer), p));
    else r.leftOutWithoutCustomer = addTo(r.leftOutWithoutCustomer, p);
  }
}

/** The role a file lacks a column for, to name in the caller's message. */
export type MissingRole = 'customer' | 'orderDate' | 'revenue';

/**
 * The file columns of RFM on order lines from a column mapping (core/engine/columns.ts `guessMapping`, with any
 * columns the user named put in), or the first role without a column: customer, order date, then revenue (a
 * Quantity and a Price column stand in for it). O(1).
 */
export function lineColumnsOf(
  mapping: Readonly<Record<string, number | readonly number[] | undefined>>,
  headers: readonly string[],
  revenueFromQuantityPrice: boolean,
): LineColumns | { readonly missing: MissingRole } {
  const one = (role: string): number | undefined => {
    const k = mapping[role];
    return typeof k === 'number' ? k : undefined;
  };
  const customer = one('customer');
  if (customer === undefined) return { missing: 'customer' };
  const date = one('orderDate');
  if (date === undefined) return { missing: 'orderDate' };
  const orderId = one('orderId');
  const base = { customer, date, headers, ...(orderId === undefined ? {} : { orderId }) };
  if (revenueFromQuantityPrice) return { ...base, quantity: one('quantity') as number, price: one('price') as number };
  const revenue = one('revenue');
  if (revenue === undefined) return { missing: 'revenue' };
  return { ...base, revenue };
}

/** A left-out report as RFM_TABLE writes it in a customer's row or in its final row. O(problems kept). */
export function leftOutReportText(report: LeftOutReport, lang: Lang): string {
  const details = report.problems.map((p) => describeProblem(p, lang)).join('; ');
  const p = problem('linesLeftOut', {
    count: report.count,
    details: details + (report.count > report.problems.length ? '; …' : ''),
  });
  return describeProblem(p, lang);
}
