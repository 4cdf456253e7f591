import { afterEach, describe, expect, it } from 'vitest';
import { guessMapping } from '../core/engine/columns.js';
import type { Plan } from '../core/engine/plan.js';
import { Workbook } from '../playground/engine/workbook.js';
import { createPlaygroundHost } from '../playground/panel/host.js';
import { PlaygroundSheetIO } from '../playground/panel/sheet-io.js';
import { sampleWorkbook } from '../playground/sample/sample-workbook.js';
import type { PanelHost, TableInfo } from '../panel/host.js';
import { applyPlan } from '../core/engine/apply.js';
import { PanelError } from '../core/engine/messages.js';
import { undoDataOf } from '../playground/panel/undo-store.js';

/** A small Orders sheet (50 customers): the panel works on the Customers sheet, and a full Orders sheet costs more. */
const ORDER_CUSTOMERS = 50;
const open: Workbook[] = [];

function setUp(): { workbook: Workbook; host: PanelHost; sheet: number } {
  const workbook = Workbook.open(sampleWorkbook(300, ORDER_CUSTOMERS));
  open.push(workbook);
  workbook.selection = { sheet: 'Customers', row: 1, col: 1, rows: 1, cols: 1, activeRow: 1, activeCol: 1 };
  return { workbook, host: createPlaygroundHost(workbook), sheet: workbook.sheetId('Customers') };
}

afterEach(() => open.splice(0).forEach((w) => w.destroy()));

/** Every cell as typed, its value and its fill, over the table and two columns beyond it. */
function snapshot(workbook: Workbook, sheet: number): unknown[] {
  const rows = 302;
  const cols = 24;
  const cells: unknown[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c <= cols; c++)
      cells.push([workbook.serialized(sheet, r, c), workbook.value(sheet, r, c), workbook.background(sheet, r, c)]);
  return cells;
}

function rfmPlan(table: TableInfo): Plan {
  return {
    sheetName: table.sheetName,
    table: table.table,
    method: 'rfm',
    columns: guessMapping('rfm', table.headers, table.sample),
    options: { values: { as_of: '2025-12-31' } },
    lang: 'en',
    colorRows: true,
  };
}

const never = new AbortController().signal;

