/**
 * Segment sizes as horizontal bars, in the order the preview lists the segments: each segment's name on the left
 * (wrapped to two lines, shortened past that, the full name in the bar's tooltip), its count and share after the bar,
 * and a count axis with round ticks underneath. Horizontal bars keep 11 RFM names readable at 300 px.
 */
import type { ReactElement } from 'react';
import type { Lang } from '../../core/labels.js';
import { outlineOf } from '../../core/engine/palette.js';
import type { PreviewResult } from '../../core/engine/preview.js';
import { formatCount, formatPercent } from '../../core/number-format.js';
import { chartText, formatAxisNumber } from './chart-text.js';
import { AXIS, ChartFrame, GRID, INK } from './ChartFrame.js';
import { CHART_WIDTH, fittedTicks, textWidth, wrapLabel } from './geometry.js';

const FONT = 10;
const LINE = 11;
const TICK_FONT = 9;
/** Where bars start; names are right-aligned before it. */
const BAR_X = 112;
const NAME_WIDTH = BAR_X - 10;
const TOP = 4;
const BAR = 12;

export interface BarLayoutRow {
  readonly label: string;
  readonly lines: readonly string[];
  readonly y: number;
  readonly height: number;
  readonly width: number;
  readonly value: string;
}

/** Where each bar, name and value goes; pure, for the tests. */
export function barLayout(counts: PreviewResult['counts'], lang: Lang) {
  const values = counts.map((c) => `${formatCount(c.count, lang)} · ${formatPercent(c.share, lang, 1)}`);
  const valueWidth = Math.max(0, ...values.map((v) => textWidth(v, TICK_FONT))) + 6;
  const barSpace = CHART_WIDTH - BAR_X - valueWidth - 4;
  const max = Math.max(1, ...counts.map((c) => c.count));
  let y = TOP;
  const rows: BarLayoutRow[] = counts.map((c, i) => {
    const lines = wrapLabel(c.label, NAME_WIDTH, FONT, 2);
    const height = Math.max(BAR + 6, lines.length * LINE + 6);
    const row = { label: c.label, lines, y, height, width: (c.count / max) * barSpace, value: values[i] as string };
    y += height;
    return row;
  });
  const range = { lo: 0, hi: max, log: false, clipped: 0 };
  const ticks = fittedTicks(range, 4, barSpace, (v) => formatAxisNumber(v, lang), TICK_FONT, true).filter((t) =>
    Number.isInteger(t.value),
  );
  return { rows, axisY: y + 2, barSpace, max, ticks, height: y + 34 };
}

export function BarChart({
  preview,
  colors,
  lang,
}: {
  readonly preview: PreviewResult;
  readonly colors: ReadonlyMap<string, string>;
  readonly lang: Lang;
}): ReactElement {
  const { counts } = preview;
  const layout = barLayout(counts, lang);
  const unitAxis = chartText(preview.unit === 'customers' ? 'customersAxis' : 'rowsAxis', lang);
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const list = counts.map((c) => `${c.label} ${formatCount(c.count, lang)} (${formatPercent(c.share, lang, 1)})`);
  const x = (v: number): number => BAR_X + (v / layout.max) * layout.barSpace;
  return (
    <ChartFrame
      kind="bars"
      title={chartText('barsTitle', lang)}
      summary={chartText('barsSummary', lang, {
        n: formatCount(counts.length, lang),
        total: formatCount(total, lang),
        unit: chartText(preview.unit === 'customers' ? 'customers' : 'rows', lang),
        list: list.join('; '),
      })}
      height={layout.height}
      table={{
        caption: chartText('barsTitle', lang),
        head: [chartText('segment', lang), unitAxis, chartText('share', lang)],
        rows: counts.map((c) => [c.label, formatCount(c.count, lang), formatPercent(c.share, lang, 1)]),
      }}
    >
      <g stroke={GRID} strokeWidth="1">
        {layout.ticks.map((t) => (
          <line key={t.value} x1={x(t.value)} y1={TOP} x2={x(t.value)} y2={layout.axisY} />
        ))}
      </g>
      {layout.rows.map((row) => {
        const mid = row.y + row.height / 2;
        const color = colors.get(row.label) ?? '#8c8c8c';
        const firstLine = mid - ((row.lines.length - 1) * LINE) / 2 + FONT * 0.35;
        return (
          <g key={row.label} data-bar={row.label}>
            <text x={BAR_X - 6} y={firstLine} fontSize={FONT} fill={INK} textAnchor="end">
              {row.lines.map((line, i) => (
                <tspan key={i} x={BAR_X - 6} dy={i === 0 ? 0 : LINE}>
                  {line}
                </tspan>
              ))}
            </text>
            <rect
              x={BAR_X}
              y={mid - BAR / 2}
              width={Math.max(1, row.width)}
              height={BAR}
              fill={color}
              stroke={outlineOf(color)}
              strokeWidth="0.75"
            >
              <title>{`${row.label}: ${row.value}`}</title>
            </rect>
            <text x={BAR_X + row.width + 4} y={mid + TICK_FONT * 0.35} fontSize={TICK_FONT} fill={INK}>
              {row.value}
            </text>
          </g>
        );
      })}
      <line x1={BAR_X} y1={layout.axisY} x2={BAR_X + layout.barSpace} y2={layout.axisY} stroke={AXIS} />
      <line x1={BAR_X} y1={TOP} x2={BAR_X} y2={layout.axisY} stroke={AXIS} />
      {layout.ticks.map((t) => (
        <text key={t.value} x={x(t.value)} y={layout.axisY + 11} fontSize={TICK_FONT} fill={INK} textAnchor="middle">
          {t.label}
        </text>
      ))}
      <text x={BAR_X + layout.barSpace / 2} y={layout.axisY + 26} fontSize={FONT} fill={INK} textAnchor="middle">
        {unitAxis}
      </text>
    </ChartFrame>
  );
}
