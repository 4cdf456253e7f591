/**
 * The strict fake of Apps Script (test/hosts/fake-spreadsheet-app.ts) tested on its own: every rule it models, each
 * test naming the rule's source (../shared/hosts.md, the Apps Script reference, Sheets' limits, reports from users,
 * or "fake refuses" where the documentation is unclear and the fake will not guess).
 */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type {
  GasCache,
  GasLock,
  GasProperties,
  GasServices,
  GasSheet,
  GasSpreadsheet,
} from '../apps-script/gas-types.js';
import {
  AUTOMATIC_FORMAT,
  DeveloperMetadataLocationType,
  FakeGRange,
  FakeSpreadsheetApp,
  MESSAGES,
  ProtectionType,
  parseAsSheets,
} from './hosts/fake-spreadsheet-app.js';

const REFUSES = /^fake refuses: /;

function services(app: FakeSpreadsheetApp): GasServices & {
  CacheService: { getScriptCache(): GasCache };
  PropertiesService: { getScriptProperties(): GasProperties };
} {
  return app.globals() as unknown as ReturnType<typeof services>;
}

/** A user's sheet holding `rows` × `cols` of numbers (row × 1000 + column). */
function numbered(rows: number, cols: number, name = 'Data') {
  const app = new FakeSpreadsheetApp(name);
  const sheet = app.sheet(name);
  sheet.fill(Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => (r + 1) * 1000 + c + 1)));
  return { app, sheet, spreadsheet: app.spreadsheet };
}

describe('the fake satisfies the structural types of the server', () => {
  it('spreadsheet, sheet, lock, cache and properties are assignable to gas-types (apps-script/gas-types.ts)', () => {
    const app = new FakeSpreadsheetApp();
    const spreadsheet: GasSpreadsheet = app.spreadsheet;
    const sheet: GasSheet = app.sheet('Sheet1');
    const gas: GasServices = services(app);
    const lock: GasLock = gas.LockService.getDocumentLock();
    const props: GasProperties = app.documentProperties;
    expect([spreadsheet.getSheets().length, sheet.getName(), lock.hasLock(), props.getProperty('x')]).toEqual([
      1,
      'Sheet1',
      false,
      null,
    ]);
  });
});

