/**
 * A distribution as columns: one column per bin of values, its height the number of customers in it, the count
 * over it, the bin edges under the axis (thinned so they never overlap, the open last bin as `≥ x`). Used by
 * Customer value for P(alive) (each column in the colour of the band its middle falls in) and for CLV.
 */
import type { ReactElement } from 'react';
import type { Lang } from '../../core/labels.js';
import type { HistogramBin } from '../../core/engine/clv-orders.js';
import { binText } from '../../core/engine/clv-text.js';
import { outlineOf } from '../../core/engine/palette.js';
import { formatCount } from '../../core/number-format.js';
import { chartText } from './chart-text.js';
import { AXIS, ChartFrame, INK } from './ChartFrame.js';
import { CHART_WIDTH, textWidth } from './geometry.js';

const FONT = 10;
const TICK_FONT = 9;
const LEFT = 8;
const RIGHT = 8;
const TOP = 14;
const PLOT = 90;

export interface HistogramLayout {
  readonly columns: readonly { x: number; width: number; height: number; count: string; range: string }[];
  /** The edge labels drawn, at their x. */
  readonly edges: readonly { x: number; text: string }[];
  readonly axisY: number;
  readonly height: number;
}

/** Where each column and edge label goes; pure, for the tests. */
export function histogramLayout(
  bins: readonly HistogramBin[],
  lang: Lang,
  format: (value: number, lang: Lang) => string,
): HistogramLayout {
  const width = (CHART_WIDTH - LEFT - RIGHT) / Math.max(1, bins.length);
  const max = Math.max(1, ...bins.map((b) => b.count));
  const axisY = TOP + PLOT;
  const columns = bins.map((b, i) => ({
    x: LEFT + i * width,
    width,
    height: (b.count / max) * PLOT,
    count: formatCount(b.count, lang),
    range: binText(b, lang, format),
  }));
  const all = bins.flatMap((b, i) => {
    const at = LEFT + i * width;
    const first = i === 0 ? [{ x: at, text: format(b.lo, lang) }] : [];
    const end = b.open ? [] : [{ x: at + width, text: format(b.hi, lang) }];
    return [...first, ...end];
  });
  const open = bins[bins.length - 1];
  if (open?.open) all.push({ x: LEFT + (bins.length - 0.5) * width, text: `≥ ${format(open.lo, lang)}` });
  // Keep edge labels that do not run into the one before (the first and the open bin's are kept first).
  const edges: { x: number; text: string }[] = [];
  for (const edge of all) {
    const half = textWidth(edge.text, TICK_FONT) / 2 + 2;
    const before = edges[edges.length - 1];
    if (before && before.x + textWidth(before.text, TICK_FONT) / 2 + 2 > edge.x - half) {
      if (edge === all[all.length - 1] && open?.open) edges[edges.length - 1] = edge;
      continue;
    }
    edges.push(edge);
  }
  return { columns, edges, axisY, height: axisY + 30 };
}

export interface HistogramChartProps {
  readonly kind: string;
  readonly title: string;
  readonly xTitle: string;
  readonly bins: readonly HistogramBin[];
  /** The fill of each bin. */
  readonly colors: readonly string[];
  readonly format: (value: number, lang: Lang) => string;
  readonly lang: Lang;
}

export function HistogramChart({ kind, title, xTitle, bins, colors, format, lang }: HistogramChartProps): ReactElement {
  const layout = histogramLayout(bins, lang, format);
  const total = bins.reduce((sum, b) => sum + b.count, 0);
  const list = layout.columns.map((c) => `${c.range}: ${c.count}`);
  return (
    <ChartFrame
      kind={kind}
      title={title}
      summary={`${formatCount(total, lang)} ${chartText('customers', lang)}. ${list.join('; ')}.`}
      height={layout.height}
      table={{
        caption: title,
        head: [xTitle, chartText('customersAxis', lang)],
        rows: layout.columns.map((c) => [c.range, c.count]),
      }}
    >
      {layout.columns.map((c, i) => {
        const fill = colors[i] ?? '#8c8c8c';
        return (
          <g key={i} data-bin={c.range}>
            {c.height > 0 && (
              <rect
                x={c.x + 1}
                y={layout.axisY - c.height}
                width={Math.max(1, c.width - 2)}
                height={c.height}
                fill={fill}
                stroke={outlineOf(fill)}
                strokeWidth="0.75"
              >
                <title>{`${c.range}: ${c.count}`}</title>
              </rect>
            )}
            {c.height > 0 && (
              <text
                x={c.x + c.width / 2}
                y={layout.axisY - c.height - 3}
                fontSize={TICK_FONT}
                fill={INK}
                textAnchor="middle"
              >
                {c.count}
              </text>
            )}
          </g>
        );
      })}
      <line x1={LEFT} y1={layout.axisY} x2={CHART_WIDTH - RIGHT} y2={layout.axisY} stroke={AXIS} />
      {layout.edges.map((e) => (
        <text
          key={`${e.x}:${e.text}`}
          x={e.x}
          y={layout.axisY + 11}
          fontSize={TICK_FONT}
          fill={INK}
          textAnchor="middle"
        >
          {e.text}
        </text>
      ))}
      <text x={CHART_WIDTH / 2} y={layout.axisY + 25} fontSize={FONT} fill={INK} textAnchor="middle">
        {xTitle}
      </text>
    </ChartFrame>
  );
}
