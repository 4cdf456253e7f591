/**
 * The side panel against a fake Excel that refuses requests and responses over 5 MB, as Excel on the web does,
 * and counts sync() calls: tagging 100,000 rows × 10 columns, exact undo, confirmation, recovery from a failure
 * half way, text that stays text.
 */
import { describe, expect, it } from 'vitest';
import { applyPlan, undoApply } from '../core/engine/apply.js';
import { createExcelHost } from '../addin/excel-panel-host.js';
import { ExcelSheetIO } from '../addin/excel-sheet-io.js';
import { asSerial, customerPlan, customerTable } from './hosts/customer-table.js';
import { FakeExcel } from './hosts/fake-excel.js';

function workbook(rows: number): FakeExcel {
  const excel = new FakeExcel('Khách hàng');
  excel.sheet('Khách hàng').fill(customerTable(rows, asSerial));
  return excel;
}

const plan = customerPlan;

const never = new AbortController().signal;

describe('the Excel panel host under the 5 MB limit', () => {
  it('tags 100,000 rows × 10 columns in chunks, one sync per chunk', async () => {
    const excel = workbook(100_000);
    const host = createExcelHost({ run: excel.run });
    const tagged = Array.from({ length: 100_000 }, (_, i) => i).filter((i) => i % 3 === 0);
    const result = await host.apply(
      {
        plan: plan(100_000, { method: 'tags', columns: {}, options: { tag: 'Người quyết định', taggedRows: tagged } }),
        confirmOverwrite: false,
        summarySheet: false,
      },
      () => {},
      never,
    );
    expect(result.kind).toBe('applied');
    const sheet = excel.sheet('Khách hàng');
    expect(sheet.peek(0, 10).value).toBe('Nhãn');
    expect(sheet.peek(1, 10).value).toBe('Người quyết định');
    expect(sheet.peek(2, 10).value).toBe('');
    expect(sheet.peek(1, 3).fill).toMatch(/^#[0-9a-f]{6}$/);
    expect(sheet.peek(2, 3).fill).toBeNull();
    expect(excel.stats.largestRequestBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(excel.stats.largestResponseBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(excel.stats.syncs).toBeGreaterThan(4);
    expect(excel.stats.calculationSuspensions).toBeGreaterThan(0);
    console.log(
      `tagging 100,000 × 10 in the fake Excel: ${excel.stats.syncs} syncs, largest request ${(excel.stats.largestRequestBytes / 2 ** 20).toFixed(2)} MB, largest response ${(excel.stats.largestResponseBytes / 2 ** 20).toFixed(2)} MB`,
    );
  });

  it('an unchunked write of the same column is refused, so the limit is real', async () => {
    const excel = workbook(100_000);
    const io = new ExcelSheetIO(excel.run, 'Khách hàng', 64 * 1024 * 1024);
    await expect(io.readValues({ row: 0, col: 0, rows: 100_001, cols: 10 })).rejects.toThrow(
      /PayloadSizeLimitExceeded/,
    );
  });

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
    expect(await host.undo()).toBe(true);
    expect(sheet.dump()).toEqual(before);
    expect(excel.sheets.has('Tổng hợp phân khúc')).toBe(false);
  });

  it('a failure half way through the writes leaves the sheet as it was', async () => {
    const excel = workbook(2_000);
    const sheet = excel.sheet('Khách hàng');
    const before = sheet.dump();
    const io = new ExcelSheetIO(excel.run, 'Khách hàng', 20_000);
    const reads = 6;
    excel.failAtSync = reads + 40;
    await expect(applyPlan(io, plan(2_000), false)).rejects.toThrow('injected');
    expect(io.stats.chunks).toBeGreaterThan(reads + 30);
    expect(sheet.dump()).toEqual(before);
  });

  it('writes a tag that looks like a formula as text', async () => {
    const excel = workbook(10);
    const io = new ExcelSheetIO(excel.run, 'Khách hàng');
    const outcome = await applyPlan(
      io,
      plan(10, { method: 'tags', columns: {}, options: { tag: '=1+1', taggedRows: [0, 4] } }),
      false,
    );
    expect(outcome.kind).toBe('applied');
    const cell = excel.sheet('Khách hàng').peek(1, 10);
    expect(cell).toMatchObject({ value: '=1+1', formula: null, numberFormat: '@' });
    if (outcome.kind === 'applied') await undoApply(io, outcome.undo);
    expect(excel.sheet('Khách hàng').peek(1, 10)).toMatchObject({ value: '', formula: null, numberFormat: 'General' });
  });

  it('finds the table around the selection and keeps the own tags with the document', async () => {
    const excel = workbook(50);
    excel.selection = { row: 3, col: 1, rows: 4, cols: 2 };
    const saved = new Map<string, unknown>();
    const documentSettings = {
      get: (k: string) => saved.get(k),
      set: (k: string, v: unknown) => void saved.set(k, v),
      saveAsync: (done?: (r: { status: string }) => void) => done?.({ status: 'succeeded' }),
    };
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
    expect(await createExcelHost({ run: excel.run, documentSettings, userStore }).loadSettings()).toEqual({
      lang: 'vi',
      customTags: ['Đại lý cấp 1'],
    });
  });
});
