/**
 * *Open an order file*'s customer sheet at 100,000 customers (test/hosts: every write path at 100,000 rows): the
 * Excel host over its strict fake (requests under Excel on the web's 5 MB, one sync per chunk) and the playground
 * host write the whole table, dates as dates, segment cells coloured, and undo takes the sheet away again. The
 * table is made here, as the pipeline hands it (order-file.test.ts checks the pipeline against RFM_TABLE).
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../core/engine/sheet-io.js';
import type { PanelHost } from '../panel/host.js';
import type { CustomerTable } from '../panel/order-file/customer-table.js';
import { tableHeader } from '../panel/order-file/pipeline.js';
import { Workbook } from '../playground/engine/workbook.js';
import { createPlaygroundHost } from '../playground/panel/host.js';
import { createExcelHost, workbook } from './hosts/excel-panel-workbook.js';

const CUSTOMERS = 100_000;
const SEGMENTS = ['Champions', 'Loyal Customers', 'At Risk', 'Lost', 'Others'];

function table(): CustomerTable {
  const header = tableHeader('en');
  const rows: CellValue[][] = Array.from({ length: CUSTOMERS }, (_, i) => {
    const segment = SEGMENTS[i % SEGMENTS.length] as string;
    return [
      `KH${String(i).padStart(7, '0')}`,
      45_000 + (i % 700),
      i % 700,
      1 + (i % 9),
      1000 + i,
      5,
      4,
      3,
      543,
      segment,
    ];
  });
  return { lang: 'en', header, rows, finalRow: '#VALUE! 3 lines left out: Customer, row 9: blank' };
}

async function writeAndUndo(host: PanelHost, sheetNames: () => string[]): Promise<string> {
  const before = sheetNames();
  const result = await host.writeCustomerSheet!({ table: table() }, () => {}, new AbortController().signal);
  expect(result).toMatchObject({ kind: 'written', rows: CUSTOMERS + 2 });
  if (result.kind !== 'written') throw new Error('not written');
  expect(sheetNames()).toEqual([...before, result.sheet]);
  expect(await host.lastApply()).toMatchObject({ method: 'rfmOrders', header: result.sheet });
  return result.sheet;
}

describe('Open an order file: the customer sheet at 100,000 customers', () => {
  it('Excel: written in chunks under the request limit, then undone', async () => {
    const excel = workbook(3);
    const host = createExcelHost({ run: excel.run });
    const names = (): string[] => [...excel.sheets.keys()].filter((n) => !n.startsWith('SegmentKit undo'));
    const sheet = await writeAndUndo(host, names);
    const written = excel.sheet(sheet);
    expect(written.peek(CUSTOMERS, 0).value).toBe(`KH${String(CUSTOMERS - 1).padStart(7, '0')}`);
    expect(written.peek(CUSTOMERS, 1)).toMatchObject({
      value: 45_000 + ((CUSTOMERS - 1) % 700),
      numberFormat: 'yyyy-mm-dd',
    });
    expect(written.peek(CUSTOMERS + 1, 0).value).toMatch(/^#VALUE! 3 lines/);
    expect(written.peek(1, 9).fill).toMatch(/^#[0-9a-f]{6}$/i);
    expect(await host.undo()).toEqual({ kind: 'undone' });
    expect(names()).toEqual(['Khách hàng']);
  });

  it('the playground: written, then undone', async () => {
    const wb = Workbook.open([{ name: 'Orders', cells: [['Customer'], ['Ann']], headerRow: true }]);
    const host = createPlaygroundHost(wb);
    const sheet = await writeAndUndo(host, () => wb.sheetNames());
    expect(wb.background(wb.sheetId(sheet), CUSTOMERS, 9)).toMatch(/^#[0-9a-f]{6}$/i);
    expect(await host.undo()).toEqual({ kind: 'undone' });
    expect(wb.sheetNames()).toEqual(['Orders']);
  });
});
