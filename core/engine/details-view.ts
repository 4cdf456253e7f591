/**
 * The cut-offs and chart of a preview, read from what the catalog function reported it used (FunctionDetails),
 * so the preview never shows a number the labels were not made with. Cut-offs are written in the plan's language:
 * numbers grouped as it groups them, shares, growth and variation as percentages, names as the panel names the columns.
 */
import { serialToIso } from '../cells.js';
import type { ColumnSpec, MethodSpec } from '../catalog/method.js';
import type { FunctionDetails } from '../catalog/types.js';
import { label, type Lang } from '../labels.js';
import { formatCount, formatSignificant } from '../number-format.js';

export interface Threshold {
  readonly name: string;
  readonly value: string;
}

/** An axis of the quadrant scatter. */
export interface ScatterAxis {
  /** The column's name as the panel shows it, in the plan's language. */
  readonly name: string;
  /** The column holds fractions shown as percentages (growth: 0.1 is 10 %). */
  readonly percent: boolean;
  /**
   * Drawn on a log scale: every value is positive and a few very large ones would squash the rest on a linear axis
   * (the middle 80 % of the values span under a quarter of the whole range, which covers at least a factor of 10).
   */
  readonly log: boolean;
}

/** A quadrant by the sides of the cuts its rows are on: x high or low, then y high or low. */
export type Corner = 'highHigh' | 'highLow' | 'lowHigh' | 'lowLow';

export type Chart =
  | {
      readonly kind: 'pareto';
      /** The cumulative curve: share of customers → share of value, largest first. */
      readonly points: readonly (readonly [number, number])[];
      /** Where classes A and B end on the curve, from the shares the user chose. */
      readonly aEnd: readonly [number, number];
      readonly bEnd: readonly [number, number];
    }
  | {
      readonly kind: 'scatter';
      /** Each row with both values: x, y and its label. */
      readonly points: readonly (readonly [number, number, string])[];
      readonly xCut: number;
      readonly yCut: number;
      readonly x: ScatterAxis;
      readonly y: ScatterAxis;
      /** The four quadrant names in the plan's language. */
      readonly corners: Readonly<Record<Corner, string>>;
    }
  | { readonly kind: 'bars' };

export const THRESHOLD_NAMES = {
  asOf: { en: 'As of', vi: 'Tính đến ngày' },
  recency: { en: 'R cut points (days)', vi: 'Điểm cắt R (ngày)' },
  recencyBounds: { en: 'R bounds (days)', vi: 'Ngưỡng R (ngày)' },
  frequency: { en: 'F cut points (orders)', vi: 'Điểm cắt F (số đơn)' },
  frequencyBounds: { en: 'F bounds (orders)', vi: 'Ngưỡng F (số đơn)' },
  monetary: { en: 'M cut points (revenue)', vi: 'Điểm cắt M (doanh thu)' },
  monetaryBounds: { en: 'M bounds (revenue)', vi: 'Ngưỡng M (doanh thu)' },
  settings: { en: 'New, at risk, lost (days); loyal (orders)', vi: 'Mới, nguy cơ, mất (ngày); trung thành (đơn)' },
  xyzX: { en: 'X: variation ≤', vi: 'X: mức biến động ≤' },
  xyzY: { en: 'Y: variation ≤', vi: 'Y: mức biến động ≤' },
  clusters: { en: 'Clusters', vi: 'Số cụm' },
  bySilhouette: { en: 'best by silhouette', vi: 'tốt nhất theo silhouette' },
} as const;

/** A cut-off as the preview shows it, in the language's digits: 18,000 · 0.25 · 1.235 (four significant digits). */
export function formatCut(value: number, lang: Lang): string {
  return formatSignificant(value, lang);
}

/** A fraction cut-off as a percentage to three significant digits: -0.1528 → -15.3% (en), -15,3% (vi). */
export function formatPercentCut(value: number, lang: Lang): string {
  return Number.isFinite(value) ? `${formatSignificant(value * 100, lang, 3)}%` : '—';
}

/** The columns whose values are fractions read as percentages. */
const PERCENT_ROLES: ReadonlySet<string> = new Set(['growth']);

const isPercent = (column: ColumnSpec | undefined): boolean => column !== undefined && PERCENT_ROLES.has(column.role);

/** The two columns of a quadrant method, x then y; a method without them is a catalog error. */
function quadrantColumns(method: MethodSpec): readonly [ColumnSpec, ColumnSpec] {
  const [x, y] = method.columns;
  if (!x || !y) throw new Error(`method ${method.id} has no two columns for its quadrants`);
  return [x, y];
}