describe('the playground panel host', () => {
  it('finds the customer table around the selection', async () => {
    const { host } = setUp();
    const table = await host.detectTable();
    expect(table.sheetName).toBe('Customers');
    expect(table.table).toMatchObject({ row: 0, col: 0, rows: 301 });
    expect(table.headers.slice(0, 2)).toEqual(['Customer ID', 'Company']);
    expect(Object.keys(guessMapping('rfm', table.headers, table.sample)).sort()).toEqual([
      'lastPurchase',
      'orders',
      'revenue',
    ]);
  });

  it('applies RFM (segment column and colours) and undo leaves every cell and colour as it was', async () => {
    const { workbook, host, sheet } = setUp();
    const table = await host.detectTable();
    const before = snapshot(workbook, sheet);
    const result = await host.apply(
      { plan: rfmPlan(table), confirmOverwrite: false, summarySheet: true },
      () => {},
      never,
    );
    expect(result.kind).toBe('applied');
    const col = table.table.cols;
    expect(workbook.value(sheet, 0, col)).toBe('Segment');
    expect(typeof workbook.value(sheet, 1, col)).toBe('string');
    expect(workbook.background(sheet, 1, 0)).toMatch(/^#[0-9a-f]{6}$/);
    expect(result.kind === 'applied' && result.summarySheet).toBe('Segment summary');
    expect(workbook.sheetNames()).toContain('Segment summary');
    expect(await host.lastApply()).toEqual({ method: 'rfm', header: 'Segment', unfinished: false });
    expect(await host.undo()).toEqual({ kind: 'undone' });
    expect(snapshot(workbook, sheet)).toEqual(before);
    expect(workbook.sheetNames()).not.toContain('Segment summary');
    expect(await host.lastApply()).toBeUndefined();
  });

  it('undo leaves the sheet exactly as wide and tall as before (no empty result column left behind)', async () => {
    const { workbook, host, sheet } = setUp();
    const table = await host.detectTable();
    const before = workbook.hf.getSheetDimensions(sheet);
    const grid = workbook.dimensions(sheet);
    await host.apply({ plan: rfmPlan(table), confirmOverwrite: false, summarySheet: false }, () => {}, never);
    expect(workbook.hf.getSheetDimensions(sheet)).toEqual({ ...before, width: before.width + 1 });
    expect(await host.undo()).toEqual({ kind: 'undone' });
    expect(workbook.hf.getSheetDimensions(sheet)).toEqual(before);
    expect(workbook.dimensions(sheet)).toEqual(grid);
  });

  it('keeps the sheet wider after undo when a formula refers to the emptied column', async () => {
    const { workbook, host, sheet } = setUp();
    const table = await host.detectTable();
    const col = table.table.cols;
    const before = workbook.hf.getSheetDimensions(sheet);
    await host.apply({ plan: rfmPlan(table), confirmOverwrite: false, summarySheet: false }, () => {}, never);
    const other = workbook.sheetId(workbook.sheetNames().find((n) => n !== 'Customers') as string);
    workbook.hf.setCellContents({ sheet: other, row: 0, col: 40 }, `=COUNTA(Customers!W1:W${table.table.rows})`);
    expect(await host.undo()).toEqual({ kind: 'undone' });
    expect(workbook.value(sheet, 0, col)).toBeNull();
    // Removing the column would have turned the user's formula into #REF!.
    expect(workbook.hf.getCellFormula({ sheet: other, row: 0, col: 40 })).toBe(
      `=COUNTA(Customers!W1:W${table.table.rows})`,
    );
    expect(workbook.value(other, 0, 40)).toBe(0);
    expect(workbook.hf.getSheetDimensions(sheet).width).toBe(before.width + 1);
  });

  it('undo puts back what was typed over: dates, percentages, plain text and text kept as text', async () => {
    const { workbook, host, sheet } = setUp();
    const table = await host.detectTable();
    const col = table.table.cols;
    const typed = ['2025-01-05', '05/01/2025', '12%', 'ghi chú', "'00123", '=1+2', 'TRUE', 42];
    typed.forEach((input, r) => workbook.hf.setCellContents({ sheet, row: 1 + r, col }, input));
    const cells = () =>
      typed.map((_, r) => {
        const address = { sheet, row: 1 + r, col };
        return [
          workbook.serialized(sheet, 1 + r, col),
          workbook.value(sheet, 1 + r, col),
          workbook.hf.getCellValueDetailedType(address),
        ];
      });
    const before = cells();
    const result = await host.apply(
      { plan: rfmPlan(table), confirmOverwrite: true, summarySheet: false },
      () => {},
      never,
    );
    expect(result.kind).toBe('applied');
    expect(await host.undo()).toEqual({ kind: 'undone' });
    expect(cells()).toEqual(before);
  });

  it('answers sheetMissing for a sheet that is not there, and undo says its sheet is gone', async () => {
    const { workbook, host } = setUp();
    const table = await host.detectTable();
    const error = await host.preview({ ...rfmPlan(table), sheetName: 'Nowhere' }).catch((e: unknown) => e);
    expect(PanelError.from(error)).toMatchObject({ code: 'sheetMissing', params: { sheet: 'Nowhere' } });
    await host.apply({ plan: rfmPlan(table), confirmOverwrite: false, summarySheet: false }, () => {}, never);
    workbook.removeSheet('Customers');
    const undo = await host.undo().catch((e: unknown) => e);
    expect(PanelError.from(undo)?.code).toBe('undoSheetGone');
  });

  it('keeps the undo data with the workbook: a panel opened later undoes the apply', async () => {
    const { workbook, host, sheet } = setUp();
    const table = await host.detectTable();
    const before = snapshot(workbook, sheet);
    await host.apply({ plan: rfmPlan(table), confirmOverwrite: false, summarySheet: false }, () => {}, never);
    const reopened = createPlaygroundHost(workbook);
    expect(await reopened.lastApply()).toMatchObject({ method: 'rfm', unfinished: false });
    expect(await reopened.undo()).toEqual({ kind: 'undone' });
    expect(snapshot(workbook, sheet)).toEqual(before);
    // Another workbook (a new page, an import) has nothing to undo.
    const other = Workbook.open(sampleWorkbook(20, ORDER_CUSTOMERS));
    open.push(other);
    expect(await createPlaygroundHost(other).lastApply()).toBeUndefined();
  });

  it('asks before writing over a column that holds something', async () => {
    const { workbook, host, sheet } = setUp();
    const table = await host.detectTable();
    workbook.setInput(sheet, 5, table.table.cols, 'note');
    const result = await host.apply(
      { plan: rfmPlan(table), confirmOverwrite: false, summarySheet: false },
      () => {},
      never,
    );
    expect(result).toMatchObject({ kind: 'needsConfirmation', nonEmpty: 1 });
    expect(workbook.value(sheet, 0, table.table.cols)).toBeNull();
  });

  it('stores a tag that looks like a formula as text', async () => {
    const { workbook, host, sheet } = setUp();
    workbook.selection = { sheet: 'Customers', row: 2, col: 0, rows: 2, cols: 3, activeRow: 2, activeCol: 0 };
    const table = await host.detectTable();
    expect(table.selectedRows).toEqual([1, 2]);
    const plan: Plan = { ...rfmPlan(table), method: 'tags', columns: {}, options: { tag: '=1+1', taggedRows: [1, 2] } };
    expect((await host.apply({ plan, confirmOverwrite: false, summarySheet: false }, () => {}, never)).kind).toBe(
      'applied',
    );
    const col = table.table.cols;
    expect(workbook.value(sheet, 2, col)).toBe('=1+1');
    expect(workbook.hf.doesCellHaveFormula({ sheet, row: 2, col })).toBe(false);
    expect(workbook.value(sheet, 0, col)).toBe('Tag');
  });

  it('a write that fails half way leaves the sheet as it was', async () => {
    const { workbook, host, sheet } = setUp();
    const table = await host.detectTable();
    const before = snapshot(workbook, sheet);
    const io = new PlaygroundSheetIO(workbook, 'Customers');
    // The commit writes the segment column, then fails at the first fills.
    let fills = 0;
    const setBackgrounds = workbook.setBackgrounds.bind(workbook);
    workbook.setBackgrounds = (...args) => {
      if (++fills === 1) throw new Error('injected failure after the first writes');
      setBackgrounds(...args);
    };
    const store = undoDataOf(workbook).record;
    await expect(applyPlan({ io, store }, rfmPlan(table), false)).rejects.toThrow('injected');
    expect(fills).toBeGreaterThan(1);
    expect(snapshot(workbook, sheet)).toEqual(before);
    expect(await store.load()).toBeUndefined();
    expect(workbook.hf.getSheetDimensions(sheet).width).toBe(table.table.cols);
  });

  it('keeps the language and the own tags in its store', async () => {
    const stored = new Map<string, string>();
    const store = {
      getItem: (k: string) => stored.get(k) ?? null,
      setItem: (k: string, v: string) => void stored.set(k, v),
    };
    const { workbook } = setUp();
    await createPlaygroundHost(workbook, store).saveSettings({ lang: 'vi', customTags: ['Đại lý cấp 1'] });
    expect(await createPlaygroundHost(workbook, store).loadSettings()).toEqual({
      lang: 'vi',
      customTags: ['Đại lý cấp 1'],
    });
  });
});
