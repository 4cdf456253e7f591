/**
 * The shared host suites over Google Sheets as it runs: the panel's server in the built Code.js (node:vm) and its
 * SheetIO, on the strict fake of SpreadsheetApp, with every answer crossing as JSON as `google.script.run` hands it.
 */
import { beforeAll } from 'vitest';
import { SheetsSheetIO } from '../../apps-script/sheets-sheet-io.js';
import type { GasSpreadsheet } from '../../apps-script/gas-types.js';
import type { SheetIO } from '../../core/engine/sheet-io.js';
import type { PanelHost } from '../../panel/host.js';
import { FakeSpreadsheetApp, SheetUser } from '../hosts/fake-spreadsheet-app.js';
import { requireCodeJs, loadCodeJs } from '../hosts/sheets-vm.js';
import { dateConversionSuite } from './convert-dates.js';
import { dataLossSuite } from './data-loss.js';
import type { HostHarness, TestDocument } from './harness.js';
import { sheetIOContract } from './sheet-io-contract.js';

beforeAll(requireCodeJs);

/** A synchronous port as an asynchronous one. */
function asAsync<T extends object>(sync: T): SheetIO {
  return new Proxy(sync, {
    get(target, key) {
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function'
        ? (...args: unknown[]) =>
            Promise.resolve().then(() => (value as (...a: unknown[]) => unknown).apply(target, args))
        : value;
    },
  }) as unknown as SheetIO;
}

const sheets: HostHarness = {
  name: 'Google Sheets (Code.js on the strict fake)',
  async open(rows) {
    const app = new FakeSpreadsheetApp('Khách hàng');
    const sheet = app.sheet('Khách hàng');
    sheet.fill(rows.map((line) => [...line]));
    const globals = app.globals();
    const script = loadCodeJs({ globals });
    const call = <T>(name: string, ...args: unknown[]): T => {
      const answer = script.call(
        name,
        args.map((a) => JSON.parse(JSON.stringify(a ?? null)) as unknown),
      );
      return JSON.parse(JSON.stringify(answer ?? null)) as T;
    };
    const host = (): PanelHost => ({
      kind: 'sheets',
      detectTable: async () => call('segmentkitDetectTable'),
      preview: async (plan) => call('segmentkitPreview', plan),
      apply: async (request) => call('segmentkitApply', request, 'run-1'),
      convertDates: async (request) => call('segmentkitConvertDates', request),
      lastApply: async () => call('segmentkitLastApply') ?? undefined,
      undo: async (confirmChanged = false) => call('segmentkitUndo', confirmChanged),
      loadSettings: async () => call('segmentkitLoadSettings'),
      saveSettings: async (settings) => call('segmentkitSaveSettings', settings),
    });
    const user = new SheetUser(sheet);
    const book = (globals.SpreadsheetApp as { getActiveSpreadsheet(): GasSpreadsheet }).getActiveSpreadsheet();
    const doc: TestDocument = {
      sheetName: 'Khách hàng',
      host,
      io: () => asAsync(new SheetsSheetIO(book, book.getSheetByName('Khách hàng')!)),
      type: (row, col, input) => user.type(row + 1, col + 1, String(input)),
      sortRows: (top, count, byCol, descending) =>
        user.sort({ row: top + 1, col: 1, rows: count, cols: sheet.getLastColumn() }, byCol + 1, !descending),
      insertColumns: (col, count) => user.insertColumnsBefore(col + 1, count),
      setFill: (row, col, color) => user.fillColor(row + 1, col + 1, color),
      cell: (row, col) => {
        const cell = sheet.peek(row + 1, col + 1);
        const background = cell.background ?? null;
        return {
          value: cell.value === '' ? null : (cell.value as string | number | boolean),
          formula: cell.formula || null,
          fill: background === '#ffffff' ? null : background,
        };
      },
      snapshot: () => sheet.dump(),
      deleteUndoCopy: () => {
        for (const s of [...app.sheets])
          if (s.getName().startsWith('SegmentKit undo') && !s.getName().startsWith('SegmentKit undo record'))
            new SheetUser(s).delete();
      },
      failNextWrites: (count) => (app.failWrites = count),
      visibleSheets: () => app.sheets.filter((s) => !s.isSheetHidden()).map((s) => s.getName()),
    };
    return doc;
  },
};

sheetIOContract(sheets);
dataLossSuite(sheets);
dateConversionSuite(sheets);
