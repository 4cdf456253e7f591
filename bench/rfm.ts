/**
 * RFM_TABLE on 1,000,000 order lines against baselines that compute the same table (the spec's R, F and M per
 * customer, PERCENTILE.INC cut points, the same scores): pandas (Debian's python3-pandas, rfm-pandas.py) and
 * DuckDB (rfm-duckdb.ts) with one thread and with its default threads. Each side runs on data already in memory:
 * ours on the 2-D arrays a host hands a formula (dates as serials), pandas on a DataFrame read once from the same
 * lines, DuckDB on a table appended once (its timed part includes fetching the result into JavaScript). Each
 * baseline's answer is compared with ours customer by customer (rfm-agreement.ts); one that disagrees is reported
 * as disagreeing and gets no ratio. Ratios are the median of paired, alternating runs.
 */
import { spawn, execFileSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import type { Core } from './bundled-core.js';
import { seededRandom } from '../core/numeric/random.js';
import { paired, timed, timedAsync, type Paired } from './measure.js';
import {
  agreementText,
  agrees,
  compareRfm,
  rowsFromColumns,
  rowsFromGrid,
  type RfmColumns,
  type RfmRow,
} from './rfm-agreement.js';
import { duckDbRfm } from './rfm-duckdb.js';
import type { BenchLine } from './report.js';

export const AS_OF = '2025-12-31';
const AS_OF_SERIAL = 46_022;
const BINS = 5;
const PAIRS = 7;

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

/** rfm-pandas.py in a Python process holding the lines in a DataFrame; each command answers one JSON line. */
class PandasRfm {
  private readonly replies: AsyncIterator<string>;
  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    this.replies = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  }

  static start(interpreter: string, csvPath: string): PandasRfm {
    const script = fileURLToPath(new URL('./rfm-pandas.py', import.meta.url));
    const child = spawn(interpreter, [script, csvPath, String(AS_OF_SERIAL), String(BINS)]);
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    return new PandasRfm(child);
  }

  private async ask(command: string): Promise<unknown> {
    this.child.stdin.write(`${command}\n`);
    const reply = await this.replies.next();
    if (reply.done) throw new Error(`the pandas recipe ended before answering ${command}`);
    return JSON.parse(reply.value) as unknown;
  }

  /** One computation, timed inside Python (the pipe is not counted). */
  async run(): Promise<number> {
    return ((await this.ask('run')) as { ms: number }).ms;
  }

  async answer(): Promise<{ rows: RfmRow[]; version: string }> {
    const columns = (await this.ask('dump')) as RfmColumns & { version: string };
    return { rows: rowsFromColumns(columns), version: columns.version };
  }

  close(): void {
    this.child.stdin.end('quit\n');
  }
}

function writeCsv(lines: OrderLines, dir: string): string {
  const path = join(dir, 'orders.csv');
  const csv = ['customer,date,revenue'];
  for (let i = 0; i < lines.customers.length; i++)
    csv.push(`${lines.customers[i]![0]},${lines.dates[i]![0]},${lines.revenues[i]![0]}`);
  writeFileSync(path, csv.join('\n'));
  return path;
}

interface Baseline {
  readonly name: string;
  readonly short: string;
  readonly paired: Paired;
  readonly rows: RfmRow[];
}

function baselineLine(name: string, ours: RfmRow[], baseline: Baseline): BenchLine {
  const agreement = compareRfm(ours, baseline.rows);
  return {
    name,
    figureMs: baseline.paired.oursMs,
    baselineName: baseline.name,
    baselineMs: baseline.paired.baselineMs,
    paired: baseline.paired,
    agreement: { agrees: agrees(agreement), text: agreementText(baseline.short, agreement) },
    target: { atMost: 1 },
  };
}

export async function rfmTableLines({ invoke }: Core, n = 1_000_000): Promise<BenchLine[]> {
  const lines = orderLines(n);
  const args = [lines.customers, lines.dates, lines.revenues, AS_OF];
  const result = invoke('RFM_TABLE', args);
  if (!result.ok) throw new Error(`RFM_TABLE: ${result.error.message}`);
  const ours = rowsFromGrid(result.grid);
  const ourRun = timed(() => invoke('RFM_TABLE', args));
  const name = `RFM_TABLE on ${n.toLocaleString('en-US')} order lines (${ours.length.toLocaleString('en-US')} customers)`;
  const out: BenchLine[] = [];

  const interpreter = python();
  if (!interpreter)
    out.push({
      name,
      baselineMissing: 'pandas baseline missing: python3-pandas not installed (apt-get install python3-pandas)',
    });
  else {
    const dir = mkdtempSync(join(tmpdir(), 'segmentkit-rfm-'));
    const pandas = PandasRfm.start(interpreter, writeCsv(lines, dir));
    try {
      const timing = await paired(ourRun, () => pandas.run(), { pairs: PAIRS });
      const answer = await pandas.answer();
      out.push(
        baselineLine(name, ours, {
          name: `pandas ${answer.version} to the spec (groupby, PERCENTILE.INC cut points)`,
          short: 'pandas',
          paired: timing,
          rows: answer.rows,
        }),
      );
    } finally {
      pandas.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const duck = await duckDbRfm(lines, AS_OF_SERIAL, BINS);
  try {
    for (const threads of [1, duck.defaultThreads]) {
      await duck.setThreads(threads);
      const timing = await paired(
        ourRun,
        timedAsync(() => duck.run()),
        { pairs: PAIRS },
      );
      const rows = duck.rows(await duck.run());
      const which = `${threads} thread${threads > 1 ? 's' : ''}${threads === duck.defaultThreads ? ' (default)' : ''}`;
      out.push(
        baselineLine(name, ours, {
          name: `DuckDB ${duck.version} query + fetch into JS, ${which}`,
          short: `DuckDB, ${which}`,
          paired: timing,
          rows,
        }),
      );
    }
  } finally {
    duck.close();
  }
  return out;
}

// `npx tsx bench/rfm.ts [lines]`: these lines alone (results in the system's temp folder, not bench/results.json).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { report } = await import('./report.js');
  const { bundledCore } = await import('./bundled-core.js');
  const n = Number(process.argv[2] ?? 1_000_000);
  report(await rfmTableLines(await bundledCore(), n), join(tmpdir(), 'segmentkit-bench-rfm.json'));
}
