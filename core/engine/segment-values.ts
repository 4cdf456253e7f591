/**
 * The value each counted unit brings (a row's, or with RFM on order lines a customer's revenue), for the summary
 * sheet's Value, Value share and Average value. The method's own value column when it has one (ABC and the pyramid:
 * values; BCG: sales; RFM: revenue, its monetary column; RFM on order lines: RFM_TABLE's revenue per customer),
 * else a revenue or value column found by its header with the shared role guesses, else none (counts only).
 * Also tells whether the column holds Vietnamese đồng amounts, so the sheet can show them with ₫.
 */
import { readNumber, readText } from '../cells.js';
import { isDongAmount } from '../number-text.js';
import { VALUE } from '../catalog/column-roles.js';
import type { MethodId } from '../catalog/index.js';
import type { OutGrid } from '../output.js';
import { guessColumn } from './columns.js';
import type { Plan } from './plan.js';
import { headerName, single, type Cell, type Rows } from './table-columns.js';

/** Where the values came from, or why there are none. */
export type ValueSource =
  | { readonly kind: 'method'; readonly column: string }
  | { readonly kind: 'guessed'; readonly column: string }
  | { readonly kind: 'perCustomer'; readonly column: string }
  | { readonly kind: 'none' };

export interface UnitValues {
  readonly source: ValueSource;
  /** One per counted unit (the segmentation's rows, or its customers), NaN when blank or unreadable. */
  readonly amounts: readonly number[];
  /** Units whose value cell held something that is not a number (counted, adding nothing). */
  readonly unreadable: number;
  /** The column held amounts written with ₫ (or đ, VND), or its header says so. */
  readonly dong: boolean;
}

/** The role of a method's own value column, for the methods that have one. */
const OWN_VALUE_ROLE: Partial<Record<MethodId, string>> = {
  abc: 'value',
  pyramid: 'value',
  bcg: 'sales',
  rfm: 'revenue',
};

const DONG_HEADER = /₫|vnđ|vnd|\(đ\)|\(d\)/i;
/** Cells looked at to tell a đồng column; enough to see how the user writes amounts. */
const DONG_SAMPLE = 200;

function holdsDong(header: Cell, cells: readonly Cell[]): boolean {
  const name = readText(header ?? null);
  if (typeof name === 'string' && DONG_HEADER.test(name)) return true;
  let seen = 0;
  for (const cell of cells) {
    if (typeof cell !== 'string' || cell.trim() === '') continue;
    if (isDongAmount(cell)) return true;
    if (++seen >= DONG_SAMPLE) break;
  }
  return false;
}

function readAmounts(cells: readonly Cell[]): { amounts: number[]; unreadable: number } {
  let unreadable = 0;
  const amounts = cells.map((cell) => {
    const read = readNumber(cell ?? null);
    if (typeof read === 'number') return read;
    if (typeof read === 'object') unreadable++;
    return NaN;
  });
  return { amounts, unreadable };
}

/** A column of the table whose header names a revenue or value and that holds at least one number. */
function guessedValueColumn(headers: readonly Cell[], rows: Rows): number | undefined {
  const names = headers.map((h) => {
    const text = readText(h ?? null);
    return typeof text === 'string' ? text : '';
  });
  const taken = new Set<number>();
  for (;;) {
    const found = guessColumn(names, VALUE, taken);
    if (found === undefined) return undefined;
    if (rows.some((row) => typeof readNumber(row[found] ?? null) === 'number')) return found;
    taken.add(found);
  }
}

/** Values of a table's rows, one per row: the method's own value column, or a guessed one. */
export function rowValues(plan: Plan, headers: readonly Cell[], rows: Rows): UnitValues {
  const role = OWN_VALUE_ROLE[plan.method];
  const own = role === undefined ? undefined : single(plan.columns[role]);
  const column = own ?? guessedValueColumn(headers, rows);
  if (column === undefined) return { source: { kind: 'none' }, amounts: [], unreadable: 0, dong: false };
  const cells = rows.map((row) => row[column] ?? null);
  const name = headerName(headers, column);
  return {
    source: { kind: own === undefined ? 'guessed' : 'method', column: name },
    ...readAmounts(cells),
    dong: holdsDong(headers[column] ?? null, cells),
  };
}

/**
 * RFM on order lines: each scored customer's revenue from RFM_TABLE's answer (header row first), in the order of
 * the customers with a segment, as the segmentation counts them. `revenueColumn` is the table's revenue column, if
 * one is mapped (to name the value and to see whether it holds ₫ amounts).
 */
export function customerValues(
  customers: OutGrid,
  headers: readonly Cell[],
  rows: Rows,
  plan: Plan,
  revenueHeader: string,
): UnitValues {
  const header = customers[0] ?? [];
  const revenueAt = header.findIndex((h) => h === revenueHeader);
  const segmentAt = header.length - 1;
  const amounts: number[] = [];
  for (const row of customers.slice(1)) {
    const segment = row[segmentAt];
    if (typeof row[0] !== 'string' || typeof segment !== 'string' || segment === '') continue;
    const value = row[revenueAt];
    amounts.push(typeof value === 'number' ? value : NaN);
  }
  const mapped = single(plan.columns.revenue);
  const fromColumn = plan.options.revenueFrom !== 'quantityPrice' && mapped !== undefined;
  return {
    source: { kind: 'perCustomer', column: fromColumn ? headerName(headers, mapped) : revenueHeader },
    amounts,
    unreadable: 0,
    dong: linesInDong(headers, rows, plan),
  };
}

/** Whether order lines' revenue (its column, or the price of Quantity × Price) is written in đồng. O(sampled cells). */
export function linesInDong(headers: readonly Cell[], rows: Rows, plan: Plan): boolean {
  const mapped = single(plan.columns.revenue);
  const fromColumn = plan.options.revenueFrom !== 'quantityPrice' && mapped !== undefined;
  const sourceColumn = fromColumn ? mapped : single(plan.columns.price);
  return (
    sourceColumn !== undefined &&
    holdsDong(
      headers[sourceColumn] ?? null,
      rows.map((row) => row[sourceColumn] ?? null),
    )
  );
}
