/// <reference types="office-js" />
/**
 * The strict fake Excel (test/hosts/fake-excel.ts) against the rules it models, one test per rule, each naming its
 * source: the Office.js reference and add-in docs, Excel's own behaviour as ../shared/hosts.md records it, and,
 * where the documentation is unclear, the fake's refusal.
 */
import { describe, expect, it } from 'vitest';
import type {
  ExcelContext,
  ExcelRange,
  ExcelTable,
  ExcelWorksheet,
  ExcelWorksheetCollection,
  OfficeAsyncResult,
  OfficeDocumentSettings,
} from '../addin/excel-api.js';
import {
  EXCEL_WEB_LIMIT,
  FakeExcel,
  MAX_ROWS,
  RANGE_READ_CELL_LIMIT,
  SETTINGS_LIMIT_BYTES,
  parseAddress,
  type FakeDocumentSettings,
} from './hosts/fake-excel.js';

// Office's own objects satisfy the structural types the add-in is written against (checked by tsc).
export const officeShapes: [ExcelRange, ExcelWorksheet, ExcelTable, ExcelWorksheetCollection, ExcelContext] = [
  null as unknown as Excel.Range,
  null as unknown as Excel.Worksheet,
  null as unknown as Excel.Table,
  null as unknown as Excel.WorksheetCollection,
  null as unknown as Excel.RequestContext,
];
export const officeSettings: OfficeDocumentSettings = null as unknown as Office.Settings;

const code = (c: string) => expect.objectContaining({ code: c });

function book(...rows: (string | number | boolean)[][]): FakeExcel {
  const excel = new FakeExcel('Data');
  excel.sheet('Data').fill(rows);
  return excel;
}

/** Writes `values` at (row, col) of sheet Data through the API, in one sync. */
async function write(
  excel: FakeExcel,
  row: number,
  col: number,
  values: (string | number | boolean)[][],
  format?: string,
): Promise<void> {
  await excel.run(async (context) => {
    const range = context.workbook.worksheets
      .getItem('Data')
      .getRangeByIndexes(row, col, values.length, values[0]?.length ?? 1);
    if (format) range.numberFormat = values.map((line) => line.map(() => format));
    range.values = values;
    await context.sync();
  });
}

async function read(excel: FakeExcel, address: string, property: 'values' | 'formulas' | 'text' | 'valueTypes') {
  return excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem('Data').getRange(address);
    range.load(property);
    await context.sync();
    return range[property];
  });
}

const saved = (settings: FakeDocumentSettings): Promise<OfficeAsyncResult> =>
  new Promise((resolve) => settings.saveAsync(resolve));

describe('the fake Excel: requests and sync()', () => {
  it('nothing runs until context.sync() (Excel JavaScript API: proxy objects and sync; hosts.md)', async () => {
    const excel = book(['a']);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1');
      range.values = [['b']];
      context.workbook.worksheets.add('New');
      expect(excel.sheet('Data').peek(0, 0).value).toBe('a');
      expect(excel.sheets.has('New')).toBe(false);
      await context.sync();
      expect(excel.sheet('Data').peek(0, 0).value).toBe('b');
      expect(excel.sheets.has('New')).toBe(true);
    });
  });

  it('a property read before it was loaded and synced throws PropertyNotLoaded (OfficeExtension.ErrorCodes.propertyNotLoaded; hosts.md)', async () => {
    const excel = book(['a', 1]);
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const sheet = sheets.getItem('Data');
      const range = sheet.getRange('A1:B1');
      const props = ['values', 'formulas', 'numberFormat', 'text', 'valueTypes', 'address'] as const;
      const numbers = ['rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'cellCount'] as const;
      for (const p of [...props, ...numbers]) expect(() => range[p], p).toThrow(code('PropertyNotLoaded'));
      for (const p of ['name', 'id', 'visibility', 'position'] as const)
        expect(() => sheet[p], p).toThrow(code('PropertyNotLoaded'));
      expect(() => sheet.protection.protected).toThrow(code('PropertyNotLoaded'));
      expect(() => sheets.items).toThrow(code('PropertyNotLoaded'));
      expect(() => sheet.tables.items).toThrow(code('PropertyNotLoaded'));
      expect(() => range.format.fill.color).toThrow(code('PropertyNotLoaded'));
      const maybe = sheets.getItemOrNullObject('Nope');
      expect(() => maybe.isNullObject).toThrow(code('PropertyNotLoaded'));
      range.load('values');
      sheet.load('name');
      expect(() => range.values).toThrow(code('PropertyNotLoaded'));
      expect(() => sheet.name).toThrow(code('PropertyNotLoaded'));
      await context.sync();
      expect(range.values).toEqual([['a', 1]]);
      expect(sheet.name).toBe('Data');
      expect(maybe.isNullObject).toBe(true);
      expect(() => range.formulas).toThrow(code('PropertyNotLoaded'));
    });
  });

  it('a batch runs in order: an operation that fails stops the sync there, and what was written before stays (Excel JavaScript API; hosts.md)', async () => {
    const excel = book(['a', 'b', 'c']);
    await expect(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Data');
        sheet.getRange('A1').values = [['x']];
        context.workbook.worksheets.getItem('Missing').getRange('A1').values = [['y']];
        sheet.getRange('C1').values = [['z']];
        await context.sync();
      }),
    ).rejects.toThrow(code('ItemNotFound'));
    expect(excel.sheet('Data').peek(0, 0).value).toBe('x');
    expect(excel.sheet('Data').peek(0, 2).value).toBe('c');
    expect(excel.stats.failedSyncs).toBe(1);
  });

  it('objects of a finished Excel.run cannot queue anything; writes never synced are refused (InvalidRequestContext; whether Excel.run flushes is unclear: refused)', async () => {
    const excel = book(['a']);
    const kept = await excel.run(async (context) => context.workbook.worksheets.getItem('Data').getRange('A1'));
    expect(() => (kept.values = [['b']])).toThrow(code('InvalidRequestContext'));
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A1').values = [['b']];
      }),
    ).rejects.toThrow(/never synced/);
    expect(excel.sheet('Data').peek(0, 0).value).toBe('a');
  });
});

