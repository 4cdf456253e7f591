/**
 * The playground workbook's active sheet and its array arithmetic, without a browser: removing the sheet on show
 * (the side panel's undo takes its summary sheet away) leaves a neighbour active, as Google Sheets does; `=D2:D9*F2:F9`
 * spills as in Excel 365 and Sheets. Also the page's language, which follows what the side panel saves.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { label } from '../core/labels.js';
import { Workbook } from '../playground/engine/workbook.js';
import { pageLanguage, PANEL_SETTINGS_KEY } from '../playground/ui/language.js';

const open: Workbook[] = [];
afterEach(() => open.splice(0).forEach((w) => w.destroy()));

function workbookOf(...names: string[]): Workbook {
  const workbook = Workbook.open(names.map((name, i) => ({ name, cells: [[name, i]] })));
  open.push(workbook);
  return workbook;
}

/** What the panel's host does when it writes and then takes back a summary sheet. */
function addSummary(workbook: Workbook, lang: 'en' | 'vi'): string {
  return workbook.addSheet({
    name: label('summarySheet', lang),
    cells: [
      ['Segment', 'Customers'],
      ['A', 3],
    ],
  });
}

describe('the active sheet', () => {
  it('starts on the first sheet and follows setActiveSheet', () => {
    const workbook = workbookOf('Customers', 'Orders');
    expect(workbook.activeSheet).toBe('Customers');
    let changes = 0;
    workbook.subscribe(() => changes++);
    workbook.setActiveSheet('Orders');
    expect(workbook.activeSheet).toBe('Orders');
    expect(changes).toBe(1);
    expect(() => workbook.setActiveSheet('Nowhere')).toThrow('no sheet named Nowhere');
    expect(workbook.activeSheet).toBe('Orders');
  });

  it('moves to the tab that takes the place of a removed active sheet, or the one before the last', () => {
    const workbook = workbookOf('Customers', 'Orders', 'Segments');
    workbook.setActiveSheet('Orders');
    workbook.removeSheet('Orders');
    expect(workbook.sheetNames()).toEqual(['Customers', 'Segments']);
    expect(workbook.activeSheet).toBe('Segments');
    workbook.removeSheet('Segments');
    expect(workbook.activeSheet).toBe('Customers');
    expect(() => workbook.removeSheet('Customers')).toThrow('the only sheet');
    expect(workbook.sheetNames()).toEqual(['Customers']);
  });

  it('stays on the active sheet when another one is removed', () => {
    const workbook = workbookOf('Customers', 'Orders', 'Segments');
    workbook.setActiveSheet('Segments');
    workbook.removeSheet('Customers');
    expect(workbook.activeSheet).toBe('Segments');
  });

  for (const lang of ['en', 'vi'] as const) {
    it(`leaves a sheet that exists active when the summary sheet on show is removed (${lang})`, () => {
      const workbook = workbookOf('Customers', 'Orders');
      const imported = workbook.addSheet({ name: 'khach-hang', cells: [['Khách hàng'], ['An Phát']] });
      workbook.setInput(workbook.sheetId('Customers'), 5, 5, 'kept');
      const summary = addSummary(workbook, lang);
      expect(summary).toBe(lang === 'en' ? 'Segment summary' : 'Tổng hợp phân khúc');
      workbook.setActiveSheet(summary);
      workbook.selection = { sheet: summary, row: 0, col: 0, rows: 1, cols: 1, activeRow: 0, activeCol: 0 };
      let seen: string | undefined;
      workbook.subscribe(() => (seen = workbook.activeSheet));

      workbook.removeSheet(summary);

      // The page re-renders on the change and finds an active sheet that exists, with its cells readable.
      expect(seen).toBe(imported);
      expect(workbook.activeSheet).toBe(imported);
      expect(workbook.dimensions(workbook.sheetId(workbook.activeSheet))).toEqual({ rows: 2, cols: 1 });
      expect(workbook.selection).toBeUndefined();
      expect(workbook.value(workbook.sheetId('Customers'), 5, 5)).toBe('kept');
    });
  }

  it('follows undo and redo of an added sheet (one step each, contents included)', () => {
    const workbook = workbookOf('Customers');
    const added = workbook.addSheet({
      name: 'orders',
      cells: [
        ['Id', 'Amount'],
        ['1', 5],
      ],
    });
    workbook.setActiveSheet(added);
    expect(workbook.undo()).toBe(true);
    expect(workbook.sheetNames()).toEqual(['Customers']);
    expect(workbook.activeSheet).toBe('Customers');
    expect(workbook.redo()).toBe(true);
    expect(workbook.value(workbook.sheetId('orders'), 1, 1)).toBe(5);
    expect(workbook.activeSheet).toBe('Customers');
  });

  it('shows a removed sheet as blank cells instead of failing, should the grid draw it once more', () => {
    const workbook = workbookOf('Customers', 'Orders');
    const gone = workbook.sheetId('Orders');
    workbook.removeSheet('Orders');
    expect(workbook.view(gone, 0, 0)).toMatchObject({ text: '', kind: 'empty' });
  });
});

