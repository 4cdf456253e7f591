/**
 * The preview chart as plain SVG (no chart library: the Sheets sidebar is one inlined file with a size budget):
 * the Pareto curve for ABC with where A and B end, a scatter with its two cut lines for BCG and priority, bars for the rest.
 */
import type { ReactElement } from 'react';
import type { Lang } from '../core/labels.js';
import type { PreviewResult } from '../core/engine/preview.js';
import { text } from './i18n.js';

const W = 300;
const H = 180;
const PAD = 28;

export interface ChartProps {
  readonly preview: PreviewResult;
  readonly colors: ReadonlyMap<string, string>;
  readonly lang: Lang;
}

const x = (f: number): number => PAD + f * (W - PAD - 8);
const y = (f: number): number => H - PAD - f * (H - PAD - 8);

function axes(): ReactElement {
  return (
    <g stroke="#8a8a8a" strokeWidth="1">
      <line x1={PAD} y1={y(0)} x2={W - 8} y2={y(0)} />
      <line x1={PAD} y1={y(0)} x2={PAD} y2={8} />
    </g>
  );
}

function scale(values: readonly number[]): (v: number) => number {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min || 1;
  return (v) => (v - min) / span;
}

export function Chart({ preview, colors, lang }: ChartProps): ReactElement {
  const { chart } = preview;
  let body: ReactElement;
  if (chart.kind === 'pareto') {
    const path = chart.points.map(([a, b], i) => `${i ? 'L' : 'M'}${x(a).toFixed(1)},${y(b).toFixed(1)}`).join(' ');
    body = (
      <>
        {axes()}
        {(
          [
            ['A', chart.aEnd],
            ['B', chart.bEnd],
          ] as const
        ).map(([name, [cx, cy]]) => (
          <g key={name} data-cut={name}>
            <line x1={PAD} y1={y(cy)} x2={x(cx)} y2={y(cy)} stroke="#c4c4c4" strokeDasharray="4 3" />
            <line x1={x(cx)} y1={y(cy)} x2={x(cx)} y2={y(0)} stroke="#c4c4c4" strokeDasharray="4 3" />
            <text x={x(cx) + 3} y={y(cy) + 10} fontSize="9" fill="#616161">
              {`${name}: ${Math.round(cx * 100)}% → ${Math.round(cy * 100)}%`}
            </text>
          </g>
        ))}
        <path d={path} fill="none" stroke="#0e6e78" strokeWidth="2" />
        <text x={PAD} y={H - 8} fontSize="9" fill="#616161">
          {text('paretoAxis', lang)}
        </text>
      </>
    );
  } else if (chart.kind === 'scatter') {
    const sx = scale([...chart.points.map((p) => p[0]), chart.xCut]);
    const sy = scale([...chart.points.map((p) => p[1]), chart.yCut]);
    body = (
      <>
        {axes()}
        {chart.points.map(([a, b, label], i) => (
          <circle key={i} cx={x(sx(a))} cy={y(sy(b))} r="2.2" fill={colors.get(label) ?? '#8a8a8a'} fillOpacity="0.8" />
        ))}
        <line x1={x(sx(chart.xCut))} y1={8} x2={x(sx(chart.xCut))} y2={y(0)} stroke="#242424" strokeDasharray="4 3" />
        <line
          x1={PAD}
          y1={y(sy(chart.yCut))}
          x2={W - 8}
          y2={y(sy(chart.yCut))}
          stroke="#242424"
          strokeDasharray="4 3"
        />
      </>
    );
  } else {
    const counts = preview.counts.slice(0, 12);
    const max = Math.max(1, ...counts.map((c) => c.count));
    const band = (W - PAD - 8) / Math.max(1, counts.length);
    body = (
      <>
        {axes()}
        {counts.map((c, i) => {
          const height = (c.count / max) * (H - PAD - 8);
          return (
            <rect
              key={c.label}
              x={PAD + i * band + band * 0.15}
              y={y(0) - height}
              width={band * 0.7}
              height={height}
              fill={colors.get(c.label) ?? '#8a8a8a'}
            >
              <title>{`${c.label}: ${c.count}`}</title>
            </rect>
          );
        })}
      </>
    );
  }
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={text('chartTitle', lang)} className="sk-chart">
      {body}
    </svg>
  );
}
