/**
 * The playground's HyperFormula plugin against the catalog: every function registered under its Sheets name, every
 * host-neutral case answered as the core answers it when the arguments are real cell ranges, spills shaped as in
 * Sheets, problems and errors carried as HyperFormula errors with the core's message, and recalculation on edit.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOG, CATALOG_BY_NAME, invoke, isoToSerial, serialToIso } from '../core/index.js';
import { HF_CONFIG, Workbook } from '../playground/engine/workbook.js';
import { predictSize, registerSegmentKit, splitExampleArguments } from '../playground/engine/segmentkit-plugin.js';
import { HOST_CASES } from './cases/index.js';
import { isBlankCell, matches } from './cases/neutral.js';
import type { CaseArg, CaseCell, ExpectedCell } from './cases/types.js';

registerSegmentKit();

let engines: HyperFormula[] = [];
afterEach(() => {
  for (const hf of engines) hf.destroy();
  engines = [];
});

function engine(cells: RawCellContent[][] = []): { hf: HyperFormula; sheet: number } {
  const hf = HyperFormula.buildFromSheets({ Sheet1: cells }, HF_CONFIG);
  engines.push(hf);
  return { hf, sheet: hf.getSheetId('Sheet1') as number };
}

const colLetter = (index: number): string => String.fromCharCode(65 + index);

/** A neutral case cell as typed into a HyperFormula cell (text kept as text, dates as date serials). */
function toCell(cell: CaseCell): RawCellContent {
  if (typeof cell === 'string') return cell === '' ? null : `'${cell}`;
  if (typeof cell !== 'object') return cell;
  if (isBlankCell(cell)) return null;
  return `=DATE(${(cell as { date: string }).date.replaceAll('-', ',')})`;
}

/** A scalar argument written into the formula itself. */
function literal(cell: CaseCell): string {
  if (typeof cell === 'string') return `"${cell.replaceAll('"', '""')}"`;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (isBlankCell(cell)) return '';
  return `"${(cell as { date: string }).date}"`;
}

/**
 * Lays a case out as a sheet: range arguments in blocks of columns from row 2, the formula in the first column
 * right of them, in row 1 (so tables spill below it). Returns the formula's address.
 */
function layOut(fn: string, args: readonly CaseArg[]): { cells: RawCellContent[][]; formula: string; col: number } {
  const cells: RawCellContent[][] = [];
  const parts: string[] = [];
  let col = 0;
  let last = args.length;
  while (last > 0 && args[last - 1] === undefined) last--;
  for (const arg of args.slice(0, last)) {
    if (arg === undefined) {
      parts.push('');
    } else if (Array.isArray(arg)) {
      const rows = arg as readonly (readonly CaseCell[])[];
      const width = Math.max(1, ...rows.map((r) => r.length));
      rows.forEach((row, r) => {
        const line = (cells[r + 1] ??= []);
        row.forEach((cell, c) => {
          while (line.length < col + c) line.push(null);
          line[col + c] = toCell(cell);
        });
      });
      parts.push(`${colLetter(col)}2:${colLetter(col + width - 1)}${rows.length + 1}`);
      col += width;
    } else {
      parts.push(literal(arg as CaseCell));
    }
  }
  const formula = `=${fn}(${parts.join(', ')})`;
  cells[0] = [];
  while (cells[0].length < col) cells[0].push(null);
  cells[0][col] = formula;
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  return { cells, formula, col };
}

/** A HyperFormula value as a neutral answer cell. */
function neutral(hf: HyperFormula, sheet: number, row: number, col: number): ExpectedCell | null {
  const value = hf.getCellValue({ sheet, row, col });
  if (value instanceof DetailedCellError) return { problem: `${value.value} ${value.message}` };
  if (typeof value === 'number' && hf.getCellValueDetailedType({ sheet, row, col }) === 'NUMBER_DATE') {
    return { date: serialToIso(value) };
  }
  return value === null ? '' : (value as ExpectedCell);
}

describe('registration', () => {
  it('registers every catalog function under its Sheets name', () => {
    const { hf } = engine();
    const names = new Set(hf.getRegisteredFunctionNames());
    for (const spec of CATALOG) expect(names.has(spec.name), spec.name).toBe(true);
  });

  it('answers every catalog example as the catalog says', () => {
    for (const spec of CATALOG) {
      const { hf, sheet } = engine([[spec.example.formula]]);
      const { height, width } = hf.getSheetDimensions(sheet);
      const shown: string[] = [];
      for (let r = 0; r < height; r++) {
        const row: string[] = [];
        for (let c = 0; c < width; c++) {
          const v = neutral(hf, sheet, r, c);
          row.push(
            typeof v === 'number'
              ? String(Number(v.toPrecision(3)))
              : typeof v === 'object' && v
                ? 'date' in v
                  ? v.date
                  : JSON.stringify(v)
                : String(v ?? ''),
          );
        }
        if (row.some((cell) => cell !== '')) shown.push(row.join(', '));
      }
      const expected = spec.example.result.replaceAll('…', '');
      const actual = shown.join('; ');
      // Compare loosely on numbers: the examples round them for the README.
      const norm = (text: string): string =>
        text
          .replace(/(\d+\.\d{2})\d*/g, '$1')
          .replace(/\s+/g, ' ')
          .trim();
      expect(norm(actual), spec.name).toBe(norm(expected));
    }
  });

  it("measures each table function's width from its example", () => {
    for (const spec of CATALOG.filter((s) => s.result === 'table')) {
      const header = (spec.example.result.split(';')[0] ?? '').split(',').length;
      const { hf, sheet } = engine([[spec.example.formula]]);
      expect(hf.getSheetDimensions(sheet).width, spec.name).toBe(header);
    }
  });

  it('splits example arguments at top-level commas only', () => {
    expect(splitExampleArguments('=F({1,2;3,4}, "a, b", , MEDIAN(A1:A3, 2))')).toEqual([
      '{1,2;3,4}',
      '"a, b"',
      '',
      'MEDIAN(A1:A3, 2)',
    ]);
  });
});