describe('the fake Excel: 5 MB and 5,000,000 cells (Office add-in resource limits)', () => {
  const big = (rows: number, char = 'x'): string[][] => Array.from({ length: rows }, () => [char.repeat(30_000)]);

  it('a request over 5 MB is refused whole: nothing of it is applied (Office add-in resource limits: "payload size limit for requests and responses of 5MB"; hosts.md)', async () => {
    const excel = book(['keep']);
    await expect(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Data');
        sheet.getRange('B1').values = [['first']];
        sheet.getRangeByIndexes(0, 2, 200, 1).values = big(200);
        await context.sync();
      }),
    ).rejects.toThrow(code('RequestPayloadSizeLimitExceeded'));
    expect(excel.sheet('Data').peek(0, 1).value).toBe('');
    expect(excel.stats.largestRequestBytes).toBeGreaterThan(EXCEL_WEB_LIMIT);
  });

  it('a response over 5 MB is refused (Office add-in resource limits; hosts.md)', async () => {
    const excel = book(...big(200));
    await expect(read(excel, 'A1:A200', 'values')).rejects.toThrow(code('ResponsePayloadSizeLimitExceeded'));
    expect(excel.stats.largestResponseBytes).toBeGreaterThan(EXCEL_WEB_LIMIT);
    expect(await read(excel, 'A1:A150', 'values')).toHaveLength(150);
  });

  it('payloads count UTF-8 bytes, and "5MB" is read as 5,000,000 bytes (unclear: the smaller of 5 MB and 5 MiB)', async () => {
    expect(EXCEL_WEB_LIMIT).toBe(5_000_000);
    const ascii = book(...big(100));
    expect(await read(ascii, 'A1:A100', 'values')).toHaveLength(100);
    const vietnamese = book(...big(100, 'ư'));
    await expect(read(vietnamese, 'A1:A100', 'values')).rejects.toThrow(code('ResponsePayloadSizeLimitExceeded'));
    const between = book(...big(170));
    expect(ascii.stats.largestResponseBytes).toBeLessThan(EXCEL_WEB_LIMIT);
    await expect(read(between, 'A1:A170', 'values')).rejects.toThrow(/5100\d{3} bytes/);
  });

  it('a range read over 5,000,000 cells is refused (Office add-in resource limits: "A range is limited to 5,000,000 cells for read operations"; RangeExceedsLimit)', async () => {
    const excel = book(['a']);
    await expect(read(excel, 'A:E', 'values')).rejects.toThrow(code('RangeExceedsLimit'));
    await expect(
      excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem('Data').getRangeByIndexes(0, 0, 1_000_000, 6);
        range.getCellProperties({ format: { fill: { color: true, pattern: true } } });
        await context.sync();
      }),
    ).rejects.toThrow(code('RangeExceedsLimit'));
    const shape = await excel.run(async (context) => {
      const whole = context.workbook.worksheets.getItem('Data').getRange();
      whole.load('rowCount,columnCount,address');
      await context.sync();
      return [whole.rowCount, whole.columnCount, whole.address];
    });
    expect(shape).toEqual([MAX_ROWS, 16_384, 'Data!1:1048576']);
    expect(RANGE_READ_CELL_LIMIT).toBe(5_000_000);
  });
});

describe('the fake Excel: sync() failures (hosts.md: "A sync() can fail half way on Excel on the web")', () => {
  async function fourWrites(excel: FakeExcel): Promise<void> {
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      for (let r = 0; r < 4; r++) sheet.getRangeByIndexes(r, 0, 1, 1).values = [[`new ${r}`]];
      await context.sync();
    });
  }
  const column = (excel: FakeExcel): unknown[] => [0, 1, 2, 3].map((r) => excel.sheet('Data').peek(r, 0).value);

  it('failAtSync: the Nth sync from now fails before anything of it is applied (hosts.md)', async () => {
    const excel = book(['old 0'], ['old 1'], ['old 2'], ['old 3']);
    excel.failAtSync = 2;
    await fourWrites(excel);
    await expect(fourWrites(excel)).rejects.toThrow(/GeneralException: .*injected/);
    expect(excel.failAtSync).toBeUndefined();
    expect(column(excel)).toEqual(['new 0', 'new 1', 'new 2', 'new 3']);
    await fourWrites(excel);
  });

  it("failSync half way: the first K queued operations stay written, the rest and the sync's loads are lost (hosts.md)", async () => {
    const excel = book(['old 0'], ['old 1'], ['old 2'], ['old 3']);
    excel.failSync({ at: 1, applyFirst: 2 });
    await expect(fourWrites(excel)).rejects.toThrow(code('ConnectionFailure'));
    expect(column(excel)).toEqual(['new 0', 'new 1', 'old 2', 'old 3']);
    const halfway = book(['a']);
    halfway.failSync({ at: 1, applyFirst: 'half' });
    await expect(
      halfway.run(async (context) => {
        const range = context.workbook.worksheets.getItem('Data').getRange('A1');
        range.values = [['b']];
        range.load('values');
        context.workbook.worksheets.getItem('Data').getRange('B1').values = [['c']];
        range.load('formulas');
        await context.sync().catch((error: unknown) => {
          expect(() => range.values).toThrow(code('PropertyNotLoaded'));
          throw error;
        });
      }),
    ).rejects.toThrow(/after 2 of 4 queued operations/);
    expect(halfway.sheet('Data').peek(0, 0).value).toBe('b');
    expect(halfway.sheet('Data').peek(0, 1).value).toBe('');
  });

  it('failSync: N syncs in a row fail, before applying or half way (hosts.md; issue 13: two failing syncs in a row)', async () => {
    const excel = book(['old 0'], ['old 1'], ['old 2'], ['old 3']);
    excel.failSync({ at: 2, times: 2, code: 'GeneralException' });
    await fourWrites(excel);
    await expect(fourWrites(excel)).rejects.toThrow(code('GeneralException'));
    await expect(fourWrites(excel)).rejects.toThrow(code('GeneralException'));
    await fourWrites(excel);
    expect(excel.stats.failedSyncs).toBe(2);
    const fresh = book(['old 0'], ['old 1'], ['old 2'], ['old 3']);
    fresh.failSync({ at: 1, times: 2, applyFirst: 0 });
    await expect(fourWrites(fresh)).rejects.toThrow(code('ConnectionFailure'));
    await expect(fourWrites(fresh)).rejects.toThrow(code('ConnectionFailure'));
    expect(column(fresh)).toEqual(['old 0', 'old 1', 'old 2', 'old 3']);
  });
});