function describe(details: FunctionDetails, method: MethodSpec, lang: Lang): Threshold[] {
  const name = (key: keyof typeof THRESHOLD_NAMES): string => THRESHOLD_NAMES[key][lang];
  const cut = (value: number): string => formatCut(value, lang);
  const list = (values: readonly number[]): string => values.map(cut).join('; ');
  switch (details.kind) {
    case 'abc':
      return [
        { name: 'A ≥', value: cut(details.aMin) },
        { name: 'B ≥', value: cut(details.bMin) },
      ];
    case 'quadrant': {
      const axis = (column: ColumnSpec, value: number): Threshold => ({
        name: column.label[lang],
        value: isPercent(column) ? formatPercentCut(value, lang) : cut(value),
      });
      const [x, y] = quadrantColumns(method);
      return [axis(x, details.xCut), axis(y, details.yCut)];
    }
    case 'xyz':
      return [
        { name: name('xyzX'), value: formatPercentCut(details.cuts[0] ?? NaN, lang) },
        { name: name('xyzY'), value: formatPercentCut(details.cuts[1] ?? NaN, lang) },
      ];
    case 'tier':
      return details.minimums.map((minimum, i) => {
        const key = method.labels?.[i];
        return { name: `${key ? label(key, lang) : `#${formatCount(i + 1, lang)}`} ≥`, value: cut(minimum) };
      });
    case 'rfm': {
      const bounds = details.mode === 'threshold';
      return [
        { name: name('asOf'), value: serialToIso(details.asOf) },
        { name: name(bounds ? 'recencyBounds' : 'recency'), value: list(details.r) },
        { name: name(bounds ? 'frequencyBounds' : 'frequency'), value: list(details.f) },
        { name: name(bounds ? 'monetaryBounds' : 'monetary'), value: list(details.m) },
      ];
    }
    case 'lifecycle':
      return [
        { name: name('asOf'), value: serialToIso(details.asOf) },
        { name: name('settings'), value: list(details.settings) },
      ];
    case 'kmeans':
      return [
        {
          name: name('clusters'),
          value: details.chosenBySilhouette
            ? `${formatCount(details.k, lang)} (${name('bySilhouette')})`
            : formatCount(details.k, lang),
        },
      ];
  }
}

/** The cut-offs and settings a method's function reported, named for the preview. */
export function thresholdsOf(details: readonly FunctionDetails[], method: MethodSpec, lang: Lang): Threshold[] {
  return details.flatMap((d) => describe(d, method, lang));
}

/** The value at fraction `q` of sorted values (nearest rank). */
const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))] as number;

/** Whether values are better drawn on a log axis: all positive, and a few large ones would squash the rest. */
export function wantsLogAxis(values: readonly number[]): boolean {
  if (values.length < 3) return false;
  const sorted = [...values].sort((a, b) => a - b);
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  if (!(min > 0) || max / min < 10) return false;
  return quantile(sorted, 0.9) - quantile(sorted, 0.1) < (max - min) / 4;
}

/**
 * The quadrant names by corner. A quadrant method lists its labels high/high, high/low, low/high, low/low
 * (x first: BCG Star, Cash Cow, Question Mark, Dog).
 */
function cornersOf(method: MethodSpec, lang: Lang): Record<Corner, string> {
  const corners: readonly Corner[] = ['highHigh', 'highLow', 'lowHigh', 'lowLow'];
  const keys = method.labels ?? [];
  if (keys.length !== corners.length) throw new Error(`method ${method.id} does not name four quadrants`);
  return Object.fromEntries(corners.map((c, i) => [c, label(keys[i] as (typeof keys)[number], lang)])) as Record<
    Corner,
    string
  >;
}

/**
 * The chart of a method: the Pareto curve of ABC, the scatter of the quadrants with their cuts, axis names (the
 * method's columns, in the plan's language) and quadrant names, else bars.
 */
export function chartOf(
  details: readonly FunctionDetails[],
  scatter: readonly (readonly [number, number, string])[],
  method: MethodSpec,
  lang: Lang,
): Chart {
  for (const d of details) {
    if (d.kind === 'abc') return { kind: 'pareto', points: d.curve, aEnd: d.aEnd, bEnd: d.bEnd };
    if (d.kind === 'quadrant') {
      const [x, y] = quadrantColumns(method);
      const axis = (column: ColumnSpec, values: readonly number[]): ScatterAxis => ({
        name: column.label[lang],
        percent: isPercent(column),
        log: wantsLogAxis(values),
      });
      return {
        kind: 'scatter',
        points: scatter,
        xCut: d.xCut,
        yCut: d.yCut,
        x: axis(
          x,
          scatter.map((p) => p[0]),
        ),
        y: axis(
          y,
          scatter.map((p) => p[1]),
        ),
        corners: cornersOf(method, lang),
      };
    }
  }
  return { kind: 'bars' };
}
