/**
 * The playground's workbook at 100,000 generated customers: opening it in HyperFormula (parse, build the
 * dependency graph, evaluate every formula) and recalculating after one revenue cell is edited. Each is compared
 * with the core computing the same answers directly (what the formulas cost without a spreadsheet engine).
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { invoke } from '../core/index.js';
import { Workbook } from '../playground/engine/workbook.js';
import { generateCustomers, SAMPLE_AS_OF, type Customer } from '../playground/sample/customers.js';
import { customersSheet, ordersSheet, segmentsSheet } from '../playground/sample/sample-workbook.js';
import { ORDERS_CSV } from '../scripts/orders-csv.js';
import { paired, timed } from './measure.js';
import type { BenchLine } from './report.js';

export const BENCH_CUSTOMERS = 100_000;
/** Column P (revenue this year) of the Customers sheet, 0-based. */
const REVENUE_COL = 15;

function run(name: string, args: unknown[]): unknown[][] {
  const result = invoke(name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.grid;
}

/** The formulas that depend on revenue this year, computed by the core on plain columns. */
function coreRevenueFormulas(customers: readonly Customer[], revenue: readonly number[], stages: unknown[][]): void {
  const col = <T>(xs: readonly T[]): T[][] => xs.map((x) => [x]);
  const lastYear = customers.map((c) => c.revenueLastYear);
  const growth = revenue.map((v, i) => ((lastYear[i] as number) > 0 ? v / (lastYear[i] as number) - 1 : ''));
  const abc = run('ABC_CLASS', [col(revenue)]);
  run('BCG_QUADRANT', [col(revenue), col(growth)]);
  run('CUSTOMER_TIER', [col(revenue)]);
  const scores = run('RFM_SCORE', [
    col(customers.map((c) => c.lastPurchase ?? '')),
    col(customers.map((c) => c.orders)),
    col(revenue),
    SAMPLE_AS_OF,
  ]);
  run('RFM_SEGMENT', [scores]);
  run('SEGMENT_SUMMARY', [stages, col(revenue)]);
  run('MAIN_TRAIT', [abc, col(customers.map((c) => c.region))]);
  run('PARETO_RATIO', [col(revenue)]);
}

/** Lifecycle stages do not depend on revenue: computed once, and again in the opening baseline. */
function lifecycle(customers: readonly Customer[]): unknown[][] {
  const col = <T>(xs: readonly T[]): T[][] => xs.map((x) => [x]);
  return run('LIFECYCLE_STAGE', [
    col(customers.map((c) => c.firstPurchase ?? '')),
    col(customers.map((c) => c.lastPurchase ?? '')),
    col(customers.map((c) => c.orders)),
    SAMPLE_AS_OF,
    col(customers.map((c) => c.referrals)),
  ]);
}

export async function playgroundLines(count = BENCH_CUSTOMERS): Promise<BenchLine[]> {
  const csv = readFileSync(ORDERS_CSV, 'utf8');
  const generateStart = performance.now();
  const customers = generateCustomers(count);
  const sheets = [customersSheet(customers), ordersSheet(csv), segmentsSheet(count, 4906)];
  const generateMs = performance.now() - generateStart;
  const cells = sheets.reduce((sum, s) => sum + s.cells.reduce((n, row) => n + row.length, 0), 0);

  // Opening: each run builds a fresh engine from the same sheet contents.
  const open = await paired(
    timed(() => Workbook.open(sheets).destroy()),
    timed(() => {
      coreRevenueFormulas(
        customers,
        customers.map((c) => c.revenueThisYear),
        lifecycle(customers),
      );
      const orders = sheets[1]?.cells.slice(1) ?? [];
      run('RFM_TABLE', [orders.map((r) => [r[0]]), orders.map((r) => [r[1]]), orders.map((r) => [r[2]]), '2006-12-31']);
    }),
    { warmup: 1, pairs: 3 },
  );

  // Editing one revenue cell (row 6, P6) in the open workbook: every formula that depends on it recalculates.
  const workbook = Workbook.open(sheets);
  const sheet = workbook.sheetId('Customers');
  let edit = 0;
  const revenue = customers.map((c) => c.revenueThisYear);
  const stages = lifecycle(customers);
  const recalc = await paired(
    timed(() => workbook.setInput(sheet, 5, REVENUE_COL, String(900_000_000 + 1000 * ++edit))),
    timed(() => {
      revenue[4] = 900_000_000 + 1000 * ++edit;
      coreRevenueFormulas(customers, revenue, stages);
    }),
    { warmup: 2, pairs: 7 },
  );
  const sample = workbook.view(sheet, 5, 4).text;
  workbook.destroy();

  const rows = count.toLocaleString('en-US');
  return [
    {
      name: `Playground: open the sample workbook with ${rows} customers in HyperFormula (load + evaluate)`,
      figureMs: open.oursMs,
      baselineName: 'the core computing the same formulas on plain columns',
      baselineMs: open.baselineMs,
      paired: open,
      note: `${cells.toLocaleString('en-US')} input cells in 3 sheets (Customers, Orders 4,906 lines with RFM_TABLE, Segments); generating the customers took ${generateMs.toFixed(0)} ms more`,
    },
    {
      name: `Playground: recalculate after editing one revenue cell (${rows} customers)`,
      figureMs: recalc.oursMs,
      baselineName: 'the core recomputing every formula that depends on it',
      baselineMs: recalc.baselineMs,
      paired: recalc,
      note: `ABC, BCG, tier, RFM score and segment, growth, lifecycle summary, main trait and Pareto ratio recalculate; edited customer's ABC class: ${sample}`,
    },
  ];
}

// `npx tsx bench/playground.ts`: these lines alone (results in the system's temp folder, not bench/results.json).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { report } = await import('./report.js');
  report(await playgroundLines(), join(tmpdir(), 'segmentkit-bench-playground.json'));
}
