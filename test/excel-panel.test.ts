/**
 * The side panel against a fake Excel that refuses requests and responses over 5 MB, as Excel on the web does,
 * and counts sync() calls: exact undo, confirmation, recovery from a failure half way, text that stays text
 * (tagging 100,000 rows × 10 columns in chunks: excel-panel.scale.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../core/engine/apply.js';
import { MemoryUndoStore } from '../core/engine/memory-sheet.js';
import { undoLast } from '../core/engine/undo.js';
import { ExcelSheetIO } from '../addin/excel-sheet-io.js';
import { createExcelHost, never, plan, workbook } from './hosts/excel-panel-workbook.js';

describe('the Excel panel host under the 5 MB limit', () => {
  // Tagging 100,000 rows × 10 columns, and an unchunked read of them refused: excel-panel.scale.test.ts.
  it('apply then undo leaves values, formulas, number formats and fills identical', async () => {
    const excel = workbook(500);
    const sheet = excel.sheet('Khách hàng');
    Object.assign(sheet.cell(3, 10), { value: 0, formula: '=I4*2' });
    Object.assign(sheet.cell(4, 10), { value: 'ghi chú', numberFormat: '@', fill: '#ff0000' });
    Object.assign(sheet.cell(5, 2), { fill: '#00ff00' });
    const before = sheet.dump();
    const host = createExcelHost({ run: excel.run });
    const first = await host.apply({ plan: plan(500), confirmOverwrite: false, summarySheet: true }, () => {}, never);
    expect(first).toMatchObject({ kind: 'needsConfirmation', target: 'K1:K501', nonEmpty: 2 });
    expect(sheet.dump()).toEqual(before);
    const applied = await host.apply({ plan: plan(500), confirmOverwrite: true, summarySheet: true }, () => {}, never);
    expect(applied).toMatchObject({ kind: 'applied', summarySheet: 'Tổng hợp phân khúc' });
    expect(excel.sheet('Tổng hợp phân khúc').charts).toHaveLength(1);
    expect(sheet.peek(0, 10).value).toBe('Phân khúc');
    expect(await host.undo()).toEqual({ kind: 'undone' });
    expect(sheet.dump()).toEqual(before);
    expect(excel.sheets.has('Tổng hợp phân khúc')).toBe(false);
  });

  it('a summary sheet that cannot be added leaves the sheet as it was, with nothing to undo', async () => {
    const excel = workbook(300);
    const sheet = excel.sheet('Khách hàng');
    const before = sheet.dump();
    excel.refuseSheet = (name) => name.startsWith('Tổng hợp');
    const host = createExcelHost({ run: excel.run });
    await expect(
      host.apply({ plan: plan(300), confirmOverwrite: false, summarySheet: true }, () => {}, never),
    ).rejects.toThrow('cannot add the sheet');
    expect(sheet.dump()).toEqual(before);
    expect(await host.lastApply()).toBeUndefined();
  });

  it('a failure half way through the writes leaves the sheet as it was', async () => {
    const excel = workbook(2_000);
    const sheet = excel.sheet('Khách hàng');
    const before = sheet.dump();
    const io = new ExcelSheetIO(excel.run, 'Khách hàng', 20_000);
    const store = new MemoryUndoStore();
    const reads = 6;
    excel.failAtSync = reads + 40;
    await expect(applyPlan({ io, store }, plan(2_000), false)).rejects.toThrow('injected');
    expect(io.stats.chunks).toBeGreaterThan(reads + 30);
    expect(sheet.dump()).toEqual(before);
    expect(await store.load()).toBeUndefined();
  });

  it('two syncs in a row failing half way, at every sync of an apply: nothing is lost', async () => {
    const probe = workbook(40);
    const start = probe.stats.syncs;
    await createExcelHost({ run: probe.run }).apply(
      { plan: plan(40), confirmOverwrite: true, summarySheet: true },
      () => {},
      never,
    );
    const syncs = probe.stats.syncs - start;
    let unfinished = 0;
    for (let at = 1; at <= syncs; at++) {
      const excel = workbook(40);
      const sheet = excel.sheet('Khách hàng');
      sheet.type(3, 10, "'00123");
      sheet.type(4, 10, '=1+1');
      const before = sheet.dump();
      excel.failSync({ at, times: 2, applyFirst: 'half' });
      const host = createExcelHost({ run: excel.run });
      const error = await host
        .apply({ plan: plan(40), confirmOverwrite: true, summarySheet: true }, () => {}, never)
        .then(
          () => undefined,
          (e: unknown) => e as Error,
        );
      const last = await createExcelHost({ run: excel.run }).lastApply();
      if (error && last?.unfinished) {
        // The rollback met the second failure: both errors are reported and undo finishes the job.
        unfinished++;
        expect(error.message).toMatch(/ConnectionFailure[\s\S]*putting the sheet back failed too/);
        expect(await createExcelHost({ run: excel.run }).undo(true)).toEqual({ kind: 'undone' });
      }
      if (error) expect(sheet.dump(), `failing at sync ${at}`).toEqual(before);
    }
    console.log(`an apply of 40 rows makes ${syncs} syncs; ${unfinished} double failures left a rollback to finish`);
    expect(unfinished).toBeGreaterThan(0);
  });

  it('writes a tag that looks like a formula as text, and undo puts back the blank', async () => {
    const excel = workbook(10);
    const io = new ExcelSheetIO(excel.run, 'Khách hàng');
    const store = new MemoryUndoStore();
    const outcome = await applyPlan(
      { io, store },
      plan(10, { method: 'tags', columns: {}, options: { tag: '=1+1', taggedRows: [0, 4] } }),
      false,
    );
    expect(outcome.kind).toBe('applied');
    const cell = excel.sheet('Khách hàng').peek(1, 10);
    expect(cell).toMatchObject({ value: '=1+1', formula: null, numberFormat: '@' });
    expect(await undoLast({ io: () => io, store })).toEqual({ kind: 'undone' });
    expect(excel.sheet('Khách hàng').peek(1, 10)).toMatchObject({ value: '', formula: null, numberFormat: 'General' });
  });

  it('finds the table around the selection and keeps the own tags with the document', async () => {
    const excel = workbook(50);
    excel.selection = { row: 3, col: 1, rows: 4, cols: 2 };
    const documentSettings = excel.office.context.document.settings;
    const user = new Map<string, string>();
    const userStore = {
      getItem: (k: string) => user.get(k) ?? null,
      setItem: (k: string, v: string) => void user.set(k, v),
    };
    const host = createExcelHost({ run: excel.run, documentSettings, userStore });
    const table = await host.detectTable();
    expect(table).toMatchObject({ sheetName: 'Khách hàng', table: { row: 0, col: 0, rows: 51, cols: 10 } });
    expect(table.selectedRows).toEqual([2, 3, 4, 5]);
    await host.saveSettings({ lang: 'vi', customTags: ['Đại lý cấp 1'] });
    excel.reopen();
    expect(await createExcelHost({ run: excel.run, documentSettings, userStore }).loadSettings()).toEqual({
      lang: 'vi',
      customTags: ['Đại lý cấp 1'],
    });
  });
});
