/**
 * *Open an order file* in the built playground, in Chromium (issue 19, item 3): the panel's RFM on order lines offers
 * it; DuckDB-Wasm loads from the page's own origin (its wasm and worker under duckdb/); a generated CSV picked by
 * the user becomes the customer table on a new sheet, equal to RFM_TABLE on the same lines as the core computes it;
 * progress shows while the file is read; Cancel stops it and writes nothing; undo removes the sheet. The test fails on
 * any request that leaves localhost (the harness records every request).
 *
 * Sizes: a small file (3,000 lines) for the cell-by-cell check, and a large one for progress, Cancel and a full run:
 * SEGMENTKIT_ORDER_FILE_LINES lines, 300,000 by default so the test stays within a couple of minutes on 2 cores;
 * 10,000,000 (the size) was run by hand with SEGMENTKIT_ORDER_FILE_LINES=10000000 (figures in the README).
 * The files are written under the temp folder; a screenshot of the panel after the small file goes to test/artifacts/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOrdersCsv } from '../../bench/cli.js';
import { guessMapping, guessRevenueSource } from '../../core/engine/columns.js';
import type { Plan } from '../../core/engine/plan.js';
import { segmentOrderLines } from '../../core/engine/rfm-orders.js';
import { isDateOut } from '../../core/output.js';
import { ARTIFACTS, isLocal, openPlayground, openSession, type Session } from './harness.js';
import { RFM_TABLE_HEADER } from '../cases/rfm.js';

const LINES = Number(process.env.SEGMENTKIT_ORDER_FILE_LINES ?? 300_000);
const SMALL_LINES = 3_000;

let session: Session;
const folder = mkdtempSync(join(tmpdir(), 'segmentkit-order-file-'));
let small: string;
let large: string;

beforeAll(async () => {
  small = join(folder, 'orders-small.csv');
  large = join(folder, 'orders-large.csv');
  await writeOrdersCsv(small, SMALL_LINES, 11);
  await writeOrdersCsv(large, LINES, 7);
  session = await openSession({ width: 1600, height: 900 });
  await openPlayground(session);
}, 600_000);

afterAll(async () => {
  await session?.close();
  rmSync(folder, { recursive: true, force: true });
});

const panel = () => session.page.getByTestId('segmentkit-panel');

async function sheetNames(): Promise<string[]> {
  return session.page.evaluate(() => window.segmentkitPlayground!.workbook.sheetNames());
}

/** The one sheet added since `before`. */
async function addedSheet(before: readonly string[]): Promise<string> {
  const added = (await sheetNames()).filter((name) => !before.includes(name));
  expect(added).toHaveLength(1);
  expect(added[0]).toMatch(/^Customers( \(\d+\))?$/);
  return added[0] as string;
}

async function values(sheet: string, rows: number, cols: number): Promise<unknown[][]> {
  return session.page.evaluate(
    async ({ sheet, rows, cols }) => {
      const block = await window.segmentkitPlayground!.workbook.valuesOf(sheet, 0, 0, rows, cols);
      return block.map((line) => line.map((v) => (typeof v === 'object' && v !== null ? 'error' : v)));
    },
    { sheet, rows, cols },
  );
}

/** RFM_TABLE on the file's lines as the core computes it (the panel's RFM on order lines). */
function coreTable(path: string): unknown[][] {
  const parsed = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true }).data;
  const [header, ...rows] = parsed as [string[], ...string[][]];
  const columns = guessMapping('rfmOrders', header, rows.slice(0, 10));
  const plan: Plan = {
    sheetName: 'Orders',
    table: { row: 0, col: 0, rows: rows.length + 1, cols: header.length },
    method: 'rfmOrders',
    columns,
    options: { revenueFrom: guessRevenueSource(columns), values: {} },
    lang: 'en',
    colorRows: false,
  };
  return segmentOrderLines(plan, header, rows).customers.map((row) =>
    row.map((cell) => (isDateOut(cell) ? cell.serial : cell)),
  );
}

