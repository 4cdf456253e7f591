/**
 * The BCG or priority scatter: one dot per row in its quadrant's colour, the two cut lines, the four quadrant names
 * in their corners, named axes with round ticks. A money axis spread over orders of magnitude is drawn on a log
 * scale; on a linear axis a few extreme values are drawn at its edge (and counted in a note) so they do not squash
 * the rest.
 */
import type { ReactElement } from 'react';
import type { Lang } from '../../core/labels.js';
import { formatCut, formatPercentCut, type Chart, type Corner } from '../../core/engine/details-view.js';
import { outlineOf } from '../../core/engine/palette.js';
import type { PreviewResult } from '../../core/engine/preview.js';
import { formatCount, formatPercent } from '../../core/number-format.js';
import { chartText, formatAxisNumber, formatAxisPercent } from './chart-text.js';
import { AXIS, ChartFrame, GRID, HALO, INK } from './ChartFrame.js';
import {
  axisRange,
  CHART_WIDTH,
  fitFontSize,
  fittedTicks,
  position,
  shorten,
  textWidth,
  type AxisRange,
} from './geometry.js';

type Scatter = Extract<Chart, { kind: 'scatter' }>;

const HEIGHT = 240;
const RIGHT = 10;
const TOP = 8;
const BOTTOM = 40;
const PLOT_H = HEIGHT - TOP - BOTTOM;
const FONT = 10;
const TICK_FONT = 9;
/** Room for the rotated y axis name. */
const Y_NAME = 16;

/** The axes of a scatter: ranges, ticks and the left margin the y tick labels need. */
export function scatterLayout(chart: Scatter, lang: Lang) {
  const x = axisRange(
    chart.points.map((p) => p[0]),
    chart.xCut,
    chart.x.log,
  );
  const y = axisRange(
    chart.points.map((p) => p[1]),
    chart.yCut,
    chart.y.log,
  );
  const format = (percent: boolean) => (v: number) =>
    percent ? formatAxisPercent(v, lang) : formatAxisNumber(v, lang);
  const yTicks = fittedTicks(y, 5, PLOT_H, format(chart.y.percent), TICK_FONT, false);
  const left = Y_NAME + Math.max(12, ...yTicks.map((t) => textWidth(t.label, TICK_FONT))) + 6;
  const plotW = CHART_WIDTH - left - RIGHT;
  const xTicks = fittedTicks(x, 5, plotW, format(chart.x.percent), TICK_FONT, true);
  return { x, y, xTicks, yTicks, left, plotW };
}

/** The notes under the chart: values drawn at an axis's edge, and points left out of a large table. */
function notesOf(chart: Scatter, ranges: { x: AxisRange; y: AxisRange }, total: number, lang: Lang): string[] {
  const notes: string[] = [];
  for (const [range, axis] of [
    [ranges.x, chart.x],
    [ranges.y, chart.y],
  ] as const) {
    if (range.clipped > 0) {
      const key = range.clipped === 1 ? 'clippedOne' : 'clipped';
      notes.push(chartText(key, lang, { n: formatCount(range.clipped, lang), axis: axis.name }));
    }
  }
  if (total > chart.points.length) {
    notes.push(
      chartText('sampled', lang, { shown: formatCount(chart.points.length, lang), total: formatCount(total, lang) }),
    );
  }
  return notes;
}

