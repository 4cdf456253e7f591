/**
 * What every host sends back to the panel after a preview or an apply, built the same way everywhere: counts and
 * cut-offs, the chart downsampled so it crosses the Sheets bridge quickly, and the first problem rows with the
 * sheet's own row numbers; for RFM on order lines, how the lines were used; date columns a conversion would fix.
 */
import type { ClusterProfile } from './cluster-profile.js';
import type { ClvReport } from './clv-orders.js';
import type { DateColumnFinding } from './date-columns.js';
import type { Plan } from './plan.js';
import type { LineGroup, LinesReport } from './rfm-orders.js';
import type { Chart, Segmentation } from './segment.js';

export const PREVIEW_SCATTER_POINTS = 2_000;
export const PREVIEW_PROBLEMS = 50;

export interface PreviewResult {
  readonly rows: number;
  /** What `counts` count: table rows, or (RFM on order lines) customers. */
  readonly unit: Segmentation['unit'];
  readonly counts: Segmentation['counts'];
  /** Rows (RFM on order lines: lines) that could be used; none means there is nothing to apply. */
  readonly usable: number;
  readonly thresholds: Segmentation['thresholds'];
  readonly chart: Chart;
  readonly problemCount: number;
  /** The first rows that could not be read, numbered as the sheet numbers them (1-based). */
  readonly problems: readonly { readonly sheetRow: number; readonly message: string }[];
  /** RFM on order lines: lines used, returns and lines left out, rows numbered as the sheet numbers them. */
  readonly lines?: LinesReport;
  readonly dateColumns: readonly DateColumnFinding[];
  /** k-means: each cluster's size and feature means, for the user to name the clusters. */
  readonly profile?: ClusterProfile;
  /** Customer value: the fitted model, the distributions of P(alive) and CLV, the customers slipping away. */
  readonly clv?: ClvReport;
}

function downsample(chart: Chart): Chart {
  if (chart.kind !== 'scatter' || chart.points.length <= PREVIEW_SCATTER_POINTS) return chart;
  const step = chart.points.length / PREVIEW_SCATTER_POINTS;
  const points = Array.from({ length: PREVIEW_SCATTER_POINTS }, (_, i) => chart.points[Math.floor(i * step)]!);
  return { ...chart, points };
}

/** A lines report with its rows numbered as the sheet numbers them. */
function onSheet(lines: LinesReport, firstDataRow: number): LinesReport {
  const group = <G extends LineGroup>(g: G): G => ({ ...g, rows: g.rows.map((r) => firstDataRow + r) });
  return { ...lines, returnLines: group(lines.returnLines), leftOut: lines.leftOut.map(group) };
}

export function previewResult(plan: Plan, segmentation: Segmentation): PreviewResult {
  const firstDataRow = plan.table.row + 2;
  return {
    rows: segmentation.labels.length,
    unit: segmentation.unit,
    counts: segmentation.counts,
    usable: segmentation.usable,
    thresholds: segmentation.thresholds,
    chart: downsample(segmentation.chart),
    problemCount: segmentation.problems.length,
    problems: segmentation.problems
      .slice(0, PREVIEW_PROBLEMS)
      .map((p) => ({ sheetRow: firstDataRow + p.row, message: p.message })),
    ...(segmentation.lines ? { lines: onSheet(segmentation.lines, firstDataRow) } : {}),
    dateColumns: segmentation.dateColumns,
    ...(segmentation.profile ? { profile: segmentation.profile } : {}),
    ...(segmentation.clv ? { clv: segmentation.clv } : {}),
  };
}
