/**
 * Nothing lost, in every host: the data-loss table of issue 13, run over each host's harness. Every row says what
 * the sheet holds after it, and in every row no cell the user wrote is lost or changed.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../core/engine/plan.js';
import type { PanelHost } from '../../panel/host.js';
import type { HostHarness, TestDocument } from './harness.js';

const never = new AbortController().signal;
const HEADER = ['Khách hàng', 'Ngành', 'Doanh thu', 'Ghi chú'];
const CUSTOMERS: (string | number)[][] = [
  ['An Phát', 'Xây dựng', 27000, ''],
  ['Bình Minh', 'Thực phẩm', 24000, ''],
  ['Cửu Long', 'Xây dựng', 18000, ''],
  ['Đại Việt', 'Dệt may', 16000, ''],
  ['Hòa Bình', 'Thực phẩm', 6000, ''],
  ['Kim Long', 'Dệt may', 5000, ''],
  ['Lạc Hồng', 'Xây dựng', 4000, ''],
];
const ROWS = [HEADER, ...CUSTOMERS];
const RESULT = 4;

function abc(sheetName: string, extra: Partial<Plan> = {}): Plan {
  return {
    sheetName,
    table: { row: 0, col: 0, rows: 8, cols: 4 },
    method: 'abc',
    columns: { value: 2 },
    options: {},
    lang: 'vi',
    colorRows: true,
    outputColumn: RESULT,
    ...extra,
  };
}

async function apply(host: PanelHost, plan: Plan, confirmOverwrite = false): Promise<void> {
  const result = await host.apply({ plan, confirmOverwrite, summarySheet: false }, () => {}, never);
  expect(result.kind).toBe('applied');
}

async function column(doc: TestDocument, col: number, rows = 8): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let r = 0; r < rows; r++) out.push((await doc.cell(r, col)).value);
  return out;
}

async function customerOf(doc: TestDocument, name: string, col: number): Promise<unknown> {
  for (let r = 1; r < 8; r++) if ((await doc.cell(r, 0)).value === name) return (await doc.cell(r, col)).value;
  throw new Error(`no customer ${name}`);
}

export function dataLossSuite(harness: HostHarness): void {
  describe(`nothing lost in ${harness.name}`, () => {
    it('edit after apply, then undo: the result column goes, the corrected revenue and the new note stay', async () => {
      const doc = await harness.open(ROWS);
      const before = await doc.snapshot();
      await apply(doc.host(), abc(doc.sheetName));
      await doc.type(3, 2, 19000);
      await doc.type(5, 3, 'gọi lại thứ Hai');
      expect(await doc.host().undo()).toEqual({ kind: 'undone' });
      expect(await column(doc, RESULT)).toEqual([null, null, null, null, null, null, null, null]);
      expect((await doc.cell(3, 2)).value).toBe(19000);
      expect((await doc.cell(5, 3)).value).toBe('gọi lại thứ Hai');
      await doc.type(3, 2, 18000);
      await doc.type(5, 3, '');
      expect(await doc.snapshot()).toEqual(before);
    });

    it('sort after apply, then undo: the values the apply replaced come back beside their own customers', async () => {
      const doc = await harness.open(ROWS);
      await doc.type(1, RESULT, 'VIP cũ');
      await doc.type(6, RESULT, "'00123");
      await apply(doc.host(), abc(doc.sheetName), true);
      await doc.sortRows(1, 7, 2, false);
      expect((await doc.cell(1, 0)).value).toBe('Lạc Hồng');
      expect(await doc.host().undo()).toEqual({ kind: 'undone' });
      expect(await customerOf(doc, 'An Phát', RESULT)).toBe('VIP cũ');
      expect(await customerOf(doc, 'Kim Long', RESULT)).toBe('00123');
      expect(await customerOf(doc, 'Bình Minh', RESULT)).toBeNull();
      expect((await doc.cell(1, 0)).value).toBe('Lạc Hồng');
      for (let r = 1; r < 8; r++) expect((await doc.cell(r, 1)).fill).toBeNull();
    });

    it('a column inserted before the table, then undo: the new column keeps its values, the data its headers', async () => {
      const doc = await harness.open(ROWS);
      await apply(doc.host(), abc(doc.sheetName));
      await doc.insertColumns(0, 1);
      await doc.type(0, 0, 'Mã');
      await doc.type(1, 0, 'KH001');
      expect(await doc.host().undo()).toEqual({ kind: 'undone' });
      expect(await column(doc, 0, 2)).toEqual(['Mã', 'KH001']);
      expect(await column(doc, 1, 2)).toEqual(['Khách hàng', 'An Phát']);
      expect(await column(doc, RESULT + 1)).toEqual([null, null, null, null, null, null, null, null]);
      expect((await doc.cell(1, 3)).value).toBe(27000);
    });

    it('two applies, then undo: the sheet is as the first apply left it', async () => {
      const doc = await harness.open(ROWS);
      await apply(doc.host(), abc(doc.sheetName));
      const afterFirst = await doc.snapshot();
      await apply(
        doc.host(),
        abc(doc.sheetName, { options: { values: { a_share: 0.5, b_share: 0.9 } }, colorRows: false }),
        true,
      );
      expect(await doc.host().undo()).toEqual({ kind: 'undone' });
      expect(await doc.snapshot()).toEqual(afterFirst);
      expect(await doc.host().lastApply()).toBeUndefined();
    });

    it('writes that fail twice in a row: the first error is reported, and the sheet ends as it was', async () => {
      const doc = await harness.open(ROWS);
      await doc.type(2, RESULT, 'giữ lại');
      const before = await doc.snapshot();
      doc.failNextWrites(2);
      const host = doc.host();
      const error = await host
        .apply({ plan: abc(doc.sheetName), confirmOverwrite: true, summarySheet: false }, () => {}, never)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(Error);
      const last = await host.lastApply();
      if (last) {
        // The rollback could not finish: the record stays, and undo finishes it.
        expect(last.unfinished).toBe(true);
        expect(String((error as Error).message)).toMatch(/rollback|putting the sheet back/i);
        expect(await doc.host().undo(true)).toEqual({ kind: 'undone' });
      }
      expect(await doc.snapshot()).toEqual(before);
      expect(await doc.host().lastApply()).toBeUndefined();
    });

    it('panel closed and reopened, then undo: the record lives in the document', async () => {
      const doc = await harness.open(ROWS);
      const before = await doc.snapshot();
      await apply(doc.host(), abc(doc.sheetName));
      const reopened = doc.host();
      expect(await reopened.lastApply()).toMatchObject({ method: 'abc', header: 'Phân khúc', unfinished: false });
      expect(await reopened.undo()).toEqual({ kind: 'undone' });
      expect(await doc.snapshot()).toEqual(before);
    });

    it('the hidden undo copy deleted, then undo: a clear message, nothing changed, no undo offered any more', async () => {
      const doc = await harness.open(ROWS);
      await apply(doc.host(), abc(doc.sheetName));
      const applied = await doc.snapshot();
      await doc.deleteUndoCopy();
      await expect(doc.host().undo()).rejects.toThrow(/hidden copy|bản sao ẩn/);
      expect(await doc.snapshot()).toEqual(applied);
      expect(await doc.host().lastApply()).toBeUndefined();
      // A new apply over the old result column works, and undo puts that column back.
      await apply(doc.host(), abc(doc.sheetName, { options: { values: { a_share: 0.5, b_share: 0.9 } } }), true);
      expect(await doc.host().undo()).toEqual({ kind: 'undone' });
      expect(await doc.snapshot()).toEqual(applied);
    });

    it('a 10,000-character result header is written and undone', async () => {
      const doc = await harness.open(ROWS);
      const before = await doc.snapshot();
      const header = 'Phân khúc '.repeat(1_000);
      await apply(doc.host(), abc(doc.sheetName, { outputHeader: header }));
      expect((await doc.cell(0, RESULT)).value).toBe(header);
      expect(await doc.host().undo()).toEqual({ kind: 'undone' });
      expect(await doc.snapshot()).toEqual(before);
    });

    it('text "=1+1" and "00123" overwritten, then restored as text', async () => {
      const doc = await harness.open(ROWS);
      await doc.type(1, RESULT, "'=1+1");
      await doc.type(2, RESULT, "'00123");
      await doc.type(3, RESULT, '=1+2');
      const before = await doc.snapshot();
      await apply(doc.host(), abc(doc.sheetName), true);
      expect(await doc.host().undo()).toEqual({ kind: 'undone' });
      expect(await doc.snapshot()).toEqual(before);
      expect(await doc.cell(1, RESULT)).toMatchObject({ value: '=1+1', formula: null });
      expect(await doc.cell(2, RESULT)).toMatchObject({ value: '00123', formula: null });
      expect((await doc.cell(3, RESULT)).formula).toBe('=1+2');
    });

    it('a result cell the user changed since: undo asks first, and leaves it until the user says yes', async () => {
      const doc = await harness.open(ROWS);
      const before = await doc.snapshot();
      await apply(doc.host(), abc(doc.sheetName));
      await doc.type(2, RESULT, 'A+');
      const changed = await doc.snapshot();
      expect(await doc.host().undo()).toEqual({ kind: 'needsConfirmation', changed: 1 });
      expect(await doc.snapshot()).toEqual(changed);
      expect(await doc.host().undo(true)).toEqual({ kind: 'undone' });
      expect(await doc.snapshot()).toEqual(before);
    });

    it('a fill the user changed since the apply is kept by undo', async () => {
      const doc = await harness.open(ROWS);
      await apply(doc.host(), abc(doc.sheetName));
      await doc.setFill(4, 1, '#ff0000');
      expect(await doc.host().undo()).toEqual({ kind: 'undone' });
      expect((await doc.cell(4, 1)).fill).toBe('#ff0000');
      expect((await doc.cell(4, 0)).fill).toBeNull();
    });
  });
}
