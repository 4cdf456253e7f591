/**
 * The shared host suites over Excel: the task pane's panel host and SheetIO on the strict fake of the Excel
 * JavaScript API and of the document's settings (5 MB requests, syncs that fail half way, text parsing, very hidden
 * sheets, settings kept only once saved), with reopening the task pane as the fake's `reopen()`.
 */
import { createExcelHost } from '../../addin/excel-panel-host.js';
import { ExcelSheetIO } from '../../addin/excel-sheet-io.js';
import { UNDO_SHEET_PREFIX } from '../../addin/excel-undo-store.js';
import { FakeExcel } from '../hosts/fake-excel.js';
import { dateConversionSuite } from './convert-dates.js';
import { dataLossSuite } from './data-loss.js';
import type { HostHarness, TestDocument } from './harness.js';
import { sheetIOContract } from './sheet-io-contract.js';

const NAME = 'Khách hàng';

const excel: HostHarness = {
  name: 'Excel (the task pane on the strict fake)',
  async open(rows) {
    const book = new FakeExcel(NAME);
    const sheet = book.sheet(NAME);
    sheet.fill(rows.map((line) => [...line]));
    const doc: TestDocument = {
      sheetName: NAME,
      host: () => {
        book.reopen();
        return createExcelHost({ run: book.run, documentSettings: book.office.context.document.settings });
      },
      io: () => new ExcelSheetIO(book.run, NAME),
      type: (row, col, input) => sheet.type(row, col, input),
      sortRows: (top, count, byCol, descending) =>
        sheet.userSort({ row: top, col: 0, rows: count, cols: sheet.used().cols }, byCol, { descending }),
      insertColumns: (col, count) => sheet.userInsertColumns(col, count),
      setFill: (row, col, color) => {
        sheet.cell(row, col).fill = color;
      },
      cell: (row, col) => {
        const cell = sheet.peek(row, col);
        return {
          value: cell.value === '' ? null : cell.formula ? cell.value : cell.value,
          formula: cell.formula,
          fill: cell.fill,
        };
      },
      snapshot: () => sheet.dump(),
      deleteUndoCopy: () => {
        for (const name of [...book.sheets.keys()]) if (name.startsWith(UNDO_SHEET_PREFIX)) book.sheets.delete(name);
      },
      failNextWrites: (count) => book.failSync({ at: 1, times: count, applyFirst: 'half' }),
      visibleSheets: () => [...book.sheets.values()].filter((s) => s.visibility === 'Visible').map((s) => s.name),
    };
    return doc;
  },
};

sheetIOContract(excel);
dataLossSuite(excel);
dateConversionSuite(excel);