describe('the fake Excel: what a written value becomes (Excel.Range.values; hosts.md)', () => {
  it('"=1+1" written through values becomes a formula unless the cell is formatted @ (Range.values: "If the provided value starts with … equal sign, Excel interprets this value as a formula"; hosts.md)', async () => {
    const excel = book();
    await write(excel, 0, 0, [['=1+1']]);
    await write(excel, 1, 0, [['=1+1']], '@');
    expect(excel.sheet('Data').peek(0, 0)).toMatchObject({ formula: '=1+1' });
    expect(excel.sheet('Data').peek(1, 0)).toMatchObject({ value: '=1+1', formula: null, numberFormat: '@' });
    expect(await read(excel, 'A1:A2', 'formulas')).toEqual([['=1+1'], ['=1+1']]);
    expect(await read(excel, 'A1:A2', 'valueTypes')).toEqual([['Double'], ['String']]);
  });

  it('numeric-looking text becomes a number unless the cell is formatted @: "00123", "1e3", "  12 " (hosts.md)', async () => {
    const excel = book();
    await write(excel, 0, 0, [['00123', '1e3', '  12 ', '-4.5', '+7']]);
    await write(excel, 1, 0, [['00123', '1e3', '  12 ', '-4.5', '+7']], '@');
    expect(await read(excel, 'A1:E2', 'values')).toEqual([
      [123, 1000, 12, -4.5, 7],
      ['00123', '1e3', '  12 ', '-4.5', '+7'],
    ]);
  });

  it('a leading apostrophe stores the text without it and marks the cell (Excel behaviour; hosts.md: "write it back … with a leading apostrophe")', async () => {
    const excel = book();
    await write(excel, 0, 0, [["'00123", "'=1+1", "'TRUE"]]);
    expect(await read(excel, 'A1:C1', 'values')).toEqual([['00123', '=1+1', 'TRUE']]);
    expect(await read(excel, 'A1:C1', 'formulas')).toEqual([['00123', '=1+1', 'TRUE']]);
    expect(excel.sheet('Data').peek(0, 0)).toMatchObject({ value: '00123', prefix: true, formula: null });
  });

  it('"TRUE" and "false" become booleans unless the cell is formatted @ (Excel behaviour)', async () => {
    const excel = book();
    await write(excel, 0, 0, [['TRUE', 'false']]);
    await write(excel, 1, 0, [['TRUE', 'false']], '@');
    expect(await read(excel, 'A1:B2', 'values')).toEqual([
      [true, false],
      ['TRUE', 'false'],
    ]);
    await expect(write(excel, 2, 0, [[' TRUE ']])).rejects.toThrow(code('InvalidArgument'));
  });

  it('range.formulas parses the same way; a constant written as a formula is a value (Excel.Range.formulas; issue 13: text coming back as a live formula)', async () => {
    const excel = book();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('A1:D1').formulas = [['=SUM(1,2)', '00123', 'abc', 5]];
      await context.sync();
    });
    const sheet = excel.sheet('Data');
    expect(sheet.peek(0, 0)).toMatchObject({ formula: '=SUM(1,2)' });
    expect([sheet.peek(0, 1).value, sheet.peek(0, 2).value, sheet.peek(0, 3).value]).toEqual([123, 'abc', 5]);
    expect([sheet.peek(0, 1).formula, sheet.peek(0, 2).formula]).toEqual([null, null]);
  });

  it('date-, time- and locale-number-looking text is refused unless @ or an apostrophe (unclear: its meaning depends on the locale)', async () => {
    const excel = book();
    for (const text of ['2026-01-31', '22/09/2026', '1/2', '12:30', '1,234', '12%', '$5', '(12)', 'Jan 2026', '#N/A'])
      await expect(write(excel, 0, 0, [[text]]), text).rejects.toThrow(code('InvalidArgument'));
    expect(excel.sheet('Data').peek(0, 0).value).toBe('');
    await expect(write(excel, 0, 0, [['12']], '0.0%')).rejects.toThrow(code('InvalidArgument'));
    await write(excel, 0, 0, [['2026-01-31']], '@');
    await write(excel, 1, 0, [["'22/09/2026"]]);
    expect(await read(excel, 'A1:A2', 'values')).toEqual([['2026-01-31'], ['22/09/2026']]);
  });

  it('text starting with +, - or @ that is not a number is refused (Range.values: "+" and "-" start a formula; whether it parses is unclear)', async () => {
    const excel = book();
    for (const text of ['-abc', '+ x', '@name', '-'])
      await expect(write(excel, 0, 0, [[text]]), text).rejects.toThrow(code('InvalidArgument'));
    await write(excel, 0, 0, [['-abc']], '@');
    expect(excel.sheet('Data').peek(0, 0).value).toBe('-abc');
  });

  it('numbers, booleans and apostrophes written into @ cells, and text over 32,767 characters, are refused (unclear; Excel specifications and limits)', async () => {
    const excel = book();
    await expect(write(excel, 0, 0, [[5]], '@')).rejects.toThrow(code('InvalidArgument'));
    await expect(write(excel, 0, 0, [[true]], '@')).rejects.toThrow(code('InvalidArgument'));
    await expect(write(excel, 0, 0, [["'x"]], '@')).rejects.toThrow(code('InvalidArgument'));
    await expect(write(excel, 0, 0, [['x'.repeat(32_768)]])).rejects.toThrow(code('InvalidArgument'));
    await expect(write(excel, 0, 0, [[Number.NaN]])).rejects.toThrow(code('InvalidArgument'));
  });

  it('values, formulas and numberFormat of the wrong dimensions throw InvalidArgument and write nothing (Excel.Range: the array must match the range)', async () => {
    const excel = book(['a', 'b']);
    for (const prop of ['values', 'formulas', 'numberFormat'] as const) {
      const bad = [
        [[1]],
        [
          ['x', 'y'],
          ['z', 'w'],
        ],
        [['x', 'y', 'z']],
      ];
      for (const cells of bad)
        await expect(
          excel.run(async (context) => {
            const range = context.workbook.worksheets.getItem('Data').getRange('A1:B1');
            (range as unknown as Record<string, unknown>)[prop] = cells;
            await context.sync();
          }),
          `${prop} ${JSON.stringify(cells)}`,
        ).rejects.toThrow(code('InvalidArgument'));
    }
    expect(excel.sheet('Data').dump()).toEqual(book(['a', 'b']).sheet('Data').dump());
  });

  it('valueTypes and text tell text from numbers; text in a locale-dependent format is refused (Excel.Range.valueTypes, Range.text; unclear)', async () => {
    const excel = book(['00123', 123, true, '']);
    expect(await read(excel, 'A1:D1', 'valueTypes')).toEqual([['String', 'Double', 'Boolean', 'Empty']]);
    expect(await read(excel, 'A1:D1', 'text')).toEqual([['00123', '123', 'TRUE', '']]);
    excel.sheet('Data').cell(0, 1).numberFormat = '0.00';
    expect(await read(excel, 'B1', 'text')).toEqual([['123.00']]);
    excel.sheet('Data').cell(0, 1).numberFormat = '#,##0';
    await expect(read(excel, 'B1', 'text')).rejects.toThrow(code('NotImplemented'));
  });

  it('the dump shows what each cell holds (text, number, formula) and its apostrophe (hosts.md: restore text as text)', async () => {
    const excel = book();
    await write(excel, 0, 0, [['00123', "'00123", '=A1', 'x']]);
    const dump = excel.sheet('Data').dump();
    expect(dump['0,0']).toMatchObject({ value: 123, type: 'number', prefix: false });
    expect(dump['0,1']).toMatchObject({ value: '00123', type: 'text', prefix: true });
    expect(dump['0,2']).toMatchObject({ formula: '=A1', type: 'formula' });
    expect(dump['0,3']).toMatchObject({ value: 'x', type: 'text', prefix: false });
  });
});

