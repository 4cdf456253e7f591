/**
 * One contract for SheetIO, run over every implementation (in-memory, Excel fake, Sheets fake, playground): the
 * engine relies on exactly these meanings.
 */
import { describe, expect, it } from 'vitest';
import type { HostHarness } from './harness.js';

const ROWS = [
  ['Khách hàng', 'Doanh thu', 'Nhãn'],
  ['An Phát', 27000, ''],
  ['Bình Minh', 24000, ''],
];

export function sheetIOContract(harness: HostHarness): void {
  describe(`the SheetIO contract in ${harness.name}`, () => {
    it('reads values with blanks as null, and nothing written shows before commit', async () => {
      const doc = await harness.open(ROWS);
      const io = doc.io();
      expect(await io.readValues({ row: 0, col: 0, rows: 3, cols: 3 })).toEqual([
        ['Khách hàng', 'Doanh thu', 'Nhãn'],
        ['An Phát', 27000, null],
        ['Bình Minh', 24000, null],
      ]);
      await io.write({ row: 1, col: 2, rows: 2, cols: 1 }, [['x'], ['y']], null);
      await io.commit();
      expect(await io.readValues({ row: 1, col: 2, rows: 2, cols: 1 })).toEqual([['x'], ['y']]);
    });

    it('writes text as text: "=1+1", "00123", "+84 90", "@home" and "-" stay the text they are', async () => {
      const doc = await harness.open(ROWS);
      const io = doc.io();
      const texts = ['=1+1', '00123', '+84 90', '@home', '-'];
      await io.write(
        { row: 3, col: 0, rows: 5, cols: 1 },
        texts.map((t) => [t]),
        null,
      );
      await io.commit();
      expect((await io.readValues({ row: 3, col: 0, rows: 5, cols: 1 })).flat()).toEqual(texts);
      for (let r = 0; r < 5; r++) expect((await doc.cell(3 + r, 0)).formula).toBeNull();
    });

    it('later writes win over earlier ones in the same batch', async () => {
      const doc = await harness.open(ROWS);
      const io = doc.io();
      await io.write({ row: 1, col: 2, rows: 2, cols: 1 }, [['x'], ['y']], [['#fbe3b3'], ['#fbe3b3']]);
      await io.write({ row: 1, col: 2, rows: 1, cols: 1 }, [['z']], null);
      await io.commit();
      expect((await io.readValues({ row: 1, col: 2, rows: 2, cols: 1 })).flat()).toEqual(['z', 'y']);
      expect((await doc.cell(1, 2)).fill).toBe('#fbe3b3');
    });

    it('save, write over, then writeState(load) puts back values, formulas, text and fills exactly', async () => {
      const doc = await harness.open(ROWS);
      await doc.type(1, 2, "'=1+1");
      await doc.type(2, 2, '=1+2');
      await doc.setFill(1, 2, '#ff0000');
      const before = await doc.snapshot();
      const io = doc.io();
      const token = await io.save({ row: 0, col: 2, rows: 3, cols: 1 }, { content: true, backgrounds: true });
      expect(typeof token).toBe('string');
      await io.write({ row: 0, col: 2, rows: 3, cols: 1 }, [['S'], ['A'], ['B']], [[null], ['#cde8f7'], ['#cde8f7']]);
      await io.commit();
      await io.writeState(await io.load(token));
      await io.commit();
      expect(await doc.snapshot()).toEqual(before);
      await io.discard(token);
      await io.discard(token);
    });

    it('isBlank sees a formula that shows nothing', async () => {
      const doc = await harness.open(ROWS);
      const io = doc.io();
      expect(await io.isBlank({ row: 1, col: 2, rows: 2, cols: 1 })).toBe(true);
      await doc.type(2, 2, '=""');
      expect(await io.isBlank({ row: 1, col: 2, rows: 2, cols: 1 })).toBe(false);
    });
  });
}