describe('grids', () => {
  it('insertSheet makes a 1,000 × 26 sheet, which becomes the active sheet (Sheets default grid; SpreadsheetApp reference; hosts.md)', () => {
    const app = new FakeSpreadsheetApp('Data');
    const sheet = app.spreadsheet.insertSheet('Copy');
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(app.spreadsheet.getActiveSheet()).toBe(sheet);
    expect([app.sheet('Data').getMaxRows(), app.sheet('Data').getMaxColumns()]).toEqual([1000, 26]);
  });

  it('getRange beyond getMaxRows or getMaxColumns throws the coordinates error: the undo copy of a 1,001-row table (SpreadsheetApp reference; hosts.md; issue 13)', () => {
    const { spreadsheet } = numbered(1001, 27);
    const copy = spreadsheet.insertSheet('SegmentKit undo x');
    expect(() => copy.getRange(1, 1, 1001, 10)).toThrow(MESSAGES.outside);
    expect(() => copy.getRange(1, 1, 10, 27)).toThrow(MESSAGES.outside);
    expect(() => copy.getRange(1001, 1)).toThrow(MESSAGES.outside);
    expect(MESSAGES.outside).toBe('The coordinates of the range are outside the dimensions of the sheet.');
    expect(copy.getRange(1000, 26).getA1Notation()).toBe('Z1000');
  });

  it('getRange with a row, column or size below 1 throws Sheets’ messages; a non-integer is refused (SpreadsheetApp reference; fake refuses)', () => {
    const sheet = new FakeSpreadsheetApp().sheet('Sheet1');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sheet.getRange(1.5, 1)).toThrow(REFUSES);
    expect(() => sheet.getRange(1, 1, 2.5, 1)).toThrow(REFUSES);
  });

  it('getRange(a1) reads cells, blocks, whole columns (H:H spans getMaxRows) and whole rows (3:3 spans getMaxColumns) (Range reference; gas-fakes tests against live Apps Script)', () => {
    const sheet = new FakeSpreadsheetApp('Data').sheet('Data');
    expect(sheet.getRange('B2:D5').getA1Notation()).toBe('B2:D5');
    expect(sheet.getRange('$C$3').getA1Notation()).toBe('C3');
    expect(sheet.getRange('C5:B2').getA1Notation()).toBe('B2:C5');
    const column = sheet.getRange('H:H');
    expect([column.getRow(), column.getColumn(), column.getNumRows(), column.getNumColumns()]).toEqual([1, 8, 1000, 1]);
    expect(column.getA1Notation()).toBe('H:H');
    const row = sheet.getRange('3:3');
    expect([row.getRow(), row.getColumn(), row.getNumRows(), row.getNumColumns()]).toEqual([3, 1, 1, 26]);
    expect(row.getA1Notation()).toBe('3:3');
    expect(sheet.getRange("'Data'!E10").getA1Notation()).toBe('E10');
    expect(() => sheet.getRange('nonsense')).toThrow('Range not found');
    expect(() => sheet.getRange('AA1')).toThrow(MESSAGES.outside);
    expect(() => sheet.getRange('A2:B')).toThrow(REFUSES);
  });

  it('insertRowsAfter and insertColumnsAfter grow the grid, then the range exists (hosts.md: "Grow first")', () => {
    const sheet = new FakeSpreadsheetApp().spreadsheet.insertSheet('Copy');
    sheet.insertRowsAfter(sheet.getMaxRows(), 1);
    sheet.insertColumnsAfter(sheet.getMaxColumns(), 4);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1001, 30]);
    expect(sheet.getRange(1, 1, 1001, 30).getNumRows()).toBe(1001);
    expect(() => sheet.insertRowsAfter(0, 1)).toThrow(REFUSES);
    expect(() => sheet.insertRowsAfter(1, 0)).toThrow(REFUSES);
  });

  it('inserting rows or columns before data moves cells, formats and same-sheet references; deleting moves them back (Sheets behaviour; hosts.md: rows and columns move)', () => {
    const { sheet } = numbered(3, 3);
    Object.assign(sheet.cell(2, 2), { background: '#ff0000', numberFormat: '0.00' });
    Object.assign(sheet.cell(1, 5), { value: 2004, formula: '=B2*2+SUM(A1:C3)+$B$2' });
    sheet.insertColumnsBefore(1, 2);
    sheet.insertRowsBefore(1, 1);
    expect(sheet.peek(3, 4)).toEqual({ value: 2002, formula: null, numberFormat: '0.00', background: '#ff0000' });
    expect(sheet.peek(2, 7).formula).toBe('=D3*2+SUM(C2:E4)+$D$3');
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1001, 28]);
    sheet.deleteRows(1, 1);
    sheet.deleteColumns(1, 2);
    expect(sheet.peek(2, 2)).toEqual({ value: 2002, formula: null, numberFormat: '0.00', background: '#ff0000' });
    expect(sheet.peek(1, 5).formula).toBe('=B2*2+SUM(A1:C3)+$B$2');
    expect(() => sheet.deleteColumns(2, 1)).toThrow(REFUSES); // the formula refers to column B: it would be #REF!
  });

  it('a formula that names another sheet or whole columns is refused when rows or columns move (fake refuses: the fake does not adjust them)', () => {
    const { sheet } = numbered(2, 2);
    Object.assign(sheet.cell(1, 4), { value: 3, formula: '=SUM(A:A)' });
    expect(() => sheet.insertRowsBefore(1, 1)).toThrow(REFUSES);
    Object.assign(sheet.cell(1, 4), { value: 3, formula: "='Data'!A1" });
    expect(() => sheet.insertColumnsBefore(1, 1)).toThrow(REFUSES);
    expect(sheet.getMaxRows()).toBe(1000);
  });

  it('deleteRows and deleteColumns outside the grid, or of every row, throw Sheets’ messages (Sheet reference; reported errors)', () => {
    const sheet = new FakeSpreadsheetApp().sheet('Sheet1');
    expect(() => sheet.deleteRows(1000, 2)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteColumns(0, 1)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.deleteRows(1, 1000)).toThrow("You can't delete all the rows on the sheet.");
    expect(() => sheet.deleteColumns(1, 26)).toThrow("You can't delete all the columns on the sheet.");
  });

  it('the formats of rows and columns inserted next to formatted cells are not documented: reading them is refused until written (fake refuses)', () => {
    const { sheet } = numbered(3, 3);
    sheet.cell(1, 3).background = '#ff0000';
    sheet.insertRowsAfter(1, 1);
    const inserted = sheet.getRange(2, 1, 1, 3);
    expect(inserted.getValues()).toEqual([['', '', '']]);
    expect(() => inserted.getBackgrounds()).toThrow(REFUSES);
    expect(() => inserted.getNumberFormats()).toThrow(REFUSES);
    inserted.setBackgrounds([[null, null, '#00ff00']]);
    expect(() => inserted.getNumberFormats()).not.toThrow();
    expect(inserted.getBackgrounds()).toEqual([['#ffffff', '#ffffff', '#00ff00']]);
    sheet.insertColumnsBefore(3, 1);
    expect(() => sheet.getRange(1, 3).getBackground()).toThrow(REFUSES);
    sheet.getRange('C:C').clearFormat();
    expect(sheet.getRange(1, 3).getBackground()).toBe('#ffffff');
  });

  it('rows and columns inserted between cells with default formats have default formats (any inheritance gives the same)', () => {
    const { sheet } = numbered(3, 3);
    sheet.insertRowsAfter(1, 2);
    sheet.insertColumnsAfter(3, 1);
    expect(
      sheet
        .getRange(1, 1, 5, 4)
        .getBackgrounds()
        .flat()
        .every((b) => b === '#ffffff'),
    ).toBe(true);
    const copy = new FakeSpreadsheetApp().spreadsheet.insertSheet('Copy');
    copy.insertColumnsAfter(26, 5);
    copy.insertRowsAfter(1000, 10);
    expect(copy.getRange(1010, 31).getNumberFormat()).toBe(AUTOMATIC_FORMAT);
  });

  it('getLastRow, getLastColumn and getDataRange cover the cells with content (Sheet reference)', () => {
    const { sheet } = numbered(4, 3);
    sheet.cell(9, 2).background = '#ff0000';
    expect([sheet.getLastRow(), sheet.getLastColumn(), sheet.getDataRange().getA1Notation()]).toEqual([4, 3, 'A1:C4']);
    const empty = new FakeSpreadsheetApp().sheet('Sheet1');
    expect([empty.getLastRow(), empty.getDataRange().getA1Notation()]).toEqual([0, 'A1']);
  });

  it('getSheetId is a stable integer (0 for the first sheet); getSheetById finds it (Sheet and Spreadsheet reference)', () => {
    const app = new FakeSpreadsheetApp('A', 'B');
    const [a, b] = [app.sheet('A'), app.sheet('B')];
    expect(a.getSheetId()).toBe(0);
    expect(Number.isInteger(b.getSheetId()) && b.getSheetId() > 0).toBe(true);
    const c = app.spreadsheet.insertSheet('C');
    app.spreadsheet.deleteSheet(b);
    expect(app.spreadsheet.getSheetById(c.getSheetId())).toBe(c);
    expect(app.spreadsheet.getSheetById(12345)).toBeNull();
  });

  it('hideSheet, showSheet and isSheetHidden; the last visible sheet cannot be hidden (Sheet reference; reported error)', () => {
    const app = new FakeSpreadsheetApp('A', 'B');
    const [a, b] = [app.sheet('A'), app.sheet('B')];
    b.hideSheet();
    expect(b.isSheetHidden()).toBe(true);
    expect(() => a.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    b.showSheet();
    expect(b.isSheetHidden()).toBe(false);
  });

  it('a spreadsheet holds at most 10 million cells: insertSheet and insertRows beyond it throw (Sheets limits; hosts.md)', () => {
    const app = new FakeSpreadsheetApp();
    app.addSheet('Big', { rows: 383_000, cols: 26 }); // 9,958,000 cells + Sheet1's 26,000
    expect(() => app.spreadsheet.insertSheet('More')).toThrow(MESSAGES.cellLimit);
    expect(() => app.sheet('Big').insertRowsAfter(1, 1000)).toThrow(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    app.sheet('Big').insertRowsAfter(1, 500);
    expect(app.sheet('Big').getMaxRows()).toBe(383_500);
  });

  it('test helpers: fill grows the user’s grid as pasting would; addSheet makes a sheet of a given size (test setup)', () => {
    const app = new FakeSpreadsheetApp('Data');
    app.sheet('Data').fill([new Array<number>(30).fill(1)], { row: 1200, col: 1 });
    expect([app.sheet('Data').getMaxRows(), app.sheet('Data').getMaxColumns()]).toEqual([1200, 30]);
    const small = app.addSheet('Small', { rows: 5, cols: 2 });
    expect(() => small.getRange(6, 1)).toThrow(MESSAGES.outside);
  });
});