describe('the fake Excel: worksheets', () => {
  it('worksheets.add refuses a name in use (ignoring case), over 31 characters, with : \\ / ? * [ ], blank, apostrophe-ended or "History" (Excel worksheet naming rules; ItemAlreadyExists / InvalidArgument)', async () => {
    const excel = book();
    const add = (name: string) =>
      excel.run(async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      });
    await expect(add('data')).rejects.toThrow(code('ItemAlreadyExists'));
    for (const name of ['x'.repeat(32), 'a:b', 'a\\b', 'a/b', 'a?b', 'a*b', 'a[b', 'a]b', '', "'a", "a'", 'History'])
      await expect(add(name), name).rejects.toThrow(code('InvalidArgument'));
    await add('x'.repeat(31));
    await add('Tổng hợp phân khúc');
    expect([...excel.sheets.keys()]).toEqual(['Data', 'x'.repeat(31), 'Tổng hợp phân khúc']);
    excel.refuseSheet = (name) => name === 'Locked';
    await expect(add('Locked')).rejects.toThrow('cannot add the sheet Locked');
  });

  it('getItem of a missing sheet fails with ItemNotFound at sync, not before; getItemOrNullObject answers isNullObject; getItem takes an id; names ignore case (Excel.WorksheetCollection)', async () => {
    const excel = book(['a']);
    const id = excel.sheet('Data').id;
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItem('Missing');
      const none = context.workbook.worksheets.getItemOrNullObject('Missing');
      const byId = context.workbook.worksheets.getItem(id);
      const lower = context.workbook.worksheets.getItem('data');
      byId.load('name');
      lower.load('name');
      await context.sync();
      expect(none.isNullObject).toBe(true);
      expect([byId.name, lower.name]).toEqual(['Data', 'Data']);
      missing.load('name');
      await expect(context.sync()).rejects.toThrow(code('ItemNotFound'));
    });
  });

  it('worksheet.id is a stable GUID-like string, loaded like any property, kept through a rename (Excel.Worksheet.id)', async () => {
    const excel = book();
    const ids = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.load('id');
      await context.sync();
      const first = sheet.id;
      sheet.name = 'Renamed';
      const again = context.workbook.worksheets.getItem('Renamed');
      again.load('id,name');
      await context.sync();
      return [first, again.id, again.name];
    });
    expect(ids[0]).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).toBe('Renamed');
    expect(excel.active).toBe('Renamed');
  });

  it('visibility is Visible, Hidden or VeryHidden; the last visible sheet cannot be hidden or deleted; a VeryHidden sheet cannot be deleted; a hidden one cannot be activated (Excel.SheetVisibility; office-js#365)', async () => {
    const excel = new FakeExcel('Data', 'Undo');
    const batch = (f: (context: ExcelContext) => void) =>
      excel.run(async (context) => {
        f(context);
        await context.sync();
      });
    const sheets = (context: ExcelContext) => context.workbook.worksheets;
    await batch((c) => (sheets(c).getItem('Undo').visibility = 'VeryHidden'));
    expect(excel.sheet('Undo').visibility).toBe('VeryHidden');
    await expect(batch((c) => (sheets(c).getItem('Data').visibility = 'Hidden'))).rejects.toThrow(
      code('InvalidOperation'),
    );
    await expect(batch((c) => sheets(c).getItem('Data').delete())).rejects.toThrow(code('InvalidOperation'));
    await expect(batch((c) => sheets(c).getItem('Undo').activate())).rejects.toThrow(code('InvalidOperation'));
    await expect(batch((c) => sheets(c).getItem('Undo').delete())).rejects.toThrow(code('GeneralException'));
    await batch((c) => {
      sheets(c).getItem('Undo').visibility = 'Hidden';
      sheets(c).getItem('Undo').delete();
    });
    expect(excel.sheets.has('Undo')).toBe(false);
    await expect(batch((c) => (sheets(c).getItem('Data').visibility = 'Gone' as unknown as 'Hidden'))).rejects.toThrow(
      code('InvalidArgument'),
    );
    const loaded = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load('visibility,name');
      await context.sync();
      return [sheet.visibility, sheet.name];
    });
    expect(loaded).toEqual(['Visible', 'Data']);
  });

  it('position, getFirst and items follow the tab order; activate() makes a sheet active (Excel.Worksheet.position, WorksheetCollection.getFirst)', async () => {
    const excel = new FakeExcel('A', 'B', 'C');
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem('C').position = 0;
      sheets.getItem('A').visibility = 'Hidden';
      sheets.getItem('B').activate();
      await context.sync();
      const first = sheets.getFirst();
      const firstVisible = sheets.getFirst(true);
      first.load('name');
      firstVisible.load('name');
      sheets.load('items/name,items/position,items/visibility');
      await context.sync();
      expect(first.name).toBe('C');
      expect(sheets.items.map((s) => [s.name, s.position, s.visibility])).toEqual([
        ['C', 0, 'Visible'],
        ['A', 1, 'Hidden'],
        ['B', 2, 'Visible'],
      ]);
      sheets.getItem('B').position = 5;
      await expect(context.sync()).rejects.toThrow(code('InvalidArgument'));
    });
    expect(excel.active).toBe('B');
    expect([...excel.sheets.keys()]).toEqual(['C', 'A', 'B']);
  });

  it('a protected sheet refuses every write; protection.protected loads (Excel.WorksheetProtection; hosts.md: protected sheets refuse writes; AccessDenied)', async () => {
    const excel = book(['a']);
    excel.sheet('Data').protected = true;
    const attempts: ((r: ExcelRange) => void)[] = [
      (r) => (r.values = [['b']]),
      (r) => (r.formulas = [['=1']]),
      (r) => (r.numberFormat = [['@']]),
      (r) => (r.format.fill.color = '#FF0000'),
      (r) => r.format.fill.clear(),
      (r) => r.clear(),
      (r) => r.insert('Down'),
      (r) => r.delete('Up'),
    ];
    for (const attempt of attempts)
      await expect(
        excel.run(async (context) => {
          attempt(context.workbook.worksheets.getItem('Data').getRange('A1'));
          await context.sync();
        }),
      ).rejects.toThrow(code('AccessDenied'));
    expect(() => excel.sheet('Data').type(0, 0, 'b')).toThrow(code('AccessDenied'));
    const flags = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.protection.load('protected');
      await context.sync();
      const before = sheet.protection.protected;
      sheet.protection.unprotect();
      sheet.getRange('A1').values = [['b']];
      sheet.protection.load('protected');
      await context.sync();
      return [before, sheet.protection.protected];
    });
    expect(flags).toEqual([true, false]);
    expect(excel.sheet('Data').peek(0, 0).value).toBe('b');
  });
});

