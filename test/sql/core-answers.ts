/**
 * The core's answers (core/index.ts invoke, as a host would call the functions) in the shape of the generated SQL's
 * rows, and a per-column comparison of two answers: numbers within 1e-9 relative (sums in another order differ in
 * their last bits), everything else exactly.
 */
import { invoke } from '../../core/index.js';
import { serialToIso } from '../../core/dates.js';
import type { Lang } from '../../core/labels.js';
import type { Cell, Row } from './databases.js';

/** Excel's serial of an ISO date, and back. */
const EPOCH_SERIAL = 25_569;
const SERIALS = new Map<string, number>();
export const isoToSerial = (iso: string): number => {
  let serial = SERIALS.get(iso);
  if (serial === undefined) SERIALS.set(iso, (serial = Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + EPOCH_SERIAL));
  return serial;
};
export const toIso = (serial: number): string => serialToIso(serial);

type Grid = readonly (readonly unknown[])[];

function run(name: string, args: unknown[]): Grid {
  const result = invoke(name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.grid as Grid;
}

const column = (values: readonly Cell[]): unknown[][] => values.map((v) => [v]);
const blankToNull = (v: unknown): Cell => (v === '' || v === undefined ? null : (v as Cell));
const isProblem = (v: unknown): v is { kind: 'problem'; code: string; params?: { count?: number } } =>
  typeof v === 'object' && v !== null && (v as { kind?: string }).kind === 'problem';

export interface OrderLinesInput {
  readonly customer: readonly Cell[];
  readonly orderId: readonly Cell[];
  /** ISO dates. */
  readonly orderDate: readonly string[];
  readonly revenue: readonly number[];
}

export interface RfmCoreOptions {
  readonly asOf?: string;
  readonly bins?: number;
  readonly thresholds?: readonly (readonly number[])[];
  readonly orderIds?: boolean;
  readonly lang?: Lang;
}

/** RFM_TABLE's customer rows (the final row for lines without a customer is not a customer: left out). */
export function coreRfm(input: OrderLinesInput, options: RfmCoreOptions = {}): Row[] {
  const grid = run('RFM_TABLE', [
    column(input.customer),
    input.orderDate.map((d) => [isoToSerial(d)]),
    column(input.revenue),
    options.asOf ?? null,
    options.bins ?? null,
    options.thresholds ? options.thresholds.map((row) => [...row]) : null,
    options.orderIds ? column(input.orderId) : null,
    options.lang ?? 'en',
  ]);
  return grid.slice(1).flatMap((row): Row[] => {
    if (isProblem(row[0])) return [];
    const last = row[1];
    if (isProblem(last)) {
      return [
        {
          customer: row[0] as string,
          last_purchase: null,
          recency_days: null,
          orders: null,
          revenue: null,
          r: null,
          f: null,
          m: null,
          rfm_score: null,
          segment: null,
          lines_left_out: last.params?.count ?? NaN,
        },
      ];
    }
    return [
      {
        customer: row[0] as string,
        last_purchase:
          typeof last === 'object' && last !== null ? toIso((last as { serial: number }).serial) : blankToNull(last),
        recency_days: blankToNull(row[2]),
        orders: blankToNull(row[3]),
        revenue: blankToNull(row[4]),
        r: blankToNull(row[5]),
        f: blankToNull(row[6]),
        m: blankToNull(row[7]),
        rfm_score: blankToNull(row[8]),
        segment: blankToNull(row[9]),
        lines_left_out: 0,
      },
    ];
  });
}

/** A per-cell function's answers as rows of `line` and the answer column (a problem as its code in `problem`). */
function perCell(grid: Grid, lines: readonly number[], answer: string, withProblem: boolean): Row[] {
  return grid.map((cells, i) => {
    const v = cells[0];
    const row: Row = { line: lines[i] as number, [answer]: isProblem(v) ? null : blankToNull(v) };
    if (withProblem) row.problem = isProblem(v) ? v.code : null;
    return row;
  });
}

export interface ValuesInput {
  readonly line: readonly number[];
  readonly value: readonly Cell[];
}

export function coreAbc(input: ValuesInput, aShare?: number, bShare?: number, lang: Lang = 'en'): Row[] {
  const grid = run('ABC_CLASS', [column(input.value), null, aShare ?? null, bShare ?? null, lang]);
  return perCell(grid, input.line, 'class', false);
}

export function coreTier(input: ValuesInput, shares?: readonly number[], lang: Lang = 'en'): Row[] {
  const grid = run('CUSTOMER_TIER', [column(input.value), null, shares ? [[...shares]] : null, lang]);
  return perCell(grid, input.line, 'tier', false);
}

export interface LifecycleInput {
  readonly line: readonly number[];
  readonly firstPurchase: readonly (string | null)[];
  readonly lastPurchase: readonly (string | null)[];
  readonly orders: readonly (number | null)[];
  readonly referrals: readonly (number | null)[];
}

export function coreLifecycle(
  input: LifecycleInput,
  options: { asOf?: string; settings?: readonly number[]; lang?: Lang } = {},
): Row[] {
  const dates = (values: readonly (string | null)[]): unknown[][] =>
    values.map((d) => [d === null ? null : isoToSerial(d)]);
  const grid = run('LIFECYCLE_STAGE', [
    dates(input.firstPurchase),
    dates(input.lastPurchase),
    column(input.orders),
    options.asOf ?? null,
    column(input.referrals),
    options.settings ? [[...options.settings]] : null,
    options.lang ?? 'en',
  ]);
  return perCell(grid, input.line, 'stage', true);
}

export interface SegmentsInput {
  readonly segment: readonly Cell[];
  readonly value: readonly Cell[];
}

export function coreSummary(input: SegmentsInput, lang: Lang = 'en'): Row[] {
  const grid = run('SEGMENT_SUMMARY', [column(input.segment), column(input.value), lang]);
  return grid.slice(1).flatMap((row): Row[] =>
    isProblem(row[0])
      ? []
      : [
          {
            segment: row[0] as string,
            customers: blankToNull(row[1]),
            customer_share: blankToNull(row[2]),
            value: blankToNull(row[3]),
            value_share: blankToNull(row[4]),
            average_value: blankToNull(row[5]),
          },
        ],
  );
}

const TOLERANCE = 1e-9;

function same(a: Cell | undefined, b: Cell | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b || Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
  }
  return a === b;
}