export function ScatterChart({
  chart,
  preview,
  colors,
  lang,
}: {
  readonly chart: Scatter;
  readonly preview: PreviewResult;
  readonly colors: ReadonlyMap<string, string>;
  readonly lang: Lang;
}): ReactElement {
  const layout = scatterLayout(chart, lang);
  const { left, plotW } = layout;
  const px = (v: number): number => left + position(layout.x, v) * plotW;
  const py = (v: number): number => TOP + (1 - position(layout.y, v)) * PLOT_H;
  const bottom = TOP + PLOT_H;
  const cut = (v: number, percent: boolean): string => (percent ? formatPercentCut(v, lang) : formatCut(v, lang));
  const total = preview.counts.reduce((sum, c) => sum + c.count, 0);
  const countOf = (name: string) => preview.counts.find((c) => c.label === name);
  const cornerOrder: readonly Corner[] = ['highHigh', 'highLow', 'lowHigh', 'lowLow'];
  const list = cornerOrder.map((c) => {
    const name = chart.corners[c];
    const count = countOf(name);
    return `${name} ${formatCount(count?.count ?? 0, lang)} (${formatPercent(count?.share ?? 0, lang, 1)})`;
  });
  const xName = chart.x.log ? chartText('logScale', lang, { name: chart.x.name }) : chart.x.name;
  const yName = chart.y.log ? chartText('logScale', lang, { name: chart.y.name }) : chart.y.name;
  const cornerWidth = plotW / 2 - 14;
  const corner = (c: Corner, high: boolean, top: boolean): ReactElement => {
    const name = chart.corners[c];
    const size = fitFontSize(name, cornerWidth, FONT, 8);
    const shown = shorten(name, cornerWidth, size);
    const width = textWidth(shown, size);
    const textX = high ? left + plotW - 4 : left + 14;
    const y = top ? TOP + 12 : bottom - 6;
    const dotX = high ? textX - width - 6 : left + 8;
    return (
      <g key={c} data-corner={c}>
        <circle cx={dotX} cy={y - size * 0.35} r="3.5" fill={colors.get(name) ?? AXIS} stroke="#ffffff" />
        <text x={textX} y={y} fontSize={size} fontWeight="600" fill={INK} textAnchor={high ? 'end' : 'start'} {...HALO}>
          {shown}
        </text>
      </g>
    );
  };
  return (
    <ChartFrame
      kind="scatter"
      title={chartText('scatterTitle', lang, { x: chart.x.name, y: chart.y.name })}
      summary={chartText('scatterSummary', lang, {
        n: formatCount(chart.points.length, lang),
        x: chart.x.name,
        xCut: cut(chart.xCut, chart.x.percent),
        y: chart.y.name,
        yCut: cut(chart.yCut, chart.y.percent),
        list: list.join('; '),
      })}
      height={HEIGHT}
      notes={notesOf(chart, layout, total, lang)}
      table={{
        caption: chartText('scatterTitle', lang, { x: chart.x.name, y: chart.y.name }),
        head: [chartText('quadrant', lang), chartText('count', lang), chartText('share', lang)],
        rows: [
          ...cornerOrder.map((c) => {
            const count = countOf(chart.corners[c]);
            return [chart.corners[c], formatCount(count?.count ?? 0, lang), formatPercent(count?.share ?? 0, lang, 1)];
          }),
          [`${chartText('cut', lang)}: ${chart.x.name}`, cut(chart.xCut, chart.x.percent), ''],
          [`${chartText('cut', lang)}: ${chart.y.name}`, cut(chart.yCut, chart.y.percent), ''],
        ],
      }}
    >
      <g stroke={GRID}>
        {layout.xTicks.map((t) => (
          <line key={t.value} x1={px(t.value)} y1={TOP} x2={px(t.value)} y2={bottom} />
        ))}
        {layout.yTicks.map((t) => (
          <line key={t.value} x1={left} y1={py(t.value)} x2={left + plotW} y2={py(t.value)} />
        ))}
      </g>
      <g stroke={AXIS}>
        <line x1={left} y1={bottom} x2={left + plotW} y2={bottom} />
        <line x1={left} y1={TOP} x2={left} y2={bottom} />
      </g>
      <g data-points="">
        {chart.points.map(([a, b, name], i) => {
          const fill = colors.get(name) ?? AXIS;
          return (
            <circle
              key={i}
              cx={px(a).toFixed(1)}
              cy={py(b).toFixed(1)}
              r="2.6"
              fill={fill}
              fillOpacity="0.85"
              stroke={outlineOf(fill)}
              strokeWidth="0.5"
            />
          );
        })}
      </g>
      <g stroke="#242424" strokeDasharray="4 3" strokeWidth="1.25">
        <line data-cut="x" x1={px(chart.xCut)} y1={TOP} x2={px(chart.xCut)} y2={bottom} />
        <line data-cut="y" x1={left} y1={py(chart.yCut)} x2={left + plotW} y2={py(chart.yCut)} />
      </g>
      {corner('lowHigh', false, true)}
      {corner('highHigh', true, true)}
      {corner('lowLow', false, false)}
      {corner('highLow', true, false)}
      {layout.xTicks.map((t, i) => (
        <text
          key={t.value}
          x={px(t.value)}
          y={bottom + 11}
          fontSize={TICK_FONT}
          fill={INK}
          textAnchor={
            i === layout.xTicks.length - 1 && px(t.value) + textWidth(t.label, TICK_FONT) / 2 > CHART_WIDTH
              ? 'end'
              : 'middle'
          }
        >
          {t.label}
        </text>
      ))}
      {layout.yTicks.map((t) => (
        <text key={t.value} x={left - 4} y={py(t.value) + 3} fontSize={TICK_FONT} fill={INK} textAnchor="end">
          {t.label}
        </text>
      ))}
      <text x={left + plotW / 2} y={HEIGHT - 8} fontSize={FONT} fill={INK} textAnchor="middle">
        {shorten(xName, plotW, FONT)}
      </text>
      <text transform={`translate(11 ${TOP + PLOT_H / 2}) rotate(-90)`} fontSize={FONT} fill={INK} textAnchor="middle">
        {shorten(yName, PLOT_H, FONT)}
      </text>
    </ChartFrame>
  );
}
