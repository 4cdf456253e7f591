/**
 * The preview shows the cut-offs the labels were made with, as the catalog function reported them: on the BCG probe
 * (a row whose growth is blank) each cut is its own column's median, and the ABC chart's cut points follow the shares
 * typed. Cut-offs read in the plan's language: its digits, growth and variation as percentages, the columns' names.
 */
import { describe, expect, it } from 'vitest';
import { methodSpec } from '../core/catalog/index.js';
import type { FunctionDetails } from '../core/catalog/types.js';
import { thresholdsOf } from '../core/engine/details-view.js';
import { previewResult } from '../core/engine/preview.js';
import type { Plan } from '../core/engine/plan.js';
import { segmentTable } from '../core/engine/segment.js';
import type { CellValue } from '../core/engine/sheet-io.js';

function plan(method: Plan['method'], columns: Plan['columns'], values: Record<string, number> = {}): Plan {
  return {
    sheetName: 'Customers',
    table: { row: 0, col: 0, rows: 8, cols: 3 },
    method,
    columns,
    options: { values },
    lang: 'en',
    colorRows: false,
  };
}

describe('BCG probe: a row with a blank growth', () => {
  const table: CellValue[][] = [
    ['Customer', 'Sales', 'Growth'],
    ['An', 10, 0.1],
    ['Bình', 5, ''],
    ['Cúc', 90, 0.3],
    ['Dũng', 100, -0.1],
    ['Giang', 8, 0.5],
    ['Hà', 70, 0.2],
    ['Khoa', 60, 0.4],
  ];
  const bcg = plan('bcg', { sales: 1, growth: 2 });

  it('shows each column’s own median, the cuts the labels were made with', () => {
    const result = segmentTable(bcg, table);
    // Sales median over all seven sales (the blank-growth row included) is 60; over the rows with both values, 65.
    // Growth median over its six numbers is 0.25.
    expect(result.chart).toMatchObject({ kind: 'scatter', xCut: 60, yCut: 0.25 });
    expect(result.thresholds).toEqual([
      { name: 'Sales', value: '60' },
      { name: 'Growth', value: '25%' },
    ]);
    // Khoa's 60 sales is at the cut, so high: a Star (with 65 as the cut it would be a Question Mark).
    expect(result.labels).toEqual(['Dog', '', 'Star', 'Cash Cow', 'Question Mark', 'Cash Cow', 'Star']);
  });

  it('uses and shows a cut the user typed', () => {
    const result = segmentTable(plan('bcg', { sales: 1, growth: 2 }, { sales_cut: 65 }), table);
    expect(result.chart).toMatchObject({ xCut: 65, yCut: 0.25 });
    expect(result.labels[6]).toBe('Question Mark');
  });

  it('keeps the cuts through the preview the panel receives', () => {
    const preview = previewResult(bcg, segmentTable(bcg, table));
    expect(preview.chart).toMatchObject({ xCut: 60, yCut: 0.25 });
  });
});

describe('ABC chart', () => {
  const table: CellValue[][] = [
    ['Customer', 'Revenue'],
    ...[27000, 24000, 18000, 16000, 6000, 5000, 4000].map((v, i) => [`K${i}`, v]),
  ];
  const abc = (aShare: number, bShare: number): Plan => plan('abc', { value: 1 }, { a_share: aShare, b_share: bShare });

  it('puts the A and B cut points where the shares typed end the classes', () => {
    const result = segmentTable(abc(0.8, 0.95), table);
    if (result.chart.kind !== 'pareto') throw new Error(result.chart.kind);
    // A: the three largest (69,000 of 100,000); B: two more (91,000).
    expect(result.chart.aEnd[0]).toBeCloseTo(3 / 7, 12);
    expect(result.chart.aEnd[1]).toBeCloseTo(0.69, 12);
    expect(result.chart.bEnd[0]).toBeCloseTo(5 / 7, 12);
    expect(result.chart.bEnd[1]).toBeCloseTo(0.91, 12);
    expect(result.thresholds).toEqual([
      { name: 'A ≥', value: '18,000' },
      { name: 'B ≥', value: '6,000' },
    ]);
    expect(result.counts.map((c) => c.label)).toEqual(['A', 'B', 'C']);
  });

  it('moves them when the shares change', () => {
    const result = segmentTable(abc(0.5, 0.7), table);
    if (result.chart.kind !== 'pareto') throw new Error(result.chart.kind);
    // 27,000 is 27 % of the total; with the next one the running share would be 51 %, past 50 %.
    expect(result.chart.aEnd).toEqual([expect.closeTo(1 / 7, 12), expect.closeTo(0.27, 12)]);
    expect(result.chart.bEnd).toEqual([expect.closeTo(3 / 7, 12), expect.closeTo(0.69, 12)]);
    expect(result.labels.filter((l) => l === 'A')).toHaveLength(1);
  });
});

