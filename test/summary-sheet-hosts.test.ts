/**
 * The summary sheet as each host writes it: the value columns with their number formats and a native chart, in the
 * fake Excel (a chart object: type, source range, titles, series), the fake SpreadsheetApp through the Sheets panel
 * server in process (an embedded chart: type, range, options; the 1,000-row grid grown for a long scatter) and the
 * playground's workbook (cells, formats and the chart kept with the sheet). Undo removes the sheet and its chart.
 * The fakes' chart parts refuse what the hosts refuse.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../apps-script/panel-server.js';
import type { Plan } from '../core/engine/plan.js';
import { createPlaygroundHost } from '../playground/panel/host.js';
import { Workbook } from '../playground/engine/workbook.js';
import { sheetChartOf } from '../playground/ui/SheetChart.js';
import { renderToStaticMarkup } from 'react-dom/server';
import { asDate, asSerial, CUSTOMER_SHEET, customerTable } from './hosts/customer-table.js';
import { createExcelHost, never, plan, workbook } from './hosts/excel-panel-workbook.js';
import { FakeExcel } from './hosts/fake-excel.js';
import { FakeSpreadsheetApp } from './hosts/fake-spreadsheet-app.js';

const SUMMARY = 'Tổng hợp phân khúc';
const HEADER = ['Phân khúc', 'Số khách hàng', 'Tỷ lệ khách hàng', 'Giá trị', 'Tỷ lệ giá trị', 'Giá trị trung bình'];

/** A BCG table: customer, sales, growth; `n` rows. */
function bcgTable(n: number): (string | number)[][] {
  const rows: (string | number)[][] = [['Khách hàng', 'Doanh số', 'Tăng trưởng']];
  for (let i = 0; i < n; i++) rows.push([`KH ${i + 1}`, 1000 + ((i * 7919) % 100_000), ((i % 21) - 10) / 50]);
  return rows;
}
const bcgPlan = (sheetName: string, n: number): Plan => ({
  sheetName,
  table: { row: 0, col: 0, rows: n + 1, cols: 3 },
  method: 'bcg',
  columns: { sales: 1, growth: 2 },
  options: {},
  lang: 'vi',
  colorRows: false,
});

/** Segment rows below the header row `top` of a fake Excel sheet: until the total. */
function segmentCount(sheet: { peek(r: number, c: number): { value: unknown } }, top: number): number {
  let n = 0;
  while (sheet.peek(top + 1 + n, 0).value !== 'Tổng') n++;
  return n;
}