describe('the fake Excel: ranges', () => {
  it('getRange takes A1, A1:C3, $A$1 and C:D addresses; address names the sheet, quoted when needed; ranges beyond the grid are refused (Excel.Range.address)', async () => {
    expect(parseAddress('$B$2:A1')).toEqual({ row: 0, col: 0, rows: 2, cols: 2 });
    expect(parseAddress('AA10')).toEqual({ row: 9, col: 26, rows: 1, cols: 1 });
    expect(() => parseAddress('Sheet1!A1')).toThrow(code('InvalidArgument'));
    expect(() => parseAddress('XFE1')).toThrow(code('InvalidArgument'));
    const excel = new FakeExcel('Khách hàng');
    const addresses = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Khách hàng');
      const ranges = [sheet.getRange('B2:C3'), sheet.getRange('D4'), sheet.getRangeByIndexes(0, 2, MAX_ROWS, 2)];
      for (const r of ranges) r.load('address');
      await context.sync();
      return ranges.map((r) => r.address);
    });
    expect(addresses).toEqual(["'Khách hàng'!B2:C3", "'Khách hàng'!D4", "'Khách hàng'!C:D"]);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Khách hàng').getRangeByIndexes(MAX_ROWS, 0, 1, 1).values = [['x']];
        await context.sync();
      }),
    ).rejects.toThrow(code('InvalidArgument'));
  });

  it('getUsedRangeOrNullObject is a null object on an empty sheet and otherwise starts at the first used cell; valuesOnly ignores formats (Excel.Worksheet.getUsedRange)', async () => {
    const excel = book();
    const used = async (valuesOnly: boolean) =>
      excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem('Data').getUsedRangeOrNullObject(valuesOnly);
        range.load('address');
        await context.sync();
        return range.isNullObject ? null : range.address;
      });
    expect(await used(true)).toBeNull();
    const empty = await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getUsedRange();
      range.load('address');
      await context.sync();
      return range.address;
    });
    expect(empty).toBe('Data!A1');
    excel.sheet('Data').fill([['x', 'y']], 2, 1);
    excel.sheet('Data').cell(6, 5).fill = '#ff0000';
    expect(await used(true)).toBe('Data!B3:C3');
    expect(await used(false)).toBe('Data!B3:F7');
  });

  it('fills: format.fill.color and clear(), read back by getCellProperties and fill.load; colours other than #RRGGBB are refused (Excel.RangeFill; unclear for names)', async () => {
    const excel = book(['a', 'b']);
    const result = await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:B1');
      range.format.fill.color = '#00FF00';
      context.workbook.worksheets.getItem('Data').getRange('B1').format.fill.clear();
      const props = range.getCellProperties({ format: { fill: { color: true, pattern: true } } });
      const one = context.workbook.worksheets.getItem('Data').getRange('A1');
      one.format.fill.load('color');
      range.format.fill.load('color');
      await context.sync();
      return [props.value.map((row) => row.map((c) => c.format?.fill)), one.format.fill.color, range.format.fill.color];
    });
    expect(result).toEqual([
      [
        [
          { color: '#00FF00', pattern: 'Solid' },
          { color: '#FFFFFF', pattern: 'None' },
        ],
      ],
      '#00FF00',
      null,
    ]);
    expect(excel.sheet('Data').peek(0, 0).fill).toBe('#00ff00');
    await excel.run(async (context) => {
      expect(() => (context.workbook.worksheets.getItem('Data').getRange('A1').format.fill.color = 'red')).toThrow(
        code('InvalidArgument'),
      );
    });
  });

  it('insert(Right|Down) and delete(Left|Up) move cells with their formats; nothing is pushed off the sheet (Excel.Range.insert/delete; NonBlankCellOffSheet)', async () => {
    const excel = book(['a', 'b', 'c'], ['d', 'e', 'f']);
    const sheet = excel.sheet('Data');
    sheet.cell(0, 1).fill = '#ff0000';
    sheet.cell(0, 1).numberFormat = '@';
    const batch = (f: (s: ExcelWorksheet) => void) =>
      excel.run(async (context) => {
        f(context.workbook.worksheets.getItem('Data'));
        await context.sync();
      });
    await batch((s) => s.getRange('B1').insert('Right'));
    expect([0, 1, 2, 3].map((c) => sheet.peek(0, c).value)).toEqual(['a', '', 'b', 'c']);
    expect(sheet.peek(0, 2)).toMatchObject({ fill: '#ff0000', numberFormat: '@' });
    expect(sheet.peek(1, 1).value).toBe('e');
    await batch((s) => s.getRange('A1:D1').insert('Down'));
    expect([0, 1, 2].map((r) => sheet.peek(r, 0).value)).toEqual(['', 'a', 'd']);
    await batch((s) => s.getRange('A1:D1').delete('Up'));
    await batch((s) => s.getRange('B1').delete('Left'));
    expect(sheet.dump()).toEqual(
      (() => {
        const again = book(['a', 'b', 'c'], ['d', 'e', 'f']).sheet('Data');
        Object.assign(again.cell(0, 1), { fill: '#ff0000', numberFormat: '@' });
        return again.dump();
      })(),
    );
    sheet.fill([['edge']], MAX_ROWS - 1, 0);
    await expect(batch((s) => s.getRange('A1').insert('Down'))).rejects.toThrow(code('NonBlankCellOffSheet'));
  });

  it('clear(All|Contents|Formats) empties what it says (Excel.Range.clear)', async () => {
    const excel = book(["'x", 'y', 'z']);
    const sheet = excel.sheet('Data');
    for (let c = 0; c < 3; c++) Object.assign(sheet.cell(0, c), { fill: '#123456', numberFormat: '0.00' });
    await excel.run(async (context) => {
      const s = context.workbook.worksheets.getItem('Data');
      s.getRange('A1').clear('Contents');
      s.getRange('B1').clear('Formats');
      s.getRange('C1').clear();
      await context.sync();
    });
    expect(sheet.peek(0, 0)).toMatchObject({ value: '', fill: '#123456', numberFormat: '0.00', prefix: false });
    expect(sheet.peek(0, 1)).toMatchObject({ value: 'y', fill: null, numberFormat: 'General' });
    expect(sheet.peek(0, 2)).toMatchObject({ value: '', fill: null, numberFormat: 'General' });
  });
});