describe('cut-offs in the user’s language', () => {
  const quadrant: FunctionDetails = { kind: 'quadrant', xCut: 217_785_000, yCut: -0.1528 };

  it('writes BCG’s growth cut as a percentage and sales with the language’s grouping, under the columns’ names', () => {
    expect(thresholdsOf([quadrant], methodSpec('bcg'), 'vi')).toEqual([
      { name: 'Doanh số', value: '217.785.000' },
      { name: 'Tăng trưởng', value: '-15,3%' },
    ]);
    expect(thresholdsOf([quadrant], methodSpec('bcg'), 'en')).toEqual([
      { name: 'Sales', value: '217,785,000' },
      { name: 'Growth', value: '-15.3%' },
    ]);
  });

  it('keeps priority scores as numbers, four significant digits', () => {
    expect(thresholdsOf([{ kind: 'quadrant', xCut: 6.125, yCut: 7 }], methodSpec('priority'), 'vi')).toEqual([
      { name: 'Mức hấp dẫn', value: '6,125' },
      { name: 'Khả năng thực hiện', value: '7' },
    ]);
  });

  it('writes XYZ’s variation cut-offs as percentages, ABC’s and tiers’ minimums as money', () => {
    expect(thresholdsOf([{ kind: 'xyz', cuts: [0.5, 1] }], methodSpec('xyz'), 'vi')).toEqual([
      { name: 'X: mức biến động ≤', value: '50%' },
      { name: 'Y: mức biến động ≤', value: '100%' },
    ]);
    const abc: FunctionDetails = {
      kind: 'abc',
      aShare: 0.8,
      bShare: 0.95,
      aMin: 1_250_000.5,
      bMin: 312.25,
      curve: [],
      aEnd: [0, 0],
      bEnd: [0, 0],
    };
    expect(thresholdsOf([abc], methodSpec('abc'), 'vi')).toEqual([
      { name: 'A ≥', value: '1.250.001' },
      { name: 'B ≥', value: '312,3' },
    ]);
    const tiers = thresholdsOf(
      [{ kind: 'tier', shares: [], minimums: [5_000_000, Infinity] }],
      methodSpec('pyramid'),
      'vi',
    );
    expect(tiers).toEqual([
      { name: 'Siêu cấp ≥', value: '5.000.000' },
      { name: 'Lớn ≥', value: '—' },
    ]);
  });

  it('separates RFM’s cut points with semicolons, so a Vietnamese decimal comma reads as one', () => {
    const rfm: FunctionDetails = {
      kind: 'rfm',
      asOf: 45_658,
      bins: 5,
      mode: 'quantile',
      r: [30, 90.5],
      f: [2, 4],
      m: [1_500_000, 2_250_000.75],
    };
    const [, r, , m] = thresholdsOf([rfm], methodSpec('rfm'), 'vi');
    expect(r).toEqual({ name: 'Điểm cắt R (ngày)', value: '30; 90,5' });
    expect(m).toEqual({ name: 'Điểm cắt M (doanh thu)', value: '1.500.000; 2.250.001' });
  });

  it('never shows a function’s argument names', () => {
    for (const lang of ['en', 'vi'] as const) {
      const names = thresholdsOf([quadrant], methodSpec('bcg'), lang).map((t) => t.name);
      for (const raw of ['sales', 'growth', 'x', 'y']) expect(names).not.toContain(raw);
    }
  });
});
