/**
 * Opening files as new sheets: CSV (papaparse) and XLSX (ExcelJS, loaded only when a workbook is opened).
 * Cells arrive as text and are read as if typed: numbers, ISO and day-first dates become numbers and dates.
 * From XLSX, formulas are imported as their last computed values (another workbook's functions may not exist here).
 */
import Papa from 'papaparse';
import type { CellInput, ColumnSpec, SheetInput } from '../engine/sheet-model.js';

export const IMPORT_ACCEPT =
  '.csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file name without folder and extension, as a sheet name. */
export function sheetNameOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[^.]+$/, '') || 'Imported';
}

/** Column widths from the longest text in the first rows. */
export function guessColumns(cells: readonly (readonly CellInput[])[]): ColumnSpec[] {
  const widths: number[] = [];
  for (const row of cells.slice(0, 200)) {
    row.forEach((cell, c) => {
      const length = cell === null ? 0 : String(cell).length;
      widths[c] = Math.max(widths[c] ?? 0, length);
    });
  }
  return widths.map((chars) => ({ width: Math.round(Math.min(320, Math.max(72, chars * 7.5 + 28))) }));
}

/** True when the first row looks like headers: all text, and some column below holds a number. */
function looksLikeHeader(cells: readonly (readonly CellInput[])[]): boolean {
  const [first, second] = cells;
  if (!first || !second) return false;
  const isNumberText = (v: CellInput): boolean =>
    typeof v === 'number' || (typeof v === 'string' && /^-?[\d.,]+$/.test(v));
  return first.every((v) => v === null || (typeof v === 'string' && !isNumberText(v)));
}

/** A CSV (or TSV) text as one sheet. The delimiter is detected. */
export function csvToSheet(text: string, fileName: string): SheetInput {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  if (parsed.data.length === 0 && parsed.errors.length > 0) {
    throw new Error(`${fileName}: ${parsed.errors[0]?.message ?? 'not a CSV file'}`);
  }
  const cells: CellInput[][] = parsed.data.map((row) => row.map((cell) => (cell === '' ? null : cell)));
  return { name: sheetNameOf(fileName), cells, columns: guessColumns(cells), headerRow: looksLikeHeader(cells) };
}

/** An ExcelJS cell value as cell input. */
function fromExcel(value: unknown): CellInput {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as {
      result?: unknown;
      formula?: unknown;
      sharedFormula?: unknown;
      richText?: { text: string }[];
      text?: unknown;
      error?: unknown;
    };
    if ('formula' in v || 'sharedFormula' in v) return fromExcel(v.result ?? null);
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('');
    if (typeof v.text === 'string') return v.text;
    if (typeof v.error === 'string') return v.error;
  }
  return String(value);
}

/** Every worksheet of an XLSX file, one sheet each (named after the file when it has one worksheet). */
export async function xlsxToSheets(data: ArrayBuffer, fileName: string): Promise<SheetInput[]> {
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data);
  const sheets: SheetInput[] = [];
  const single = book.worksheets.length === 1;
  for (const ws of book.worksheets) {
    const cells: CellInput[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const values: CellInput[] = [];
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        values[colNumber - 1] = fromExcel(cell.value);
      });
      for (let i = 0; i < values.length; i++) values[i] ??= null;
      cells[rowNumber - 1] = values;
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= [];
    if (cells.length === 0) continue;
    sheets.push({
      name: single ? sheetNameOf(fileName) : `${sheetNameOf(fileName)} ${ws.name}`,
      cells,
      columns: guessColumns(cells),
      headerRow: looksLikeHeader(cells),
    });
  }
  if (sheets.length === 0) throw new Error(`${fileName} has no cells`);
  return sheets;
}

/** A file the user picked or dropped, as sheets. */
export async function fileToSheets(file: {
  name: string;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}) {
  if (/\.xlsx$/i.test(file.name)) return xlsxToSheets(await file.arrayBuffer(), file.name);
  if (/\.xls$/i.test(file.name))
    throw new Error(`${file.name}: old .xls files are not supported; save it as .xlsx or CSV`);
  return [csvToSheet(await file.text(), file.name)];
}
