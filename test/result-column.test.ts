/**
 * Where the result column goes and how wide it is (issue 16, item 5), on the in-memory sheet, on the strict fakes
 * of Excel and Google Sheets, and in the playground, with a 1,001-row, 26-column customer table and another table to
 * its right:
 * - a one-column gap before another table: a new column is inserted (the other table moves right), never the gap;
 * - a free column beside the table: no insert;
 * - the column is sized to its labels, and undo gives back the width it had;
 * - undo deletes the inserted column, and refuses when that column moved or holds something else since;
 * - a failure after the insert rolls it back; an insert the sheet refuses is a clear message, nothing changed.
 */
import { describe, expect, it } from 'vitest';
import { applyPlan, applyPlanSync, type ApplyEnv, type ApplyOutcome, type SyncApplyEnv } from '../core/engine/apply.js';
import { widthForLabels } from '../core/engine/column-width.js';
import { MemorySheet, MemoryUndoStore } from '../core/engine/memory-sheet.js';
import { PanelError } from '../core/engine/messages.js';
import type { Plan } from '../core/engine/plan.js';
import { DEFAULT_COLUMN_WIDTH, type CellValue } from '../core/engine/sheet-io.js';
import { undoLast, undoLastSync, type UndoOutcome } from '../core/engine/undo.js';
import { ExcelSheetIO } from '../addin/excel-sheet-io.js';
import { SheetsSheetIO, SHEETS_COLUMN_WIDTH } from '../apps-script/sheets-sheet-io.js';
import { SheetsColumnAnchor, SheetsUndoStore } from '../apps-script/sheets-undo-store.js';
import type { GasProperties, GasSpreadsheet } from '../apps-script/gas-types.js';
import { Workbook } from '../playground/engine/workbook.js';
import { PLAYGROUND_COLUMN_WIDTH, PlaygroundSheetIO } from '../playground/panel/sheet-io.js';
import { DEFAULT_COLUMN_POINTS, FakeExcel } from './hosts/fake-excel.js';
import { FakeSpreadsheetApp } from './hosts/fake-spreadsheet-app.js';

const SHEET = 'Khách hàng';
const DATA_ROWS = 1_001;
const COLS = 26;
const HEADER = 'Phân khúc khách hàng theo doanh thu';

/** A header and 1,001 customers over 26 columns (A:Z): name, revenue (a few blanks and text numbers), notes. */
function customers(): (string | number)[][] {
  const header = ['Khách hàng', 'Doanh thu', ...Array.from({ length: COLS - 2 }, (_, c) => `Cột ${c + 3}`)];
  const rows = Array.from({ length: DATA_ROWS }, (_, i) => [
    `Công ty số ${i + 1}`,
    i % 97 === 0 ? '' : i % 31 === 0 ? String(250_000 + i) : 1_000_000 + ((i * 7919) % 90_000_000),
    ...Array.from({ length: COLS - 2 }, (_, c) => (c % 5 === 0 ? `ghi chú ${i}` : (i * c) % 1000)),
  ]);
  return [header, ...rows];
}

/** The other table, right of the customer table: a header and 6 rows. */
const OTHER = [['Mã kho', 'Tồn kho'], ...Array.from({ length: 6 }, (_, i) => [`K${i + 1}`, 10 * (i + 1)])];

const plan: Plan = {
  sheetName: SHEET,
  table: { row: 0, col: 0, rows: DATA_ROWS + 1, cols: COLS },
  method: 'abc',
  columns: { value: 1 },
  options: {},
  lang: 'vi',
  outputHeader: HEADER,
  colorRows: true,
};

/** One host as the tests drive it: the sheet, the engine over it, and what a user does between two calls. */
interface Host {
  apply(confirm?: boolean): Promise<ApplyOutcome>;
  undo(confirm?: boolean): Promise<UndoOutcome>;
  value(row: number, col: number): CellValue;
  /** The column's width in the host's own unit. */
  width(col: number): number;
  /** The width the host shows for a pixel width the engine set. */
  shown(px: number): number;
  setWidth(col: number, width: number): void;
  snapshot(): unknown;
  userInsertColumn(col: number): void;
  userType(row: number, col: number, value: string): void;
  /** Makes the next write fail (after the insert). */
  failNextWrite(): void;
}

