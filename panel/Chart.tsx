/**
 * The preview chart, plain SVG (no chart library: the Sheets sidebar is one inlined file with a size budget): ABC's
 * Pareto curve with where A and B end, the BCG and priority scatter with its cut lines and quadrant names, bars for
 * every other method; Customer value adds the distributions of P(alive) and CLV (panel/chart/ClvCharts.tsx). Each chart has screen-reader text and a hidden table of its numbers (panel/chart/).
 * Colours are the segments' fixed chart colours (core/engine/palette.ts), the hues of their row tints.
 */
import type { ReactElement } from 'react';
import type { Lang } from '../core/labels.js';
import { chartColorsFor } from '../core/engine/palette.js';
import type { PreviewResult } from '../core/engine/preview.js';
import { BarChart } from './chart/BarChart.js';
import { ClvCharts } from './chart/ClvCharts.js';
import { ParetoChart } from './chart/ParetoChart.js';
import { ScatterChart } from './chart/ScatterChart.js';

export interface ChartProps {
  readonly preview: PreviewResult;
  readonly lang: Lang;
}

export function Chart({ preview, lang }: ChartProps): ReactElement | null {
  const { chart } = preview;
  if (chart.kind === 'pareto') return <ParetoChart chart={chart} lang={lang} />;
  // "No group" has no colour of its own: its bar is neutral grey, as its rows are left uncoloured.
  const colors = chartColorsFor(preview.counts.filter((c) => !c.none).map((c) => c.label));
  if (chart.kind === 'scatter') return <ScatterChart chart={chart} preview={preview} colors={colors} lang={lang} />;
  if (preview.counts.length === 0) return null;
  const bars = <BarChart preview={preview} colors={colors} lang={lang} />;
  if (!preview.clv) return bars;
  return (
    <>
      {bars}
      <ClvCharts report={preview.clv} lang={lang} />
    </>
  );
}