describe('the fake Excel: tables, merged cells and spilled arrays (hosts.md)', () => {
  function customers(): FakeExcel {
    return book(['Name', 'Revenue'], ['An', 10], ['Bình', 20]);
  }

  it('worksheet.tables.add makes a table over a header row; hasHeaders = false and overlaps are refused (Excel.TableCollection.add; MergedRangeConflict; office-js#196)', async () => {
    const excel = customers();
    const name = await excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem('Data').tables.add('A1:B3', true);
      table.load('name');
      await context.sync();
      return table.name;
    });
    expect(name).toBe('Table1');
    expect(excel.sheet('Data').structure().tables).toEqual([{ name: 'Table1', address: 'A1:B3' }]);
    const add = (address: string, headers: boolean) =>
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Data').tables.add(address, headers);
        await context.sync();
      });
    await expect(add('B2:C4', true)).rejects.toThrow(code('MergedRangeConflict'));
    await expect(add('E1:F3', false)).rejects.toThrow(code('InvalidArgument'));
    excel.sheet('Data').fill([['', 'Note', 'note']], 0, 4);
    await add('E1:G2', true);
    expect(['E', 'F', 'G'].map((_, i) => excel.sheet('Data').peek(0, 4 + i).value)).toEqual([
      'Column1',
      'Note',
      'note2',
    ]);
  });

  it('AutoExpand: a value written into the column right of a table, or the row below it, makes the table grow (hosts.md: "can extend the table (AutoExpand)")', async () => {
    const excel = customers();
    const sheet = excel.sheet('Data');
    sheet.addTable({ row: 0, col: 0, rows: 3, cols: 2 });
    await write(excel, 1, 2, [['A'], ['B']]);
    expect(sheet.structure().tables[0]?.address).toBe('A1:C3');
    expect(sheet.peek(0, 2).value).toBe('Column3');
    await write(excel, 0, 3, [['Segment'], ['X'], ['Y']]);
    expect(sheet.structure().tables[0]?.address).toBe('A1:D3');
    await write(excel, 3, 0, [['Chi']]);
    expect(sheet.structure().tables[0]?.address).toBe('A1:D4');
    await write(excel, 0, 5, [['apart']]);
    expect(sheet.structure().tables[0]?.address).toBe('A1:D4');
    const address = await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').tables.getItem('Table1').getRange();
      range.load('address');
      await context.sync();
      return range.address;
    });
    expect(address).toBe('Data!A1:D4');
  });

  it('a table answers getRange, header and body ranges, items and getItemOrNullObject; delete() empties its cells, convertToRange() keeps them (Excel.Table)', async () => {
    const excel = customers();
    excel.sheet('Data').addTable({ row: 0, col: 0, rows: 3, cols: 2 }, 'Customers');
    const seen = await excel.run(async (context) => {
      const tables = context.workbook.worksheets.getItem('Data').tables;
      const table = tables.getItem('customers');
      const header = table.getHeaderRowRange();
      const body = table.getDataBodyRange();
      const none = tables.getItemOrNullObject('Nope');
      header.load('values');
      body.load('address');
      tables.load('items/name');
      await context.sync();
      return [header.values, body.address, tables.items.map((t) => t.name), none.isNullObject];
    });
    expect(seen).toEqual([[['Name', 'Revenue']], 'Data!A2:B3', ['Customers'], true]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').tables.getItem('Customers').convertToRange();
      await context.sync();
    });
    expect(excel.sheet('Data').structure().tables).toEqual([]);
    expect(excel.sheet('Data').peek(1, 0).value).toBe('An');
    excel.sheet('Data').addTable({ row: 0, col: 0, rows: 3, cols: 2 });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').tables.getItem('Table1').delete();
      await context.sync();
    });
    expect(excel.sheet('Data').dump()).toEqual({});
  });

  it('merged cells refuse writes into part of them and a merge that would drop values (hosts.md; InvalidOperation, unclear whether Excel keeps the other values)', async () => {
    const excel = book(['title']);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('A1:C1').merge();
      await context.sync();
    });
    expect(excel.sheet('Data').structure().merges).toEqual(['A1:C1']);
    await expect(write(excel, 0, 1, [['x']])).rejects.toThrow(code('InvalidOperation'));
    await expect(write(excel, 0, 0, [['x', 'y', '']])).rejects.toThrow(code('InvalidOperation'));
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('B1:B2').format.fill.color = '#FF0000';
        await context.sync();
      }),
    ).rejects.toThrow(code('InvalidOperation'));
    await write(excel, 0, 0, [['new title', '', '']]);
    await write(excel, 0, 0, [['anchor only']]);
    expect(excel.sheet('Data').peek(0, 0).value).toBe('anchor only');
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('B1').unmerge();
      await context.sync();
    });
    expect(excel.sheet('Data').structure().merges).toEqual([]);
    excel.sheet('Data').fill([['a', 'b']], 4, 0);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A5:B5').merge();
        await context.sync();
      }),
    ).rejects.toThrow(code('InvalidOperation'));
  });

  it('a spilled array refuses writes into part of it; writing its formula cell replaces it (hosts.md: "array (spill) ranges refuse writes into part of them")', async () => {
    const excel = book();
    const sheet = excel.sheet('Data');
    sheet.spill(0, 0, '=SEQUENCE(3)', [[1], [2], [3]]);
    await expect(write(excel, 1, 0, [['x']])).rejects.toThrow(code('InvalidOperation'));
    await expect(write(excel, 2, 0, [['x'], ['y']])).rejects.toThrow(code('InvalidOperation'));
    expect(sheet.peek(1, 0).value).toBe(2);
    await write(excel, 0, 0, [['replaced']]);
    expect([0, 1, 2].map((r) => sheet.peek(r, 0).value)).toEqual(['replaced', '', '']);
    expect(sheet.structure().spills).toEqual([]);
  });
});

