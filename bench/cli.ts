/**
 * `npx segmentkit rfm` on a seeded 10,000,000-line orders CSV (issue 19: it finishes on this machine with memory
 * under 2 GB). The file is written to the temp folder first, outside any timing, with the distribution of
 * rfm.ts's orderLines (about n / 10 customers, some buying far more often, two years of ISO dates, log-normal
 * revenue). Each side runs as its own process and is measured from outside: wall time, and peak memory (the
 * process's maximum resident set size from /usr/bin/time -v, else its VmHWM from /proc, polled):
 * - ours: the built command line, `node dist/cli/segmentkit.js rfm orders.csv --out customers.csv --quiet`
 *   (reading every cell by the core's rules, loading DuckDB, the generated SQL, COPY to customers.csv);
 * - the baseline: DuckDB alone, the same generated SQL (core/sql) over `read_csv` of the same file, COPY to a CSV:
 *   what DuckDB costs without our reading rules.
 * Runs alternate (ours, then DuckDB) and the ratio is the median of the pairs. The two answers are compared by
 * their customer count and segment counts.
 *
 * `npm run bench -- --only cli` (after `npm run build`, or it builds dist/cli itself). SEGMENTKIT_BENCH_CLI_LINES
 * and SEGMENTKIT_BENCH_CLI_PAIRS change the size (default 10,000,000) and the pairs (default 1).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serialToIso } from '../core/dates.js';
import { seededRandom } from '../core/numeric/random.js';
import { sqlFor } from '../core/sql/index.js';
import { buildCli, CLI_DIST } from '../cli/build.js';
import { pairedFrom } from './measure.js';
import { machineLoad, loadText, type BenchLine } from './report.js';

const AS_OF_SERIAL = 46_022;
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * Writes `n` seeded order lines as CSV (Customer, Order date, Revenue), drawn as rfm.ts's orderLines draws them,
 * streamed so the file never sits in memory. O(n).
 */
export async function writeOrdersCsv(path: string, n: number, seed = 7): Promise<void> {
  const random = seededRandom(seed);
  const customerCount = Math.max(1, Math.round(n / 10));
  const out = createWriteStream(path);
  out.write('Customer,Order date,Revenue\n');
  let buffer = '';
  for (let i = 0; i < n; i++) {
    const c = Math.floor(customerCount * random() ** 1.6);
    const day = AS_OF_SERIAL - Math.floor(random() * 730);
    const u = 1 - random();
    const v = random();
    const revenue = Math.round(Math.exp(14 + Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)));
    buffer += `KH${String(c).padStart(7, '0')},${serialToIso(day)},${revenue}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = '';
    }
  }
  out.write(buffer);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

interface ProcessRun {
  readonly ms: number;
  /** Peak resident memory in MB. */
  readonly peakMb: number;
  readonly how: string;
}

const TIME = '/usr/bin/time';

/** Runs a command to its end; its wall time and peak memory, measured from outside. Throws on a non-zero exit. */
async function measured(command: string, args: readonly string[]): Promise<ProcessRun> {
  const withTime = existsSync(TIME);
  const start = performance.now();
  const child = withTime
    ? spawn(TIME, ['-v', command, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] })
    : spawn(command, [...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  let polledKb = 0;
  const poll = withTime
    ? undefined
    : setInterval(() => {
        try {
          const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
          polledKb = Math.max(polledKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
        } catch {
          // the process has ended
        }
      }, 50);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const ms = performance.now() - start;
  if (poll) clearInterval(poll);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stderr.slice(-2000)}`);
  const kb = withTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0) : polledKb;
  return { ms, peakMb: kb / 1024, how: withTime ? 'maxRSS from /usr/bin/time -v' : 'VmHWM from /proc, polled' };
}

/** DuckDB alone: the generated RFM_TABLE query over read_csv of the file, COPY to a CSV (a Node process). */
function duckDbScript(csv: string, out: string): string {
  const sql = sqlFor('RFM_TABLE', 'duckdb', {});
  const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;
  const view = `CREATE VIEW orders AS SELECT row_number() OVER () AS line, "Customer" AS customer,
    NULL::VARCHAR AS order_id, CAST("Order date" AS DATE) AS order_date, CAST("Revenue" AS DOUBLE) AS revenue
    FROM read_csv(${literal(csv)}, header = true)`;
  return `import { DuckDBInstance } from '@duckdb/node-api';
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(${JSON.stringify(view)});
await connection.run(${JSON.stringify(`COPY (${sql}) TO ${literal(out)} (FORMAT csv, HEADER)`)});
connection.closeSync();
instance.closeSync();`;
}

