/**
 * ABC_CLASS and RFM_TABLE from 10,000 to 4,000,000 rows, each divided at every size by a Float64Array sort of n
 * values of the same size (paired runs), so growth beyond n log n shows as a rising ratio, whatever the noise at
 * any one size.
 */
import type { Core } from './bundled-core.js';
import { paired, revenues, timed } from './measure.js';
import type { BenchLine } from './report.js';
import { AS_OF, orderLines } from './rfm.js';

const SIZES = [10_000, 100_000, 1_000_000, 4_000_000];

export async function scalingLines({ invoke }: Core, sizes: readonly number[] = SIZES): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  for (const n of sizes) {
    const size = n.toLocaleString('en-US');
    const pairs = n >= 4_000_000 ? 3 : n >= 1_000_000 ? 5 : 9;
    // Small sizes run in a few ms: enough warm-up that the JIT has compiled both sides before the pairs count.
    const warmup = n >= 1_000_000 ? 1 : 10;
    const values = revenues(n, 3);
    const sort = timed(() => Float64Array.from(values).sort());
    const column = values.map((v) => [v]);
    const abc = await paired(
      timed(() => invoke('ABC_CLASS', [column])),
      sort,
      { warmup, pairs },
    );
    lines.push({
      name: `Scaling: ABC_CLASS on ${size} values`,
      figureMs: abc.oursMs,
      baselineName: `Float64Array sort of ${size} values`,
      baselineMs: abc.baselineMs,
      paired: abc,
      target: { atMost: 1.5 },
    });
    const orders = orderLines(n, 11);
    const orderValues = orders.revenues.map((row) => row[0] as number);
    const rfm = await paired(
      timed(() => invoke('RFM_TABLE', [orders.customers, orders.dates, orders.revenues, AS_OF])),
      timed(() => Float64Array.from(orderValues).sort()),
      { warmup, pairs },
    );
    lines.push({
      name: `Scaling: RFM_TABLE on ${size} order lines`,
      figureMs: rfm.oursMs,
      baselineName: `Float64Array sort of ${size} values`,
      baselineMs: rfm.baselineMs,
      paired: rfm,
      target: { atMost: 3 },
    });
  }
  return lines;
}
