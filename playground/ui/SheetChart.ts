/**
 * The chart of a sheet that has one (the summary sheet), drawn over the grid's right side as a spreadsheet's chart
 * floats over its cells: columns per segment with their counts, ABC's value shares with the cumulative line, or the
 * scatter of the customers. Like a native chart it reads its data from the sheet's cells (the block the chart names),
 * so it shows what the sheet holds. `chartModel` is the pure part (what to draw, in a 0–1 box); the component draws
 * it as SVG with a title, axis names, value labels and a text for screen readers.
 */
import { createElement as h, type ReactElement } from 'react';
import type { SummaryChart } from '../../core/engine/summary-sheet.js';
import type { Lang } from '../../core/labels.js';
import { formatNumber, formatPercent, formatSignificant } from '../../core/number-format.js';

/** Where a sheet's chart and the cells it is drawn from come from: the page's RemoteWorkbook, or a Workbook. */
interface ChartSource {
  chart(sheetName: string): SummaryChart | undefined;
  /** The values of the chart's source block; undefined while they are on their way. */
  chartBlock(sheetName: string): readonly (readonly unknown[])[] | undefined;
}

/** A cell's value as the workbook gives it. */
type Cell = unknown;

export interface ChartBar {
  readonly label: string;
  /** Height as a fraction of the plot (0–1) and the value written on it. */
  readonly height: number;
  readonly text: string;
}

export interface ChartModel {
  readonly bars: readonly ChartBar[];
  /** The cumulative line (Pareto): one height per bar. */
  readonly line: readonly number[];
  /** Scatter points in the plot's 0–1 box (y up). */
  readonly points: readonly (readonly [number, number])[];
  /** Axis ends as written: x (scatter) and y. */
  readonly xRange?: readonly [string, string];
  readonly yRange: readonly [string, string];
  /** What a screen reader says. */
  readonly description: string;
}

const num = (cell: Cell): number | undefined => (typeof cell === 'number' && Number.isFinite(cell) ? cell : undefined);

/** What to draw from the chart's source block (header row first; first column categories or x). */
export function chartModel(chart: SummaryChart, block: readonly (readonly Cell[])[], lang: Lang): ChartModel {
  const rows = block.slice(1);
  if (chart.kind === 'scatter') {
    const pairs = rows.flatMap((r) => {
      const x = num(r[0]);
      const y = num(r[1]);
      return x === undefined || y === undefined ? [] : [[x, y] as const];
    });
    const xs = pairs.map((p) => p[0]);
    const ys = pairs.map((p) => p[1]);
    // Reduced, not spread: a scatter has a point per customer, more arguments than a call's stack may take.
    const low = (vs: readonly number[]): number => vs.reduce((m, v) => Math.min(m, v), Infinity);
    const high = (vs: readonly number[]): number => vs.reduce((m, v) => Math.max(m, v), -Infinity);
    const [x0, x1] = [low(xs), high(xs)];
    const [y0, y1] = [low(ys), high(ys)];
    const scale = (v: number, lo: number, hi: number): number => (hi > lo ? (v - lo) / (hi - lo) : 0.5);
    return {
      bars: [],
      line: [],
      points: pairs.map(([x, y]) => [scale(x, x0, x1), scale(y, y0, y1)] as const),
      xRange: pairs.length ? [formatSignificant(x0, lang), formatSignificant(x1, lang)] : ['', ''],
      yRange: pairs.length ? [formatSignificant(y0, lang), formatSignificant(y1, lang)] : ['', ''],
      description: `${chart.title}: ${formatNumber(pairs.length, lang)}`,
    };
  }
  const share = chart.kind === 'pareto';
  const values = rows.map((r) => num(r[1]) ?? 0);
  const top = share ? 1 : Math.max(1, ...values);
  const write = (v: number): string => (share ? formatPercent(v, lang) : formatNumber(v, lang));
  const bars = rows.map((r, i) => ({
    label: String(r[0] ?? ''),
    height: (values[i] ?? 0) / top,
    text: write(values[i] ?? 0),
  }));
  const line = share ? rows.map((r) => num(r[2]) ?? 0) : [];
  const said = bars.map((b, i) => `${b.label} ${b.text}${share ? ` (${write(line[i] ?? 0)})` : ''}`).join('; ');
  return { bars, line, points: [], yRange: [write(0), write(top)], description: `${chart.title}: ${said}` };
}

