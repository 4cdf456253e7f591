/**
 * RFM_TABLE on 1,000,000 order lines against the usual pandas recipe (groupby, then qcut of the three measures on
 * ranks) run by Debian's python3-pandas on the same lines. Each side is timed on data already in memory: ours on
 * the 2-D arrays a host hands a formula (dates as serials), pandas on a DataFrame read from the same CSV.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from './bundled-core.js';
import { seededRandom } from '../core/numeric/random.js';
import { time } from './measure.js';
import type { BenchLine } from './report.js';

export const AS_OF = '2025-12-31';
const AS_OF_SERIAL = 46_022;

export interface OrderLines {
  readonly customers: string[][];
  readonly dates: number[][];
  readonly revenues: number[][];
}

/** `n` seeded order lines of about n / 10 customers over two years, revenue log-normal. */
export function orderLines(n: number, seed = 7): OrderLines {
  const random = seededRandom(seed);
  const customerCount = Math.max(1, Math.round(n / 10));
  const customers: string[][] = new Array(n);
  const dates: number[][] = new Array(n);
  const revenues: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    // Some customers buy far more often than others.
    const c = Math.floor(customerCount * random() ** 1.6);
    customers[i] = [`KH${String(c).padStart(7, '0')}`];
    dates[i] = [AS_OF_SERIAL - Math.floor(random() * 730)];
    const u = 1 - random();
    const v = random();
    revenues[i] = [Math.round(Math.exp(14 + Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)))];
  }
  return { customers, dates, revenues };
}

const PANDAS_RECIPE = `
import json, sys, time
import pandas as pd
df = pd.read_csv(sys.argv[1])
as_of = int(sys.argv[2])
def recipe():
    g = df.groupby('customer').agg(last=('date', 'max'), orders=('date', 'size'), revenue=('revenue', 'sum'))
    g['recency'] = as_of - g['last']
    g['R'] = pd.qcut(g['recency'].rank(method='first'), 5, labels=[5, 4, 3, 2, 1]).astype(int)
    g['F'] = pd.qcut(g['orders'].rank(method='first'), 5, labels=[1, 2, 3, 4, 5]).astype(int)
    g['M'] = pd.qcut(g['revenue'].rank(method='first'), 5, labels=[1, 2, 3, 4, 5]).astype(int)
    g['score'] = g['R'].astype(str) + g['F'].astype(str) + g['M'].astype(str)
    return g
recipe()
times = []
for _ in range(5):
    start = time.perf_counter()
    g = recipe()
    times.append((time.perf_counter() - start) * 1000)
times.sort()
print(json.dumps({'ms': times[2], 'customers': int(len(g)), 'orders': int(g['orders'].sum())}))
`;

function python(): string | undefined {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(candidate, ['-c', 'import pandas'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

export function rfmTableLine({ invoke }: Core, n = 1_000_000): BenchLine {
  const lines = orderLines(n);
  const args = [lines.customers, lines.dates, lines.revenues, AS_OF];
  const ours = time(() => invoke('RFM_TABLE', args), { warmup: 1, runs: 5 });
  const result = invoke('RFM_TABLE', args);
  const grid = result.ok ? result.grid : [];
  const customers = grid.length - 1;
  const name = `RFM_TABLE on ${n.toLocaleString('en-US')} order lines (${customers.toLocaleString('en-US')} customers)`;
  const interpreter = python();
  if (!interpreter)
    return {
      name,
      figureMs: ours.medianMs,
      baselineMissing: 'baseline missing: python3-pandas not installed (apt-get install python3-pandas)',
      target: { atMost: 1 },
    };
  const dir = mkdtempSync(join(tmpdir(), 'segmentkit-rfm-'));
  try {
    const csv = ['customer,date,revenue'];
    for (let i = 0; i < n; i++) csv.push(`${lines.customers[i]![0]},${lines.dates[i]![0]},${lines.revenues[i]![0]}`);
    writeFileSync(join(dir, 'orders.csv'), csv.join('\n'));
    writeFileSync(join(dir, 'recipe.py'), PANDAS_RECIPE);
    const out = JSON.parse(
      execFileSync(interpreter, [join(dir, 'recipe.py'), join(dir, 'orders.csv'), String(AS_OF_SERIAL)], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      }),
    ) as { ms: number; customers: number; orders: number };
    const ordersOurs = grid.slice(1).reduce((sum, row) => sum + (typeof row[3] === 'number' ? row[3] : 0), 0);
    const agree = out.customers === customers && out.orders === ordersOurs;
    return {
      name,
      figureMs: ours.medianMs,
      baselineName: 'pandas groupby + qcut (python3-pandas, same lines)',
      baselineMs: out.ms,
      target: { atMost: 1 },
      note: `${agree ? 'same' : 'DIFFERENT'} customers (${out.customers}) and orders (${out.orders}) on both sides`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
