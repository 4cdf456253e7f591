/**
 * ABC's Pareto curve: share of customers (largest first) against the share of revenue they bring, both axes 0–100 %
 * with ticks; the area under the curve tinted by class; where A and B end marked on the curve, with the sentence a
 * shop owner reads ("A: 26% of customers → 80% of revenue").
 */
import type { ReactElement } from 'react';
import type { Lang } from '../../core/labels.js';
import { chartColorsFor, colorsFor } from '../../core/engine/palette.js';
import type { Chart } from '../../core/engine/details-view.js';
import { formatPercent } from '../../core/number-format.js';
import { label } from '../../core/labels.js';
import { chartText, formatAxisPercent } from './chart-text.js';
import { AXIS, ChartFrame, GRID, HALO, INK } from './ChartFrame.js';
import { CHART_WIDTH, fitFontSize } from './geometry.js';

type Pareto = Extract<Chart, { kind: 'pareto' }>;
type Point = readonly [number, number];

const HEIGHT = 222;
const LEFT = 42;
const RIGHT = 10;
const TOP = 10;
const BOTTOM = 40;
const PLOT_W = CHART_WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;
const TICKS = [0, 0.25, 0.5, 0.75, 1];
const FONT = 10;
const TICK_FONT = 9;

const px = (f: number): number => LEFT + f * PLOT_W;
const py = (f: number): number => TOP + (1 - f) * PLOT_H;

/** The share of value the curve reaches at a share of customers (linear between its points). */
export function curveAt(points: readonly Point[], x: number): number {
  let previous: Point = [0, 0];
  for (const point of points) {
    if (point[0] >= x) {
      const span = point[0] - previous[0];
      return span > 0 ? previous[1] + ((x - previous[0]) / span) * (point[1] - previous[1]) : point[1];
    }
    previous = point;
  }
  return previous[1];
}

/** The sentences under the curve: A, then A and B together. */
export function paretoSentences(chart: Pareto, lang: Lang): [string, string] {
  const pct = (f: number): string => formatPercent(f, lang, 0);
  return [
    chartText('paretoA', lang, { customers: pct(chart.aEnd[0]), value: pct(chart.aEnd[1]) }),
    chartText('paretoAB', lang, { customers: pct(chart.bEnd[0]), value: pct(chart.bEnd[1]) }),
  ];
}

/** The area under the curve between two shares of customers. */
function areaPath(points: readonly Point[], from: number, to: number): string {
  const inside = points.filter(([x]) => x > from && x < to);
  const edge: Point[] = [[from, curveAt(points, from)], ...inside, [to, curveAt(points, to)]];
  const top = edge.map(([x, y], i) => `${i ? 'L' : 'M'}${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ');
  return `${top} L${px(to).toFixed(1)},${py(0)} L${px(from).toFixed(1)},${py(0)} Z`;
}

export function ParetoChart({ chart, lang }: { readonly chart: Pareto; readonly lang: Lang }): ReactElement {
  const classes = (['abcA', 'abcB', 'abcC'] as const).map((key) => label(key, lang));
  const tints = colorsFor(classes);
  const marks = chartColorsFor(classes);
  const points: Point[] = [[0, 0], ...chart.points];
  const path = points.map(([x, y], i) => `${i ? 'L' : 'M'}${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ');
  const sentences = paretoSentences(chart, lang);
  const sentenceFont = Math.min(...sentences.map((s) => fitFontSize(s, PLOT_W - 8, FONT, 7)));
  const bounds: [string, number, number][] = [
    [classes[0] as string, 0, chart.aEnd[0]],
    [classes[1] as string, chart.aEnd[0], chart.bEnd[0]],
    [classes[2] as string, chart.bEnd[0], 1],
  ];
  const deciles = [0.1, 0.2, 0.5];
  return (
    <ChartFrame
      kind="pareto"
      title={chartText('paretoTitle', lang)}
      summary={sentences.join('. ')}
      height={HEIGHT}
      table={{
        caption: chartText('paretoTitle', lang),
        head: [chartText('paretoRow', lang), chartText('revenueShare', lang)],
        rows: [
          [`A: ${formatPercent(chart.aEnd[0], lang, 1)}`, formatPercent(chart.aEnd[1], lang, 1)],
          [`A + B: ${formatPercent(chart.bEnd[0], lang, 1)}`, formatPercent(chart.bEnd[1], lang, 1)],
          ...deciles.map((d) => [
            chartText('paretoTop', lang, { customers: formatPercent(d, lang, 0) }),
            formatPercent(curveAt(points, d), lang, 1),
          ]),
        ],
      }}
    >
      {bounds.map(([name, from, to]) =>
        to > from ? <path key={name} d={areaPath(points, from, to)} fill={tints.get(name)} data-class={name} /> : null,
      )}
      <g stroke={GRID}>
        {TICKS.slice(1).map((t) => (
          <line key={t} x1={px(0)} y1={py(t)} x2={px(1)} y2={py(t)} />
        ))}
      </g>
      <g stroke={AXIS}>
        <line x1={px(0)} y1={py(0)} x2={px(1)} y2={py(0)} />
        <line x1={px(0)} y1={py(0)} x2={px(0)} y2={py(1)} />
      </g>
      {TICKS.map((t) => (
        <g key={t}>
          <text
            x={px(t)}
            y={py(0) + 11}
            fontSize={TICK_FONT}
            fill={INK}
            textAnchor={t === 1 ? 'end' : t === 0 ? 'start' : 'middle'}
          >
            {formatAxisPercent(t, lang)}
          </text>
          <text x={px(0) - 4} y={py(t) + 3} fontSize={TICK_FONT} fill={INK} textAnchor="end">
            {formatAxisPercent(t, lang)}
          </text>
        </g>
      ))}
      <text x={px(0.5)} y={HEIGHT - 8} fontSize={FONT} fill={INK} textAnchor="middle">
        {chartText('paretoX', lang)}
      </text>
      <text transform={`translate(11 ${py(0.5)}) rotate(-90)`} fontSize={FONT} fill={INK} textAnchor="middle">
        {chartText('paretoY', lang)}
      </text>
      <path d={path} fill="none" stroke={INK} strokeWidth="1.75" />
      {(
        [
          [classes[0] as string, chart.aEnd, 'A'],
          [classes[1] as string, chart.bEnd, 'A + B'],
        ] as const
      ).map(([name, [cx, cy], tag]) => (
        <g key={tag} data-cut={tag}>
          <line x1={px(0)} y1={py(cy)} x2={px(cx)} y2={py(cy)} stroke={INK} strokeDasharray="3 3" />
          <line x1={px(cx)} y1={py(cy)} x2={px(cx)} y2={py(0)} stroke={INK} strokeDasharray="3 3" />
          <circle cx={px(cx)} cy={py(cy)} r="3.5" fill={marks.get(name)} stroke="#ffffff" strokeWidth="1" />
          <text x={px(cx) + 5} y={py(cy) + 11} fontSize={FONT} fontWeight="600" fill={INK} {...HALO}>
            {name}
          </text>
        </g>
      ))}
      {sentences.map((s, i) => (
        <text
          key={s}
          x={px(1) - 4}
          y={py(0) - 8 - (sentences.length - 1 - i) * (sentenceFont + 4)}
          fontSize={sentenceFont}
          fill={INK}
          textAnchor="end"
          {...HALO}
        >
          {s}
        </text>
      ))}
    </ChartFrame>
  );
}
