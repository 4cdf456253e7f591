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
import { formulaAdvice, isParseError } from '../playground/ui/formula-syntax.js';
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
function layOut(fn: string, args: readonly CaseArg[]): Layout {
  const cells: RawCellContent[][] = [];
  const parts: string[] = [];
  const blocks: (Block | undefined)[] = [];
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
      blocks.push({ col, width, height: rows.length });
      col += width;
    } else {
      parts.push(literal(arg as CaseCell));
      blocks.push(undefined);
    }
  }
  const formula = `=${fn}(${parts.join(', ')})`;
  cells[0] = [];
  while (cells[0].length < col) cells[0].push(null);
  cells[0][col] = formula;
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  return { cells, formula, col, blocks };
}

/** Where layOut put a range argument: its first column (row 2 is its first row), width and height. */
interface Block {
  readonly col: number;
  readonly width: number;
  readonly height: number;
}

interface Layout {
  readonly cells: RawCellContent[][];
  readonly formula: string;
  readonly col: number;
  readonly blocks: readonly (Block | undefined)[];
}

/**
 * A case's expected problem text with each range-relative place (`values, row 3 of the range`) as the playground
 * names it, knowing where layOut put the range: a one-column or one-row range argument's cell (`values, cell A4`),
 * else the sheet row (`period_values, row 4`).
 */
