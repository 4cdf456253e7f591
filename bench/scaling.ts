/** ABC_CLASS and RFM_TABLE at 10k, 100k and 1M rows, with the time per n·log2(n), so the growth shows. */
import type { Core } from './bundled-core.js';
import { revenues, time } from './measure.js';
import type { BenchLine } from './report.js';
import { AS_OF, orderLines } from './rfm.js';

const SIZES = [10_000, 100_000, 1_000_000];

export function scalingLines({ invoke }: Core): BenchLine[] {
  const lines: BenchLine[] = [];
  const perNlogN: Record<string, number[]> = { ABC_CLASS: [], RFM_TABLE: [] };
  for (const n of SIZES) {
    const column = revenues(n, 3).map((v) => [v]);
    const abc = time(() => invoke('ABC_CLASS', [column]), { warmup: 1, runs: n >= 1_000_000 ? 3 : 7 });
    const orders = orderLines(n, 11);
    const rfm = time(() => invoke('RFM_TABLE', [orders.customers, orders.dates, orders.revenues, AS_OF]), {
      warmup: 1,
      runs: n >= 1_000_000 ? 3 : 7,
    });
    for (const [fn, t] of [
      ['ABC_CLASS', abc],
      ['RFM_TABLE', rfm],
    ] as const) {
      const unit = (t.medianMs * 1e6) / (n * Math.log2(n));
      perNlogN[fn]!.push(unit);
      lines.push({
        name: `Scaling: ${fn} on ${n.toLocaleString('en-US')} rows`,
        figureMs: t.medianMs,
        note: `${unit.toFixed(1)} ns per n·log2(n)`,
      });
    }
  }
  for (const fn of ['ABC_CLASS', 'RFM_TABLE']) {
    const units = perNlogN[fn]!;
    lines.push({
      name: `Scaling: ${fn}, time per n·log2(n) at 1M against 10k`,
      figure: Number(((units[2] ?? 0) / (units[0] ?? 1)).toFixed(2)),
      unit: '× (1 means exactly n log n; n² would be about 67×)',
    });
  }
  return lines;
}
