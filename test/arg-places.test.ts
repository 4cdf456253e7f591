/**
 * Problems name the sheet's own row and cell when the host says where a range argument is (Excel's parameter
 * addresses, the playground's formula ranges), and say "row N of the range" when it does not (Google Sheets): the
 * address reader, the wording in both languages, and whole calls of the catalog run with and without places.
 */
import { describe, expect, it } from 'vitest';
import { parseAddress, sheetOfAddress, type ArgPlace } from '../core/arg-places.js';
import { withArgumentPlaces } from '../core/catalog/invoke.js';
import { describeProblem, invoke, isProblem, type Lang, type OutGrid } from '../core/index.js';

/** Every problem of an answer, as its message in `lang`. */
function messages(grid: OutGrid, lang: Lang = 'en'): string[] {
  return grid.flat().flatMap((cell) => (isProblem(cell) ? [describeProblem(cell, lang)] : []));
}

/** A call of the core with the arguments at these places, its problems rendered while the places hold (as hosts do). */
function run(
  name: string,
  args: readonly unknown[],
  places: readonly (ArgPlace | undefined)[],
  lang: Lang = 'en',
): { problems: string[]; error?: string } {
  return withArgumentPlaces(name, places, () => {
    const result = invoke(name, args);
    return result.ok
      ? { problems: messages(result.grid, lang) }
      : { problems: [], error: result.error.messageIn(lang) };
  });
}

const column = (values: readonly unknown[]): unknown[][] => values.map((v) => [v]);
/** Revenue with a text amount in the 3rd cell and a #N/A in the 5th. */
const REVENUE = column([1_250_000, 980_000, 'năm trăm', 420_000, { code: '#N/A' }, 75_000]);

describe('parseAddress: A1 addresses as hosts give them', () => {
  it('reads ranges, single cells, absolute references and sheet names', () => {
    expect(parseAddress('Sheet1!$C$2:$C$10', 'Sheet1')).toEqual({ row: 2, rows: 9, col: 2, cols: 1 });
    expect(parseAddress('Sheet1!B7')).toEqual({ sheet: 'Sheet1', row: 7, rows: 1, col: 1, cols: 1 });
    expect(parseAddress("'Đơn hàng'!AA5:AB9", 'Sheet1')).toEqual({
      sheet: 'Đơn hàng',
      row: 5,
      rows: 5,
      col: 26,
      cols: 2,
    });
    expect(parseAddress("'It''s'!A1", 'Sheet1')).toMatchObject({ sheet: "It's" });
    expect(parseAddress('Sheet1!C10:C2', 'Sheet1')).toEqual({ row: 2, rows: 9, col: 2, cols: 1 });
  });

  it('reads whole columns from row 1 and whole rows without a column', () => {
    expect(parseAddress('Sheet1!C:C', 'Sheet1')).toEqual({ row: 1, col: 2, cols: 1 });
    expect(parseAddress('Sheet1!$2:$10', 'Sheet1')).toEqual({ row: 2, rows: 9 });
  });

  it('refuses what is not a range address: no place, so the rows stay counted in the range', () => {
    for (const bad of [
      '',
      'Sheet1!',
      '#REF!',
      'Sheet1!C2:D',
      'C0',
      'Sheet1!A1:B2:C3',
      "'open!A1",
      'Revenue',
      42,
      null,
    ]) {
      expect(parseAddress(bad), String(bad)).toBeUndefined();
    }
  });

  it('finds the sheet of the calling cell', () => {
    expect(sheetOfAddress('Sheet1!E1')).toBe('Sheet1');
    expect(sheetOfAddress("'Khách hàng'!E1")).toBe('Khách hàng');
    expect(sheetOfAddress('E1')).toBeUndefined();
  });
});

