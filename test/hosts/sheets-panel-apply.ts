/**
 * One preview, apply and undo of RFM through the Sheets panel server in the built Code.js (node:vm) on a fake
 * SpreadsheetApp that counts calls: shared by apps-script-panel.dist.test.ts (a few thousand rows) and
 * apps-script-panel.scale.test.ts (100,000 rows).
 */
import { expect } from 'vitest';
import type { Plan } from '../../core/engine/plan.js';
import type { ApplyResult, TableInfo } from '../../panel/host.js';
import { asDate, customerPlan, customerTable } from './customer-table.js';
import { FakeSpreadsheetApp } from './fake-spreadsheet-app.js';
import { loadCodeJs } from './sheets-vm.js';

/** The RFM plan of the customer table over a detected table. */
export const rfm = (table: TableInfo, change: Partial<Plan> = {}): Plan =>
  customerPlan(table.table.rows - 1, { sheetName: table.sheetName, table: table.table, ...change });

/** On `rows` customers × `cols` columns: previews, applies (one read and two writes on the sheet), undoes exactly. */
export function previewApplyUndo(rows: number, cols: number): void {
  const app = new FakeSpreadsheetApp('Khách hàng');
  const sheet = app.sheet('Khách hàng');
  const table = customerTable(rows, asDate).map((line, r) => [
    ...line,
    ...Array.from({ length: cols - line.length }, (_, c) => (r === 0 ? `Cột ${c + 11}` : c + r)),
  ]);
  sheet.fill(table);
  const before = sheet.dump();
  const script = loadCodeJs({ globals: app.globals() });
  const call = <T>(name: string, ...args: unknown[]): T => script.call(name, args) as T;
  sheet.active = { row: 5, col: 2, rows: 1, cols: 1 };
  const detected = call<TableInfo>('segmentkitDetectTable');
  expect(detected.table).toEqual({ row: 0, col: 0, rows: rows + 1, cols });
  const preview = call<{ rows: number }>('segmentkitPreview', rfm(detected));
  expect(preview.rows).toBe(rows);
  app.calls.reset();
  sheet.calls.reset();
  const result = call<ApplyResult>(
    'segmentkitApply',
    { plan: rfm(detected), confirmOverwrite: false, summarySheet: false },
    'run-1',
  );
  expect(result.kind).toBe('applied');
  const { reads, writes, copies, checks } = sheet.calls;
  console.log(
    `one apply on ${rows} rows × ${cols} columns: on the sheet ${reads} read, ${writes} writes, ${copies} copies for undo, ${checks} blank check; everywhere`,
    Object.fromEntries(app.calls.byName),
  );
  expect(reads).toBeLessThanOrEqual(1);
  expect(writes).toBeLessThanOrEqual(2);
  expect(sheet.peek(1, cols + 1).value).toBe('Phân khúc');
  expect(typeof sheet.peek(2, cols + 1).value).toBe('string');
  expect(sheet.peek(2, 1).background).toMatch(/^#[0-9a-f]{6}$/);
  expect(sheet.peek(1, 1).background).toBeNull();
  expect(call('segmentkitUndo', false)).toEqual({ kind: 'undone' });
  expect(sheet.dump()).toEqual(before);
  expect(app.sheets.map((s) => s.getName())).toEqual(['Khách hàng']);
}
