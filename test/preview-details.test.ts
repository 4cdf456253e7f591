/**
 * The preview shows the cut-offs the labels were made with, as the catalog function reported them: on the BCG probe
 * (a row whose growth is blank) each cut is its own column's median, and the ABC chart's cut points follow the shares
 * typed.
 */
import { describe, expect, it } from 'vitest';
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
      { name: 'Growth', value: '0.2500' },
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