describe('the Excel summary sheet', () => {
  it('holds the value columns with number formats and a column chart with titles beside the table', async () => {
    const excel = workbook(300);
    const host = createExcelHost({ run: excel.run });
    const applied = await host.apply({ plan: plan(300), confirmOverwrite: false, summarySheet: true }, () => {}, never);
    expect(applied).toMatchObject({ kind: 'applied', summarySheet: SUMMARY });
    const sheet = excel.sheet(SUMMARY);
    let top = 0;
    while (sheet.peek(top, 0).value !== 'Phân khúc') top++;
    expect(HEADER.map((_, c) => sheet.peek(top, c).value)).toEqual(HEADER);
    expect(sheet.peek(1, 0).value).toBe('Giá trị: cột “Doanh thu”.');
    expect([1, 2, 3, 4, 5].map((c) => sheet.peek(top + 1, c).numberFormat)).toEqual([
      '#,##0',
      '0.0%',
      '#,##0',
      '0.0%',
      '#,##0',
    ]);
    expect(typeof sheet.peek(top + 1, 3).value).toBe('number');
    // Wide enough for "Tỷ lệ khách hàng" and a revenue of hundreds of millions (Excel keeps points: ¾ of a pixel).
    expect(sheet.columnWidth(2)).toBeGreaterThanOrEqual(('Tỷ lệ khách hàng'.length * 7 + 16) * 0.75);
    const total = sheet.peek(top + 1 + segmentCount(sheet, top), 3).value as number;
    expect(sheet.columnWidth(3)).toBeGreaterThanOrEqual((total.toLocaleString('en-US').length * 7 + 16) * 0.75);
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0]!;
    const segments = (applied.kind === 'applied' && applied.preview.counts.length) || 0;
    expect(chart).toMatchObject({
      type: 'ColumnClustered',
      source: `A${top + 1}:B${top + 1 + segments}`,
      title: 'Số khách hàng theo phân khúc',
      categoryAxisTitle: 'Phân khúc',
      valueAxisTitle: 'Số khách hàng',
      series: [{ name: 'Số khách hàng', chartType: 'ColumnClustered' }],
      dataLabels: true,
      position: { start: `H${top + 1}` },
    });
    expect(await host.undo()).toEqual({ kind: 'undone' });
    expect(() => excel.sheet(SUMMARY)).toThrow();
  });

  it('draws ABC as columns of value share with the cumulative share as a line', async () => {
    const excel = workbook(200);
    const host = createExcelHost({ run: excel.run });
    const abc = plan(200, { method: 'abc', columns: { value: 8 }, options: {} });
    await host.apply({ plan: abc, confirmOverwrite: false, summarySheet: true }, () => {}, never);
    const chart = excel.sheet(SUMMARY).charts[0]!;
    expect(chart.type).toBe('ColumnClustered');
    expect(chart.series).toEqual([
      { name: 'Tỷ lệ giá trị', chartType: 'ColumnClustered' },
      { name: 'Tỷ lệ cộng dồn', chartType: 'LineMarkers' },
    ]);
    expect(chart.legend).toBe(true);
  });

  it('draws BCG as a scatter of the customers', async () => {
    const excel = new FakeExcel('BCG');
    excel.sheet('BCG').fill(bcgTable(2500));
    const host = createExcelHost({ run: excel.run }, excel);
    await host.apply({ plan: bcgPlan('BCG', 2500), confirmOverwrite: false, summarySheet: true }, () => {}, never);
    const chart = excel.sheet(SUMMARY).charts[0]!;
    expect(chart).toMatchObject({ type: 'XYScatter', categoryAxisTitle: 'Doanh số', valueAxisTitle: 'Tăng trưởng' });
    expect(chart.source).toMatch(/^A\d+:B\d+$/);
    const [from, to] = chart.source.split(':').map((a) => Number(a.slice(1)));
    expect(to! - from!).toBe(2000);
  });

  it('the fake refuses a chart type Excel does not have, and an empty source range', async () => {
    const excel = new FakeExcel('S');
    excel.sheet('S').fill([['a', 1]]);
    await expect(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('S');
        sheet.charts.add('Columns', sheet.getRange('A1:B1'), 'Columns');
        await context.sync();
      }),
    ).rejects.toThrow(/not an Excel.ChartType/);
    await expect(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('S');
        sheet.charts.add('ColumnClustered', sheet.getRange('D4:E9'), 'Columns');
        await context.sync();
      }),
    ).rejects.toThrow(/empty/);
    expect(excel.sheet('S').charts).toHaveLength(0);
  });
});