describe('the host-neutral cases, with real cell ranges', () => {
  const cases = HOST_CASES.filter((c) => CATALOG_BY_NAME.has(c.fn));
  it.each(cases.map((c) => [`${c.fn}: ${c.title}`, c] as const))('%s', (_title, testCase) => {
    const { cells, col } = layOut(testCase.fn, testCase.args);
    const { hf, sheet } = engine(cells);
    if ('error' in testCase.expect) {
      const value = hf.getCellValue({ sheet, row: 0, col });
      expect(value).toBeInstanceOf(DetailedCellError);
      expect((value as DetailedCellError).value).toBe('#VALUE!');
      expect((value as DetailedCellError).message).toContain(testCase.expect.error);
      // The whole-call problem sits in the formula's cell only.
      expect(hf.getCellValue({ sheet, row: 1, col })).toBeNull();
      return;
    }
    const expected = testCase.expect;
    expected.forEach((row, r) =>
      row.forEach((want, c) => {
        const actual = neutral(hf, sheet, r, col + c) ?? '';
        const wantShown =
          typeof want === 'object' && 'problem' in want ? { problem: want.problem } : (want as ExpectedCell);
        expect(matches(actual, wantShown), `row ${r + 1} col ${c + 1}: ${JSON.stringify(actual)}`).toBe(true);
      }),
    );
  });
});

