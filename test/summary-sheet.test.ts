/**
 * The summary sheet's content (core/engine/summary-sheet.ts) and the rule and tag previews that tell the whole
 * population: values as SEGMENT_SUMMARY computes them, the method's natural order, ABC's Pareto message, the value
 * column named (or why there is none), ₫ amounts, shares of all rows with "no group", and the chart description.
 */
import { describe, expect, it } from 'vitest';
import { RFM_SEGMENT_LABELS } from '../core/catalog/rfm-segment.js';
import { MemorySheet } from '../core/engine/memory-sheet.js';
import type { Plan } from '../core/engine/plan.js';
import { segmentTable } from '../core/engine/segment.js';
import type { CellValue } from '../core/engine/sheet-io.js';
import { SUMMARY_NUMBER_FORMATS, summarySheet, type SummarySheet } from '../core/engine/summary-sheet.js';
import { call } from '../core/engine/table-columns.js';
import { label } from '../core/labels.js';
import { applyPlan } from './hosts/memory-engine.js';

const base = (rows: number, change: Partial<Plan>): Plan => ({
  sheetName: 'S',
  table: { row: 0, col: 0, rows: rows + 1, cols: 4 },
  method: 'abc',
  columns: {},
  options: {},
  lang: 'en',
  colorRows: true,
  ...change,
});

/** Customers with an industry, staff, revenue (some as ₫ text, one blank, one unreadable) and growth. */
function customers(n: number, dong = false): CellValue[][] {
  const table: CellValue[][] = [['Khách hàng', 'Ngành', 'Doanh thu', 'Tăng trưởng']];
  for (let i = 0; i < n; i++) {
    const revenue = Math.round(1_000_000 * (1 + ((i * 7919) % 97)) ** 2);
    const cell: CellValue = i === 3 ? '' : dong && i % 2 ? `${revenue.toLocaleString('de-DE')} ₫` : revenue;
    table.push([`KH ${i + 1}`, i < 27 ? 'Xây dựng' : i % 3 ? 'Dệt may' : 'Giáo dục', cell, ((i % 11) - 4) / 20]);
  }
  return table;
}

/** The rows of the segment table: header, one per segment, total. */
function segmentRows(sheet: SummarySheet, header: string, segments: number) {
  const top = sheet.cells.findIndex((r) => r[0] === header);
  expect(top).toBeGreaterThan(0);
  return {
    top,
    header: sheet.cells[top]!,
    lines: sheet.cells.slice(top + 1, top + 1 + segments),
    total: sheet.cells[top + 1 + segments]!,
  };
}

