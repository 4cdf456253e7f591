/**
 * Customer value on order lines as the panel runs it. The plan's columns become CLV_TABLE's and CLV_MODEL's
 * arguments (core/catalog/clv.ts: BG/NBD, Fader, Hardie and Lee 2005; Gamma-Gamma, Fader and Hardie 2013), so the
 * panel values customers exactly as the formulas do; revenue is a column or Quantity × Price, read as RFM on order
 * lines reads it (rfm-orders.ts). Each customer with P(alive) gets a band (core/catalog/clv-method.ts), each line
 * its customer's band; the lines are reported as for RFM. What the preview shows besides is gathered here, small
 * enough to cross the Sheets bridge: the fitted parameters, the distribution of P(alive) and of CLV, and the
 * customers of highest CLV who are slipping away (P(alive) below one half).
 */
import { bandsAreOrdered, clvBands, clvSegment, type ClvBands } from '../catalog/clv-method.js';
import { CATALOG_BY_NAME } from '../catalog/index.js';
import { serialToIso } from '../cells.js';
import { label } from '../labels.js';
import { isDateOut, type OutCell, type OutGrid } from '../output.js';
import { PanelError } from './messages.js';
import type { Plan } from './plan.js';
import { labelLines, orderLineColumns, type OrderLinesSegmentation } from './rfm-orders.js';
import { call, type Cell, type Rows } from './table-columns.js';

/** CLV_TABLE's columns (functions.md): Customer, First purchase, Last purchase, Repeat purchases, Age (days), … */
export const CLV_COLUMNS = {
  customer: 0,
  firstPurchase: 1,
  repeatPurchases: 3,
  ageDays: 4,
  pAlive: 5,
  expectedPurchases: 6,
  expectedOrderValue: 7,
  clv: 8,
} as const;

/** The fitted parameters (CLV_MODEL): BG/NBD r, α (days), a, b; Gamma-Gamma p, q, γ; the customers fitted. */
export interface ClvModel {
  readonly r: number;
  readonly alphaDays: number;
  readonly a: number;
  readonly b: number;
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
  /** Customers with at least one purchase occasion. */
  readonly customers: number;
  readonly repeatCustomers: number;
}

/**
 * Customers whose value falls in [lo, hi) (the last bin: [lo, hi]). An `open` bin holds lo and above, up to the
 * largest value `hi` (numbers only, no Infinity: a preview crosses the Sheets bridge as JSON).
 */
export interface HistogramBin {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
  readonly open?: true;
}

interface SlippingCustomer {
  readonly customer: string;
  readonly pAlive: number;
  readonly clv: number;
}

/** What the preview says about customer value besides the counts per band. */
export interface ClvReport {
  readonly model: ClvModel;
  /** The day the observation ends (ISO). */
  readonly asOf: string;
  readonly horizonDays: number;
  readonly annualDiscount: number;
  readonly bands: ClvBands;
  readonly pAlive: readonly HistogramBin[];
  readonly clv: readonly HistogramBin[];
  /** The customers with P(alive) below SLIPPING_BELOW, highest CLV first, at most SLIPPING_SHOWN of them. */
  readonly slipping: readonly SlippingCustomer[];
  readonly slippingCount: number;
  readonly totalClv: number;
}

export interface ClvSegmentation extends OrderLinesSegmentation {
  readonly clv: ClvReport;
  /** The CLV of each customer with a band, in the order of `customerSegments`. */
  readonly customerClv: readonly number[];
}

/** P(alive) below this is slipping away. */
export const SLIPPING_BELOW = 0.5;
export const SLIPPING_SHOWN = 10;
const P_ALIVE_BINS = 10;
/** Most bins of the CLV histogram, before the one for the highest values. */
const CLV_BINS = 8;
/** The CLV histogram ends at this quantile; the values above share one last bin. */
const CLV_TOP_QUANTILE = 0.95;

const num = (cell: OutCell | undefined): number => (typeof cell === 'number' ? cell : NaN);

/** The default of a CLV_TABLE parameter, from the catalog (so the words say what the formula used). */
function tableDefault(name: string): number {
  const value = CATALOG_BY_NAME.get('CLV_TABLE')?.params.find((p) => p.name === name)?.default;
  return typeof value === 'number' ? value : NaN;
}

/** CLV_MODEL's rows by parameter name (its names are English whatever the language; compared in lower case). */
function readModel(grid: OutGrid): ClvModel {
  const byName = new Map<string, number>();
  for (const row of grid.slice(1)) if (typeof row[0] === 'string') byName.set(row[0].trim().toLowerCase(), num(row[1]));
  const get = (name: string): number => byName.get(name) ?? NaN;
  return {
    r: get('r'),
    alphaDays: get(label('clvAlphaDays', 'en')),
    a: get('a'),
    b: get('b'),
    p: get('p'),
    q: get('q'),
    gamma: get('gamma'),
    customers: get(label('clvCustomers', 'en')),
    repeatCustomers: get(label('clvRepeatCustomers', 'en')),
  };
}

/** Round steps for bin widths: 1, 2, 2.5, 5 × 10^k. O(1). */
function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= raw * (1 - 1e-9)) return m * power;
  return 10 * power;
}