interface HostKind {
  readonly name: string;
  /** The customer table from A1 and the other table from column `otherAt`. */
  open(otherAt: number): Host;
  /** Makes inserting a column beside the table impossible the host's own way; undefined when it has none. */
  blockInsert?: (host: Host) => void;
  readonly defaultWidth: number;
}

const memory: HostKind = {
  name: 'the in-memory sheet',
  defaultWidth: DEFAULT_COLUMN_WIDTH,
  open(otherAt) {
    const sheet = new MemorySheet(
      SHEET,
      customers().map((line) => line.map((v) => (v === '' ? null : v))),
    );
    OTHER.forEach((line, r) => line.forEach((v, c) => sheet.type(r, otherAt + c, v)));
    const store = new MemoryUndoStore();
    const env: ApplyEnv = { io: sheet, store };
    const host: Host & { sheet: MemorySheet } = {
      sheet,
      apply: (confirm = false) => applyPlan(env, plan, confirm),
      undo: (confirm = false) => undoLast({ io: () => sheet, store }, confirm),
      value: (row, col) => sheet.dump()[row]?.[col]?.value ?? null,
      width: (col) => sheet.widthOf(col),
      shown: (px) => px,
      setWidth: (col, width) => sheet.resizeColumn(col, width),
      snapshot: () => ({ cells: sheet.dump(), widths: widths((c) => sheet.widthOf(c)) }),
      userInsertColumn: (col) => sheet.insertColumns(col, 1),
      userType: (row, col, value) => sheet.type(row, col, value),
      failNextWrite: () => (sheet.failAfterCellWrites = 5),
    };
    return host;
  },
  blockInsert: (host) => ((host as Host & { sheet: MemorySheet }).sheet.refuseColumnInsert = 'the sheet is protected'),
};

const excel: HostKind = {
  name: 'Excel (the strict fake)',
  defaultWidth: DEFAULT_COLUMN_POINTS,
  open(otherAt) {
    const book = new FakeExcel(SHEET);
    const sheet = book.sheet(SHEET);
    sheet.fill(customers());
    sheet.fill(OTHER, 0, otherAt);
    const io = armedAfterInsert(new ExcelSheetIO(book.run, SHEET));
    const store = new MemoryUndoStore();
    const host: Host & { book: FakeExcel } = {
      book,
      apply: (confirm = false) => applyPlan({ io, store }, plan, confirm),
      undo: (confirm = false) => undoLast({ io: () => new ExcelSheetIO(book.run, SHEET), store }, confirm),
      value: (row, col) => {
        const v = sheet.peek(row, col).value;
        return v === '' ? null : v;
      },
      width: (col) => sheet.columnWidth(col),
      shown: (px) => Math.round(px * 0.75 * 100) / 100,
      setWidth: (col, width) => void sheet.columnWidths.set(col, width),
      snapshot: () => ({
        cells: sheet.dump(),
        widths: widths((c) => sheet.columnWidth(c)),
        tables: sheet.tables.map((t) => ({ ...t.rect })),
      }),
      userInsertColumn: (col) => sheet.userInsertColumns(col, 1),
      userType: (row, col, value) => sheet.type(row, col, value),
      // The sync after the insert (the labels' first chunk) fails half way.
      failNextWrite: () => io.arm(() => book.failSync({ at: 1, times: 1, applyFirst: 'half' })),
    };
    return host;
  },
  // Something in Excel's last column: an insert would push it off the sheet.
  blockInsert: (host) => (host as Host & { book: FakeExcel }).book.sheet(SHEET).type(5, 16_383, 'cuối'),
};

