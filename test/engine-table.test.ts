import { describe, expect, it } from 'vitest';
import { applyPlan, undoApply } from './hosts/memory-engine.js';
import { MemorySheet } from '../core/engine/memory-sheet.js';
import type { Plan } from '../core/engine/plan.js';
import { previewResult, PREVIEW_SCATTER_POINTS } from '../core/engine/preview.js';
import { summarySheet } from '../core/engine/summary-sheet.js';
import { segmentTable } from '../core/engine/segment.js';
import type { CellValue } from '../core/engine/sheet-io.js';
import { describeTable, regionAround } from '../core/engine/table.js';

const TABLE: CellValue[][] = [
  ['Khách hàng', 'Doanh thu'],
  ['An Phát', 27000],
  ['Bình Minh', 24000],
  ['Cửu Long', 18000],
  ['Đại Việt', 'n/a'],
];

const tagPlan = (tag: string, taggedRows: number[]): Plan => ({
  sheetName: 'S',
  table: { row: 0, col: 0, rows: 5, cols: 2 },
  method: 'tags',
  columns: {},
  options: { tag, taggedRows },
  lang: 'vi',
  colorRows: true,
});

describe('manual tags', () => {
  it('keep the tags other rows already have, and colour rows by tag', async () => {
    const s = new MemorySheet('S', TABLE);
    expect((await applyPlan(s, tagPlan('Người quyết định', [0, 1]), false)).kind).toBe('applied');
    const second = await applyPlan(s, tagPlan('Người ảnh hưởng', [3]), false);
    expect(second.kind).toBe('applied');
    expect((await s.readValues({ row: 0, col: 2, rows: 5, cols: 1 })).flat()).toEqual([
      'Nhãn',
      'Người quyết định',
      'Người quyết định',
      null,
      'Người ảnh hưởng',
    ]);
    if (second.kind === 'applied')
      expect(second.legend.map((l) => l.label)).toEqual(['Người quyết định', 'Người ảnh hưởng']);
    const colours = (
      await s.readState({ row: 1, col: 0, rows: 4, cols: 1 }, { content: false, backgrounds: true })
    ).backgrounds!.flat();
    expect(colours[0]).toBe(colours[1]);
    expect(colours[2]).toBeNull();
    expect(colours[3]).not.toBe(colours[0]);
  });

  it('ask before replacing a tagged row with another tag, and not otherwise', async () => {
    const s = new MemorySheet('S', TABLE);
    await applyPlan(s, tagPlan('A', [0]), false);
    expect((await applyPlan(s, tagPlan('A', [0, 1]), false)).kind).toBe('applied');
    const clash = await applyPlan(s, tagPlan('B', [1, 2]), false);
    expect(clash).toMatchObject({ kind: 'needsConfirmation', nonEmpty: 1 });
  });

  it('undo of a second tagging puts back the first', async () => {
    const s = new MemorySheet('S', TABLE);
    await applyPlan(s, tagPlan('A', [0]), false);
    const before = s.dump();
    const second = await applyPlan(s, tagPlan('B', [0, 2]), true);
    if (second.kind !== 'applied') throw new Error(second.kind);
    await undoApply(s);
    expect(s.dump()).toEqual(before);
  });
});

describe('the output column', () => {
  it('a plan with an output column replaces that column instead of adding one', async () => {
    const s = new MemorySheet('S', [
      ['Khách hàng', 'Doanh thu', 'Phân khúc'],
      ['An Phát', 27000, 'old'],
      ['Bình Minh', 24000, 'old'],
    ]);
    const plan: Plan = {
      sheetName: 'S',
      table: { row: 0, col: 0, rows: 3, cols: 2 },
      outputColumn: 2,
      method: 'abc',
      columns: { value: 1 },
      options: {},
      lang: 'vi',
      colorRows: false,
    };
    expect(await applyPlan(s, plan, false)).toMatchObject({ kind: 'needsConfirmation', nonEmpty: 3 });
    expect((await applyPlan(s, plan, true)).kind).toBe('applied');
    expect(await s.usedRect()).toEqual({ row: 0, col: 0, rows: 3, cols: 3 });
    expect((await s.readValues({ row: 0, col: 2, rows: 3, cols: 1 })).flat()).toEqual(['Phân khúc', 'A', 'C']);
  });
});

describe('describeTable', () => {
  it('finds the header under a title, splits off an earlier segment column and maps the selection', () => {
    const top: CellValue[][] = [['Danh sách khách hàng 2025', null, null], ...TABLE.map((r) => [...r, 'A'])];
    top[1]![2] = 'Segment';
    const info = describeTable('S', { row: 4, col: 1, rows: 6, cols: 3 }, top, { row: 7, col: 1, rows: 5, cols: 1 });
    expect(info.table).toEqual({ row: 5, col: 1, rows: 5, cols: 2 });
    expect(info.headers).toEqual(['Khách hàng', 'Doanh thu']);
    expect(info.outputColumn).toBe(3);
    expect(info.sample).toHaveLength(4);
    expect(info.selectedRows).toEqual([1, 2, 3]);
  });

  it('grows a region over the filled block around a cell', () => {
    const grid: CellValue[][] = [
      [null, null, null, null],
      [null, 'a', 'b', null],
      [null, 1, null, null],
      [null, 2, 3, null],
      [null, null, null, null],
      ['far', null, null, null],
    ];
    expect(regionAround(grid, 2, 1)).toEqual({ row: 1, col: 1, rows: 3, cols: 2 });
  });
});

describe('preview', () => {
  it('numbers problem rows as the sheet does, caps scatter points, sums the summary to the whole', () => {
    const plan: Plan = {
      sheetName: 'S',
      table: { row: 2, col: 0, rows: 5, cols: 2 },
      method: 'abc',
      columns: { value: 1 },
      options: {},
      lang: 'en',
      colorRows: false,
    };
    const segmentation = segmentTable(plan, TABLE);
    const preview = previewResult(plan, segmentation);
    expect(preview.problems).toEqual([{ sheetRow: 7, message: expect.stringContaining('n/a') }]);
    const { cells } = summarySheet(plan, segmentation);
    const header = cells.findIndex((r) => r[0] === 'Segment');
    expect(cells[header]?.slice(0, 3)).toEqual(['Segment', 'Customers', 'Customer share']);
    expect(cells[header + preview.counts.length + 1]?.slice(0, 6)).toEqual(['Total', 3, 1, 69000, 1, 23000]);

    const big: CellValue[][] = [['x', 'y']];
    for (let i = 0; i < 5000; i++) big.push([i, (i * 7919) % 1000]);
    const bcg: Plan = {
      ...plan,
      table: { row: 0, col: 0, rows: 5001, cols: 2 },
      method: 'bcg',
      columns: { sales: 0, growth: 1 },
    };
    const scatter = previewResult(bcg, segmentTable(bcg, big)).chart;
    expect(scatter.kind === 'scatter' && scatter.points.length).toBe(PREVIEW_SCATTER_POINTS);
  });
});

// regionAround on a 100,000-row block: engine-table.scale.test.ts.
