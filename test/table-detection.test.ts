/**
 * Finding the table (issue 16, item 8): a blank sheet is not a table, a table with headers but no data rows is said
 * so, and the table step says where the result column will go (issue 16, item 5) — in core and through each host's
 * detectTable that runs in this process (Excel's task pane on the strict fake, the playground over HyperFormula,
 * and the Sheets server's source on the strict fake of SpreadsheetApp).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PanelError } from '../core/engine/messages.js';
import { describeTable, tableInGrid } from '../core/engine/table.js';
import type { CellValue } from '../core/engine/sheet-io.js';
import { outputNote } from '../panel/output-note.js';
import { createExcelHost } from '../addin/excel-panel-host.js';
import { FakeExcel } from './hosts/fake-excel.js';
import { FakeSpreadsheetApp } from './hosts/fake-spreadsheet-app.js';
import { Workbook } from '../playground/engine/workbook.js';
import { createPlaygroundHost } from '../playground/panel/host.js';
import { server } from '../apps-script/panel-server.js';

const HEADER = ['Khách hàng', 'Doanh thu', 'Ngày mua cuối'];
const ROWS: CellValue[][] = [
  ['An Phát', 27_000_000, '2025-11-02'],
  ['Bình Minh', '1.250.000 ₫', null],
];

async function panelError(answer: () => unknown): Promise<PanelError | undefined> {
  try {
    await answer();
    return undefined;
  } catch (error) {
    return PanelError.from(error);
  }
}

describe('describeTable and tableInGrid', () => {
  it('refuse a blank region with what to do, in both languages', async () => {
    const error = await panelError(() => tableInGrid('Trang1', [], { row: 0, col: 0 }));
    expect(error?.code).toBe('emptySheet');
    expect(error?.messageIn('en')).toBe(
      'The sheet is empty around cell A1: there is no table here. Click a cell inside your customer table, or first type or paste a table with a header row (for example Customer, Revenue), then try again.',
    );
    expect(error?.messageIn('vi')).toMatch(/^Trang tính trống quanh ô A1: ở đây không có bảng nào\./);
    // An empty cell far from a table on a sheet that has one.
    const far = await panelError(() => tableInGrid('Trang1', [HEADER, ...ROWS], { row: 9, col: 7 }));
    expect(far?.messageIn('en')).toMatch(/^The sheet is empty around cell H10:/);
  });

  it('say a table with headers but no data rows, naming them', async () => {
    const error = await panelError(() => tableInGrid('Trang1', [[null], [null, ...HEADER]], { row: 1, col: 2 }));
    expect(error?.code).toBe('headerOnly');
    expect(error?.messageIn('en')).toBe(
      'The table B2:D2 has headers (Khách hàng, Doanh thu, Ngày mua cuối) but no data rows. Add your customers in the rows under the header, then use the table again.',
    );
    expect(error?.messageIn('vi')).toBe(
      'Bảng B2:D2 có dòng tiêu đề (Khách hàng, Doanh thu, Ngày mua cuối) nhưng chưa có dòng dữ liệu nào. Hãy thêm khách hàng vào các dòng dưới dòng tiêu đề rồi dùng lại bảng.',
    );
    // A title above the header row is not a data row either.
    const titled = await panelError(() =>
      describeTable('Trang1', { row: 0, col: 0, rows: 2, cols: 3 }, [['Danh sách khách hàng 2025'], HEADER]),
    );
    expect(titled?.code).toBe('headerOnly');
  });

  it('a one-row table of data is still a table once it has a header', () => {
    const info = tableInGrid('Trang1', [HEADER, ROWS[0] as CellValue[]], { row: 1, col: 1 });
    expect(info.table).toEqual({ row: 0, col: 0, rows: 2, cols: 3 });
  });

  it('say where the result goes: beside the table, in a new column before the next table, or over the earlier one', () => {
    const alone = tableInGrid('Trang1', [HEADER, ...ROWS], { row: 1, col: 0 });
    expect(alone.insertsColumn).toBeUndefined();
    expect(outputNote(alone, 'en')).toBe('Results go in column D.');
    expect(outputNote(alone, 'vi')).toBe('Kết quả sẽ được ghi vào cột D.');

    // Another table from column E, one empty column (D) away, only beside the second data row.
    const grid: CellValue[][] = [
      [...HEADER, null, null],
      [...(ROWS[0] as CellValue[]), null, null],
      [...(ROWS[1] as CellValue[]), null, 'Mã kho'],
    ];
    const beside = tableInGrid('Trang1', grid, { row: 1, col: 0 });
    expect(beside.table).toEqual({ row: 0, col: 0, rows: 3, cols: 3 });
    expect(beside.insertsColumn).toBe(true);
    expect(outputNote(beside, 'en')).toBe('Results go in a new column D, inserted before the next table.');
    expect(outputNote(beside, 'vi')).toBe('Kết quả sẽ được ghi vào cột mới D, chèn vào trước bảng bên cạnh.');

    // Two empty columns: nothing to insert.
    const twoAway = tableInGrid(
      'Trang1',
      grid.map((line) => [...line.slice(0, 4), null, ...line.slice(4)]),
      {
        row: 1,
        col: 0,
      },
    );
    expect(twoAway.insertsColumn).toBeUndefined();

    const again = tableInGrid(
      'Trang1',
      [
        [...HEADER, 'Phân khúc'],
        [...(ROWS[0] as CellValue[]), 'A'],
      ],
      {
        row: 0,
        col: 0,
      },
    );
    expect(again.outputColumn).toBe(3);
    expect(outputNote(again, 'en')).toBe('The earlier result column D1 will be replaced.');
  });
});

describe("each host's detectTable", () => {
  it('Excel: a blank sheet and a header-only table are refused with their messages', async () => {
    const book = new FakeExcel('Trang1');
    const host = () => createExcelHost({ run: book.run, documentSettings: book.office.context.document.settings });
    expect((await panelError(() => host().detectTable()))?.code).toBe('emptySheet');
    book.sheet('Trang1').fill([HEADER]);
    book.selection = { row: 0, col: 1, rows: 1, cols: 1 };
    const error = await panelError(() => host().detectTable());
    expect(error?.messageIn('vi')).toMatch(/^Bảng A1:C1 có dòng tiêu đề/);
  });

  const open: Workbook[] = [];
  afterEach(() => open.splice(0).forEach((w) => w.destroy()));

  it('the playground: a blank sheet and a header-only table are refused with their messages', async () => {
    const empty = Workbook.open([{ name: 'Trang1', cells: [] }]);
    open.push(empty);
    expect((await panelError(() => createPlaygroundHost(empty).detectTable()))?.code).toBe('emptySheet');
    const headersOnly = Workbook.open([{ name: 'Trang1', cells: [HEADER] }]);
    open.push(headersOnly);
    headersOnly.selection = { sheet: 'Trang1', row: 0, col: 0, rows: 1, cols: 1, activeRow: 0, activeCol: 0 };
    expect((await panelError(() => createPlaygroundHost(headersOnly).detectTable()))?.code).toBe('headerOnly');
  });

  it('the Sheets server: a blank sheet and a header-only table are refused with their messages', async () => {
    const app = new FakeSpreadsheetApp('Trang1');
    const globals = app.globals();
    const saved = Object.keys(globals).map((k) => [k, Reflect.get(globalThis, k)] as const);
    Object.assign(globalThis, globals);
    try {
      expect((await panelError(() => server.segmentkitDetectTable()))?.code).toBe('emptySheet');
      app.sheet('Trang1').fill([HEADER]);
      const error = await panelError(() => server.segmentkitDetectTable());
      expect(error?.code).toBe('headerOnly');
      expect(error?.messageIn('en')).toMatch(/^The table A1:C1 has headers \(Khách hàng, Doanh thu, Ngày mua cuối\)/);
    } finally {
      for (const [k, v] of saved) Reflect.set(globalThis, k, v);
    }
  });
});
