/**
 * Customer value's two distributions: P(alive) in tenths, each column in the colour of the band its middle falls in
 * (Active, At risk, Likely lost: core/engine/palette.ts), and CLV in round steps with the largest values in one last
 * column, in the colour of Active. Edges in the language's digits.
 */
import type { ReactElement } from 'react';
import { CLV_SEGMENT_LABELS, clvSegment } from '../../core/catalog/clv-method.js';
import type { ClvReport } from '../../core/engine/clv-orders.js';
import { clvText, formatProbability } from '../../core/engine/clv-text.js';
import { chartColorsFor } from '../../core/engine/palette.js';
import { label, type Lang } from '../../core/labels.js';
import { formatAxisNumber } from './chart-text.js';
import { HistogramChart } from './HistogramChart.js';

export function ClvCharts({ report, lang }: { readonly report: ClvReport; readonly lang: Lang }): ReactElement {
  const colors = chartColorsFor(CLV_SEGMENT_LABELS.map((key) => label(key, lang)));
  const colorOf = (p: number): string => colors.get(label(clvSegment(p, report.bands), lang)) ?? '#8c8c8c';
  const pAlive = label('headerPAlive', lang);
  return (
    <>
      <p className="sk-chart-title">{clvText('pAliveTitle', lang)}</p>
      <HistogramChart
        kind="pAlive"
        title={clvText('pAliveTitle', lang)}
        xTitle={pAlive}
        bins={report.pAlive}
        colors={report.pAlive.map((b) => colorOf((b.lo + b.hi) / 2))}
        format={formatProbability}
        lang={lang}
      />
      <p className="sk-chart-title">{clvText('clvTitle', lang)}</p>
      <HistogramChart
        kind="clv"
        title={clvText('clvTitle', lang)}
        xTitle={label('headerClv', lang)}
        bins={report.clv}
        colors={report.clv.map(() => colorOf(1))}
        format={formatAxisNumber}
        lang={lang}
      />
    </>
  );
}
