/// <reference types="custom-functions-runtime" />
/**
 * The Excel side of a formula call: what Excel hands a custom function goes to the core, and the core's
 * answer grid comes back as values Excel can show.
 *
 * - Excel passes ranges as 2-D arrays (a single cell or constant as `[[v]]`), dates as serial numbers, blank
 *   cells as `null` (Excel on the web, recent builds) or `0` (some desktop builds), and an omitted optional
 *   argument as `null`. The core reads all of that as is, so arguments go through untouched.
 * - A per-row problem becomes a `#VALUE!` error value in its own cell, with the reason (in the call's language)
 *   as the error's message, which Excel shows in the cell's error tooltip.
 * - A whole-call problem is thrown as a `#VALUE!` error with the message; Excel shows it on the formula cell.
 * - A date answer becomes its serial number (a custom function cannot set a cell's number format).
 * - A blank answer is `""`: returning `null` would show `0`.
 * - Every function returns a rectangular 2-D array (short rows padded with `""`, an empty answer as `[[""]]`),
 *   since Excel rejects ragged arrays.
 */
import {
  describeProblem,
  gridWidth,
  hostCell,
  hostGrid,
  invoke,
  type HostCells,
  type Lang,
  type OutCell,
  type OutGrid,
} from '../core/index.js';

/** A cell value as Excel accepts it from a custom function. */
export type ExcelCell = string | number | boolean | CustomFunctions.Error;
export type ExcelGrid = ExcelCell[][];

function valueError(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/** Excel's values for the cells it cannot take as they are, per language: `#NUM!`, `#VALUE!` with why, serials. */
function excelCells(lang: Lang): HostCells<ExcelCell> {
  return {
    notFinite: () => new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber),
    problem: (problem) => valueError(describeProblem(problem, lang)),
    date: (serial) => serial,
  };
}

const EXCEL_CELLS: Record<Lang, HostCells<ExcelCell>> = { en: excelCells('en'), vi: excelCells('vi') };

/** One answer cell as an Excel value. */
export function toExcelCell(cell: OutCell | null | undefined, lang: Lang): ExcelCell {
  return hostCell(cell, EXCEL_CELLS[lang]);
}

/** The core's answer grid as a rectangular Excel array; rows that need no change are passed on as they are. */
export function toExcelGrid(grid: OutGrid, lang: Lang): ExcelGrid {
  const width = gridWidth(grid);
  if (grid.length === 0 || width === 0) return [['']];
  return hostGrid(grid, EXCEL_CELLS[lang], width);
}

/**
 * Runs a catalog function on the arguments Excel passed and returns its answer grid.
 * Throws a `#VALUE!` CustomFunctions.Error for a whole-call problem (message in the call's language) and for an
 * unexpected failure (so the cell says what happened instead of a bare `#VALUE!`).
 */
export function runForExcel(name: string, args: readonly unknown[]): ExcelGrid {
  let result: ReturnType<typeof invoke>;
  try {
    result = invoke(name, args);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw valueError(`SegmentKit ${name}: unexpected error: ${message}`);
  }
  if (!result.ok) throw valueError(result.error.messageIn(result.lang));
  return toExcelGrid(result.grid, result.lang);
}
