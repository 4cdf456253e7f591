/**
 * The side panel against a fake Excel that refuses requests and responses over 5 MB, as Excel on the web does, on
 * 100,000 rows × 10 columns: tagging them goes in chunks, one sync per chunk, each under the limit; one read of them
 * all is refused, so the limit is real. The rest of the panel's behaviour in Excel is excel-panel.test.ts's part.
 */
import { describe, expect, it } from 'vitest';
import { ExcelSheetIO } from '../addin/excel-sheet-io.js';
import { createExcelHost, never, plan, workbook } from './hosts/excel-panel-workbook.js';

describe('the Excel panel host under the 5 MB limit', () => {
  it('tags 100,000 rows × 10 columns in chunks, one sync per chunk', async () => {
    const excel = workbook(100_000);
    const host = createExcelHost({ run: excel.run });
    const tagged = Array.from({ length: 100_000 }, (_, i) => i).filter((i) => i % 3 === 0);
    const result = await host.apply(
      {
        plan: plan(100_000, { method: 'tags', columns: {}, options: { tag: 'Người quyết định', taggedRows: tagged } }),
        confirmOverwrite: false,
        summarySheet: false,
      },
      () => {},
      never,
    );
    expect(result.kind).toBe('applied');
    const sheet = excel.sheet('Khách hàng');
    expect(sheet.peek(0, 10).value).toBe('Nhãn');
    expect(sheet.peek(1, 10).value).toBe('Người quyết định');
    expect(sheet.peek(2, 10).value).toBe('');
    expect(sheet.peek(1, 3).fill).toMatch(/^#[0-9a-f]{6}$/);
    expect(sheet.peek(2, 3).fill).toBeNull();
    expect(excel.stats.largestRequestBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(excel.stats.largestResponseBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(excel.stats.syncs).toBeGreaterThan(4);
    expect(excel.stats.calculationSuspensions).toBeGreaterThan(0);
    console.log(
      `tagging 100,000 × 10 in the fake Excel: ${excel.stats.syncs} syncs, largest request ${(excel.stats.largestRequestBytes / 2 ** 20).toFixed(2)} MB, largest response ${(excel.stats.largestResponseBytes / 2 ** 20).toFixed(2)} MB`,
    );
  });

  it('an unchunked write of the same column is refused, so the limit is real', async () => {
    const excel = workbook(100_000);
    const io = new ExcelSheetIO(excel.run, 'Khách hàng', 64 * 1024 * 1024);
    await expect(io.readValues({ row: 0, col: 0, rows: 100_001, cols: 10 })).rejects.toThrow(
      /PayloadSizeLimitExceeded/,
    );
  });
});
