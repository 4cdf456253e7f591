/**
 * The function Excel calls (addin/excel-function.ts, associated by register.ts) with a fake invocation: the
 * parameter addresses Excel passes after the arguments (functions.json asks for them) make a per-row problem name
 * the sheet's cell; without them the row is counted in the range. And functions.json asks for them for every
 * function, with the matrix result Excel requires for parameter addresses.
 */
import { describe, expect, it } from 'vitest';
import { argumentPlaces, excelFunction } from '../addin/excel-function.js';
import { functionsMetadata } from '../addin/functions-metadata.js';
import { CATALOG, describeProblem, invoke, isProblem } from '../core/index.js';

/** Runs the core as runForExcel does, answering problems as their message (no CustomFunctions global here). */
function fakeRun(name: string, args: readonly unknown[]): unknown {
  const result = invoke(name, args);
  if (!result.ok) return { error: result.error.messageIn(result.lang) };
  return result.grid.map((row) => row.map((cell) => (isProblem(cell) ? describeProblem(cell, result.lang) : cell)));
}

const ABC_PARAMS = 5;
const abc = excelFunction('ABC_CLASS', ABC_PARAMS, fakeRun);
/** Revenue in C2:C6 of the sheet Excel calls from; C4 holds text. */
const VALUES = [[5_000_000], [3_200_000], ['ba triệu'], [800_000], [150_000]];

describe('the Excel wrapper with a fake invocation', () => {
  it('names the sheet cell from parameterAddresses, in the call language', () => {
    const invocation = {
      address: 'Sheet1!E2',
      functionName: 'ABC_CLASS',
      parameterAddresses: ['Sheet1!C2:C6', '', '', '', ''],
    };
    const answer = abc(VALUES, null, null, null, null, invocation) as unknown[][];
    expect(answer[2]?.[0]).toBe(
      'values, cell C4: "ba triệu" is not a number: type a number such as 1234.5 or 1.234.567 ₫',
    );
    const vi = abc(VALUES, null, null, null, 'vi', invocation) as unknown[][];
    expect(vi[2]?.[0]).toMatch(/^values, ô C4: "ba triệu" không phải là số/);
  });

  it('names the other sheet when the range is not on the calling sheet', () => {
    const invocation = { address: 'Tóm tắt!B1', parameterAddresses: ["'Dữ liệu'!$F$10:$F$14"] };
    expect((abc(VALUES, null, null, null, null, invocation) as unknown[][])[2]?.[0]).toMatch(
      /^values, cell 'Dữ liệu'!F12: /,
    );
  });

  it('without an invocation, or with one that gives no addresses, counts the row in the range', () => {
    const ranged = /^values, row 3 of the range: "ba triệu"/;
    expect((abc(VALUES) as unknown[][])[2]?.[0]).toMatch(ranged);
    expect((abc(VALUES, null, null, null, null, { address: 'Sheet1!E2' }) as unknown[][])[2]?.[0]).toMatch(ranged);
    // Something else after the arguments (a text, a list) is no invocation.
    expect((abc(VALUES, null, null, null, null, 'Sheet1!C2:C6') as unknown[][])[2]?.[0]).toMatch(ranged);
    expect((abc(VALUES, null, null, null, null, ['Sheet1!C2:C6']) as unknown[][])[2]?.[0]).toMatch(ranged);
  });

  it('hands the core exactly the declared arguments: the invocation is not one of them', () => {
    const invocation = { address: 'Sheet1!E2', parameterAddresses: ['Sheet1!C2:C6', '', '', '', ''] };
    const numbers = [[50], [30], [15], [5]];
    expect(abc(numbers, null, null, null, null, invocation)).toEqual([['A'], ['A'], ['B'], ['C']]);
  });

  it('reads one place per parameter; constants and expressions have none', () => {
    const places = argumentPlaces({ address: 'S!A1', parameterAddresses: ['S!C2:C6', '', '#REF!', 'S!A1:A3'] }, 3);
    expect(places).toEqual([{ row: 2, rows: 5, col: 2, cols: 1 }, undefined, undefined]);
    expect(argumentPlaces(undefined, 2)).toEqual([undefined, undefined]);
    expect(argumentPlaces([['S!C2:C6']], 1)).toEqual([undefined]);
  });
});

describe('functions.json', () => {
  it.each(['en', 'vi'] as const)('asks for the caller and parameter addresses of every function (%s)', (lang) => {
    const metadata = functionsMetadata(lang);
    expect(metadata.functions).toHaveLength(CATALOG.length);
    for (const fn of metadata.functions) {
      expect(fn.options, fn.id).toEqual({ requiresAddress: true, requiresParameterAddresses: true });
      // Excel requires a matrix result for a function asking for its parameters' addresses.
      expect(fn.result.dimensionality, fn.id).toBe('matrix');
    }
  });
});