/** Customers and customers per segment (the last column) of an answer CSV, for the agreement. */
function segmentCounts(path: string, segmentColumn: number): { customers: number; segments: Map<string, number> } {
  const text = readFileSync(path, 'utf8').replace(/^\ufeff/, '');
  const segments = new Map<string, number>();
  let customers = 0;
  for (const line of text.split('\n').slice(1)) {
    if (line === '') continue;
    customers++;
    const segment = line.split(',')[segmentColumn] ?? '';
    segments.set(segment, (segments.get(segment) ?? 0) + 1);
  }
  return { customers, segments };
}

export async function cliLines(): Promise<BenchLine[]> {
  const n = Number(process.env.SEGMENTKIT_BENCH_CLI_LINES ?? 10_000_000);
  const pairs = Number(process.env.SEGMENTKIT_BENCH_CLI_PAIRS ?? 1);
  if (!existsSync(CLI_DIST)) await buildCli();
  const folder = mkdtempSync(join(tmpdir(), 'segmentkit-bench-cli-'));
  try {
    const csv = join(folder, 'orders.csv');
    const started = performance.now();
    await writeOrdersCsv(csv, n);
    const size = statSync(csv).size;
    console.log(
      `cli: wrote ${n.toLocaleString('en')} lines (${(size / 1e6).toFixed(0)} MB) in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    const ours: ProcessRun[] = [];
    const duck: ProcessRun[] = [];
    const oursOut = join(folder, 'customers.csv');
    const duckOut = join(folder, 'duckdb.csv');
    const script = join(ROOT, 'bench', `.cli-duckdb-${process.pid}.mjs`);
    writeFileSync(script, duckDbScript(csv, duckOut));
    try {
      for (let k = 0; k < pairs; k++) {
        ours.push(await measured(process.execPath, [CLI_DIST, 'rfm', csv, '--out', oursOut, '--quiet']));
        console.log(
          `cli: segmentkit rfm ${(ours.at(-1)!.ms / 1000).toFixed(1)} s, ${ours.at(-1)!.peakMb.toFixed(0)} MB`,
        );
        duck.push(await measured(process.execPath, [script]));
        console.log(`cli: DuckDB alone ${(duck.at(-1)!.ms / 1000).toFixed(1)} s, ${duck.at(-1)!.peakMb.toFixed(0)} MB`);
      }
    } finally {
      rmSync(script, { force: true });
    }
    const a = segmentCounts(oursOut, 9);
    const b = segmentCounts(duckOut, 9);
    const agrees = a.customers === b.customers && [...a.segments].every(([s, count]) => b.segments.get(s) === count);
    const paired = pairedFrom(
      ours.map((r) => r.ms),
      duck.map((r) => r.ms),
    );
    const peak = Math.max(...ours.map((r) => r.peakMb));
    const duckPeak = Math.max(...duck.map((r) => r.peakMb));
    const load = loadText(machineLoad());
    const lines = `${n.toLocaleString('en')}-line CSV (${(size / 1e6).toFixed(0)} MB)`;
    return [
      {
        name: `segmentkit rfm, ${lines}: wall time`,
        figureMs: paired.oursMs,
        baselineName: 'DuckDB alone: the generated SQL over read_csv, COPY to CSV',
        baselineMs: paired.baselineMs,
        paired,
        agreement: {
          agrees,
          text: `${a.customers.toLocaleString('en')} customers (DuckDB alone: ${b.customers.toLocaleString('en')}); segment counts ${agrees ? 'equal' : 'DIFFER'}`,
        },
        note: `each side a process of its own; ${load}`,
      },
      {
        name: `segmentkit rfm, ${lines}: peak memory`,
        figure: Number(peak.toFixed(0)),
        unit: `MB (target < 2,048 MB: ${peak < 2048 ? 'met' : 'MISSED'}); DuckDB alone ${duckPeak.toFixed(0)} MB`,
        note: `${ours[0]?.how ?? ''}; DuckDB inside segmentkit is limited to 1 GB and spills beyond it`,
      },
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
