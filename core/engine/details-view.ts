/**
 * The cut-offs and chart of a preview, read from what the catalog function reported it used (FunctionDetails),
 * so the preview never shows a number the labels were not made with.
 */
import { serialToIso } from '../cells.js';
import type { MethodSpec } from '../catalog/method.js';
import type { FunctionDetails } from '../catalog/types.js';
import { label, type Lang } from '../labels.js';

export interface Threshold {
  readonly name: string;
  readonly value: string;
}

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
      readonly points: readonly (readonly [number, number, string])[];
      readonly xCut: number;
      readonly yCut: number;
    }
  | { readonly kind: 'bars' };

const NAMES = {
  asOf: { en: 'As of', vi: 'Tính đến ngày' },
  recency: { en: 'R cut points (days)', vi: 'Điểm cắt R (ngày)' },
  recencyBounds: { en: 'R bounds (days)', vi: 'Ngưỡng R (ngày)' },
  frequency: { en: 'F cut points (orders)', vi: 'Điểm cắt F (số đơn)' },
  frequencyBounds: { en: 'F bounds (orders)', vi: 'Ngưỡng F (số đơn)' },
  monetary: { en: 'M cut points (revenue)', vi: 'Điểm cắt M (doanh thu)' },
  monetaryBounds: { en: 'M bounds (revenue)', vi: 'Ngưỡng M (doanh thu)' },
  settings: { en: 'New, at risk, lost (days); loyal (orders)', vi: 'Mới, nguy cơ, mất (ngày); trung thành (đơn)' },
  clusters: { en: 'Clusters', vi: 'Số cụm' },
  bySilhouette: { en: 'best by silhouette', vi: 'tốt nhất theo silhouette' },
} as const;

/** A cut-off as the preview shows it: whole numbers grouped, others to four significant digits. */
export function formatCut(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toPrecision(4);
}

const list = (values: readonly number[]): string => values.map(formatCut).join(', ');

function describe(details: FunctionDetails, method: MethodSpec, lang: Lang): Threshold[] {
  const name = (key: keyof typeof NAMES): string => NAMES[key][lang];
  switch (details.kind) {
    case 'abc':
      return [
        { name: 'A ≥', value: formatCut(details.aMin) },
        { name: 'B ≥', value: formatCut(details.bMin) },
      ];
    case 'quadrant': {
      const [x, y] = method.columns;
      return [
        { name: x ? x.label[lang] : 'x', value: formatCut(details.xCut) },
        { name: y ? y.label[lang] : 'y', value: formatCut(details.yCut) },
      ];
    }
    case 'xyz':
      return [
        { name: 'X ≤', value: formatCut(details.cuts[0] ?? NaN) },
        { name: 'Y ≤', value: formatCut(details.cuts[1] ?? NaN) },
      ];
    case 'tier':
      return details.minimums.map((minimum, i) => {
        const key = method.labels?.[i];
        return { name: `${key ? label(key, lang) : `#${i + 1}`} ≥`, value: formatCut(minimum) };
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
          value: details.chosenBySilhouette ? `${details.k} (${name('bySilhouette')})` : String(details.k),
        },
      ];
  }
}

/** The cut-offs and settings a method's function reported, named for the preview. */
export function thresholdsOf(details: readonly FunctionDetails[], method: MethodSpec, lang: Lang): Threshold[] {
  return details.flatMap((d) => describe(d, method, lang));
}

/** The chart of a method: the Pareto curve of ABC, the scatter of the quadrants with their cuts, else bars. */
export function chartOf(
  details: readonly FunctionDetails[],
  scatter: readonly (readonly [number, number, string])[],
): Chart {
  for (const d of details) {
    if (d.kind === 'abc') return { kind: 'pareto', points: d.curve, aEnd: d.aEnd, bEnd: d.bEnd };
    if (d.kind === 'quadrant') return { kind: 'scatter', points: scatter, xCut: d.xCut, yCut: d.yCut };
  }
  return { kind: 'bars' };
}