function onSheet(text: string, fn: string, blocks: readonly (Block | undefined)[]): string {
  const params = CATALOG_BY_NAME.get(fn)?.params ?? [];
  return text.replace(
    /\b(\w+)((?:, column \d+)?), (row|dòng) (\d+) (?:of the range|của vùng)/g,
    (whole, arg: string, column: string, word: string, n: string) => {
      const index = params.findIndex((p) => p.name === arg);
      const block = blocks[index];
      if (!block) return whole;
      const vi = word === 'dòng';
      const k = Number(n);
      const vector = params[index]?.kind === 'range';
      if (column === '' && (block.width === 1 || (vector && block.height === 1))) {
        const cell = block.width === 1 ? `${colLetter(block.col)}${k + 1}` : `${colLetter(block.col + k - 1)}2`;
        return `${arg}, ${vi ? 'ô' : 'cell'} ${cell}`;
      }
      return `${arg}${column}, ${word} ${k + 1}`;
    },
  );
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
    const { cells, col, blocks } = layOut(testCase.fn, testCase.args);
    const { hf, sheet } = engine(cells);
    if ('error' in testCase.expect) {
      const value = hf.getCellValue({ sheet, row: 0, col });
      expect(value).toBeInstanceOf(DetailedCellError);
      expect((value as DetailedCellError).value).toBe('#VALUE!');
      expect((value as DetailedCellError).message).toContain(onSheet(testCase.expect.error, testCase.fn, blocks));
      // The whole-call problem sits in the formula's cell only.
      expect(hf.getCellValue({ sheet, row: 1, col })).toBeNull();
      return;
    }
    const expected = testCase.expect;
    expected.forEach((row, r) =>
      row.forEach((want, c) => {
        const actual = neutral(hf, sheet, r, col + c) ?? '';
        const wantShown =
          typeof want === 'object' && 'problem' in want
            ? { problem: onSheet(want.problem, testCase.fn, blocks) }
            : (want as ExpectedCell);
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
      'values, cell A2: "1.234" could be 1.234 or 1234: type it as a number, or without the separator',
    );
    const divided = hf.getCellValue({ sheet, row: 3, col: 1 }) as DetailedCellError;
    expect(divided.message).toBe('values, cell A4: the cell holds the error #DIV/0!');
    expect((hf.getCellValue({ sheet, row: 3, col: 2 }) as DetailedCellError).message).toBe(
      'values, ô A4: ô chứa lỗi #DIV/0!',
    );
    expect(hf.getRangeValues({ start: { sheet, row: 0, col: 1 }, end: { sheet, row: 4, col: 1 } }).flat()).toEqual([
      'A',
      expect.any(DetailedCellError),
      'B',
      expect.any(DetailedCellError),
      'C',
    ]);
  });

  it('names the sheet cell or row of a problem, not a row counted in the range', () => {
    const hf = HyperFormula.buildFromSheets(
      {
        Sheet1: [
          ['Khách hàng', 'Doanh thu', 'T1', 'T2', 'T3'],
          [null, null, null, null, null],
          [null, null, null, null, null],
          ['An', 1_250_000, 10, 12, 11],
          ['Bình', "'năm trăm", 4, 'x', 6],
          ['Chi', 420_000, 1, 9, 2],
          [
            '=ABC_CLASS(B4:B6)',
            "=ABC_CLASS('Dữ liệu'!$C$3:$C$5)",
            '=XYZ_CLASS(C4:E6)',
            '=ABC_CLASS(B4:B6, , , , "vi")',
          ],
        ],
        'Dữ liệu': [[], [], [null, null, 100], [null, null, "'không rõ"], [null, null, 50]],
      },
      HF_CONFIG,
    );
    engines.push(hf);
    const sheet = hf.getSheetId('Sheet1') as number;
    const message = (row: number, col: number): string =>
      (hf.getCellValue({ sheet, row, col }) as DetailedCellError).message;
    // A column range from row 4: its 2nd cell is B5.
    expect(message(7, 0)).toMatch(/^values, cell B5: "năm trăm" is not a number/);
    expect(message(7, 3)).toMatch(/^values, ô B5: "năm trăm" không phải là số/);
    // A range on another sheet: that sheet's name with the cell.
    expect(message(7, 1)).toMatch(/^values, cell 'Dữ liệu'!C4: "không rõ" is not a number/);
    // A matrix: the sheet row.
    expect(message(7, 2)).toMatch(/^period_values, row 5: "x" is not a number/);
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

  it('explains a formula typed with ";" and a decimal comma, and its rewrite works', () => {
    const workbook = Workbook.open([
      { name: 'Data', cells: [[1_250_000, '=PARETO_RATIO(A1:A4; 0,5)'], [980_000], [420_000], [75_000]] },
    ]);
    try {
      const sheet = workbook.sheetId('Data');
      const view = workbook.view(sheet, 0, 1);
      expect(view.kind).toBe('error');
      const error = `${view.text} ${view.error ?? ''}`;
      // The engine's own words, which the formula bar must replace.
      expect(isParseError(error)).toBe(true);
      const advice = formulaAdvice(view.input, error, 'vi');
      expect(advice?.message).not.toMatch(/Expecting|RParen|token/);
      expect(advice?.rewrite).toBe('=PARETO_RATIO(A1:A4, 0.5)');
      workbook.setInput(sheet, 0, 1, advice?.rewrite ?? '');
      const core = invoke('PARETO_RATIO', [[[1_250_000], [980_000], [420_000], [75_000]], 0.5]);
      expect(core.ok && core.grid[0]?.[0]).toBeGreaterThan(1);
      expect(workbook.value(sheet, 0, 1)).toBeCloseTo(core.ok ? (core.grid[0]?.[0] as number) : NaN, 9);
      // An unclosed quote: no rewrite, but still no parser text.
      workbook.setInput(sheet, 5, 1, '=ABC_CLASS(A1:A4, "a)');
      const unclosed = workbook.view(sheet, 5, 1);
      const other = formulaAdvice(unclosed.input, `${unclosed.text} ${unclosed.error ?? ''}`, 'en');
      expect(other?.rewrite).toBeUndefined();
      expect(other?.message).toMatch(/^This formula cannot be read\./);
    } finally {
      workbook.destroy();
    }
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
      expect(workbook.view(sheet, 3, 1).error).toMatch(/^values, cell A4: "lots" is not a number\b/);
      expect(workbook.undo()).toBe(true);
      expect(classes()).toEqual(['B', 'C', 'C', 'B']);
    } finally {
      workbook.destroy();
    }
  });
});