describe('array arithmetic', () => {
  it('spills =D2:D9*F2:F9 as 8 values, and recalculates them', () => {
    const cells: (string | number | null)[][] = [['Product', 'x', 'y', 'Quantity', 'z', 'Price', 'Revenue']];
    for (let i = 1; i <= 8; i++) cells.push([`P${i}`, null, null, i, null, i * 1000]);
    const workbook = Workbook.open([{ name: 'Lines', cells, headerRow: true }]);
    open.push(workbook);
    const sheet = workbook.sheetId('Lines');
    workbook.setInput(sheet, 1, 6, '=D2:D9*F2:F9');
    const revenue = Array.from({ length: 8 }, (_, r) => workbook.value(sheet, r + 1, 6));
    expect(revenue).toEqual([1000, 4000, 9000, 16000, 25000, 36000, 49000, 64000]);
    expect(workbook.view(sheet, 4, 6)).toMatchObject({ spilled: true, formula: false, input: '16000' });
    expect(workbook.anchorOf(sheet, 8, 6)).toEqual({ row: 1, col: 6 });
    workbook.setInput(sheet, 8, 3, '10');
    expect(workbook.value(sheet, 8, 6)).toBe(80000);
    expect(workbook.value(sheet, 9, 6)).toBeNull();
    // Arithmetic inside an aggregate works on the whole ranges too.
    workbook.setInput(sheet, 11, 6, '=SUM(D2:D9*F2:F9)');
    expect(workbook.value(sheet, 11, 6)).toBe(1000 + 4000 + 9000 + 16000 + 25000 + 36000 + 49000 + 80000);
  });
});

describe("the page's language", () => {
  function memoryStorage(initial: Record<string, string> = {}) {
    const items = new Map(Object.entries(initial));
    return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, v: string) => items.set(key, v) };
  }

  it("is the panel's saved language, else the browser's", () => {
    expect(pageLanguage(memoryStorage(), 'vi-VN').current()).toBe('vi');
    expect(pageLanguage(memoryStorage(), 'en-GB').current()).toBe('en');
    expect(pageLanguage(memoryStorage({ [PANEL_SETTINGS_KEY]: '{"lang":"vi"}' }), 'en-US').current()).toBe('vi');
    expect(pageLanguage(memoryStorage({ [PANEL_SETTINGS_KEY]: 'not json' }), 'en-US').current()).toBe('en');
  });

  it('switches when the panel saves another language, and passes everything on to the storage', () => {
    const storage = memoryStorage();
    const language = pageLanguage(storage, 'en-US');
    let changes = 0;
    language.subscribe(() => changes++);
    language.store.setItem(PANEL_SETTINGS_KEY, JSON.stringify({ lang: 'vi', customTags: ['x'] }));
    expect(language.current()).toBe('vi');
    expect(changes).toBe(1);
    expect(storage.getItem(PANEL_SETTINGS_KEY)).toContain('"customTags":["x"]');
    language.store.setItem(PANEL_SETTINGS_KEY, JSON.stringify({ lang: 'vi', customTags: [] }));
    language.store.setItem('other', JSON.stringify({ lang: 'en' }));
    expect(changes).toBe(1);
    expect(language.current()).toBe('vi');
  });
});
