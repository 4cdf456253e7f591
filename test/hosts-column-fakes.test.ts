/**
 * The column parts of the strict host fakes, each with its source: whole-column insert and delete, and column
 * widths (Excel: `Range.insert`/`delete` on `H:H`, `RangeFormat.columnWidth` in points; Sheets:
 * `insertColumnsBefore`, `deleteColumns`, `getColumnWidth`/`setColumnWidth` in pixels).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMN_POINTS, FakeExcel } from './hosts/fake-excel.js';
import { FakeSpreadsheetApp, SHEETS_COLUMN_PX } from './hosts/fake-spreadsheet-app.js';

describe('the Excel fake: columns', () => {
  it('columnWidth is read only once loaded and synced (Excel JavaScript API: PropertyNotLoaded)', async () => {
    const book = new FakeExcel('S');
    await book.run(async (context) => {
      const format = context.workbook.worksheets.getItem('S').getRange('C:C').format as unknown as {
        columnWidth: number;
        load(p: string): unknown;
      };
      expect(() => format.columnWidth).toThrow('PropertyNotLoaded');
      format.load('columnWidth');
      await context.sync();
      expect(format.columnWidth).toBe(DEFAULT_COLUMN_POINTS);
    });
  });

  it('a width is 0 to 255 characters (1,344.75 points); a protected sheet refuses it (RangeFormat.columnWidth)', async () => {
    const book = new FakeExcel('S');
    const set = (points: number) =>
      book.run(async (context) => {
        const format = context.workbook.worksheets.getItem('S').getRange('C:C').format as unknown as {
          columnWidth: number;
        };
        format.columnWidth = points;
        await context.sync();
      });
    await expect(set(-1)).rejects.toThrow('InvalidArgument');
    await expect(set(2000)).rejects.toThrow('InvalidArgument');
    await set(90);
    expect(book.sheet('S').columnWidth(2)).toBe(90);
    book.sheet('S').protected = true;
    await expect(set(100)).rejects.toThrow('AccessDenied');
  });

  it('an inserted whole column takes the formats and width of the one on its left; widths move with columns (Excel: Format Same As Left)', async () => {
    const book = new FakeExcel('S');
    const sheet = book.sheet('S');
    sheet.fill([['a', 'b', 'c']]);
    Object.assign(sheet.cell(0, 1), { fill: '#ff0000', numberFormat: '0.00' });
    sheet.columnWidths.set(1, 70);
    sheet.columnWidths.set(2, 90);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('C:C').insert('Right');
      await context.sync();
    });
    expect(sheet.peek(0, 2)).toMatchObject({ value: '', fill: '#ff0000', numberFormat: '0.00' });
    expect(sheet.peek(0, 3).value).toBe('c');
    expect([sheet.columnWidth(1), sheet.columnWidth(2), sheet.columnWidth(3)]).toEqual([70, 70, 90]);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('C:C').delete('Left');
      await context.sync();
    });
    expect(sheet.peek(0, 2).value).toBe('c');
    expect([sheet.columnWidth(1), sheet.columnWidth(2), sheet.columnWidth(3)]).toEqual([70, 90, DEFAULT_COLUMN_POINTS]);
  });

  it('an insert that would push a value off the last column is refused (NonBlankCellOffSheet)', async () => {
    const book = new FakeExcel('S');
    book.sheet('S').type(3, 16_383, 'x');
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('C:C').insert('Right');
        await context.sync();
      }),
    ).rejects.toThrow('NonBlankCellOffSheet');
  });
});

describe('the Sheets fake: columns', () => {
  it('widths are pixels, 100 by default; whole numbers only (Sheet.setColumnWidth, Sheets default grid)', () => {
    const sheet = new FakeSpreadsheetApp('S').sheet('S');
    expect(sheet.getColumnWidth(3)).toBe(SHEETS_COLUMN_PX);
    sheet.setColumnWidth(3, 180);
    expect(sheet.getColumnWidth(3)).toBe(180);
    expect(() => sheet.setColumnWidth(3, 12.5)).toThrow('fake refuses');
    expect(() => sheet.getColumnWidth(27)).toThrow('outside the sheet');
  });

  it("widths move with inserted and deleted columns; an inserted column's width is refused until set (undocumented)", () => {
    const sheet = new FakeSpreadsheetApp('S').sheet('S');
    sheet.setColumnWidth(3, 180);
    sheet.insertColumnsBefore(3, 1);
    expect(sheet.getColumnWidth(4)).toBe(180);
    expect(() => sheet.getColumnWidth(3)).toThrow('not documented');
    sheet.setColumnWidth(3, 120);
    expect(sheet.getColumnWidth(3)).toBe(120);
    sheet.deleteColumns(3, 1);
    expect(sheet.getColumnWidth(3)).toBe(180);
    expect(sheet.getMaxColumns()).toBe(26);
  });
});