describe('the fake Excel: what a user does between two calls (hosts.md: "Rows and columns move")', () => {
  it('inserting columns before a table moves its cells, formats and the table; inserting inside it widens it (Excel behaviour)', () => {
    const excel = book(['Name', 'Revenue', 'Segment'], ['An', 10, 'A']);
    const sheet = excel.sheet('Data');
    sheet.addTable({ row: 0, col: 0, rows: 2, cols: 3 });
    sheet.cell(1, 2).fill = '#ff0000';
    sheet.userInsertColumns(0, 2);
    expect(sheet.structure().tables[0]?.address).toBe('C1:E2');
    expect([sheet.peek(0, 2).value, sheet.peek(1, 4).value, sheet.peek(1, 4).fill]).toEqual(['Name', 'A', '#ff0000']);
    sheet.userInsertColumns(3);
    expect(sheet.structure().tables[0]?.address).toBe('C1:F2');
    expect(sheet.peek(0, 3).value).toBe('Column2');
    sheet.userDeleteColumns(3);
    expect(sheet.structure().tables[0]?.address).toBe('C1:E2');
  });

  it('inserting rows moves what is below; inside a table the table grows; through part of a merged area is refused (Excel behaviour; InsertDeleteConflict)', () => {
    const excel = book(['Name'], ['An'], ['Bình']);
    const sheet = excel.sheet('Data');
    sheet.addTable({ row: 0, col: 0, rows: 3, cols: 1 });
    sheet.userInsertRows(2);
    expect(sheet.structure().tables[0]?.address).toBe('A1:A4');
    expect([1, 2, 3].map((r) => sheet.peek(r, 0).value)).toEqual(['An', '', 'Bình']);
    sheet.userInsertRows(0);
    expect(sheet.structure().tables[0]?.address).toBe('A2:A5');
    sheet.mergeCells({ row: 10, col: 3, rows: 2, cols: 2 });
    const before = sheet.dump();
    expect(() => sheet.shiftCells({ row: 11, col: 3, rows: 1, cols: 1 }, 'Down')).toThrow(code('InsertDeleteConflict'));
    expect(sheet.dump()).toEqual(before);
  });

  it('sorting a rectangle by a column moves whole rows: values, formulas, formats, fills and apostrophes (Excel behaviour; hosts.md)', () => {
    const excel = book(['Name', 'Revenue', 'Note'], ['Chi', 30, 'c'], ['An', 10, 'a'], ['Bình', 20, '']);
    const sheet = excel.sheet('Data');
    Object.assign(sheet.cell(1, 2), { fill: '#ff0000', numberFormat: '@' });
    Object.assign(sheet.cell(2, 2), { value: '00123', prefix: true });
    Object.assign(sheet.cell(3, 2), { formula: '=B4*2', value: 40 });
    sheet.userSort({ row: 1, col: 0, rows: 3, cols: 3 }, 1);
    expect([1, 2, 3].map((r) => sheet.peek(r, 0).value)).toEqual(['An', 'Bình', 'Chi']);
    expect(sheet.peek(1, 2)).toMatchObject({ value: '00123', prefix: true });
    expect(sheet.peek(2, 2)).toMatchObject({ formula: '=B4*2' });
    expect(sheet.peek(3, 2)).toMatchObject({ value: 'c', fill: '#ff0000', numberFormat: '@' });
    sheet.userSort({ row: 1, col: 0, rows: 3, cols: 3 }, 0, { descending: true });
    expect([1, 2, 3].map((r) => sheet.peek(r, 0).value)).toEqual(['Chi', 'Bình', 'An']);
  });

  it('a user typing is parsed as a write through values, AutoExpand included (Excel behaviour; hosts.md)', () => {
    const excel = book(['Name', 'Revenue'], ['An', 10]);
    const sheet = excel.sheet('Data');
    sheet.addTable({ row: 0, col: 0, rows: 2, cols: 2 });
    sheet.type(1, 1, '00123');
    sheet.type(1, 0, "'00123");
    sheet.type(1, 2, 'note');
    expect(sheet.peek(1, 1).value).toBe(123);
    expect(sheet.peek(1, 0)).toMatchObject({ value: '00123', prefix: true });
    expect(sheet.structure().tables[0]?.address).toBe('A1:C2');
    expect(() => sheet.type(3, 0, '31/01/2026')).toThrow(code('InvalidArgument'));
  });
});