const sheets: HostKind = {
  name: 'Google Sheets (the strict fake)',
  defaultWidth: SHEETS_COLUMN_WIDTH,
  open(otherAt) {
    const app = new FakeSpreadsheetApp(SHEET);
    const sheet = app.sheet(SHEET);
    sheet.fill(customers());
    sheet.fill(OTHER, { row: 1, col: otherAt + 1 });
    const globals = app.globals() as {
      SpreadsheetApp: { getActiveSpreadsheet(): GasSpreadsheet };
      PropertiesService: { getDocumentProperties(): GasProperties };
    };
    const book = globals.SpreadsheetApp.getActiveSpreadsheet();
    const io = (): SheetsSheetIO => new SheetsSheetIO(book, book.getSheetByName(SHEET)!);
    const store = new SheetsUndoStore(book, globals.PropertiesService.getDocumentProperties());
    const anchor = new SheetsColumnAnchor(book);
    let failAfterInsert = false;
    return {
      apply: async (confirm = false) => {
        const applyIO = armedAfterInsert(io());
        if (failAfterInsert) applyIO.arm(() => (app.failWrites = 1));
        failAfterInsert = false;
        const env: SyncApplyEnv = { io: applyIO, store, anchor };
        return applyPlanSync(env, plan, confirm);
      },
      undo: async (confirm = false) => undoLastSync({ io: () => io(), store, anchor }, confirm),
      value: (row, col) => {
        const v = sheet.peek(row + 1, col + 1).value;
        return v === '' ? null : (v as CellValue);
      },
      width: (col) => sheet.getColumnWidth(col + 1),
      shown: (px) => Math.round(px),
      setWidth: (col, width) => void sheet.setColumnWidth(col + 1, width),
      snapshot: () => ({
        // What a user sees: a stored blank cell and one never written are the same cell.
        cells: [...sheet.cells]
          .filter(([, c]) => c.value !== '' || c.formula !== null || c.background !== null || c.numberFormat !== '')
          .map(([k, c]) => [k, { ...c }]),
        widths: widths((c) => {
          if (c >= sheet.getMaxColumns()) return SHEETS_COLUMN_WIDTH;
          try {
            return sheet.getColumnWidth(c + 1);
          } catch {
            return -1; // a column the user inserted: its width is not documented
          }
        }),
        columns: sheet.getMaxColumns(),
      }),
      userInsertColumn: (col) => sheet.user.insertColumnsBefore(col + 1, 1),
      userType: (row, col, value) => void (sheet.cell(row + 1, col + 1).value = value),
      // The first write after the insert (the labels) fails.
      failNextWrite: () => (failAfterInsert = true),
    };
  },
};

/** The effective widths of the columns up to a few past the other table. */
const widths = (of: (col: number) => number): number[] => Array.from({ length: COLS + 8 }, (_, c) => of(c));

/** A port whose insertColumn, once armed, runs `then` right after the column is inserted (to fail what follows). */
function armedAfterInsert<T extends { insertColumn(col: number): unknown }>(
  io: T,
): T & { arm(then: () => void): void } {
  let armed: (() => void) | undefined;
  const insert = io.insertColumn.bind(io);
  const out = io as T & { arm(then: () => void): void };
  out.insertColumn = ((col: number) => {
    const done = insert(col);
    const fire = (): void => {
      armed?.();
      armed = undefined;
    };
    if (done instanceof Promise) return done.then(fire);
    fire();
    return done;
  }) as T['insertColumn'];
  out.arm = (then) => (armed = then);
  return out;
}

const GAP = COLS; // column AA: empty, between the customer table (A:Z) and the other table
const NEEDED = widthForLabels([HEADER, 'A', 'B', 'C']);

