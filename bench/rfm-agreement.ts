/**
 * Whether a baseline computed the same RFM table as RFM_TABLE: customer by customer, the recency in days, the
 * order count and the revenue (numbers within a relative tolerance) and the R, F and M scores (exactly).
 * Pure: the bench feeds it our grid and each baseline's columns; test/bench-agreement.test.ts checks it.
 */

/** One customer's answer. Scores and recency are null for a customer with no purchase (not scored). */
export interface RfmRow {
  readonly customer: string;
  readonly recencyDays: number | null;
  readonly orders: number;
  readonly revenue: number;
  readonly r: number | null;
  readonly f: number | null;
  readonly m: number | null;
}

export interface RfmAgreement {
  /** Our customers. */
  readonly total: number;
  /** Our customers the baseline answered identically (within the tolerance). */
  readonly agreeing: number;
  /** Ours with a different answer in the baseline. */
  readonly differing: number;
  /** Ours missing from the baseline. */
  readonly missing: number;
  /** The baseline's customers we do not have. */
  readonly extra: number;
  /** The first difference found, in words. */
  readonly example?: string;
}

/** Relative tolerance for recency, orders and revenue (a sum in another order may differ in its last bits). */
export const NUMBER_TOLERANCE = 1e-9;

function sameNumber(a: number | null, b: number | null, tolerance: number): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

const FIELDS = ['recencyDays', 'orders', 'revenue', 'r', 'f', 'm'] as const;
const EXACT: ReadonlySet<string> = new Set(['r', 'f', 'm']);

/** The first field where two rows of one customer differ, or undefined when they agree. */
function difference(ours: RfmRow, theirs: RfmRow, tolerance: number): string | undefined {
  for (const field of FIELDS) {
    const a = ours[field];
    const b = theirs[field];
    const same = EXACT.has(field) ? a === b : sameNumber(a, b, tolerance);
    if (!same) return `${ours.customer}: ${field} ours ${String(a)}, theirs ${String(b)}`;
  }
  return undefined;
}

export function compareRfm(
  ours: readonly RfmRow[],
  theirs: readonly RfmRow[],
  tolerance = NUMBER_TOLERANCE,
): RfmAgreement {
  const byCustomer = new Map<string, RfmRow>();
  for (const row of theirs) byCustomer.set(row.customer, row);
  let agreeing = 0;
  let differing = 0;
  let missing = 0;
  let example: string | undefined;
  const seen = new Set<string>();
  for (const row of ours) {
    seen.add(row.customer);
    const other = byCustomer.get(row.customer);
    if (!other) {
      missing++;
      example ??= `${row.customer}: missing from the baseline`;
      continue;
    }
    const diff = difference(row, other, tolerance);
    if (diff === undefined) agreeing++;
    else {
      differing++;
      example ??= diff;
    }
  }
  let extra = 0;
  for (const customer of byCustomer.keys())
    if (!seen.has(customer)) {
      extra++;
      example ??= `${customer}: only in the baseline`;
    }
  return { total: ours.length, agreeing, differing, missing, extra, ...(example ? { example } : {}) };
}

export function agrees(a: RfmAgreement): boolean {
  return a.agreeing === a.total && a.extra === 0 && a.total > 0;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** "pandas: 99,951 of 99,951 customers agree", or what disagrees with the first example. */
export function agreementText(baseline: string, a: RfmAgreement): string {
  const head = `${baseline}: ${count(a.agreeing)} of ${count(a.total)} customers agree`;
  if (agrees(a)) return head;
  const parts = [
    a.differing ? `${count(a.differing)} differ` : '',
    a.missing ? `${count(a.missing)} missing` : '',
    a.extra ? `${count(a.extra)} only in the baseline` : '',
  ].filter(Boolean);
  return `${head}, DISAGREES: ${parts.join(', ')}${a.example ? ` (e.g. ${a.example})` : ''}`;
}

/** The customer rows of an RFM_TABLE grid (header first; a final problem row, if any, is not a customer). */
export function rowsFromGrid(grid: readonly (readonly unknown[])[]): RfmRow[] {
  const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
  return grid.slice(1).flatMap((row) => {
    const customer = row[0];
    if (typeof customer !== 'string' || typeof row[3] !== 'number') return [];
    return [
      {
        customer,
        recencyDays: num(row[2]),
        orders: row[3],
        revenue: num(row[4]) ?? NaN,
        r: num(row[5]),
        f: num(row[6]),
        m: num(row[7]),
      },
    ];
  });
}

/** A baseline's answer as columns, one entry per customer (null or NaN where a customer has no score). */
export interface RfmColumns {
  customer: readonly unknown[];
  recencyDays: readonly unknown[];
  orders: readonly unknown[];
  revenue: readonly unknown[];
  r: readonly unknown[];
  f: readonly unknown[];
  m: readonly unknown[];
}

/** Rows from the columns a baseline returns (numbers, bigints, or null/NaN for a customer without a score). */
export function rowsFromColumns(columns: RfmColumns): RfmRow[] {
  const num = (v: unknown): number | null =>
    typeof v === 'number' && !Number.isNaN(v) ? v : typeof v === 'bigint' ? Number(v) : null;
  return columns.customer.map((customer, i) => ({
    customer: String(customer),
    recencyDays: num(columns.recencyDays[i]),
    orders: num(columns.orders[i]) ?? NaN,
    revenue: num(columns.revenue[i]) ?? NaN,
    r: num(columns.r[i]),
    f: num(columns.f[i]),
    m: num(columns.m[i]),
  }));
}
