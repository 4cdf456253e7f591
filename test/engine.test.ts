import { describe, expect, it } from 'vitest';
import { applyPlan, undoApply } from './hosts/memory-engine.js';
import { MemorySheet } from '../core/engine/memory-sheet.js';
import type { Plan } from '../core/engine/plan.js';
import { a1, a1Range } from '../core/engine/sheet-io.js';

const HEADER = ['Khách hàng', 'Ngành', 'Doanh thu'];
const ROWS: (string | number)[][] = [
  ['An Phát', 'Xây dựng', 27000],
  ['Bình Minh', 'Thực phẩm', 24000],
  ['Cửu Long', 'Xây dựng', 18000],
  ['Đại Việt', 'Dệt may', 16000],
  ['Hòa Bình', 'Thực phẩm', 6000],
  ['Kim Long', 'Dệt may', 5000],
  ['Lạc Hồng', 'Xây dựng', 4000],
];

function sheet(): MemorySheet {
  const s = new MemorySheet('Customers', [HEADER, ...ROWS]);
  s.setFormat(2, 1, { background: '#ff0000', numberFormat: '@' });
  return s;
}

const abcPlan: Plan = {
  sheetName: 'Customers',
  table: { row: 0, col: 0, rows: 8, cols: 3 },
  method: 'abc',
  columns: { value: 2 },
  options: {},
  lang: 'en',
  colorRows: true,
};

describe('apply and undo', () => {
  it('writes a Segment column beside the table and colours the rows', async () => {
    const s = sheet();
    const outcome = await applyPlan(s, abcPlan, false);
    expect(outcome.kind).toBe('applied');
    const column = await s.readValues({ row: 0, col: 3, rows: 8, cols: 1 });
    expect(column.flat()).toEqual(['Segment', 'A', 'A', 'A', 'B', 'B', 'C', 'C']);
    const colours = (await s.readState({ row: 1, col: 0, rows: 7, cols: 4 }, { content: false, backgrounds: true }))
      .backgrounds;
    expect(new Set(colours?.map((r) => new Set(r).size))).toEqual(new Set([1]));
    expect(colours?.[0]?.[0]).not.toBe(colours?.[6]?.[0]);
  });

  it('undo leaves values and formats identical to before', async () => {
    const s = sheet();
    s.setFormula(3, 3, '=C4*2', 36000);
    s.setFormat(4, 3, { background: '#00ff00', numberFormat: '0.00' });
    const before = s.dump();
    const outcome = await applyPlan(s, abcPlan, true);
    if (outcome.kind !== 'applied') throw new Error(outcome.kind);
    expect(s.dump()).not.toEqual(before);
    await undoApply(s);
    expect(s.dump()).toEqual(before);
  });

  it('never overwrites a non-empty cell without the confirmation flag', async () => {
    const s = sheet();
    await s.write({ row: 5, col: 3, rows: 1, cols: 1 }, [['ghi chú']], null);
    await s.commit();
    const before = s.dump();
    const outcome = await applyPlan(s, abcPlan, false);
    expect(outcome).toMatchObject({ kind: 'needsConfirmation', nonEmpty: 1 });
    expect(s.dump()).toEqual(before);
    expect((await applyPlan(s, abcPlan, true)).kind).toBe('applied');
  });

  it.each([0, 3, 8, 9, 15])('a failure injected after %i cell writes leaves the sheet as it was', async (after) => {
    const s = sheet();
    const before = s.dump();
    s.failAfterCellWrites = after;
    await expect(applyPlan(s, abcPlan, true)).rejects.toThrow('injected write failure');
    expect(s.dump()).toEqual(before);
  });

  it('cancelling leaves the sheet as it was', async () => {
    const s = sheet();
    const before = s.dump();
    let checks = 0;
    const outcome = await applyPlan(s, abcPlan, true, { isCancelled: () => ++checks > 3 });
    expect(outcome.kind).toBe('cancelled');
    expect(s.dump()).toEqual(before);
  });

  it('writes a label that looks like a formula as text', async () => {
    const s = sheet();
    const plan: Plan = { ...abcPlan, method: 'tags', options: { tag: '=1+1', taggedRows: [0, 2] }, colorRows: false };
    const outcome = await applyPlan(s, plan, false);
    expect(outcome.kind).toBe('applied');
    const state = await s.readState({ row: 1, col: 3, rows: 3, cols: 1 }, { content: true, backgrounds: false });
    expect(state.values).toEqual([['=1+1'], [null], ['=1+1']]);
    expect(state.formulas).toEqual([[null], [null], [null]]);
  });

  it('groups rows by rules, first matching group wins', async () => {
    const s = sheet();
    const plan: Plan = {
      ...abcPlan,
      method: 'rules',
      colorRows: false,
      options: {
        ruleGroups: [
          {
            label: 'Large construction',
            combine: 'and',
            conditions: [
              { column: 1, op: 'eq', value: 'xây dựng' },
              { column: 2, op: 'ge', value: '10000' },
            ],
          },
          {
            label: 'Food or textiles',
            combine: 'or',
            conditions: [{ column: 1, op: 'in', value: 'Thực phẩm; Dệt may' }],
          },
        ],
      },
    };
    await applyPlan(s, plan, false);
    const column = await s.readValues({ row: 1, col: 3, rows: 7, cols: 1 });
    expect(column.flat()).toEqual([
      'Large construction',
      'Food or textiles',
      'Large construction',
      'Food or textiles',
      'Food or textiles',
      'Food or textiles',
      null,
    ]);
  });
});

describe('A1 addresses', () => {
  it.each([
    [0, 0, 'A1'],
    [9, 25, 'Z10'],
    [0, 26, 'AA1'],
    [99, 701, 'ZZ100'],
    [0, 702, 'AAA1'],
  ])('row %i col %i is %s', (r, c, address) => expect(a1(r, c)).toBe(address));
  it('names a range', () => expect(a1Range({ row: 1, col: 2, rows: 3, cols: 2 })).toBe('C2:D4'));
});