describe('the user between two calls', () => {
  it('sorting moves cells with their rows: values, backgrounds, formats and row metadata; blanks last (Sheets behaviour; hosts.md; DeveloperMetadata moves with its row)', () => {
    const app = new FakeSpreadsheetApp('Data');
    const sheet = app.sheet('Data');
    sheet.fill([
      ['Name', 'Revenue'],
      ['a', 30],
      ['b', ''],
      ['c', 10],
      ['d', 20],
    ]);
    sheet.cell(2, 1).background = '#ff0000';
    sheet.getRange('2:2').addDeveloperMetadata('row', 'a');
    app.calls.reset();
    sheet.user.sort({ row: 1, col: 1, rows: 5, cols: 2 }, 2, true, { header: true });
    expect(sheet.getRange(1, 1, 5, 2).getValues()).toEqual([
      ['Name', 'Revenue'],
      ['c', 10],
      ['d', 20],
      ['a', 30],
      ['b', ''],
    ]);
    expect(sheet.peek(4, 1).background).toBe('#ff0000');
    const [meta] = app.spreadsheet.createDeveloperMetadataFinder().withKey('row').find();
    expect(meta?.getLocation().getRow()?.getRow()).toBe(4);
    expect(app.calls.byName.get('sort')).toBeUndefined();
    sheet.user.sort({ row: 2, col: 1, rows: 4, cols: 2 }, 2, false);
    expect(sheet.getRange(2, 2, 4, 1).getValues()).toEqual([[30], [20], [10], ['']]);
  });

  it('Range.sort sorts by a column or {column, ascending}; a column mixing types, a formula with references or a column outside the range is refused (Range reference; fake refuses)', () => {
    const { sheet } = numbered(3, 2);
    sheet.getRange(1, 1, 3, 2).sort({ column: 2, ascending: false });
    expect(sheet.getRange(1, 1, 3, 1).getValues()).toEqual([[3001], [2001], [1001]]);
    expect(sheet.calls.get('sort')).toBe(1);
    expect(() => sheet.getRange(1, 1, 3, 2).sort(3)).toThrow(REFUSES);
    sheet.cell(1, 2).value = 'text';
    expect(() => sheet.getRange(1, 1, 3, 2).sort(2)).toThrow(REFUSES);
    Object.assign(sheet.cell(1, 2), { value: 1, formula: '=A1' });
    expect(() => sheet.getRange(1, 1, 3, 2).sort(1)).toThrow(REFUSES);
  });

  it("typing parses as the UI does: =formula, 'text, numbers, TRUE, ISO dates (Sheets behaviour)", () => {
    const sheet = new FakeSpreadsheetApp().sheet('Sheet1');
    sheet.user.type(1, 1, '=1+1');
    sheet.user.type(1, 2, "'00123");
    sheet.user.type(1, 3, '00123');
    sheet.user.type(1, 4, 'TRUE');
    sheet.user.type(1, 5, '2024-01-05');
    const values = sheet.getRange(1, 1, 1, 5).getValues()[0] as unknown[];
    expect(values.slice(0, 4)).toEqual([2, '00123', 123, true]);
    expect((values[4] as Date).getDate()).toBe(5);
    expect(sheet.getRange(1, 1).getFormula()).toBe('=1+1');
    expect(() => sheet.user.type(1, 6, '+x')).toThrow(REFUSES);
  });

  it('user actions are not counted as script calls (test helper)', () => {
    const { app, sheet } = numbered(2, 2);
    app.calls.reset();
    sheet.user.insertColumnsBefore(1);
    sheet.user.deleteColumns(1);
    sheet.user.fillColor(1, 1, '#ff0000');
    expect(app.calls.byName.size).toBe(0);
  });
});