export interface Mismatches {
  /** Rows in one answer and not the other (by position). */
  readonly rows: number;
  /** Per column, rows whose values differ. */
  readonly columns: Record<string, number>;
  /** The first difference, in words. */
  readonly example?: string;
}

/** Row by row (both in their defined order), column by column of `expected`. */
export function mismatches(expected: readonly Row[], actual: readonly Row[]): Mismatches {
  const columns: Record<string, number> = {};
  const names = Object.keys(expected[0] ?? actual[0] ?? {});
  for (const name of names) columns[name] = 0;
  let example: string | undefined;
  const n = Math.min(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    const e = expected[i] as Row;
    const a = actual[i] as Row;
    for (const name of names) {
      if (!same(e[name], a[name])) {
        columns[name] = (columns[name] ?? 0) + 1;
        example ??= `row ${i + 1} (${JSON.stringify(e)}): ${name} expected ${String(e[name])}, got ${String(a[name])}`;
      }
    }
  }
  const rows = Math.abs(expected.length - actual.length);
  if (rows) example ??= `${expected.length} rows expected, ${actual.length} got`;
  return { rows, columns, ...(example ? { example } : {}) };
}

/** The figures a test expects of a perfect agreement: no row missing, 0 per column. */
export function noMismatches(expected: readonly Row[]): Mismatches {
  const columns: Record<string, number> = {};
  for (const name of Object.keys(expected[0] ?? {})) columns[name] = 0;
  return { rows: 0, columns };
}