describe('the summary sheet', () => {
  it('holds SEGMENT_SUMMARY’s numbers per ABC class in the order A, B, C, the Pareto message and a Pareto chart', () => {
    const table = customers(200);
    const plan = base(200, { method: 'abc', columns: { value: 2 } });
    const segmentation = segmentTable(plan, table);
    const sheet = summarySheet(plan, segmentation);
    const { top, header, lines, total } = segmentRows(sheet, 'Segment', 3);
    expect(header).toEqual([
      'Segment',
      'Customers',
      'Customer share',
      'Value',
      'Value share',
      'Average value',
      'Cumulative share',
    ]);
    expect(lines.map((l) => l[0])).toEqual(['A', 'B', 'C']);
    // The same numbers as the formula over the same labels and values (its rows come by value; ours A, B, C).
    const formula = call('SEGMENT_SUMMARY', [
      segmentation.labels.map((l) => [l]),
      table.slice(1).map((r) => [r[2] ?? '']),
      'en',
    ]);
    for (const line of lines) expect(line.slice(0, 6)).toEqual(formula.find((f) => f[0] === line[0]));
    expect(total.slice(0, 6)).toEqual(formula.at(-1));
    expect(lines.at(-1)![6]).toBeCloseTo(1, 12);
    expect(sheet.cells[1]![0]).toBe('Value: the “Doanh thu” column.');
    const a = lines[0]!;
    const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;
    const message = `${pct(a[2] as number)} of customers (class A) bring ${pct(a[4] as number)} of revenue.`;
    expect(sheet.cells.map((r) => r[0])).toContain(message);
    expect(sheet.formats[top + 1]).toEqual(['text', 'count', 'share', 'value', 'share', 'value', 'share']);
    const chart = sheet.chart;
    expect(chart).toMatchObject({ kind: 'pareto', lineSeries: 1, xTitle: 'Class', yTitle: 'Share of value' });
    expect(chart.at).toEqual({ row: top, col: 8 });
    const source = sheet.cells.slice(chart.source.row, chart.source.row + chart.source.rows);
    expect(source.map((r) => r.slice(0, 3))).toEqual([
      ['Segment', 'Value share', 'Cumulative share'],
      ...lines.map((l) => [l[0], l[4], l[6]]),
    ]);
  });

  it('says the Pareto message in Vietnamese with a decimal comma, and shows ₫ amounts as money', () => {
    const plan = base(300, { method: 'abc', columns: { value: 2 }, lang: 'vi' });
    const sheet = summarySheet(plan, segmentTable(plan, customers(300, true)));
    const { top, header } = segmentRows(sheet, 'Phân khúc', 3);
    expect(header.slice(3, 6)).toEqual(['Giá trị', 'Tỷ lệ giá trị', 'Giá trị trung bình']);
    expect(sheet.formats[top + 1]!.slice(3, 6)).toEqual(['money', 'share', 'money']);
    expect(SUMMARY_NUMBER_FORMATS.money).toContain('₫');
    expect(
      sheet.cells.some((r) => /^\d+(,\d)?% khách hàng \(nhóm A\) mang lại \d+(,\d)?% doanh thu\.$/.test(String(r[0]))),
    ).toBe(true);
  });

  it('shows amounts as money when the header says đồng, and as plain values otherwise', () => {
    const table = customers(50);
    const plan = base(50, { method: 'pyramid', columns: { value: 2 } });
    const formatOf = (header: string) => {
      const renamed = table.map((r, i) => (i === 0 ? [r[0]!, r[1]!, header, r[3]!] : r));
      const sheet = summarySheet(plan, segmentTable(plan, renamed));
      return sheet.formats[segmentRows(sheet, 'Segment', segmentTable(plan, renamed).counts.length).top + 1]![3];
    };
    expect(formatOf('Doanh thu (VNĐ)')).toBe('money');
    expect(formatOf('Doanh thu (₫)')).toBe('money');
    expect(formatOf('Doanh thu')).toBe('value');
  });

  it('lists RFM segments in the method’s label order, not by size', () => {
    const table: CellValue[][] = [['Customer', 'Last purchase', 'Orders', 'Revenue']];
    for (let i = 0; i < 400; i++)
      table.push([`C${i}`, 45_000 + ((i * 37) % 365), 1 + ((i * 13) % 20), 100 + ((i * 7919) % 9000)]);
    const plan = base(400, {
      method: 'rfm',
      columns: { lastPurchase: 1, orders: 2, revenue: 3 },
      options: { values: { as_of: '2024-12-31' } },
    });
    const segmentation = segmentTable(plan, table);
    const order = RFM_SEGMENT_LABELS.map((k) => label(k, 'en'));
    const { lines } = segmentRows(summarySheet(plan, segmentation), 'Segment', segmentation.counts.length);
    const names = lines.map((l) => String(l[0]));
    expect(names.length).toBeGreaterThan(3);
    expect([...names].sort((x, y) => order.indexOf(x) - order.indexOf(y))).toEqual(names);
    expect(summarySheet(plan, segmentation).chart).toMatchObject({ kind: 'columns', yTitle: 'Customers' });
  });

  it('takes a guessed revenue column for methods without one, and says counts only when there is none', () => {
    const table = customers(60);
    const rules = base(60, {
      method: 'rules',
      options: {
        ruleGroups: [{ label: 'Xây dựng', combine: 'and', conditions: [{ column: 1, op: 'eq', value: 'Xây dựng' }] }],
      },
    });
    const guessed = summarySheet(rules, segmentTable(rules, table));
    expect(guessed.cells[1]![0]).toBe('Value: the “Doanh thu” column, found by its header.');
    const noRevenue = table.map((r) => [r[0] ?? '', r[1] ?? '', r[3] ?? '', '']);
    noRevenue[0]![2] = 'Growth';
    const counts = summarySheet(rules, segmentTable(rules, noRevenue));
    expect(counts.cells[1]![0]).toMatch(/^Counts only: the table has no revenue or value column/);
    const { header } = segmentRows(counts, 'Segment', 2);
    expect(header.filter((h) => h !== '')).toEqual(['Segment', 'Customers', 'Customer share']);
  });

  it('draws BCG as a scatter of at most 2,000 customers written on the sheet', () => {
    const table: CellValue[][] = [['Customer', 'Sales', 'Growth', 'x']];
    for (let i = 0; i < 3000; i++) table.push([`C${i}`, 1000 + ((i * 7919) % 100_000), ((i % 21) - 10) / 50, '']);
    const plan = base(3000, { method: 'bcg', columns: { sales: 1, growth: 2 } });
    const sheet = summarySheet(plan, segmentTable(plan, table));
    const { source, kind, xTitle, yTitle } = sheet.chart;
    expect({ kind, xTitle, yTitle }).toEqual({ kind: 'scatter', xTitle: 'Sales', yTitle: 'Growth' });
    expect(source.rows).toBe(2001);
    expect(sheet.cells[source.row]!.slice(0, 2)).toEqual(['Sales', 'Growth']);
    expect(sheet.cells[source.row - 1]![0]).toBe('Chart data: 2,000 of 3,000 customers');
    expect(sheet.cells.length).toBe(source.row + source.rows);
    expect(sheet.cells.every((r) => r.length === sheet.cells[0]!.length)).toBe(true);
  });
});