/** Counts of values in `edges` (ascending; the last bin closed). O(n · bins). */
function countIn(values: readonly number[], edges: readonly number[]): HistogramBin[] {
  const counts = new Array<number>(Math.max(0, edges.length - 1)).fill(0);
  for (const v of values) {
    if (!(v >= (edges[0] as number))) continue;
    let i = 0;
    while (i < counts.length - 1 && v >= (edges[i + 1] as number)) i++;
    counts[i] = (counts[i] as number) + 1;
  }
  return counts.map((count, i) => ({ lo: edges[i] as number, hi: edges[i + 1] as number, count }));
}

/** P(alive) in tenths, 0 to 1. */
export function pAliveHistogram(values: readonly number[]): HistogramBin[] {
  return countIn(
    values,
    Array.from({ length: P_ALIVE_BINS + 1 }, (_, i) => i / P_ALIVE_BINS),
  );
}

/**
 * CLV in round steps from the lowest value (or 0) to about the 95th percentile, the values above in one last bin
 * (`open`), so a few very large customers do not squash the rest into the first bin. O(n log n).
 */
export function clvHistogram(values: readonly number[]): HistogramBin[] {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return [];
  const min = Math.min(0, finite[0] as number);
  const max = finite[finite.length - 1] as number;
  const top = finite[Math.min(finite.length - 1, Math.floor(CLV_TOP_QUANTILE * (finite.length - 1)))] as number;
  const end = top > min ? top : max > min ? max : min + 1;
  const step = niceStep((end - min) / CLV_BINS);
  const start = Math.floor(min / step) * step;
  const edges = [start];
  while ((edges[edges.length - 1] as number) < end - step * 1e-9)
    edges.push((edges[edges.length - 1] as number) + step);
  if (max > (edges[edges.length - 1] as number)) {
    const bins = countIn(
      finite.filter((v) => v < (edges[edges.length - 1] as number)),
      edges,
    );
    const last = edges[edges.length - 1] as number;
    return [...bins, { lo: last, hi: max, count: finite.filter((v) => v >= last).length, open: true }];
  }
  return countIn(finite, edges);
}

/**
 * Values the customers of order lines (CLV_TABLE, CLV_MODEL with the plan's as_of, horizon, discount and order ids),
 * puts each customer with a P(alive) in its band and each line in its customer's band. Bands out of order are a
 * whole-run problem (the panel checks them first; a plan can come from anywhere). O(lines + customers · horizon).
 */
export function segmentClvLines(plan: Plan, headers: readonly Cell[], rows: Rows): ClvSegmentation {
  const values = plan.options.values;
  const bands = clvBands(values);
  if (!bandsAreOrdered(bands))
    throw new PanelError('badBands', { lower: String(bands.lostBelow), upper: String(bands.activeFrom) });
  const columns = orderLineColumns(plan, headers, rows);
  const { customers, dates, revenue, orderIds } = columns;
  const asOfArg = values?.as_of ?? null;
  const horizon = values?.horizon_days;
  const discount = values?.annual_discount;
  const table = call('CLV_TABLE', [
    customers,
    dates,
    revenue.cells,
    asOfArg,
    horizon ?? null,
    discount ?? null,
    orderIds ?? null,
    plan.lang,
  ]);
  const model = readModel(call('CLV_MODEL', [customers, dates, revenue.cells, asOfArg, orderIds ?? null]));

  const segmentOf = new Map<string, string>();
  const customerClv: number[] = [];
  const pAlive: number[] = [];
  const clv: number[] = [];
  const slipping: SlippingCustomer[] = [];
  let asOf = typeof asOfArg === 'string' ? asOfArg : '';
  let totalClv = 0;
  const c = CLV_COLUMNS;
  for (const row of table.slice(1)) {
    const id = row[c.customer];
    const p = row[c.pAlive];
    if (typeof id !== 'string' || typeof p !== 'number') continue;
    const value = num(row[c.clv]);
    segmentOf.set(id, label(clvSegment(p, bands), plan.lang));
    customerClv.push(value);
    pAlive.push(p);
    clv.push(value);
    if (Number.isFinite(value)) totalClv += value;
    if (p < SLIPPING_BELOW) slipping.push({ customer: id, pAlive: p, clv: value });
    const first = row[c.firstPurchase];
    const age = row[c.ageDays];
    if (asOf === '' && isDateOut(first) && typeof age === 'number') asOf = serialToIso(first.serial + age);
  }
  slipping.sort((x, y) => y.clv - x.clv || x.customer.localeCompare(y.customer));

  return {
    ...labelLines(plan, columns, rows, segmentOf),
    details: [],
    customers: table,
    customerClv,
    clv: {
      model,
      asOf,
      horizonDays: typeof horizon === 'number' ? horizon : tableDefault('horizon_days'),
      annualDiscount: typeof discount === 'number' ? discount : tableDefault('annual_discount'),
      bands,
      pAlive: pAliveHistogram(pAlive),
      clv: clvHistogram(clv),
      slipping: slipping.slice(0, SLIPPING_SHOWN),
      slippingCount: slipping.length,
      totalClv,
    },
  };
}