describe('per-row problems name the sheet cell when the range is known', () => {
  it('without a place (Google Sheets): the row counted in the range, said as such, in both languages', () => {
    expect(run('ABC_CLASS', [REVENUE], []).problems).toEqual([
      'values, row 3 of the range: "năm trăm" is not a number: type a number such as 1234.5 or 1.234.567 ₫',
      'values, row 5 of the range: the cell holds the error #N/A',
    ]);
    expect(run('ABC_CLASS', [REVENUE, null, null, null, 'vi'], [], 'vi').problems[0]).toBe(
      'values, dòng 3 của vùng: "năm trăm" không phải là số: hãy nhập số như 1234.5 hoặc 1.234.567 ₫',
    );
  });

  it('a one-column range from C2: the sheet cell, in both languages', () => {
    const places = [parseAddress('Sheet1!C2:C7', 'Sheet1')];
    expect(run('ABC_CLASS', [REVENUE], places).problems).toEqual([
      'values, cell C4: "năm trăm" is not a number: type a number such as 1234.5 or 1.234.567 ₫',
      'values, cell C6: the cell holds the error #N/A',
    ]);
    expect(run('ABC_CLASS', [REVENUE, null, null, null, 'vi'], places, 'vi').problems[1]).toBe(
      'values, ô C6: ô chứa lỗi #N/A',
    );
  });

  it('a range on another sheet names that sheet; a one-row range counts along the row', () => {
    expect(run('ABC_CLASS', [REVENUE], [parseAddress("'Doanh thu'!D11:D16", 'Sheet1')]).problems[0]).toMatch(
      /^values, cell 'Doanh thu'!D13: /,
    );
    const row = [REVENUE.map((r) => r[0])];
    expect(run('ABC_CLASS', [row], [parseAddress('Sheet1!B4:G4', 'Sheet1')]).problems).toEqual([
      expect.stringMatching(/^values, cell D4: "năm trăm"/),
      expect.stringMatching(/^values, cell F4: the cell holds the error #N\/A$/),
    ]);
  });

  it('a matrix (period values): the sheet row', () => {
    const periods = [
      [10, 10, 10, 10],
      [5, 'nhiều', 5, 5],
      [1, 3, 1, 3],
    ];
    expect(run('XYZ_CLASS', [periods], [parseAddress('Sheet1!B8:E10', 'Sheet1')]).problems).toEqual([
      expect.stringMatching(/^period_values, row 9: "nhiều" is not a number/),
    ]);
    expect(run('XYZ_CLASS', [periods], []).problems[0]).toMatch(/^period_values, row 2 of the range: /);
  });

  it('lines left out of a summary name their cells, each argument at its own place', () => {
    const segments = column(['A', 'B', '', 'A', 'B']);
    const values = column([100, 'abc', 50, 70, 30]);
    const places = [parseAddress('Sheet1!A2:A6', 'Sheet1'), parseAddress('Sheet1!D2:D6', 'Sheet1')];
    const [left] = run('SEGMENT_SUMMARY', [segments, values], places).problems;
    expect(left).toMatch(/left out: values, cell D3: "abc" is not a number.*; segments, cell A4: the row has a blank/);
  });

  it('a whole-call problem naming a row names the sheet row', () => {
    const ragged = [[1, 2], [3, 4], [5]];
    expect(run('KMEANS_CLUSTER', [ragged], [parseAddress('Sheet1!B5:C7', 'Sheet1')]).error).toBe(
      'features must have the same number of cells in every row: the first row has 2, row 7 has 1',
    );
    expect(run('KMEANS_CLUSTER', [ragged], []).error).toBe(
      'features must have the same number of cells in every row: the first row has 2, row 3 of the range has 1',
    );
    const rules = [
      ['Top', 4, 5, 4, 5, 4, 5],
      ['', 1, 3, 1, 3, 1, 3],
    ];
    expect(run('RFM_SEGMENT', [[[555]], rules, 'vi'], [undefined, parseAddress('Sheet1!H20:N21')], 'vi').error).toMatch(
      /; dòng 21: tên bị trống$/,
    );
  });

  it('an argument given as a constant keeps its rows counted in the range, the others are placed', () => {
    const places = [undefined, parseAddress('Sheet1!B2:B7', 'Sheet1')];
    const result = run('ABC_CLASS', [REVENUE, REVENUE], places);
    expect(result.problems[0]).toMatch(/^values, row 3 of the range: /);
  });

  it('places hold only while the call runs', () => {
    run('ABC_CLASS', [REVENUE], [parseAddress('Sheet1!C2:C7', 'Sheet1')]);
    const result = invoke('ABC_CLASS', [REVENUE]);
    expect(result.ok && messages(result.grid)[0]).toMatch(/^values, row 3 of the range: /);
  });
});
