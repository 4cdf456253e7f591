/**
 * Panel I/O in the fakes the tests use: sync() calls in a fake Excel that refuses payloads over 5 MB, and
 * SpreadsheetApp calls in a fake Sheets running the built Code.js, for 100,000-row tables.
 */
import { createExcelHost } from '../addin/excel-panel-host.js';
import type { Plan } from '../core/engine/plan.js';
import { asDate, asSerial, customerPlan, customerTable } from '../test/hosts/customer-table.js';
import { FakeExcel } from '../test/hosts/fake-excel.js';
import { FakeSpreadsheetApp } from '../test/hosts/fake-spreadsheet-app.js';
import { ensureCodeJs, loadCodeJs } from '../test/hosts/sheets-vm.js';
import type { BenchLine } from './report.js';

const ROWS = 100_000;
const plan = (change: Partial<Plan>): Plan => customerPlan(ROWS, change);

async function excelRun(change: Partial<Plan>): Promise<FakeExcel> {
  const excel = new FakeExcel('Khách hàng');
  excel.sheet('Khách hàng').fill(customerTable(ROWS, asSerial));
  const host = createExcelHost({ run: excel.run, documentSettings: excel.office.context.document.settings });
  const result = await host.apply(
    { plan: plan(change), confirmOverwrite: true, summarySheet: false },
    () => {},
    new AbortController().signal,
  );
  if (result.kind !== 'applied') throw new Error(`the Excel apply answered ${result.kind}`);
  return excel;
}

export async function excelIoLines(): Promise<BenchLine[]> {
  const tagged = Array.from({ length: ROWS }, (_, i) => i).filter((i) => i % 3 === 0);
  const tagging = await excelRun({
    method: 'tags',
    columns: {},
    options: { tag: 'Người quyết định', taggedRows: tagged },
  });
  const rfm = await excelRun({});
  const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(2);
  return [
    {
      name: 'Excel panel: tag 100,000 rows × 10 columns (rows coloured), fake Excel with the 5 MB limit',
      figure: tagging.stats.syncs,
      unit: 'sync() calls',
      note: `largest request ${mb(tagging.stats.largestRequestBytes)} MB, largest response ${mb(tagging.stats.largestResponseBytes)} MB (limit 5 MB)`,
    },
    {
      name: 'Excel panel: RFM on 100,000 rows × 10 columns (rows coloured)',
      figure: rfm.stats.syncs,
      unit: 'sync() calls',
      note: `largest request ${mb(rfm.stats.largestRequestBytes)} MB, largest response ${mb(rfm.stats.largestResponseBytes)} MB`,
    },
  ];
}

export async function sheetsIoLines(): Promise<BenchLine[]> {
  await ensureCodeJs();
  const app = new FakeSpreadsheetApp('Khách hàng');
  const sheet = app.sheet('Khách hàng');
  sheet.fill(customerTable(ROWS, asDate));
  const script = loadCodeJs({ globals: app.globals() });
  app.calls.reset();
  sheet.calls.reset();
  const result = script.call('segmentkitApply', [
    { plan: plan({}), confirmOverwrite: false, summarySheet: false },
    'bench',
  ]) as {
    kind: string;
  };
  if (result.kind !== 'applied') throw new Error(`the Sheets apply answered ${result.kind}`);
  const { reads, writes, copies, checks } = sheet.calls;
  return [
    {
      name: 'Sheets panel: RFM on 100,000 rows × 10 columns (rows coloured), strict fake SpreadsheetApp',
      figure: reads + writes,
      unit: `range calls on the user's sheet: ${reads} read, ${writes} writes (target ≤ 1 read, ≤ 2 writes: ${reads <= 1 && writes <= 2 ? 'met' : 'MISSED'})`,
      note: `plus ${copies} copyTo to the hidden undo sheet and ${checks} isBlank check; all calls: ${[...app.calls.byName].map(([k, v]) => `${k} ${v}`).join(', ')}`,
    },
  ];
}
