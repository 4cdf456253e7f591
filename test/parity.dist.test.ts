/**
 * One table of cases through the built Excel functions.js and the built Sheets Code.js: the same answers,
 * host conventions aside (dates as serials vs Dates, per-row problems as error values vs `#VALUE!` text).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOG, serialToDate } from '../core/index.js';
import { HOST_CASES } from './cases/index.js';
import { toHostArgs } from './cases/neutral.js';
import type { ExpectedCell } from './cases/types.js';
import { requireAddinBuilt, excelConventions, loadFunctionsJs, neutralGridFromExcel } from './hosts/excel-vm.js';
import { requireCodeJs, loadCodeJs, neutralGridFromSheets, sheetsConventions } from './hosts/sheets-vm.js';

type Outcome = { grid: ExpectedCell[][] } | { error: string };

let excel: ReturnType<typeof loadFunctionsJs>;
let sheets: ReturnType<typeof loadCodeJs>;

beforeAll(() => {
  requireAddinBuilt();
  requireCodeJs();
  excel = loadFunctionsJs();
  sheets = loadCodeJs();
});

function attempt(run: () => ExpectedCell[][]): Outcome {
  try {
    return { grid: run() };
  } catch (error) {
    return { error: String((error as { message?: unknown }).message ?? error) };
  }
}

/** Excel gives date answers as serials; Sheets as Dates: read Excel's numbers as dates where Sheets has a date. */
function excelAnswer(answer: unknown, sheetsOutcome: Outcome): ExpectedCell[][] {
  return neutralGridFromExcel(answer, 'grid' in sheetsOutcome ? sheetsOutcome.grid : undefined);
}

describe('Excel functions.js and Sheets Code.js give the same answers', () => {
  it('expose the same functions', () => {
    expect([...excel.associated.keys()].sort()).toEqual(CATALOG.map((s) => s.name).sort());
    for (const spec of CATALOG) expect(typeof (sheets.context as Record<string, unknown>)[spec.name]).toBe('function');
  });

  it.each(HOST_CASES.map((c) => [`${c.fn}: ${c.title}`, c] as const))('%s', (_title, testCase) => {
    const params = CATALOG.find((s) => s.name === testCase.fn)?.params.length ?? testCase.args.length;
    const sheetsOutcome = attempt(() =>
      neutralGridFromSheets(sheets.call(testCase.fn, toHostArgs(testCase.args, sheetsConventions(serialToDate)))),
    );
    const excelOutcome = (() => {
      try {
        const answer = excel.call(testCase.fn, toHostArgs(testCase.args, excelConventions(null)), params);
        return { grid: excelAnswer(answer, sheetsOutcome) } as Outcome;
      } catch (error) {
        return { error: String((error as { message?: unknown }).message ?? error) } as Outcome;
      }
    })();
    expect(excelOutcome).toEqual(sheetsOutcome);
  });
});