describe.each([memory, excel, sheets])('the result column in $name', (kind) => {
  it('goes into a new column inserted before a table one gap column away, sized to its labels', async () => {
    const host = kind.open(GAP + 1);
    host.setWidth(GAP + 1, kind.defaultWidth * 2); // the other table's first column, wider than default
    const outcome = await host.apply();
    expect(outcome).toMatchObject({ kind: 'applied', insertedColumn: true, target: { col: GAP } });
    expect(host.value(0, GAP)).toBe(HEADER);
    expect(host.value(1, GAP)).toBeNull(); // the first customer has no revenue
    expect(['A', 'B', 'C']).toContain(host.value(2, GAP));
    expect(host.value(DATA_ROWS, GAP)).not.toBeNull();
    // The gap stays a gap, and the other table moved one column right with its width.
    expect(host.value(0, GAP + 1)).toBeNull();
    expect(host.value(0, GAP + 2)).toBe('Mã kho');
    expect(host.value(6, GAP + 3)).toBe(60);
    expect(host.width(GAP + 2)).toBe(kind.defaultWidth * 2);
    expect(host.width(GAP)).toBe(host.shown(NEEDED));
  });

  it('undo deletes the inserted column: the other table and its widths are back where they were', async () => {
    const host = kind.open(GAP + 1);
    host.setWidth(GAP + 1, kind.defaultWidth * 2);
    const before = host.snapshot();
    expect((await host.apply()).kind).toBe('applied');
    expect(host.snapshot()).not.toEqual(before);
    expect(await host.undo()).toEqual({ kind: 'undone' });
    expect(host.snapshot()).toEqual(before);
  });

  it('uses the free column beside the table when the next one is free too (no insert), and undo narrows it back', async () => {
    const host = kind.open(GAP + 2);
    const before = host.snapshot();
    const outcome = await host.apply();
    expect(outcome).toMatchObject({ kind: 'applied', target: { col: GAP } });
    expect(outcome).not.toHaveProperty('insertedColumn');
    expect(host.value(0, GAP)).toBe(HEADER);
    expect(host.value(0, GAP + 2)).toBe('Mã kho');
    expect(host.width(GAP)).toBe(host.shown(NEEDED));
    expect(await host.undo()).toEqual({ kind: 'undone' });
    expect(host.snapshot()).toEqual(before);
    expect(host.width(GAP)).toBe(kind.defaultWidth);
  });

  it('undo keeps a width the user set after the apply', async () => {
    const host = kind.open(GAP + 2);
    await host.apply();
    host.setWidth(GAP, kind.defaultWidth * 3);
    expect(await host.undo()).toEqual({ kind: 'undone' });
    expect(host.width(GAP)).toBe(kind.defaultWidth * 3);
    expect(host.value(0, GAP)).toBeNull();
  });

  it('undo refuses, changing nothing, when a column was inserted between the table and its inserted column', async () => {
    const host = kind.open(GAP + 1);
    await host.apply();
    host.userInsertColumn(GAP);
    const moved = host.snapshot();
    const error = await host.undo().then(
      () => undefined,
      (e: unknown) => PanelError.from(e),
    );
    expect(error?.code).toBe('undoMoved');
    expect(host.snapshot()).toEqual(moved);
  });

  it('undo refuses to delete the inserted column once it holds something below the table', async () => {
    const host = kind.open(GAP + 1);
    await host.apply();
    host.userType(DATA_ROWS + 5, GAP, 'tổng cộng');
    const typed = host.snapshot();
    const error = await host.undo().then(
      () => undefined,
      (e: unknown) => PanelError.from(e),
    );
    expect(error?.code).toBe('undoColumnInUse');
    expect(error?.messageIn('vi')).toContain('cột AA');
    expect(host.snapshot()).toEqual(typed);
  });

  it('a write failing after the insert rolls the insert back: the sheet is as it was, nothing to undo', async () => {
    const host = kind.open(GAP + 1);
    const before = host.snapshot();
    host.failNextWrite();
    await expect(host.apply()).rejects.toThrow();
    expect(host.snapshot()).toEqual(before);
    expect(await host.undo()).toEqual({ kind: 'nothing' });
  });

  if (kind.blockInsert) {
    const block = kind.blockInsert;
    it('an insert the sheet refuses is said in both languages, and nothing is written', async () => {
      const host = kind.open(GAP + 1);
      block(host);
      const before = host.snapshot();
      const error = await host.apply().then(
        () => undefined,
        (e: unknown) => PanelError.from(e),
      );
      expect(error?.code).toBe('insertRefused');
      expect(error?.messageIn('en')).toMatch(/^The sheet refused to insert a new column AA beside the table \(.+\)/);
      expect(error?.messageIn('vi')).toMatch(/^Trang tính không cho chèn cột mới AA cạnh bảng/);
      expect(host.snapshot()).toEqual(before);
      expect(await host.undo()).toEqual({ kind: 'nothing' });
    });
  }
});

