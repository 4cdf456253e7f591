/** Opening CSV and XLSX files as sheets, and saving the workbook as XLSX (ExcelJS), without a browser. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Workbook } from '../playground/engine/workbook.js';
import { excelFormula, workbookToXlsx } from '../playground/io/export.js';
import { csvToSheet, sheetNameOf, xlsxToSheets } from '../playground/io/import.js';

describe('import', () => {
  it('reads a CSV as a sheet with headers, detecting the delimiter', () => {
    const sheet = csvToSheet(
      '\uFEFFKhách hàng;Doanh thu\r\nAn Phát;"1.234.567 ₫"\r\nBình Minh;24000000\r\n',
      'c:\\data\\khách.csv',
    );
    expect(sheet.name).toBe('khách');
    expect(sheet.headerRow).toBe(true);
    expect(sheet.cells).toEqual([
      ['Khách hàng', 'Doanh thu'],
      ['An Phát', '1.234.567 ₫'],
      ['Bình Minh', '24000000'],
    ]);
    expect(sheet.columns?.length).toBe(2);
    expect(sheetNameOf('orders.2024.csv')).toBe('orders.2024');
  });

  it('reads every worksheet of an XLSX file, formulas as their values, dates as ISO', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Data');
    ws.addRow(['Customer', 'Revenue', 'Last purchase']);
    ws.addRow(['Ann', 120, new Date(Date.UTC(2024, 5, 30))]);
    ws.addRow(['Bo', { formula: 'B2/2', result: 60 }, null]);
    book.addWorksheet('Empty');
    const buffer = await book.xlsx.writeBuffer();
    const sheets = await xlsxToSheets(buffer as ArrayBuffer, 'book.xlsx');
    expect(sheets.map((s) => s.name)).toEqual(['book Data']);
    expect(sheets[0]?.cells).toEqual([
      ['Customer', 'Revenue', 'Last purchase'],
      ['Ann', 120, '2024-06-30'],
      ['Bo', 60],
    ]);
  });
});

describe('export', () => {
  it('writes values, formats and formulas, with SegmentKit formulas as notes in their Excel spelling', async () => {
    const workbook = Workbook.open([
      {
        name: 'Customers',
        headerRow: true,
        columns: [undefined, { format: 'vnd' }],
        cells: [
          ['Customer', 'Revenue', 'ABC', 'Total', 'Since'],
          ['Ann', 27000, '=ABC_CLASS(B2:B4)', '=SUM(B2:B4)', '2024-06-30'],
          ['Bo', 16000],
          ['Chi', "'x"],
        ],
      },
    ]);
    try {
      const data = await workbookToXlsx(workbook);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(data);
      const ws = book.getWorksheet('Customers');
      expect(ws?.getCell('C2').value).toBe('A');
      expect(ws?.getCell('C3').value).toBe('C');
      expect(String(ws?.getCell('C2').note)).toContain('In Excel with SegmentKit: =SEG.ABC_CLASS(B2:B4)');
      expect(ws?.getCell('C4').value).toEqual({ error: '#VALUE!' });
      expect(String(ws?.getCell('C4').note)).toContain('"x" is not a number');
      expect(ws?.getCell('D2').value).toEqual({ formula: 'SUM(B2:B4)', result: 43000 });
      expect(ws?.getCell('B2').numFmt).toBe('#,##0 "₫"');
      expect(ws?.getCell('E2').numFmt).toBe('yyyy-mm-dd');
      expect(ws?.getCell('A1').font?.bold).toBe(true);
      const back = await xlsxToSheets(data, 'export.xlsx');
      expect(back[0]?.cells[1]?.slice(0, 4)).toEqual(['Ann', 27000, 'A', 43000]);
      expect(back[0]?.cells[3]?.slice(0, 3)).toEqual(['Chi', 'x', '#VALUE!']);
    } finally {
      workbook.destroy();
    }
  });

  it('spells catalog functions with the SEG. prefix and leaves the rest alone', () => {
    expect(excelFormula('=IF(A1>0, abc_class(B2:B9), SUM(C1:C3))')).toBe('=IF(A1>0, SEG.ABC_CLASS(B2:B9), SUM(C1:C3))');
  });
});