describe('the fake Excel: Office.context.document.settings (Office.Settings; hosts.md: "A task pane\'s memory ends when it is closed")', () => {
  it('get, set, remove work in memory; only what saveAsync saved survives reopening the task pane', async () => {
    const excel = new FakeExcel('Data');
    const settings = excel.office.context.document.settings;
    expect(settings.get('undo')).toBeNull();
    settings.set('undo', { sheetId: 'x', cells: [1, 2] });
    expect(settings.get('undo')).toEqual({ sheetId: 'x', cells: [1, 2] });
    expect(settings.get('undo')).not.toBe(settings.get('undo'));
    excel.reopen();
    expect(settings.get('undo')).toBeNull();
    settings.set('undo', { v: 1 });
    let called = false;
    const done = new Promise<OfficeAsyncResult>((resolve) =>
      settings.saveAsync({ asyncContext: 'ctx' }, (result) => {
        called = true;
        resolve(result);
      }),
    );
    expect(called).toBe(false);
    expect(await done).toMatchObject({ status: 'succeeded', asyncContext: 'ctx' });
    settings.set('undo', { v: 2 });
    settings.set('other', 1);
    settings.remove('other');
    excel.reopen();
    expect(settings.get('undo')).toEqual({ v: 1 });
    settings.remove('undo');
    expect((await saved(settings)).status).toBe('succeeded');
    excel.reopen();
    expect(settings.get('undo')).toBeNull();
  });

  it('saveAsync can be made to fail: the callback gets status failed with an error, and nothing is saved (Office.AsyncResult; office-js#761: 5001 An internal error has occurred)', async () => {
    const excel = new FakeExcel('Data');
    excel.settings.set('undo', 'kept?');
    excel.settings.failNextSaves(1);
    const result = await saved(excel.settings);
    expect(result).toMatchObject({
      status: 'failed',
      error: { code: 5001, message: 'An internal error has occurred.' },
    });
    excel.reopen();
    expect(excel.settings.get('undo')).toBeNull();
    excel.settings.set('undo', 'kept');
    expect((await saved(excel.settings)).status).toBe('succeeded');
    expect(excel.settings.savedValue('undo')).toBe('kept');
    expect(excel.settings.stats).toEqual({ saves: 2, failedSaves: 1 });
  });

  it('settings over 2 MB are refused (Office.Settings.set: "A maximum of 2MB is available for the settings of each add-in"; office-js#621), counted as UTF-8 JSON bytes', () => {
    const settings = new FakeExcel('Data').settings;
    expect(SETTINGS_LIMIT_BYTES).toBe(2_000_000);
    settings.set('a', 'x'.repeat(1_500_000));
    expect(() => settings.set('b', 'x'.repeat(600_000))).toThrow(code('InvalidArgument'));
    expect(() => settings.set('a', 'ư'.repeat(1_000_000))).toThrow(code('InvalidArgument'));
    expect(settings.get('b')).toBeNull();
    settings.set('a', 'ư'.repeat(900_000));
    expect(settings.bytes()).toBeLessThanOrEqual(SETTINGS_LIMIT_BYTES);
  });

  it('a setting value is a string, number, boolean, null, object or array; anything else is refused (Office.Settings: "the value can be a string, number, boolean, null, object, or array"; Date unclear)', () => {
    const settings = new FakeExcel('Data').settings;
    settings.set('ok', { a: [1, 'x', true, null] });
    for (const bad of [undefined, () => 1, new Date(0), Number.POSITIVE_INFINITY, new Map(), 1n])
      expect(() => settings.set('bad', bad), String(bad)).toThrow(code('InvalidArgument'));
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => settings.set('bad', circular)).toThrow(code('InvalidArgument'));
  });
});

describe('the fake Excel: what the existing tests use keeps working', () => {
  it('FakeExcel, run, sheet, fill, cell, peek, dump, selection, active, refuseSheet, sheets and stats', async () => {
    const excel = new FakeExcel('Khách hàng', 'Other');
    const sheet = excel.sheet('Khách hàng');
    sheet.fill([
      ['Name', 'Revenue'],
      ['An', 10],
    ]);
    Object.assign(sheet.cell(1, 2), { value: 0, formula: '=B2*2' });
    expect(sheet.peek(1, 2)).toMatchObject({ formula: '=B2*2', value: 0 });
    expect(Object.keys(sheet.dump())).toEqual(['0,0', '0,1', '1,0', '1,1', '1,2']);
    excel.selection = { row: 1, col: 0, rows: 1, cols: 2 };
    const seen = await excel.run(async (context) => {
      const active = context.workbook.worksheets.getActiveWorksheet();
      const selected = context.workbook.getSelectedRange();
      active.load('name');
      selected.load('values,address');
      context.application.suspendApiCalculationUntilNextSync();
      await context.sync();
      return [active.name, selected.values, selected.address];
    });
    expect(seen).toEqual(['Khách hàng', [['An', 10]], "'Khách hàng'!A2:B2"]);
    expect(excel.active).toBe('Khách hàng');
    expect([...excel.sheets.keys()]).toEqual(['Khách hàng', 'Other']);
    expect(excel.stats).toMatchObject({ syncs: 1, calculationSuspensions: 1, failedSyncs: 0 });
    expect(excel.stats.largestRequestBytes).toBeGreaterThan(0);
    expect(excel.stats.largestResponseBytes).toBeGreaterThan(0);
    expect(() => excel.sheet('Missing')).toThrow(code('ItemNotFound'));
  });
});
