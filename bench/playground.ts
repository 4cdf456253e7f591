/**
 * The playground's workbook at 100,000 generated customers: opening it in HyperFormula (parse, build the
 * dependency graph, evaluate every formula) and recalculating after one revenue cell is edited. Each is compared
 * with the core computing the same answers directly (what the formulas cost without a spreadsheet engine). Then the
 * same in the built page in Chromium (the workbook in its Web Worker): the open and recalculation times as the page
 * waits for them, with the longest block of the page's main thread meanwhile.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { invoke } from '../core/index.js';
import { Workbook } from '../playground/engine/workbook.js';
import { generateCustomers, SAMPLE_AS_OF, type Customer } from '../playground/sample/customers.js';
import { customersSheet, ordersSheet, segmentsSheet } from '../playground/sample/sample-workbook.js';
import { generateOrderLines, ORDERS_AS_OF } from '../playground/sample/orders.js';
import { chromium } from 'playwright-core';
import { buildPlayground } from '../scripts/build-playground.js';
import { playgroundIsStale, serveStatic } from '../scripts/serve-playground.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/browser/harness.js';
import { BLOCK_WATCH, type BlockWatch } from '../test/browser/responsive-watch.js';
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
  const generateStart = performance.now();
  const customers = generateCustomers(count);
  const lines = generateOrderLines();
  const sheets = [customersSheet(customers), ordersSheet(lines), segmentsSheet(count, lines.length)];
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
      const orderArgs = [
        lines.map((l) => [l.customer]),
        lines.map((l) => [l.date]),
        lines.map((l) => [l.amount]),
        ORDERS_AS_OF,
      ];
      const orderIds = lines.map((l) => [l.orderId]);
      run('RFM_TABLE', [...orderArgs, 5, '', orderIds]);
      run('CLV_TABLE', [...orderArgs, 365, 0.1, orderIds]);
      run('CLV_MODEL', [...orderArgs, orderIds]);
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
  return [...nodeLines(rows, cells, generateMs, open, recalc, sample, lines.length), ...(await browserLines(count))];
}

function nodeLines(
  rows: string,
  cells: number,
  generateMs: number,
  open: Awaited<ReturnType<typeof paired>>,
  recalc: Awaited<ReturnType<typeof paired>>,
  sample: string,
  orderLines: number,
): BenchLine[] {
  return [
    {
      name: `Playground: open the sample workbook with ${rows} customers in HyperFormula (load + evaluate)`,
      figureMs: open.oursMs,
      baselineName: 'the core computing the same formulas on plain columns',
      baselineMs: open.baselineMs,
      paired: open,
      note: `${cells.toLocaleString('en-US')} input cells in 3 sheets (Customers, Orders ${orderLines.toLocaleString('en-US')} lines with RFM_TABLE, CLV_TABLE and CLV_MODEL, Segments); generating the customers and lines took ${generateMs.toFixed(0)} ms more`,
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

/** Edits timed in the browser (the median is the figure). */
const BROWSER_EDITS = 3;

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * The page as a user meets it (issue 17, item 5): the built playground in Chromium at `count` customers, the
 * workbook in its Web Worker. Open: from asking the worker until the workbook is open and evaluated (the page keeps
 * drawing meanwhile). Recalculate: from the edit of one revenue cell until its recalculation is made and the page
 * knows the new state. The longest main-thread block (long tasks, frame gaps) is printed with them.
 */
export async function browserLines(count: number): Promise<BenchLine[]> {
  const rows = count.toLocaleString('en-US');
  const openName = `Playground in Chromium: open the sample workbook with ${rows} customers (Web Worker; page ready)`;
  const recalcName = `Playground in Chromium: recalculate after editing one revenue cell (${rows} customers)`;
  if (!existsSync(CHROMIUM)) {
    const baselineMissing = `${CHROMIUM} is missing (scripts/ensure-chromium.sh installs it)`;
    return [
      { name: openName, baselineMissing },
      { name: recalcName, baselineMissing },
    ];
  }
  if (playgroundIsStale()) await buildPlayground();
  const serving = await serveStatic({ port: 0 });
  const profile = mkdtempSync(join(tmpdir(), 'segmentkit-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1600, height: 900 },
  });
  try {
    await context.addInitScript(BLOCK_WATCH);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${serving.url}?customers=${count}`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.segmentkitPlayground?.ready === true, undefined, { timeout: 900_000 });
    await page.waitForFunction(() => window.segmentkitPlayground!.workbook.quiet, undefined, { timeout: 60_000 });
    const opened = await page.evaluate(() => ({
      pageMs: window.segmentkitPlayground!.openMs,
      engineMs: window.segmentkitPlayground!.workbook.openMs,
    }));
    const watch = (): Promise<BlockWatch> =>
      page.evaluate(() => (window as unknown as { segmentkitBlockWatch: () => BlockWatch }).segmentkitBlockWatch());
    const atOpen = await watch();
    const edits: number[] = [];
    for (let i = 1; i <= BROWSER_EDITS; i++) {
      edits.push(
        await page.evaluate(
          async ({ col, value }) => {
            const workbook = window.segmentkitPlayground!.workbook;
            const start = performance.now();
            await workbook.setInput(workbook.sheetId('Customers'), 5, col, String(value));
            return performance.now() - start;
          },
          { col: REVENUE_COL, value: 900_000_000 + 1000 * i },
        ),
      );
    }
    const atEnd = await watch();
    const abc = await page.evaluate(() => window.segmentkitPlayground!.workbook.textsOf('Customers', 5, 4, 1, 1));
    const block = (w: BlockWatch): string =>
      `longest long task ${w.longestTaskMs.toFixed(0)} ms, longest frame gap ${w.longestGapMs.toFixed(0)} ms, ` +
      `${w.tasksOver200} tasks over 200 ms`;
    const browserMissing = 'no baseline: the figure is what the page waits for while it keeps drawing';
    return [
      {
        name: openName,
        figureMs: opened.pageMs,
        baselineMissing: browserMissing,
        note: `the worker built and evaluated it in ${opened.engineMs.toFixed(0)} ms; page's main thread until then: ${block(atOpen)}`,
      },
      {
        name: recalcName,
        figureMs: median(edits),
        baselineMissing: browserMissing,
        note: `median of ${BROWSER_EDITS} edits (${edits.map((ms) => ms.toFixed(0)).join(', ')} ms); page's main thread through open and edits: ${block(atEnd)}; edited customer's ABC class: ${abc[0]?.[0] ?? ''}`,
      },
    ];
  } finally {
    await context.close().catch(() => undefined);
    await serving.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// `npx tsx bench/playground.ts`: these lines alone (results in the system's temp folder, not bench/results.json).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { report } = await import('./report.js');
  report(await playgroundLines(), join(tmpdir(), 'segmentkit-bench-playground.json'));
}
