/**
 * A date column converted in place, in every host: 8-digit numbers and date text become real dates through the
 * panel host, the preview then reads them as dates and offers nothing more, and undo (the same undo record as an
 * apply) puts the column back exactly, also after a sort.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../core/engine/plan.js';
import type { HostHarness } from './harness.js';

const HEADER = ['Ngày chứng từ', 'Số chứng từ', 'Mã khách hàng', 'Số tiền'];
const LINES: (string | number)[][] = [
  [20250102, 'HD00001', 'KH0012', 1250000],
  [20250102, 'HD00001', 'KH0012', 450000],
  [20250215, 'HD00002', 'KH0002', 1000000],
  [20250301, 'HD00003', 'KH0007', 300000],
  [20250410, 'TL00001', 'KH0012', -450000],
  [20250522, 'HD00004', 'KH0002', 800000],
  [20250630, 'HD00005', 'KH0009', 150000],
];
const ROWS = [HEADER, ...LINES];
const TABLE = { row: 0, col: 0, rows: ROWS.length, cols: HEADER.length };
/** Day serials of the dates above (days since 1899-12-30). */
const SERIALS = [45659, 45659, 45703, 45717, 45757, 45799, 45838];

const plan = (sheetName: string): Plan => ({
  sheetName,
  table: TABLE,
  method: 'rfmOrders',
  columns: { customer: 2, orderDate: 0, orderId: 1, revenue: 3 },
  options: {},
  lang: 'vi',
  colorRows: false,
});

export function dateConversionSuite(harness: HostHarness): void {
  describe(`date columns converted in place in ${harness.name}`, () => {
    it('8-digit numbers become dates, the preview reads them, and undo puts the column back exactly', async () => {
      const doc = await harness.open(ROWS);
      const before = await doc.snapshot();
      const preview = await doc.host().preview(plan(doc.sheetName));
      expect(preview.dateColumns).toMatchObject([
        { column: 0, header: 'Ngày chứng từ', found: 'numbers', example: '20250102', readAs: '2025-01-02' },
      ]);
      expect(preview.dateColumns[0]?.convertible).toBe(7);

      const host = doc.host();
      expect(await host.convertDates({ sheetName: doc.sheetName, table: TABLE, column: 0 })).toEqual({
        target: 'A1:A8',
        cells: 7,
      });
      for (let r = 0; r < LINES.length; r++) expect((await doc.cell(r + 1, 0)).value).toBe(SERIALS[r]);
      expect((await doc.cell(0, 0)).value).toBe('Ngày chứng từ');
      expect(await doc.host().lastApply()).toEqual({
        method: 'convertDates',
        header: 'Ngày chứng từ',
        unfinished: false,
      });
      const after = await doc.host().preview(plan(doc.sheetName));
      expect(after.dateColumns).toEqual([]);
      expect(after.counts).toEqual(preview.counts);

      expect(await doc.host().undo()).toEqual({ kind: 'undone' });
      expect(await doc.snapshot()).toEqual(before);
      expect(await doc.host().lastApply()).toBeUndefined();
    });

    it('day-first text becomes dates; after a sort, undo puts each text back beside its own line', async () => {
      const doc = await harness.open(ROWS);
      const texts = [
        '22/09/2026 09:46:16',
        '22/09/2026 09:46:16',
        '01/10/2026 10:00:00',
        '05/10/2026',
        '',
        '13/11/2026',
        '2026-12-01',
      ];
      for (let r = 0; r < texts.length; r++) await doc.type(r + 1, 0, texts[r] ? `'${texts[r]}` : '');
      const preview = await doc.host().preview(plan(doc.sheetName));
      expect(preview.dateColumns).toMatchObject([
        { found: 'text', example: '22/09/2026 09:46:16', readAs: '2026-09-22', convertible: 6, withTime: true },
      ]);
      expect(await doc.host().convertDates({ sheetName: doc.sheetName, table: TABLE, column: 0 })).toMatchObject({
        cells: 6,
      });
      expect((await doc.cell(3, 0)).value).toBe(46296); // 2026-10-01
      expect((await doc.cell(5, 0)).value).toBeNull();
      await doc.sortRows(1, LINES.length, 3, true);
      expect(await doc.host().undo()).toEqual({ kind: 'undone' });
      for (let r = 1; r <= LINES.length; r++) {
        const amount = (await doc.cell(r, 3)).value;
        const line = LINES.findIndex((l) => l[3] === amount);
        expect((await doc.cell(r, 0)).value).toBe(texts[line] || null);
      }
    });

    it('day/month text nothing settles: no line can be used, apply refuses, and the chosen order converts it', async () => {
      const doc = await harness.open(ROWS);
      const texts = ['01/02/2026', '01/02/2026', '03/04/2026', '05/06/2026', '07/08/2026', '09/10/2026', '11/12/2026'];
      for (let r = 0; r < texts.length; r++) await doc.type(r + 1, 0, `'${texts[r]}`);
      const before = await doc.snapshot();
      const preview = await doc.host().preview(plan(doc.sheetName));
      expect(preview.usable).toBe(0);
      expect(preview.lines?.leftOut).toMatchObject([{ reason: 'badDate', count: 7, rows: [2, 3, 4, 5, 6] }]);
      expect(preview.dateColumns).toMatchObject([
        { example: '01/02/2026', dayFirst: '2026-02-01', monthFirst: '2026-01-02', convertible: 7 },
      ]);
      const refused = doc
        .host()
        .apply(
          { plan: plan(doc.sheetName), confirmOverwrite: false, summarySheet: false },
          () => {},
          new AbortController().signal,
        );
      await expect(refused).rejects.toThrow(/No row of the table can be used/);
      expect(await doc.snapshot()).toEqual(before);

      await doc.host().convertDates({ sheetName: doc.sheetName, table: TABLE, column: 0, order: 'dmy' });
      expect((await doc.cell(1, 0)).value).toBe(46054); // 2026-02-01
      expect((await doc.host().preview(plan(doc.sheetName))).usable).toBe(7);
      expect(await doc.host().undo()).toEqual({ kind: 'undone' });
      expect(await doc.snapshot()).toEqual(before);
    });

    it('a column with nothing to convert is refused, and nothing changes', async () => {
      const doc = await harness.open(ROWS);
      const before = await doc.snapshot();
      const refused = doc.host().convertDates({ sheetName: doc.sheetName, table: TABLE, column: 2 });
      await expect(refused).rejects.toThrow(/holds no 8-digit numbers or date text/);
      expect(await doc.snapshot()).toEqual(before);
      expect(await doc.host().lastApply()).toBeUndefined();
    });
  });
}