describe('the result column in Excel, beside an Excel table and merged cells', () => {
  it('an Excel table (ListObject) right of the gap moves right with the insert; undo moves it back', async () => {
    const book = new FakeExcel(SHEET);
    const sheet = book.sheet(SHEET);
    sheet.fill(customers());
    sheet.fill(OTHER, 0, GAP + 1);
    sheet.addTable({ row: 0, col: GAP + 1, rows: OTHER.length, cols: 2 }, 'Kho');
    // A merged title under the other table moves right with it.
    sheet.mergeCells({ row: DATA_ROWS + 3, col: GAP + 1, rows: 1, cols: 2 });
    const before = sheet.dump();
    const store = new MemoryUndoStore();
    const outcome = await applyPlan({ io: new ExcelSheetIO(book.run, SHEET), store }, plan, false);
    expect(outcome).toMatchObject({ kind: 'applied', insertedColumn: true });
    expect(sheet.tables[0]?.rect).toMatchObject({ col: GAP + 2, cols: 2 });
    expect(sheet.merges[0]).toMatchObject({ col: GAP + 2, cols: 2 });
    expect(await undoLast({ io: () => new ExcelSheetIO(book.run, SHEET), store })).toEqual({ kind: 'undone' });
    expect(sheet.tables[0]?.rect).toMatchObject({ col: GAP + 1, cols: 2 });
    expect(sheet.merges[0]).toMatchObject({ col: GAP + 1, cols: 2 });
    expect(sheet.dump()).toEqual(before);
  });
});

describe('the result column in the playground (HyperFormula, fills and widths beside it)', () => {
  it('inserts before the next table, moves its fills and widths, and undo puts everything back', async () => {
    const cells: (string | number | null)[][] = customers().map((line, r) => [
      ...line.map((v) => (v === '' ? null : v)),
      null,
      ...((OTHER[r] as (string | number)[] | undefined) ?? []),
    ]);
    const workbook = Workbook.open([{ name: SHEET, cells }]);
    try {
      const id = workbook.sheetId(SHEET);
      workbook.setBackgrounds(id, 0, GAP + 1, [['#cde8f7', '#cde8f7']]);
      workbook.setColumnWidth(id, GAP + 1, 150);
      const snapshot = (): unknown[] =>
        Array.from({ length: OTHER.length + 1 }, (_, r) =>
          Array.from({ length: COLS + 5 }, (_, c) => [workbook.serialized(id, r, c), workbook.background(id, r, c)]),
        ).concat([widths((c) => workbook.column(id, c)?.width ?? PLAYGROUND_COLUMN_WIDTH)]);
      const before = snapshot();
      const store = new MemoryUndoStore();
      const io = (): PlaygroundSheetIO => new PlaygroundSheetIO(workbook, SHEET);
      expect(await applyPlan({ io: io(), store }, plan, false)).toMatchObject({ insertedColumn: true });
      expect(workbook.value(id, 0, GAP)).toBe(HEADER);
      expect(workbook.value(id, 0, GAP + 2)).toBe('Mã kho');
      expect(workbook.background(id, 0, GAP + 2)).toBe('#cde8f7');
      expect(workbook.column(id, GAP + 2)?.width).toBe(150);
      expect(workbook.column(id, GAP)?.width).toBe(NEEDED);
      expect(await undoLast({ io, store })).toEqual({ kind: 'undone' });
      expect(snapshot()).toEqual(before);
    } finally {
      workbook.destroy();
    }
  });
});