describe('spills and errors', () => {
  const column = (values: RawCellContent[]): RawCellContent[][] => values.map((v) => [v]);

  it('spills one answer per cell down a column and along a row', () => {
    const { hf, sheet } = engine([
      [27000, 24000, 18000, 16000, 6000, 5000, 4000],
      ['=ABC_CLASS(A1:G1)'],
      ['=ABC_CLASS({27000;24000;18000;16000;6000;5000;4000})'],
    ]);
    expect(hf.getSheetValues(sheet)[1]).toEqual(['A', 'A', 'A', 'B', 'B', 'C', 'C']);
    expect(hf.getRangeValues({ start: { sheet, row: 2, col: 0 }, end: { sheet, row: 8, col: 0 } }).flat()).toEqual([
      'A',
      'A',
      'A',
      'B',
      'B',
      'C',
      'C',
    ]);
    expect(hf.isCellPartOfArray({ sheet, row: 8, col: 0 })).toBe(true);
  });

  it('carries a per-row problem as #VALUE! with the reason, in English or Vietnamese', () => {
    const { hf, sheet } = engine([
      ...column([50, "'1.234", 15, '=1/0', 5]).map((row, i) => [
        ...row,
        i === 0 ? '=ABC_CLASS(A1:A5)' : null,
        i === 0 ? '=ABC_CLASS(A1:A5, , , , "vi")' : null,
      ]),
    ]);
    const ambiguous = hf.getCellValue({ sheet, row: 1, col: 1 }) as DetailedCellError;
    expect(ambiguous.value).toBe('#VALUE!');
    expect(ambiguous.message).toBe(
      'values, row 2: "1.234" could be 1.234 or 1234: type it as a number, or without the separator',
    );
    const divided = hf.getCellValue({ sheet, row: 3, col: 1 }) as DetailedCellError;
    expect(divided.message).toBe('values, row 4: the cell holds the error #DIV/0!');
    expect((hf.getCellValue({ sheet, row: 3, col: 2 }) as DetailedCellError).message).toBe(
      'values, dòng 4: ô chứa lỗi #DIV/0!',
    );
    expect(hf.getRangeValues({ start: { sheet, row: 0, col: 1 }, end: { sheet, row: 4, col: 1 } }).flat()).toEqual([
      'A',
      expect.any(DetailedCellError),
      'B',
      expect.any(DetailedCellError),
      'C',
    ]);
  });

  it('puts a whole-call problem in the formula cell alone', () => {
    const { hf, sheet } = engine([
      [1, 2, '=ABC_CLASS(A1:B3)', '=ABC_CLASS(A1:A3, , 0.9, 0.5)', '=ABC_CLASS()', '=ABC_CLASS(A1:A3,,,,"vi",1)'],
      [3, 4],
      [5, 6],
    ]);
    const message = (col: number): string => (hf.getCellValue({ sheet, row: 0, col }) as DetailedCellError).message;
    expect(message(2)).toBe('values must be one column or one row; it has 3 rows and 2 columns');
    expect(message(3)).toBe('b_share (0.5) must be greater than a_share (0.9)');
    expect(message(4)).toBe('values is required');
    expect(message(5)).toBe('ABC_CLASS nhận tối đa 5 đối số; đang được truyền 6');
    expect(hf.getCellValue({ sheet, row: 1, col: 3 })).toBeNull();
    expect(hf.getCellValue({ sheet, row: 2, col: 3 })).toBeNull();
  });

  it('spills a table with its header, dates as dates, and leaves the reserved rows blank', () => {
    const { hf, sheet } = engine([
      ['Ann', '2024-05-01', 120, '=RFM_TABLE(A1:A3, B1:B3, C1:C3, "2024-06-30")'],
      ['Bo', '2024-03-01', 80],
      ['Ann', '2024-06-30', 60],
    ]);
    const table = hf.getRangeValues({ start: { sheet, row: 0, col: 3 }, end: { sheet, row: 5, col: 12 } });
    expect(table[0]?.[0]).toBe('Customer');
    expect(table[1]?.slice(0, 5)).toEqual(['Ann', isoToSerial('2024-06-30'), 0, 2, 180]);
    expect(hf.getCellValueDetailedType({ sheet, row: 1, col: 4 })).toBe('NUMBER_DATE');
    expect(table[2]?.[9]).toBe('Lost');
    expect(
      table
        .slice(3)
        .flat()
        .every((v) => v === null),
    ).toBe(true);
    // Header + 3 lines + 3 reserve rows: a value typed in the reserved area is a spill conflict, as in Sheets.
    expect(hf.getSheetDimensions(sheet).height).toBe(6);
  });

  it('reserves the size the answer can need, from the formula alone', () => {
    const spec = CATALOG_BY_NAME.get('SEGMENT_SUMMARY');
    if (!spec) throw new Error('SEGMENT_SUMMARY is missing');
    const size = (w: number, h: number) => ({ width: w, height: h, isRef: true }) as never;
    const sizes = predictSize(spec, ['segments', 'values'], () => size(1, 100), 6);
    expect([sizes.width, sizes.height]).toEqual([6, 103]);
    const abc = CATALOG_BY_NAME.get('ABC_CLASS');
    if (!abc) throw new Error('ABC_CLASS is missing');
    expect(predictSize(abc, ['values'], () => size(1, 50), 1).height).toBe(50);
    expect(predictSize(abc, ['values'], () => size(3, 50), 1).isScalar()).toBe(true);
  });

  it('takes array arithmetic (useArrayArithmetic) as an argument, spilled as the ranges are', () => {
    const quantity = [27, 24, 18, 16, 6, 5, 4];
    const price = [1000, 2000, 3000, 4000, 5000, 6000, 7000];
    const { hf, sheet } = engine([
      ...quantity.map((q, i) => [q, price[i] ?? null]),
      ['=ABC_CLASS(A1:A7*B1:B7)', '=A1:A7*B1:B7'],
    ]);
    const revenue = quantity.map((q, i) => q * (price[i] ?? 0));
    const expected = invoke('ABC_CLASS', [revenue.map((v) => [v])]);
    expect(expected.ok).toBe(true);
    if (!expected.ok) return;
    const rows = (col: number): unknown[] =>
      hf.getRangeValues({ start: { sheet, row: 7, col }, end: { sheet, row: 13, col } }).flat();
    expect(rows(0)).toEqual(expected.grid.flat());
    expect(rows(1)).toEqual(revenue);
  });

  it('recalculates the spilled answers when an input cell changes', () => {
    const workbook = Workbook.open([{ name: 'Data', cells: [[100, '=ABC_CLASS(A1:A4)'], [50], [30], [20]] }]);
    try {
      const sheet = workbook.sheetId('Data');
      const classes = (): unknown[] => [0, 1, 2, 3].map((r) => workbook.value(sheet, r, 1));
      const core = (values: number[]): unknown[] => {
        const result = invoke('ABC_CLASS', [values.map((v) => [v])]);
        return result.ok ? result.grid.flat() : [];
      };
      expect(classes()).toEqual(core([100, 50, 30, 20]));
      expect(classes()).toEqual(['A', 'A', 'B', 'C']);
      workbook.setInput(sheet, 3, 0, '1000');
      expect(classes()).toEqual(core([100, 50, 30, 1000]));
      expect(classes()).toEqual(['B', 'C', 'C', 'B']);
      workbook.setInput(sheet, 3, 0, 'lots');
      // The core's reason (which may go on to say how to fix it).
      expect(workbook.view(sheet, 3, 1).error).toMatch(/^values, row 4: "lots" is not a number\b/);
      expect(workbook.undo()).toBe(true);
      expect(classes()).toEqual(['B', 'C', 'C', 'B']);
    } finally {
      workbook.destroy();
    }
  });
});
