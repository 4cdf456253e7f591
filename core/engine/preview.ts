/**
 * What every host sends back to the panel after a preview or an apply, built the same way everywhere: counts and
 * cut-offs, the chart downsampled so it crosses the Sheets bridge quickly, and the first problem rows with the
 * sheet's own row numbers. Also the rows of the optional summary sheet.
 */
import { label, type Lang } from '../labels.js';
import type { Plan } from './plan.js';
import type { Chart, Segmentation } from './segment.js';

export const PREVIEW_SCATTER_POINTS = 2_000;
export const PREVIEW_PROBLEMS = 50;

export interface PreviewResult {
  readonly rows: number;
  readonly counts: Segmentation['counts'];
  readonly thresholds: Segmentation['thresholds'];
  readonly chart: Chart;
  readonly problemCount: number;
  /** The first rows that could not be read, numbered as the sheet numbers them (1-based). */
  readonly problems: readonly { readonly sheetRow: number; readonly message: string }[];
}

function downsample(chart: Chart): Chart {
  if (chart.kind !== 'scatter' || chart.points.length <= PREVIEW_SCATTER_POINTS) return chart;
  const step = chart.points.length / PREVIEW_SCATTER_POINTS;
  const points = Array.from({ length: PREVIEW_SCATTER_POINTS }, (_, i) => chart.points[Math.floor(i * step)]!);
  return { ...chart, points };
}

export function previewResult(plan: Plan, segmentation: Segmentation): PreviewResult {
  const firstDataRow = plan.table.row + 2;
  return {
    rows: segmentation.labels.length,
    counts: segmentation.counts,
    thresholds: segmentation.thresholds,
    chart: downsample(segmentation.chart),
    problemCount: segmentation.problems.length,
    problems: segmentation.problems
      .slice(0, PREVIEW_PROBLEMS)
      .map((p) => ({ sheetRow: firstDataRow + p.row, message: p.message })),
  };
}

/** The summary sheet: a header, one row per segment (label, rows, share), and a total. Shares are fractions. */
export function summaryRows(preview: PreviewResult, lang: Lang): (string | number)[][] {
  const total = preview.counts.reduce((sum, c) => sum + c.count, 0);
  return [
    [label('headerSegment', lang), label('headerCustomers', lang), label('headerShare', lang)],
    ...preview.counts.map((c) => [c.label, c.count, c.share]),
    [label('headerTotal', lang), total, total ? 1 : 0],
  ];
}