describe('the k-means summary sheet', () => {
  it('adds the cluster profile (size, mean of each column in its units) below the summary', () => {
    const table = customers(300);
    const plan = base(300, { method: 'kmeans', columns: { features: [2, 3] }, options: { values: { k: 3, seed: 7 } } });
    const segmentation = segmentTable(plan, table);
    expect(segmentation.profile?.clusters.length).toBe(3);
    const sheet = summarySheet(plan, segmentation);
    const at = sheet.cells.findIndex((r) => String(r[0]).startsWith('Cluster profile'));
    expect(at).toBeGreaterThan(0);
    expect(sheet.cells[at + 1]!.slice(0, 4)).toEqual([
      'Cluster',
      'Customers',
      'Doanh thu (mean)',
      'Tăng trưởng (mean)',
    ]);
    const profile = segmentation.profile!;
    profile.clusters.forEach((c, i) => {
      expect(sheet.cells[at + 2 + i]!.slice(0, 4)).toEqual([c.label, c.size, c.means[0], c.means[1]]);
      expect(sheet.formats[at + 2 + i]!.slice(0, 4)).toEqual(['text', 'count', 'decimal', 'decimal']);
    });
    expect(sheet.cells[1]![0]).toBe('Value: the “Doanh thu” column, found by its header.');
  });
});

describe('rule and tag previews tell the whole population', () => {
  const table = customers(2000);
  const rules = (lang: 'en' | 'vi'): Plan =>
    base(2000, {
      method: 'rules',
      lang,
      options: {
        ruleGroups: [
          { label: 'Construction', combine: 'and', conditions: [{ column: 1, op: 'eq', value: 'Xây dựng' }] },
          { label: 'Textiles', combine: 'and', conditions: [{ column: 1, op: 'eq', value: 'Dệt may' }] },
        ],
      },
    });

  it('gives each group its share of all rows, in the user’s order, then the rows in no group', () => {
    const { counts } = segmentTable(rules('vi'), table);
    const textiles = table.filter((r) => r[1] === 'Dệt may').length;
    expect(counts).toEqual([
      { label: 'Construction', count: 27, share: 27 / 2000 },
      { label: 'Textiles', count: textiles, share: textiles / 2000 },
      { label: 'Không thuộc nhóm nào', count: 2000 - 27 - textiles, share: (2000 - 27 - textiles) / 2000, none: true },
    ]);
    expect(counts[0]!.share).toBeCloseTo(0.0135, 10);
  });

  it('leaves "no group" out of the legend and the colours, and writes nothing in its rows', async () => {
    const sheet = new MemorySheet('S', table);
    const outcome = await applyPlan(sheet, rules('en'), false);
    expect(outcome.kind).toBe('applied');
    if (outcome.kind !== 'applied') return;
    expect(outcome.legend.map((l) => l.label)).toEqual(['Construction', 'Textiles']);
    const first = table.findIndex((r) => r[1] === 'Giáo dục');
    expect(outcome.segmentation.labels[first - 1]).toBe('');
  });

  it('counts tagged rows against every row, with the untagged ones', () => {
    const plan = base(2000, { method: 'tags', options: { tag: 'Buyer', taggedRows: [0, 5, 9] } });
    expect(segmentTable(plan, table).counts).toEqual([
      { label: 'Buyer', count: 3, share: 3 / 2000 },
      { label: 'Not tagged', count: 1997, share: 1997 / 2000, none: true },
    ]);
    const sheet = summarySheet(plan, segmentTable(plan, table));
    const { lines, total } = segmentRows(sheet, 'Segment', 2);
    expect(lines.map((l) => [l[0], l[1], l[2]])).toEqual([
      ['Buyer', 3, 3 / 2000],
      ['Not tagged', 1997, 1997 / 2000],
    ]);
    expect(total.slice(0, 3)).toEqual(['Total', 2000, 1]);
  });
});