/** Resident memory of Chromium's processes now (MB; shared pages counted in each process, so an upper bound). */
function chromiumMb(): number {
  try {
    const kb = execFileSync('ps', ['-C', 'chromium', '-o', 'rss='], { encoding: 'utf8' })
      .split('\n')
      .reduce((sum, line) => sum + (Number(line.trim()) || 0), 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

/** The progress line's phase, from its text. */
function phaseOf(text: string): string {
  if (/^Loading/.test(text)) return 'load';
  if (/^Looking/.test(text)) return 'settle';
  if (/^Reading/.test(text)) return 'read';
  if (/^Scoring/.test(text)) return 'score';
  if (/^Taking out/.test(text)) return 'table';
  if (/^Writing/.test(text)) return 'write';
  return 'other';
}

describe('Open an order file in the playground (DuckDB-Wasm, Chromium)', () => {
  it('RFM on order lines offers it; a small file becomes the customer sheet RFM_TABLE gives on the same lines', async () => {
    await panel().getByTestId('language').selectOption('en');
    await panel().locator('.sk-steps button').first().click();
    // Before a table is found (an empty workbook has none), the table step offers it too.
    await panel().getByTestId('open-order-file').waitFor();
    await panel().locator('[data-step="range"] button').click();
    await panel().getByTestId('table-found').waitFor();
    await panel().getByTestId('next').click();
    // Not offered with another method.
    await panel().locator('[data-step="method"] input[value="abc"]').check();
    expect(await panel().getByTestId('open-order-file').count()).toBe(0);
    await panel().locator('[data-step="method"] input[value="rfmOrders"]').check();
    await panel().getByTestId('open-order-file').waitFor();

    const before = await sheetNames();
    await panel().getByTestId('order-file-input').setInputFiles(small);
    await panel().getByTestId('order-file-written').waitFor({ timeout: 120_000 });
    await panel()
      .getByTestId('order-file')
      .screenshot({ path: `${ARTIFACTS}order-file-written.png` });
    const sheet = await addedSheet(before);
    const want = coreTable(small);
    const got = await values(sheet, want.length + 1, 10);
    expect(got.length).toBeGreaterThanOrEqual(want.length);
    want.forEach((row, r) =>
      row.forEach((cell, c) => {
        const value = got[r]?.[c] ?? '';
        if (typeof cell === 'number') expect(Number(value), `row ${r + 1}, col ${c + 1}`).toBeCloseTo(cell, 6);
        else expect(value === null ? '' : String(value), `row ${r + 1}, col ${c + 1}`).toBe(String(cell ?? ''));
      }),
    );
    expect(got[want.length]?.every((v) => v === null || v === '')).toBe(true);
    // The undo bar offers it; undo removes the sheet.
    await panel().getByTestId('undo').click();
    await expect.poll(sheetNames).toEqual(before);
  });

  it(`Cancel while a ${LINES.toLocaleString('en')}-line file is read stops it and writes nothing`, async () => {
    const before = await sheetNames();
    await panel().getByTestId('order-file-input').setInputFiles(large);
    const progress = panel().getByTestId('order-file-progress');
    await expect.poll(() => progress.textContent(), { timeout: 60_000 }).toMatch(/lines/);
    await panel().getByTestId('order-file-cancel').click();
    await panel().getByTestId('order-file-cancelled').waitFor({ timeout: 30_000 });
    expect(await sheetNames()).toEqual(before);
  });

  it(
    `a ${LINES.toLocaleString('en')}-line file: progress shows, the customer sheet is written`,
    async () => {
      const before = await sheetNames();
      const seen = new Set<string>();
      // Each phase: when it was first seen (s from the pick) and the peak memory while it was on show.
      const phases = new Map<string, { at: number; peakMb: number }>();
      const start = performance.now();
      await panel().getByTestId('order-file-input').setInputFiles(large);
      const progress = panel().getByTestId('order-file-progress');
      const written = panel().getByTestId('order-file-written');
      for (;;) {
        if (await written.isVisible()) break;
        const text = (await progress.textContent().catch(() => null)) ?? '';
        if (text) seen.add(text.replace(/[\d.,]+/g, '#'));
        const phase = phaseOf(text);
        const entry = phases.get(phase) ?? { at: (performance.now() - start) / 1000, peakMb: 0 };
        entry.peakMb = Math.max(entry.peakMb, chromiumMb());
        phases.set(phase, entry);
        await new Promise((done) => setTimeout(done, 250));
      }
      const seconds = (performance.now() - start) / 1000;
      expect([...seen].some((t) => /Reading .*lines/.test(t))).toBe(true);
      const head = await values(await addedSheet(before), 2, 10);
      expect(head[0]).toEqual([...RFM_TABLE_HEADER]);
      expect(String(head[1]?.[0])).toMatch(/^KH\d{7}$/);
      const summary = await panel().getByTestId('order-file-summary').locator('strong').first().textContent();
      const peakMb = Math.max(...[...phases.values()].map((p) => p.peakMb));
      console.log(
        `order file: ${LINES} lines (${(statSync(large).size / 1e6).toFixed(0)} MB) → ${summary} in ` +
          `${seconds.toFixed(1)} s, Chromium peak RSS ${peakMb} MB; phases (from s, peak MB): ` +
          [...phases].map(([name, p]) => `${name} ${p.at.toFixed(1)} s ${p.peakMb} MB`).join(', '),
      );
      // Undo takes the sheet away again.
      await panel().getByTestId('undo').click();
      await expect.poll(sheetNames, { timeout: 120_000 }).toEqual(before);
    },
    120_000 + LINES * 0.3,
  );

  it('made no request outside localhost', () => {
    expect(session.requests.filter((url) => !isLocal(url))).toEqual([]);
    expect(session.requests.some((url) => url.endsWith('/duckdb/duckdb-eh.wasm'))).toBe(true);
    expect(session.errors.filter((e) => !/ResizeObserver/.test(e))).toEqual([]);
  });
});