describe('the Sheets summary sheet (panel server in process)', () => {
  let app: FakeSpreadsheetApp | undefined;
  const installed: string[] = [];
  const install = (fake: FakeSpreadsheetApp): void => {
    app = fake;
    for (const [name, value] of Object.entries(fake.globals())) {
      installed.push(name);
      (globalThis as Record<string, unknown>)[name] = value;
    }
  };
  afterEach(() => {
    for (const name of installed.splice(0)) delete (globalThis as Record<string, unknown>)[name];
    app = undefined;
  });

  it('writes the value columns with formats in one setValues and an embedded column chart beside them', () => {
    install(new FakeSpreadsheetApp(CUSTOMER_SHEET));
    app!.sheet(CUSTOMER_SHEET).fill(customerTable(400, asDate));
    const applied = server.segmentkitApply({ plan: plan(400), confirmOverwrite: false, summarySheet: true }, 'r1');
    expect(applied).toMatchObject({ kind: 'applied', summarySheet: SUMMARY });
    const sheet = app!.sheet(SUMMARY);
    expect(sheet.calls.get('setValues')).toBe(1);
    let top = 1;
    while (sheet.peek(top, 1).value !== 'Phân khúc') top++;
    expect(HEADER.map((_, c) => sheet.peek(top, c + 1).value)).toEqual(HEADER);
    expect(sheet.peek(top + 1, 3).numberFormat).toBe('0.0%');
    expect(sheet.peek(top + 1, 4).numberFormat).toBe('#,##0');
    expect(sheet.getColumnWidth(6)).toBe('Giá trị trung bình'.length * 8 + 24);
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0]!;
    expect(chart.type).toBe('COLUMN');
    expect(chart.ranges[0]).toMatch(new RegExp(`^A${top}:B\\d+$`));
    expect(chart.position).toMatchObject({ row: top, col: 8 });
    expect(chart.options).toMatchObject({
      title: 'Số khách hàng theo phân khúc',
      'hAxis.title': 'Phân khúc',
      'vAxis.title': 'Số khách hàng',
    });
    expect(chart.numHeaders).toBe(1);
    expect(server.segmentkitUndo(false)).toEqual({ kind: 'undone' });
    expect(app!.sheets.map((s) => s.getName())).toEqual([CUSTOMER_SHEET]);
  });

  it('grows the 1,000-row sheet for a scatter of 2,000 customers', () => {
    install(new FakeSpreadsheetApp('BCG'));
    app!.sheet('BCG').fill(bcgTable(2500));
    server.segmentkitApply({ plan: bcgPlan('BCG', 2500), confirmOverwrite: false, summarySheet: true }, 'r2');
    const sheet = app!.sheet(SUMMARY);
    expect(sheet.getMaxRows()).toBeGreaterThan(2000);
    expect(sheet.charts[0]).toMatchObject({ type: 'SCATTER' });
    expect(sheet.charts[0]!.options).toMatchObject({ 'hAxis.title': 'Doanh số', 'vAxis.title': 'Tăng trưởng' });
  });

  it('the fake refuses an unknown chart type, a chart never built, and a range outside the grid', () => {
    const fake = new FakeSpreadsheetApp('S');
    const sheet = fake.sheet('S');
    expect(() => sheet.newChart().setChartType('COLUMNS')).toThrow(/Charts.ChartType/);
    expect(() => sheet.insertChart({ type: 'COLUMN' })).toThrow(/newChart/);
    expect(() => sheet.newChart().setChartType('COLUMN').build()).toThrow(/addRange/);
    expect(() => sheet.newChart().addRange(sheet.getRange(999, 1, 5, 2))).toThrow(/outside the dimensions/);
  });
});

describe('the playground summary sheet', () => {
  it('draws ABC’s value shares as columns with the cumulative line, its values written on them', async () => {
    const book = Workbook.open([{ name: CUSTOMER_SHEET, cells: customerTable(200, asSerial) }]);
    const host = createPlaygroundHost(book);
    const abc = plan(200, { method: 'abc', columns: { value: 8 }, options: {}, lang: 'en' });
    await host.apply({ plan: abc, confirmOverwrite: false, summarySheet: true }, () => {}, never);
    const svg = renderToStaticMarkup(sheetChartOf(book, 'Segment summary', 'en')!);
    expect(svg.match(/<rect/g)).toHaveLength(3);
    expect(svg).toContain('<polyline');
    expect(svg).toMatch(/aria-label="Share of value per class, and cumulative: A \d+(\.\d)?% \(\d+(\.\d)?%\); B/);
    expect(sheetChartOf(book, CUSTOMER_SHEET, 'en')).toBeNull();
  });

  it('keeps the cells with their formats and the chart with the sheet; undo removes both', async () => {
    const book = Workbook.open([{ name: 'BCG', cells: bcgTable(300) }]);
    const host = createPlaygroundHost(book);
    const applied = await host.apply(
      { plan: bcgPlan('BCG', 300), confirmOverwrite: false, summarySheet: true },
      () => {},
      never,
    );
    expect(applied).toMatchObject({ kind: 'applied', summarySheet: SUMMARY });
    const id = book.sheetId(SUMMARY);
    let top = 0;
    while (book.view(id, top, 0).text !== 'Phân khúc') top++;
    expect(HEADER.slice(0, 3).map((_, c) => book.view(id, top, c).text)).toEqual(HEADER.slice(0, 3));
    expect(book.view(id, top + 1, 2).text).toMatch(/%$/);
    const chart = book.chart(SUMMARY);
    expect(chart).toMatchObject({ kind: 'scatter', xTitle: 'Doanh số' });
    expect(book.view(id, chart!.source.row, 0).text).toBe('Doanh số');
    const svg = renderToStaticMarkup(sheetChartOf(book, SUMMARY, 'vi')!);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('Doanh số và Tăng trưởng của từng khách hàng');
    expect(svg.match(/<circle/g)).toHaveLength(300);
    expect(await host.undo()).toEqual({ kind: 'undone' });
    expect(book.sheetNames()).not.toContain(SUMMARY);
    expect(book.chart(SUMMARY)).toBeUndefined();
  });
});