const WIDTH = 440;
const HEIGHT = 300;
const PLOT = { left: 56, right: 16, top: 40, bottom: 56 };
const INK = '#323130';
const BAR = '#0f6cbd';
const LINE = '#c50f1f';

export interface SheetChartProps {
  readonly chart: SummaryChart;
  /** The cells of the chart's source block. */
  readonly block: readonly (readonly Cell[])[];
  readonly lang: Lang;
}

export function SheetChart({ chart, block, lang }: SheetChartProps): ReactElement {
  const model = chartModel(chart, block, lang);
  const w = WIDTH - PLOT.left - PLOT.right;
  const ph = HEIGHT - PLOT.top - PLOT.bottom;
  const x = (f: number): number => PLOT.left + f * w;
  const y = (f: number): number => PLOT.top + (1 - f) * ph;
  const text = (key: string, tx: number, ty: number, value: string, extra: Record<string, unknown> = {}) =>
    h('text', { key, x: tx, y: ty, fill: INK, fontSize: 11, textAnchor: 'middle', ...extra }, value);
  const slot = model.bars.length ? w / model.bars.length : w;
  const shapes: ReactElement[] = [
    text('title', WIDTH / 2, 20, chart.title, { fontSize: 13, fontWeight: 600 }),
    h('line', { key: 'xaxis', x1: x(0), y1: y(0), x2: x(1), y2: y(0), stroke: INK }),
    h('line', { key: 'yaxis', x1: x(0), y1: y(0), x2: x(0), y2: y(1), stroke: INK }),
    text('y0', PLOT.left - 6, y(0) + 4, model.yRange[0], { textAnchor: 'end' }),
    text('y1', PLOT.left - 6, y(1) + 4, model.yRange[1], { textAnchor: 'end' }),
    text('xtitle', x(0.5), HEIGHT - 8, chart.xTitle),
    text('ytitle', 14, y(0.5), chart.yTitle, { transform: `rotate(-90 14 ${y(0.5)})` }),
  ];
  model.bars.forEach((bar, i) => {
    const left = PLOT.left + i * slot + slot * 0.15;
    const top = y(bar.height);
    shapes.push(
      h('rect', { key: `bar${i}`, x: left, y: top, width: slot * 0.7, height: y(0) - top, fill: BAR }),
      text(`value${i}`, left + slot * 0.35, top - 4, bar.text),
      text(
        `label${i}`,
        left + slot * 0.35,
        y(0) + 14,
        bar.label.length > 14 ? `${bar.label.slice(0, 13)}…` : bar.label,
      ),
    );
  });
  if (model.line.length) {
    const at = (i: number): string => `${PLOT.left + (i + 0.5) * slot},${y(model.line[i] ?? 0)}`;
    shapes.push(
      h('polyline', {
        key: 'line',
        points: model.line.map((_, i) => at(i)).join(' '),
        fill: 'none',
        stroke: LINE,
        strokeWidth: 2,
      }),
      ...model.line.map((v, i) =>
        h('circle', { key: `dot${i}`, cx: PLOT.left + (i + 0.5) * slot, cy: y(v), r: 3.5, fill: LINE }),
      ),
    );
  }
  if (model.xRange) {
    shapes.push(
      text('x0', x(0), y(0) + 14, model.xRange[0], { textAnchor: 'start' }),
      text('x1', x(1), y(0) + 14, model.xRange[1], { textAnchor: 'end' }),
      ...model.points.map(([px, py], i) =>
        h('circle', { key: `p${i}`, cx: x(px), cy: y(py), r: 2.5, fill: BAR, fillOpacity: 0.7 }),
      ),
    );
  }
  return h(
    'figure',
    {
      className: 'sheet-chart',
    },
    h(
      'svg',
      { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': model.description },
      h('title', null, model.description),
      ...shapes,
    ),
  );
}

/** The chart of a workbook's sheet, read from its cells, or null when the sheet has none (or its cells are on their way). */
export function sheetChartOf(workbook: ChartSource, sheetName: string, lang: Lang): ReactElement | null {
  const chart = workbook.chart(sheetName);
  if (!chart) return null;
  const block = workbook.chartBlock(sheetName);
  return block ? h(SheetChart, { chart, block, lang }) : null;
}
