/**
 * The Sheets side panel's server, as Apps Script runs it: the built Code.js in a node:vm context with a fake
 * SpreadsheetApp that counts calls. One apply makes one read and two writes (on 100,000 rows too, in
 * apps-script-panel.scale.test.ts); undo is exact; nothing is overwritten without the flag; text stays text; a
 * cancelled run puts the sheet back; everything that crosses the bridge is plain JSON.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../core/engine/plan.js';
import type { ApplyResult, TableInfo } from '../panel/host.js';
import { SERVER_FUNCTIONS } from '../apps-script/bridge.js';
import { asDate, customerTable } from './hosts/customer-table.js';
import { FakeSpreadsheetApp, SheetUser } from './hosts/fake-spreadsheet-app.js';
import { previewApplyUndo, rfm } from './hosts/sheets-panel-apply.js';
import { loadCodeJs, requireCodeJs, sidebarCall } from './hosts/sheets-vm.js';

beforeAll(requireCodeJs);

function setUp(rows: number) {
  const app = new FakeSpreadsheetApp('Khách hàng');
  app.sheet('Khách hàng').fill(customerTable(rows, asDate));
  const script = loadCodeJs({ globals: app.globals() });
  const call = sidebarCall(script);
  return { app, sheet: app.sheet('Khách hàng'), call };
}

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

  // 100,000 rows × 30 columns: apps-script-panel.scale.test.ts.
  it.each([
    [1_001, 10],
    [2_000, 30],
  ])(
    'previews, applies and undoes RFM on %i rows × %i columns: on the sheet one read and two writes',
    previewApplyUndo,
  );

  it('undo puts back values, formulas, formats and colours exactly, and removes its copies', () => {
    const { app, sheet, call } = setUp(300);
    new SheetUser(sheet).type(4, 11, '=I4*2');
    Object.assign(sheet.cell(4, 11), { numberFormat: '0.00', background: '#ff0000' });
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
    expect(call('segmentkitLastApply')).toEqual({ method: 'rfm', header: 'Phân khúc', unfinished: false });
    expect(call('segmentkitUndo', false)).toEqual({ kind: 'undone' });
    expect(sheet.dump()).toEqual(before);
    expect(app.sheets.map((s) => s.getName())).toEqual(['Khách hàng']);
    expect(call('segmentkitLastApply')).toBeNull();
  });

  it('a summary sheet that cannot be added leaves the sheet as it was, with no copies and nothing to undo', () => {
    const { app, sheet, call } = setUp(300);
    const before = sheet.dump();
    app.refuseSheet = (name) => name.startsWith('Tổng hợp');
    const table = call<TableInfo>('segmentkitDetectTable');
    expect(() =>
      call('segmentkitApply', { plan: rfm(table), confirmOverwrite: false, summarySheet: true }, 's1'),
    ).toThrow('You cannot add the sheet');
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

describe('the Sheets server checks what any sidebar hands it', () => {
  const plan = (table: TableInfo, change: Partial<Plan> = {}) => ({
    plan: rfm(table, change),
    confirmOverwrite: false,
    summarySheet: false,
  });

  it('refuses a sheet that is not there and SegmentKit’s own hidden sheets, in the user’s language', () => {
    const { call } = setUp(20);
    const table = call<TableInfo>('segmentkitDetectTable');
    expect(() => call('segmentkitApply', plan(table, { sheetName: 'Không có' }), 'x')).toThrow(
      /no sheet named "Không có"/,
    );
    call('segmentkitApply', plan(table), 'a');
    expect(() => call('segmentkitPreview', rfm(table, { sheetName: 'SegmentKit undo record x' }))).toThrow(
      /SegmentKit's own hidden sheet/,
    );
  });

  it.each([
    ['outside the grid', { row: 0, col: 0, rows: 2_000_000, cols: 10 }],
    ['not whole numbers', { row: 0.5, col: 0, rows: 21, cols: 10 }],
    ['not the detected table', { row: 0, col: 2, rows: 21, cols: 8 }],
    ['cut short at the bottom', { row: 0, col: 0, rows: 10, cols: 10 }],
  ])('refuses a table rectangle %s, and changes nothing', (_, rect) => {
    const { sheet, call } = setUp(20);
    const before = sheet.dump();
    const table = call<TableInfo>('segmentkitDetectTable');
    expect(() => call('segmentkitApply', plan({ ...table, table: rect }), 'x')).toThrow(/is not on the sheet/);
    expect(sheet.dump()).toEqual(before);
  });

  it('refuses a result column that is neither beside the table nor a result column', () => {
    const { sheet, call } = setUp(20);
    const before = sheet.dump();
    const table = call<TableInfo>('segmentkitDetectTable');
    expect(() => call('segmentkitApply', plan(table, { outputColumn: 3 }), 'x')).toThrow(/result column D/);
    expect(sheet.dump()).toEqual(before);
  });

  it('reads the undo record under the document lock', () => {
    const { app, call } = setUp(20);
    const table = call<TableInfo>('segmentkitDetectTable');
    call('segmentkitApply', plan(table), 'a');
    app.holdLockElsewhere();
    expect(() => call('segmentkitLastApply')).toThrow(/Another SegmentKit action/);
    expect(() => call('segmentkitUndo', false)).toThrow(/Another SegmentKit action/);
  });

  it.each([
    ['an unknown language', { lang: 'fr', customTags: [] }],
    ['tags that are not a list', { customTags: 'VIP' }],
    ['a tag that is not text', { customTags: [42] }],
    ['a tag over 100 characters', { customTags: ['x'.repeat(101)] }],
    ['more than 200 tags', { customTags: Array.from({ length: 201 }, (_, i) => `Nhãn ${i}`) }],
  ])('refuses settings with %s', (_, settings) => {
    const { app, call } = setUp(3);
    expect(() => call('segmentkitSaveSettings', settings)).toThrow(/cannot be saved/);
    expect(app.documentProperties.getProperty('segmentkit.customTags')).toBeNull();
  });
});
