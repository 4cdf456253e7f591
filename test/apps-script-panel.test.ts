/**
 * The Sheets side panel's server, as Apps Script runs it: the built Code.js in a node:vm context with a fake
 * SpreadsheetApp that counts calls. One apply on 100,000 rows makes one read and two writes; undo is exact;
 * nothing is overwritten without the flag; text stays text; a cancelled run puts the sheet back; everything that
 * crosses the bridge is plain JSON.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../core/engine/plan.js';
import type { ApplyResult, TableInfo } from '../panel/host.js';
import { SERVER_FUNCTIONS } from '../apps-script/bridge.js';
import { asDate, customerPlan, customerTable } from './hosts/customer-table.js';
import { FakeSpreadsheetApp } from './hosts/fake-spreadsheet-app.js';
import { ensureCodeJs, loadCodeJs } from './hosts/sheets-vm.js';

beforeAll(ensureCodeJs);

function setUp(rows: number) {
  const app = new FakeSpreadsheetApp('Khách hàng');
  app.sheet('Khách hàng').fill(customerTable(rows, asDate));
  const script = loadCodeJs({ globals: app.globals() });
  const call = <T>(name: string, ...args: unknown[]): T => {
    const answer = script.call(
      name,
      args.map((a) => JSON.parse(JSON.stringify(a)) as unknown),
    );
    // What google.script.run would hand the sidebar: JSON only.
    expect(JSON.parse(JSON.stringify(answer ?? null))).toEqual(answer ?? null);
    return answer as T;
  };
  return { app, sheet: app.sheet('Khách hàng'), call };
}

const rfm = (table: TableInfo, change: Partial<Plan> = {}): Plan =>
  customerPlan(table.table.rows - 1, { sheetName: table.sheetName, table: table.table, ...change });

describe('the Sheets panel server in Code.js', () => {
  it('is reachable from google.script.run and the menu', () => {
    const { app, call } = setUp(5);
    const script = loadCodeJs({ globals: app.globals() });
    for (const name of SERVER_FUNCTIONS)
      expect(typeof (script.context as Record<string, unknown>)[name]).toBe('function');
    call('onOpen');
    expect(app.menu).toEqual(['Open panel → showSidebar']);
    call('showSidebar');
    expect(app.sidebars).toEqual([{ file: 'Sidebar', title: 'SegmentKit' }]);
  });

  it('applies RFM to 100,000 rows with one read and two writes', () => {
    const { app, sheet, call } = setUp(100_000);
    sheet.active = { row: 5, col: 2, rows: 1, cols: 1 };
    const table = call<TableInfo>('segmentkitDetectTable');
    expect(table.table).toEqual({ row: 0, col: 0, rows: 100_001, cols: 10 });
    app.calls.reset();
    const result = call<ApplyResult>(
      'segmentkitApply',
      { plan: rfm(table), confirmOverwrite: false, summarySheet: false },
      'run-1',
    );
    expect(result.kind).toBe('applied');
    const { reads, writes, copies, checks } = app.calls;
    console.log(
      `one apply on 100,000 rows: ${reads} read, ${writes} writes, ${copies} copy for undo, ${checks} blank check`,
      Object.fromEntries(app.calls.byName),
    );
    expect(reads).toBeLessThanOrEqual(1);
    expect(writes).toBeLessThanOrEqual(2);
    expect(sheet.peek(1, 11).value).toBe('Phân khúc');
    expect(typeof sheet.peek(2, 11).value).toBe('string');
    expect(sheet.peek(2, 1).background).toMatch(/^#[0-9a-f]{6}$/);
    expect(sheet.peek(1, 1).background).toBeNull();
  });

  it('undo puts back values, formulas, formats and colours exactly, and removes its copies', () => {
    const { app, sheet, call } = setUp(300);
    Object.assign(sheet.cell(4, 11), { value: 0, formula: '=I4*2', numberFormat: '0.00', background: '#ff0000' });
    Object.assign(sheet.cell(6, 3), { background: '#00ff00' });
    const before = sheet.dump();
    const table = call<TableInfo>('segmentkitDetectTable');
    expect(table.outputColumn).toBeUndefined();
    const plan = rfm({ ...table, table: { ...table.table, cols: 10 } });
    expect(call('segmentkitApply', { plan, confirmOverwrite: false, summarySheet: true }, 'r1')).toMatchObject({
      kind: 'needsConfirmation',
      target: 'K1:K301',
      nonEmpty: 1,
    });
    expect(sheet.dump()).toEqual(before);
    expect(app.sheets.map((s) => s.getName())).toEqual(['Khách hàng']);
    const applied = call<ApplyResult>('segmentkitApply', { plan, confirmOverwrite: true, summarySheet: true }, 'r2');
    expect(applied).toMatchObject({ kind: 'applied', summarySheet: 'Tổng hợp phân khúc' });
    expect(app.sheet('Tổng hợp phân khúc').charts).toHaveLength(1);
    expect(call('segmentkitLastApply')).toEqual({ description: 'rfm → Phân khúc' });
    expect(call('segmentkitUndo')).toBe(true);
    expect(sheet.dump()).toEqual(before);
    expect(app.sheets.map((s) => s.getName())).toEqual(['Khách hàng']);
    expect(call('segmentkitLastApply')).toBeNull();
  });

  it('writes a tag that looks like a formula as text', () => {
    const { sheet, call } = setUp(10);
    sheet.active = { row: 3, col: 1, rows: 2, cols: 4 };
    const table = call<TableInfo>('segmentkitDetectTable');
    expect(table.selectedRows).toEqual([1, 2]);
    const plan = rfm(table, { method: 'tags', columns: {}, options: { tag: '=1+1', taggedRows: table.selectedRows } });
    expect(call<ApplyResult>('segmentkitApply', { plan, confirmOverwrite: false, summarySheet: false }, 't').kind).toBe(
      'applied',
    );
    expect(sheet.peek(3, 11)).toMatchObject({ value: '=1+1', formula: null });
    expect(sheet.peek(1, 11)).toMatchObject({ value: 'Nhãn', formula: null });
  });

  it('a run cancelled half way puts the sheet back, and reports progress meanwhile', () => {
    const { app, sheet, call } = setUp(200);
    const before = sheet.dump();
    const table = call<TableInfo>('segmentkitDetectTable');
    const phases: string[] = [];
    app.onCachePut = (key, value) => {
      if (!key.startsWith('segmentkit.progress.')) return;
      const { phase } = JSON.parse(value) as { phase: string };
      phases.push(phase);
      if (phase === 'write') call('segmentkitCancel', 'c1');
    };
    expect(call('segmentkitApply', { plan: rfm(table), confirmOverwrite: false, summarySheet: false }, 'c1')).toEqual({
      kind: 'cancelled',
    });
    expect(phases).toEqual(['read', 'compute', 'save', 'write']);
    expect(call('segmentkitProgress', 'c1')).toEqual({ fraction: 0.6, phase: 'write' });
    expect(sheet.dump()).toEqual(before);
    expect(app.sheets).toHaveLength(1);
  });

  it('keeps the language per user and the own tags in the document', () => {
    const { app, call } = setUp(3);
    call('segmentkitSaveSettings', { lang: 'vi', customTags: ['Đại lý cấp 1'] });
    expect(call('segmentkitLoadSettings')).toEqual({ lang: 'vi', customTags: ['Đại lý cấp 1'] });
    expect(app.userProperties.getProperty('segmentkit.lang')).toBe('vi');
  });
});