describe('Range values', () => {
  it('getValues gives "" for blanks, Date objects, numbers, booleans, strings and a formula’s value (SpreadsheetApp reference; hosts.md)', () => {
    const sheet = new FakeSpreadsheetApp().sheet('Sheet1');
    const day = new Date(2024, 0, 5);
    sheet.fill([['text', 12.5, true, day, '']]);
    Object.assign(sheet.cell(1, 6), { value: 25, formula: '=B1*2' });
    const [line] = sheet.getRange(1, 1, 1, 7).getValues();
    expect(line).toEqual(['text', 12.5, true, day, '', 25, '']);
    expect(line?.[3]).not.toBe(day); // a copy
    expect(sheet.getRange(1, 1, 1, 7).getFormulas()).toEqual([['', '', '', '', '', '=B1*2', '']]);
  });

  it('formulas of arithmetic over numbers and same-sheet cells are computed from the cells as they are now; reading any other formula’s value is refused (fake refuses; give it a value with sheet.cell)', () => {
    const sheet = new FakeSpreadsheetApp().sheet('Sheet1');
    sheet.getRange(1, 1, 1, 3).setValues([['=1+2*3', '=A1*2', '=SUM(A1:B1)']]);
    expect(sheet.getRange(1, 1, 1, 2).getValues()).toEqual([[7, 14]]);
    sheet.getRange(1, 1).setValues([[10]]);
    expect(sheet.getRange(1, 2).getValue()).toBe(20);
    expect(() => sheet.getRange(1, 3).getValue()).toThrow(REFUSES);
    expect(sheet.getRange(1, 3).getFormula()).toBe('=SUM(A1:B1)');
    expect(sheet.getRange(1, 3).isBlank()).toBe(false);
    Object.assign(sheet.cell(2, 3), { value: 30, formula: '=SUM(A1:B1)' });
    expect(sheet.getRange(2, 3).getValue()).toBe(30);
  });

  it('getBackgrounds gives #ffffff for no fill; getNumberFormats gives 0.############### for the automatic format, which "general" restores and "" is refused (Range reference; gas-fakes tests against live Apps Script; fake refuses)', () => {
    const sheet = new FakeSpreadsheetApp().sheet('Sheet1');
    const range = sheet.getRange(1, 1, 1, 2);
    expect(range.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
    expect(range.getNumberFormats()).toEqual([[AUTOMATIC_FORMAT, AUTOMATIC_FORMAT]]);
    range.setNumberFormats([['0.00', AUTOMATIC_FORMAT]]);
    expect(sheet.dump()).toMatchObject({ '1,1': { numberFormat: '0.00' }, '1,2': { numberFormat: AUTOMATIC_FORMAT } });
    range.setNumberFormats([['general', 'General']]);
    expect(sheet.dump()).toEqual({});
    expect(() => range.setNumberFormats([['', '0']])).toThrow(REFUSES);
  });

  it('setValues, setBackgrounds, setNumberFormats and setFormulas throw unless the data has the range’s rows and columns (SpreadsheetApp reference; hosts.md)', () => {
    const range = new FakeSpreadsheetApp().sheet('Sheet1').getRange(1, 1, 2, 3);
    expect(() => range.setValues([[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() =>
      range.setValues([
        [1, 2, 3],
        [4, 5],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(() => range.setBackgrounds([[null, null, null]])).toThrow(MESSAGES.rowsMismatch(1, 2));
    expect(() => range.setNumberFormats([['0'], ['0']])).toThrow(MESSAGES.columnsMismatch(1, 3));
    expect(() => range.setFormulas([['=1', '=1', '=1']])).toThrow(MESSAGES.rowsMismatch(1, 2));
    expect(range.getValues()).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
  });

  it("setValues parses text as Sheets: 'text keeps text (apostrophe not read back), = makes a formula, numeric text a number (hosts.md; Sheets behaviour)", () => {
    const sheet = new FakeSpreadsheetApp().sheet('Sheet1');
    sheet.getRange(1, 1, 1, 5).setValues([["'=1+1", '=1+1', '00123', "'00123", '-12.5']]);
    expect(sheet.getRange(1, 1, 1, 5).getValues()).toEqual([['=1+1', 2, 123, '00123', -12.5]]);
    expect(sheet.getRange(1, 1, 1, 2).getFormulas()).toEqual([['', '=1+1']]);
    expect(parseAsSheets('Champions')).toEqual({ value: 'Champions', formula: null });
  });

  it('setValues refuses what Sheets’ parse of is unclear: +x, -x, @x, TRUE, dates, times, percents, currencies, grouped numbers (fake refuses: "fake refuses: ambiguous parse")', () => {
    const range = new FakeSpreadsheetApp().sheet('Sheet1').getRange(1, 1);
    for (const text of [
      '+x',
      '-x',
      '@x',
      '+1 2',
      'TRUE',
      'false',
      '1/2/2024',
      '12:30',
      '50%',
      '$5',
      '1,234',
      ' 12',
      '5 Jan 2024',
      'May 5',
    ])
      expect(() => range.setValues([[text]]), text).toThrow(/^fake refuses: ambiguous parse of/);
    expect(range.getValue()).toBe('');
  });

  it('setValues refuses null, undefined, NaN and objects, and writes nothing when any cell is refused (fake refuses: callers pass "")', () => {
    const range = new FakeSpreadsheetApp().sheet('Sheet1').getRange(1, 1, 1, 2);
    for (const bad of [null, undefined, Number.NaN, Infinity, { a: 1 }, [1]])
      expect(() => range.setValues([[1, bad]])).toThrow(REFUSES);
    expect(range.getValues()).toEqual([['', '']]);
  });

  it('text over 50,000 characters throws Sheets’ cell limit; dates from the script’s realm are stored (Sheets limits; Code.js runs in its own realm)', () => {
    const range = new FakeSpreadsheetApp().sheet('Sheet1').getRange(1, 1);
    expect(() => range.setValues([[`'${'x'.repeat(50_001)}`]])).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    range.setValues([[`'${'x'.repeat(10_000)}`]]);
    expect(String(range.getValue()).length).toBe(10_000);
    const inner = vm.runInNewContext('new Date(2024, 1, 3)') as Date;
    range.setValues([[inner]]);
    expect(range.getValue()).toEqual(new Date(2024, 1, 3));
  });

  it('a cell formatted as plain text (@) keeps numeric text as text (Sheets behaviour; hosts.md)', () => {
    const range = new FakeSpreadsheetApp().sheet('Sheet1').getRange(1, 1);
    range.setNumberFormats([['@']]);
    range.setValues([['00123']]);
    expect(range.getValue()).toBe('00123');
    expect(() => range.setValues([['=1+1']])).toThrow(REFUSES);
  });

  it('setBackgrounds takes #rrggbb (read back in lower case) and null (clears); anything else is refused (Range reference; fake refuses)', () => {
    const sheet = new FakeSpreadsheetApp().sheet('Sheet1');
    const range = sheet.getRange(1, 1, 1, 2);
    range.setBackgrounds([['#FF0000', null]]);
    expect(range.getBackgrounds()).toEqual([['#ff0000', '#ffffff']]);
    range.setBackgrounds([[null, null]]);
    expect(sheet.dump()).toEqual({});
    expect(() => range.setBackgrounds([['red', null]])).toThrow(REFUSES);
    expect(() => range.setBackgrounds([['', null]])).toThrow(REFUSES);
  });

  it('setFormulas takes =formulas only ("" and text are refused: unclear) (Range reference; fake refuses)', () => {
    const range = new FakeSpreadsheetApp().sheet('Sheet1').getRange(1, 1, 1, 2);
    range.setFormulas([['=2*3', '="a"']]);
    expect(range.getValues()).toEqual([[6, 'a']]);
    expect(() => range.setFormulas([['', '=1']])).toThrow(REFUSES);
    expect(() => range.setFormulas([['text', '=1']])).toThrow(REFUSES);
  });

  it('getDisplayValues gives strings; formats it cannot render exactly are refused (Range reference; fake refuses)', () => {
    const sheet = new FakeSpreadsheetApp().sheet('Sheet1');
    sheet.fill([[12.5, true, 'x', new Date(Date.UTC(2024, 0, 5, 3)), 0.256]]);
    sheet.getRange(1, 4, 1, 2).setNumberFormats([['yyyy-mm-dd', '0.0%']]);
    expect(sheet.getRange(1, 1, 1, 5).getDisplayValues()).toEqual([['12.5', 'TRUE', 'x', '2024-01-05', '25.6%']]);
    sheet.getRange(1, 1).setNumberFormat('#,##0.00');
    expect(() => sheet.getRange(1, 1).getDisplayValues()).toThrow(REFUSES);
  });

  it('isBlank, clear, clearContent and clearFormat (Range reference)', () => {
    const { sheet } = numbered(2, 2);
    sheet.cell(1, 1).background = '#ff0000';
    sheet.getRange(1, 1, 2, 1).clearContent();
    expect(sheet.getRange(1, 1, 2, 1).isBlank()).toBe(true);
    expect(sheet.peek(1, 1).background).toBe('#ff0000');
    sheet.getRange(1, 1).clearFormat();
    expect(sheet.peek(1, 1).background).toBeNull();
    sheet.getRange(1, 2, 2, 1).clear({ contentsOnly: true });
    expect(sheet.dump()).toEqual({});
    expect(() => sheet.getRange(1, 1).clear({ contentsOnly: true, formatOnly: true })).toThrow(REFUSES);
  });

  it('getDataRegion, getA1Notation and getSheet (Range reference)', () => {
    const { sheet } = numbered(3, 4);
    const region = sheet.getRange(2, 2).getDataRegion();
    expect(region.getA1Notation()).toBe('A1:D3');
    expect(region.getSheet()).toBe(sheet);
  });
});

describe('copyTo', () => {
  it('copies values, formulas and formats; {contentsOnly} or {formatOnly} copy a part; both at once is refused (Range reference; hosts.md; fake refuses)', () => {
    const app = new FakeSpreadsheetApp('Data', 'Copy');
    const [data, copy] = [app.sheet('Data'), app.sheet('Copy')];
    data.fill([['a', 1]]);
    Object.assign(data.cell(1, 2), { numberFormat: '0.00', background: '#ff0000' });
    data.getRange(1, 1, 1, 2).copyTo(copy.getRange(1, 1, 1, 2));
    expect(copy.dump()).toEqual(data.dump());
    data.getRange(1, 1, 1, 2).copyTo(copy.getRange(2, 1), { contentsOnly: true });
    expect(copy.peek(2, 2)).toEqual({ value: 1, formula: null, numberFormat: '', background: null });
    data.getRange(1, 1, 1, 2).copyTo(copy.getRange(3, 1), { formatOnly: true });
    expect(copy.peek(3, 2)).toEqual({ value: '', formula: null, numberFormat: '0.00', background: '#ff0000' });
    expect(() => data.getRange(1, 1).copyTo(copy.getRange(4, 1), { contentsOnly: true, formatOnly: true })).toThrow(
      REFUSES,
    );
    expect(() => data.getRange(1, 1).copyTo(copy.getRange(4, 1), { other: true } as never)).toThrow(REFUSES);
  });

  it('the destination’s top-left cell counts and the whole block must fit the destination grid (Range reference; hosts.md)', () => {
    const { app, sheet } = numbered(1001, 2);
    const copy = app.spreadsheet.insertSheet('Copy');
    expect(() => sheet.getRange(1, 1, 1001, 2).copyTo(copy.getRange(1, 1))).toThrow(MESSAGES.outside);
    expect(() => sheet.getRange(1, 1, 2, 2).copyTo(copy.getRange(1, 26))).toThrow(MESSAGES.outside);
    expect(() => sheet.getRange(1, 1, 2, 2).copyTo(copy.getRange(1, 1, 3, 3))).toThrow(REFUSES);
    copy.insertRowsAfter(1000, 1);
    sheet.getRange(1, 1, 1001, 2).copyTo(copy.getRange(1, 1));
    expect(copy.getRange(1001, 2).getValue()).toBe(1_001_002);
  });

  it('the fake does not shift relative references as Sheets does: copying a formula with references elsewhere is refused, to the same place it is copied (fake refuses)', () => {
    const app = new FakeSpreadsheetApp('Data', 'Copy');
    const data = app.sheet('Data');
    Object.assign(data.cell(4, 11), { value: 0, formula: '=I4*2' });
    Object.assign(data.cell(5, 11), { value: 2, formula: '=1+1' });
    expect(() => data.getRange(4, 11).copyTo(app.sheet('Copy').getRange(1, 1))).toThrow(
      /^fake refuses: copyTo would shift relative references/,
    );
    data.getRange(5, 11).copyTo(app.sheet('Copy').getRange(1, 1));
    data.getRange(4, 11).copyTo(app.sheet('Copy').getRange(4, 11));
    expect(app.sheet('Copy').peek(4, 11).formula).toBe('=I4*2');
  });
});

describe('developer metadata', () => {
  it('Range.addDeveloperMetadata only on a whole row or column (H:H, 3:3); any other range throws Sheets’ message (Range reference; gas-fakes tests against live Apps Script; user reports for numeric ranges)', () => {
    const sheet = new FakeSpreadsheetApp('Data').sheet('Data');
    for (const range of [
      sheet.getRange('B2:D4'),
      sheet.getRange('A1'),
      sheet.getRange('F2:F5'),
      sheet.getRange(1, 8, 1000, 1),
    ])
      expect(() => range.addDeveloperMetadata('k', 'v')).toThrow(
        'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
      );
    expect(() => sheet.getRange('H:J').addDeveloperMetadata('k')).toThrow(REFUSES);
    expect(sheet.getRange('H:H').addDeveloperMetadata('col', 'v')).toBeInstanceOf(FakeGRange);
    sheet.getRange('3:3').addDeveloperMetadata('row');
    sheet.addDeveloperMetadata('sheet', 's');
    sheet.getParent().addDeveloperMetadata('book');
    expect(
      sheet
        .getRange('H:H')
        .getDeveloperMetadata()
        .map((m) => m.getKey()),
    ).toEqual(['col']);
    expect(sheet.getRange('H3').getDeveloperMetadata()).toEqual([]);
    expect(sheet.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['sheet']);
    expect(
      sheet
        .getParent()
        .getDeveloperMetadata()
        .map((m) => m.getKey()),
    ).toEqual(['book']);
  });

  it('the spreadsheet finder finds by key and value; DeveloperMetadata has an id, key, value, location, setValue and remove (DeveloperMetadata and DeveloperMetadataFinder reference)', () => {
    const app = new FakeSpreadsheetApp('Data');
    const sheet = app.sheet('Data');
    sheet.getRange('K:K').addDeveloperMetadata('segmentkit.result', 'run-1');
    sheet.getRange('L:L').addDeveloperMetadata('segmentkit.result', 'run-2');
    const [meta] = app.spreadsheet
      .createDeveloperMetadataFinder()
      .withKey('segmentkit.result')
      .withValue('run-1')
      .find();
    expect(meta && [meta.getKey(), meta.getValue(), Number.isInteger(meta.getId())]).toEqual([
      'segmentkit.result',
      'run-1',
      true,
    ]);
    const location = meta!.getLocation();
    expect(location.getLocationType()).toBe(DeveloperMetadataLocationType.COLUMN);
    expect(location.getColumn()?.getA1Notation()).toBe('K:K');
    expect(location.getColumn()?.getSheet()).toBe(sheet);
    expect(location.getRow()).toBeNull();
    expect(() => location.getSheet()).toThrow(REFUSES);
    meta!.setValue('run-3');
    expect(app.spreadsheet.createDeveloperMetadataFinder().withValue('run-3').find()).toHaveLength(1);
    meta!.remove();
    expect(app.spreadsheet.createDeveloperMetadataFinder().withKey('segmentkit.result').find()).toHaveLength(1);
    expect(() => meta!.getKey()).toThrow(REFUSES);
  });

  it('metadata on a column moves when columns are inserted or deleted before it, and is deleted with its column (Sheets API DeveloperMetadata; hosts.md)', () => {
    const app = new FakeSpreadsheetApp('Data');
    const sheet = app.sheet('Data');
    sheet.getRange('K:K').addDeveloperMetadata('result', 'r');
    sheet.getRange('5:5').addDeveloperMetadata('row', 'r');
    const column = () =>
      app.spreadsheet
        .createDeveloperMetadataFinder()
        .withKey('result')
        .find()[0]
        ?.getLocation()
        .getColumn()
        ?.getColumn();
    const row = () =>
      app.spreadsheet.createDeveloperMetadataFinder().withKey('row').find()[0]?.getLocation().getRow()?.getRow();
    sheet.user.insertColumnsBefore(1, 2);
    expect(column()).toBe(13);
    sheet.user.deleteColumns(1, 1);
    expect(column()).toBe(12);
    sheet.user.insertRowsBefore(2, 3);
    sheet.user.deleteRows(1, 1);
    expect(row()).toBe(7);
    sheet.user.deleteColumns(12, 1);
    expect(column()).toBeUndefined();
    sheet.user.deleteRows(7, 1);
    expect(row()).toBeUndefined();
  });

  it('a metadata value over 30,000 characters is refused (fake’s conservative choice: no documented figure found)', () => {
    const sheet = new FakeSpreadsheetApp().sheet('Sheet1');
    expect(() => sheet.getRange('A:A').addDeveloperMetadata('k', 'x'.repeat(30_001))).toThrow(REFUSES);
    sheet.getRange('A:A').addDeveloperMetadata('k', 'x'.repeat(30_000));
    expect(() => sheet.getRange('A:A').getDeveloperMetadata()[0]?.setValue('x'.repeat(30_001))).toThrow(REFUSES);
    expect(() => sheet.getRange('A:A').addDeveloperMetadata('')).toThrow(REFUSES);
  });

  it('a sheet finder answers where the documentation and live reports agree, and refuses where they differ (row or column metadata without onIntersectingLocations) (Sheet.createDeveloperMetadataFinder reference vs gas-fakes live tests; fake refuses)', () => {
    const app = new FakeSpreadsheetApp('Data', 'Other');
    const sheet = app.sheet('Data');
    sheet.addDeveloperMetadata('k', 'sheet');
    expect(
      sheet
        .createDeveloperMetadataFinder()
        .withKey('k')
        .find()
        .map((m) => m.getValue()),
    ).toEqual(['sheet']);
    sheet.getRange('C:C').addDeveloperMetadata('k', 'column');
    app.sheet('Other').getRange('C:C').addDeveloperMetadata('k', 'elsewhere');
    expect(() => sheet.createDeveloperMetadataFinder().withKey('k').find()).toThrow(REFUSES);
    expect(
      sheet
        .createDeveloperMetadataFinder()
        .withKey('k')
        .onIntersectingLocations()
        .find()
        .map((m) => m.getValue()),
    ).toEqual(['sheet', 'column']);
  });
});

describe('protection', () => {
  it('Range.protect and Sheet.protect give a Protection with description, warning-only and remove; getProtections by type (Protection and Spreadsheet reference)', () => {
    const app = new FakeSpreadsheetApp('Data', 'Copy');
    const protection = app.sheet('Copy').protect().setDescription('undo copy').setWarningOnly(true);
    expect([protection.getDescription(), protection.isWarningOnly()]).toEqual(['undo copy', true]);
    app.sheet('Data').getRange('B2:C3').protect();
    const sheets = app.spreadsheet.getProtections(ProtectionType.SHEET);
    expect(sheets.map((p) => p.getDescription())).toEqual(['undo copy']);
    expect(app.spreadsheet.getProtections(ProtectionType.RANGE).map((p) => p.getRange().getA1Notation())).toEqual([
      'B2:C3',
    ]);
    expect(() => app.spreadsheet.getProtections('SHEET')).toThrow(/don't match the method signature/);
    expect(() => protection.setWarningOnly('yes' as never)).toThrow(REFUSES);
    expect(() => app.sheet('Copy').protect()).toThrow(REFUSES);
    sheets[0]?.remove();
    expect(app.spreadsheet.getProtections(ProtectionType.SHEET)).toEqual([]);
  });

  it('a protected range moves with inserted rows and shrinks with deleted ones (Sheets behaviour)', () => {
    const app = new FakeSpreadsheetApp('Data');
    app.sheet('Data').getRange('B2:C3').protect();
    app.sheet('Data').user.insertRowsBefore(1, 2);
    const range = () => app.spreadsheet.getProtections(ProtectionType.RANGE)[0]?.getRange().getA1Notation();
    expect(range()).toBe('B4:C5');
    app.sheet('Data').user.deleteRows(5, 1);
    expect(range()).toBe('B4:C4');
  });
});

describe('the spreadsheet', () => {
  it('insertSheet refuses a name in use (any case), over 100 characters, or one the test refuses (Sheets’ messages; test hook refuseSheet)', () => {
    const app = new FakeSpreadsheetApp('Data');
    expect(() => app.spreadsheet.insertSheet('data')).toThrow(
      'A sheet with the name "data" already exists. Please enter another name.',
    );
    expect(() => app.spreadsheet.insertSheet('x'.repeat(101))).toThrow(
      'The sheet name cannot be greater than 100 characters.',
    );
    app.refuseSheet = (name) => name === 'No';
    expect(() => app.spreadsheet.insertSheet('No')).toThrow('You cannot add the sheet No.');
    expect(app.sheets.map((s) => s.getName())).toEqual(['Data']);
  });

  it('deleteSheet refuses the last sheet and the last visible sheet; a deleted sheet’s object, metadata and protections are gone (Sheets’ messages; fake refuses)', () => {
    const app = new FakeSpreadsheetApp('Data');
    expect(() => app.spreadsheet.deleteSheet(app.sheet('Data'))).toThrow(
      "You can't remove all the sheets in a document.",
    );
    const hidden = app.spreadsheet.insertSheet('Hidden');
    app.spreadsheet.setActiveSheet(app.sheet('Data'));
    hidden.getRange('A:A').addDeveloperMetadata('k');
    hidden.protect();
    hidden.hideSheet();
    expect(() => app.spreadsheet.deleteSheet(app.sheet('Data'))).toThrow(
      "You can't remove all the visible sheets in a document.",
    );
    hidden.user.delete(); // any editor can delete a hidden sheet (hosts.md)
    expect(() => hidden.getRange(1, 1)).toThrow(REFUSES);
    expect(app.spreadsheet.createDeveloperMetadataFinder().find()).toEqual([]);
    expect(app.spreadsheet.getProtections(ProtectionType.SHEET)).toEqual([]);
  });

  it('getActiveSheet, setActiveSheet, getSheets, getSheetByName; which sheet is active after the active one is hidden or deleted is not documented (Spreadsheet reference; fake refuses)', () => {
    const app = new FakeSpreadsheetApp('Data');
    const spreadsheet = app.spreadsheet;
    const copy = spreadsheet.insertSheet('Copy');
    expect(spreadsheet.getActiveSheet()).toBe(copy);
    copy.hideSheet();
    expect(() => spreadsheet.getActiveSheet()).toThrow(REFUSES);
    spreadsheet.setActiveSheet(app.sheet('Data'));
    expect(spreadsheet.getActiveSheet().getName()).toBe('Data');
    expect(spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Data', 'Copy']);
    expect(spreadsheet.getSheetByName('Copy')).toBe(copy);
    expect(spreadsheet.getSheetByName('copy')).toBeNull();
    expect(spreadsheet.getSpreadsheetTimeZone()).toBe('Asia/Ho_Chi_Minh');
  });
});

describe('PropertiesService', () => {
  it('a value over 9 KB (8,066 bytes measured) throws "Argument too large: value" (Apps Script quotas; tanaikech 2023)', () => {
    const props = services(new FakeSpreadsheetApp()).PropertiesService.getDocumentProperties();
    props.setProperty('ok', 'x'.repeat(8_066));
    expect(() => props.setProperty('big', 'x'.repeat(8_067))).toThrow('Argument too large: value');
    expect(() => props.setProperty('big', 'é'.repeat(4_034))).toThrow('Argument too large: value'); // UTF-8 bytes
    expect(props.getProperty('big')).toBeNull();
  });

  it('a store over 500 KB (keys and values) throws the quota message and keeps what it had (Apps Script quotas; reported message)', () => {
    const props = new FakeSpreadsheetApp().documentProperties;
    let n = 0;
    expect(() => {
      for (;;) props.setProperty(`K${n++}`, 'y'.repeat(8_000));
    }).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
    expect(props.getKeys()).toHaveLength(n - 1);
    expect(() => props.setProperties({ a: 'b', c: 'y'.repeat(8_000) })).toThrow(MESSAGES.propertyQuota);
    expect(props.getProperty('a')).toBeNull();
  });

  it('getProperties, setProperties, deleteProperty; keys must be non-empty strings and values strings (Properties reference; fake refuses)', () => {
    const props = new FakeSpreadsheetApp().userProperties;
    props.setProperties({ a: '1', b: '2' });
    props.deleteProperty('a');
    expect(props.getProperties()).toEqual({ b: '2' });
    props.setProperties({ c: '3' }, true);
    expect(props.getProperties()).toEqual({ c: '3' });
    expect(() => props.setProperty('', 'x')).toThrow(REFUSES);
    expect(() => props.setProperty('n', 5 as never)).toThrow(REFUSES);
  });
});

describe('CacheService', () => {
  it('keys over 250 characters and values over 100 KB throw "Argument too large" (Cache reference)', () => {
    const cache = services(new FakeSpreadsheetApp()).CacheService.getUserCache();
    cache.put('k'.repeat(250), 'v');
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    cache.put('big', 'v'.repeat(100 * 1024));
    expect(() => cache.put('big', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
  });

  it('entries expire after their seconds (default 600) on the fake’s clock; more than 21,600 s is refused (Cache reference; hosts.md)', () => {
    const app = new FakeSpreadsheetApp();
    const cache = services(app).CacheService.getUserCache();
    cache.put('a', '1');
    cache.put('b', '2', 21_600);
    app.advance(599);
    expect(cache.get('a')).toBe('1');
    app.advance(1);
    expect([cache.get('a'), cache.get('b')]).toEqual([null, '2']);
    app.advance(21_000);
    expect(cache.get('b')).toBeNull();
    expect(() => cache.put('c', '3', 21_601)).toThrow(REFUSES);
    expect(() => cache.put('c', '3', 0)).toThrow(REFUSES);
  });

  it('over 1,000 entries the cache keeps the 900 farthest from expiry (Cache reference)', () => {
    const app = new FakeSpreadsheetApp();
    const cache = services(app).CacheService.getScriptCache();
    for (let i = 0; i < 1001; i++) cache.put(`k${i}`, 'v', 1 + i);
    expect(app.scriptCache.size).toBe(900);
    expect(cache.get('k0')).toBeNull();
    expect(cache.get('k1000')).toBe('v');
  });

  it('onCachePut sees every user-cache put (existing test hook)', () => {
    const app = new FakeSpreadsheetApp();
    const seen: string[] = [];
    app.onCachePut = (key) => seen.push(key);
    services(app).CacheService.getUserCache().put('p', 'x');
    expect(seen).toEqual(['p']);
    expect(app.cache.get('p')).toBe('x');
  });
});

describe('LockService', () => {
  it('waitLock takes the document lock; hasLock, tryLock and releaseLock (Lock reference; gas-fakes tests against live Apps Script)', () => {
    const app = new FakeSpreadsheetApp();
    const lock = services(app).LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    lock.waitLock(30_000);
    expect([lock.hasLock(), lock.tryLock(0)]).toEqual([true, true]);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(-100)).toBe(false);
    expect(() => lock.waitLock(-100)).toThrow(/Lock timeout/);
  });

  it('while another execution holds the lock, waitLock times out with Apps Script’s message and tryLock is false (Lock reference; reported message)', () => {
    const app = new FakeSpreadsheetApp();
    app.holdLockElsewhere();
    const lock = services(app).LockService.getDocumentLock();
    const before = app.now;
    expect(() => lock.waitLock(30_000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(app.now - before).toBe(30_000);
    expect(lock.tryLock(10)).toBe(false);
    app.releaseLockElsewhere();
    expect(lock.tryLock(10)).toBe(true);
    expect(app.lockHolder).toBe('this execution');
  });

  it('the lock is released when the execution ends (Lock reference: "automatically released when the script terminates")', () => {
    const app = new FakeSpreadsheetApp();
    const lock = services(app).LockService.getDocumentLock();
    lock.waitLock(1000);
    app.newExecution();
    expect(app.lockHolder).toBeNull();
    expect(lock.hasLock()).toBe(false);
    expect(services(app).LockService.getDocumentLock().tryLock(0)).toBe(true);
  });
});

describe('failures', () => {
  it('failWrites makes the next script writes throw Apps Script’s service error before writing; earlier writes stay (Apps Script: a run can fail half way; hosts.md)', () => {
    const { app, sheet } = numbered(2, 2);
    sheet.getRange(1, 1).setValues([[5]]);
    app.failWrites = 2;
    expect(() => sheet.getRange(1, 2).setValues([[6]])).toThrow(
      'Service Spreadsheets failed while accessing document with id fake-spreadsheet-1.',
    );
    expect(() => sheet.getRange(1, 2).setBackgrounds([['#ff0000']])).toThrow(/^Service Spreadsheets failed/);
    sheet.user.fillColor(2, 2, '#00ff00');
    sheet.getRange(2, 1).setValues([[7]]);
    expect(sheet.getRange(1, 1, 2, 2).getValues()).toEqual([
      [5, 1002],
      [7, 2002],
    ]);
    expect(sheet.peek(1, 2).background).toBeNull();
  });
});

describe('call counting', () => {
  it('counts per sheet and overall: on the user’s sheet one getValues, one setValues, one setBackgrounds (hosts.md: one read and one or two writes per apply)', () => {
    const { app, sheet } = numbered(3, 3);
    const copy = app.spreadsheet.insertSheet('Copy');
    app.calls.reset();
    sheet.getRange(1, 1, 3, 3).getValues();
    sheet.getRange(1, 1, 3, 3).copyTo(copy.getRange(1, 1));
    sheet.getRange(1, 4, 3, 1).setValues([["'a"], ["'b"], ["'c"]]);
    sheet
      .getRange(1, 1, 3, 4)
      .setBackgrounds(Array.from({ length: 3 }, () => new Array<string | null>(4).fill('#ff0000')));
    copy.getRange(1, 1).isBlank();
    expect(Object.fromEntries(sheet.calls.byName)).toEqual({
      getValues: 1,
      copyTo: 1,
      setValues: 1,
      setBackgrounds: 1,
    });
    expect([sheet.calls.reads, sheet.calls.writes, sheet.calls.copies]).toEqual([1, 2, 1]);
    expect(Object.fromEntries(copy.calls.byName)).toEqual({ copyTo: 1, isBlank: 1 });
    expect([app.calls.reads, app.calls.writes, app.calls.copies, app.calls.checks]).toEqual([1, 2, 1, 1]);
    app.calls.reset();
    expect([sheet.calls.byName.size, copy.calls.byName.size, app.calls.byName.size]).toEqual([0, 0, 0]);
  });

  it('the existing members stay: dump, fill, peek, cell, active, sheets, globals (existing tests; test/hosts/sheets-vm.ts)', () => {
    const app = new FakeSpreadsheetApp('Khách hàng');
    const sheet = app.sheet('Khách hàng');
    sheet.fill([['a', 1]]);
    sheet.active = { row: 1, col: 2, rows: 1, cols: 1 };
    expect(sheet.getActiveRange().getA1Notation()).toBe('B1');
    expect(sheet.dump()).toEqual({
      '1,1': { value: 'a', formula: null, numberFormat: '', background: null },
      '1,2': { value: 1, formula: null, numberFormat: '', background: null },
    });
    expect(sheet.cells.size).toBe(2);
    const gas = app.globals() as unknown as GasServices;
    expect(gas.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet()).toBe(sheet);
    expect(gas.SpreadsheetApp.ProtectionType.SHEET).toBe(ProtectionType.SHEET);
  });
});
