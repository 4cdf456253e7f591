/**
 * A Vietnamese shop's CSV keeps what its numbers are: amounts in đồng and percentages are shown as such in the grid
 * (in the page's language), and a signed amount written the Vietnamese way (`-5,5%`) is a number, not text, while
 * text that only starts like a formula stays text.
 */
import { describe, expect, it } from 'vitest';
import { csvToSheet } from '../playground/io/import.js';

const CSV = [
  'Mã KH;Doanh thu (₫);Tăng trưởng;Ghi chú',
  'KH0001;1.250.000 ₫;12,5%;-2+3',
  'KH0002;350.000 ₫;-5,5%;=HYPERLINK("x")',
  'KH0003;;;khách mới',
  'KH0004;78.750.000 ₫;0%;',
].join('\n');

describe('import: money and percentages stay what they are', () => {
  const { sheet } = csvToSheet(CSV, 'khach-hang.csv');

  it('formats a column of đồng amounts as money and a column of percentages as percentages', () => {
    expect(sheet.columns?.map((c) => c?.format)).toEqual([undefined, 'vnd', 'percent', undefined]);
  });

  it('reads a negative Vietnamese percentage as a number, and keeps formula-like text as text', () => {
    const rows = sheet.cells.slice(1);
    expect(rows.map((row) => row[2])).toEqual([0.125, -0.055, null, 0]);
    expect(rows.map((row) => row[1])).toEqual([1_250_000, 350_000, null, 78_750_000]);
    expect(rows[0]?.[3]).toBe("'-2+3");
    expect(rows[1]?.[3]).toBe('\'=HYPERLINK("x")');
  });
});
