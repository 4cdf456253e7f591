/**
 * Opening files as new sheets: CSV and text files (papaparse; the separator detected) and XLSX (ExcelJS, loaded only
 * when a workbook is opened). Each sheet comes with a summary of what was found, for the page to tell the user.
 *
 * Cells are stored as `cell-text.ts` says: numbers and dates in a text file are read as typed, text that a
 * spreadsheet would take for a formula stays text, ID-like columns keep their leading zeros. From XLSX, text cells
 * stay text, numbers stay numbers, and formulas are imported as their last computed values (another workbook's
 * functions may not exist here).
 */
import { columnLetters } from '../../core/engine/sheet-io.js';
import { isDongAmount } from '../../core/number-text.js';
import type { CellInput, ColumnSpec, SheetInput } from '../engine/sheet-model.js';
import { asText, columnReading, importedCell, isIdColumn } from './cell-text.js';
import { detectSeparator, splitRows, type Separator } from './separator.js';

export const IMPORT_ACCEPT =
  '.csv,.tsv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What an import found: how the file was split, its size, and the columns kept as text. */
export interface ImportSummary {
  /** `single`: nothing separates the values, so each line is one value. */
  readonly format: Separator | 'single' | 'xlsx';
  readonly columns: number;
  /** Rows of data, the header row not counted. */
  readonly rows: number;
  readonly headerRow: boolean;
  /** Columns whose numbers were kept as text for their leading zeros (their header, or their letter). */
  readonly idColumns: readonly string[];
  /** The first value of the file (what a one-column file holds). */
  readonly firstValue?: string;
}

export interface ImportedSheet {
  readonly sheet: SheetInput;
  readonly summary: ImportSummary;
}

export type ImportProblem = 'empty' | 'emptyWorkbook' | 'oldXls' | 'unreadableXlsx';

/** A file that cannot be opened; the page says why in the user's language. */
export class ImportError extends Error {
  constructor(
    readonly problem: ImportProblem,
    readonly fileName: string,
    readonly detail?: string,
  ) {
    super(`${fileName}: ${problem}${detail ? ` (${detail})` : ''}`);
    this.name = 'ImportError';
  }
}

/** The file name without folder and extension, as a sheet name. */
export function sheetNameOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[^.]+$/, '') || 'Imported';
}

/** Column widths from the longest value in the first rows. */
export function guessColumns(cells: readonly (readonly unknown[])[]): ColumnSpec[] {
  const widths: number[] = [];
  const marks: { percent: number; money: number; filled: number }[] = [];
  for (const row of cells.slice(0, 200)) {
    row.forEach((cell, c) => {
      const length = cell === null || cell === undefined ? 0 : String(cell).length;
      widths[c] = Math.max(widths[c] ?? 0, length);
      const mark = (marks[c] ??= { percent: 0, money: 0, filled: 0 });
      if (typeof cell !== 'string' || cell.trim() === '') return;
      mark.filled++;
      if (PERCENT_TEXT.test(cell)) mark.percent++;
      else if (isDongAmount(cell)) mark.money++;
    });
  }
  return widths.map((chars, c) => {
    const width = Math.round(Math.min(320, Math.max(72, chars * 7.5 + 28)));
    const mark = marks[c];
    // Most filled cells written as percentages or as đồng amounts: the column is shown that way (50,8%, 1.250.000 ₫).
    const format =
      mark && mark.percent * 2 > mark.filled ? 'percent' : mark && mark.money * 2 > mark.filled ? 'vnd' : undefined;
    return format ? { width, format } : { width };
  });
}

/** A number written as a percentage (`12,5%`, `-3.5 %`). */
const PERCENT_TEXT = /^\s*[+-]?[\d.,\s]*\d\s*%\s*$/;

/** True when the first row looks like headers: all text, none of it a number, and a row below it. */
function looksLikeHeader(cells: readonly (readonly unknown[])[]): boolean {
  const [first, second] = cells;
  if (!first || !second) return false;
  const isNumberText = (v: unknown): boolean =>
    typeof v === 'number' || (typeof v === 'string' && /^-?[\d.,]+$/.test(v));
  return first.every((v) => v === null || v === undefined || v === '' || (typeof v === 'string' && !isNumberText(v)));
}

function widthOf(rows: readonly (readonly unknown[])[]): number {
  return rows.reduce((most, row) => Math.max(most, row.length), 0);
}

/** The header of column `c`, or its letter. */
function columnName(header: readonly unknown[] | undefined, c: number): string {
  const text = header?.[c];
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : columnLetters(c);
}

/** Each non-blank line as one value (a one-column file; `"…"` around a line removed). */
function linesOf(text: string): string[][] {
  return text
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim() !== '')
    .map((line) => [line.replace(/^"((?:[^"]|"")*)"$/, (_whole, inner: string) => inner.replace(/""/g, '"'))]);
}

/** A CSV, TSV or whitespace-separated text as one sheet, with what was found. */
export function csvToSheet(text: string, fileName: string): ImportedSheet {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new ImportError('empty', fileName);
  const separator = detectSeparator(body);
  const raw = separator ? splitRows(body, separator) : linesOf(body);
  if (raw.length === 0) throw new ImportError('empty', fileName);
  const headerRow = looksLikeHeader(raw);
  const data = headerRow ? raw.slice(1) : raw;
  const columns = widthOf(raw);
  const ids: number[] = [];
  for (let c = 0; c < columns; c++) if (isIdColumn(data.map((row) => row[c]))) ids.push(c);
  const readings = Array.from({ length: columns }, (_, c) => columnReading(data.map((row) => row[c])));
  const cells: CellInput[][] = raw.map((row, r) =>
    row.map((value, c) =>
      headerRow && r === 0 ? importedCell(value) : importedCell(value, ids.includes(c), readings[c]),
    ),
  );
  return {
    sheet: { name: sheetNameOf(fileName), cells, columns: guessColumns(raw), headerRow },
    summary: {
      format: separator ?? 'single',
      columns,
      rows: data.length,
      headerRow,
      idColumns: ids.map((c) => columnName(headerRow ? raw[0] : undefined, c)),
      firstValue: raw[0]?.[0] ?? '',
    },
  };
}

/** An ExcelJS cell value as a plain value: text, number, boolean, ISO date text, error text, or null. */
type PlainValue = { readonly text: string } | number | boolean | string | null;

/** `{ text }` is a text cell; a bare string is a date or an error, read as typed. */
function fromExcel(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number' || typeof value === 'boolean') return value;
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
    if (Array.isArray(v.richText)) return { text: v.richText.map((part) => part.text).join('') };
    if (typeof v.text === 'string') return { text: v.text };
    if (typeof v.error === 'string') return v.error;
  }
  return { text: String(value) };
}

const shownText = (value: PlainValue): unknown => (value !== null && typeof value === 'object' ? value.text : value);

function toCell(value: PlainValue): CellInput {
  if (value !== null && typeof value === 'object') return value.text === '' ? null : asText(value.text);
  return value;
}

/** Every worksheet of an XLSX file, one sheet each (named after the file when it has one worksheet). */
export async function xlsxToSheets(data: ArrayBuffer, fileName: string): Promise<ImportedSheet[]> {
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data);
  } catch (error) {
    throw new ImportError('unreadableXlsx', fileName, error instanceof Error ? error.message : String(error));
  }
  const sheets: ImportedSheet[] = [];
  const single = book.worksheets.length === 1;
  for (const ws of book.worksheets) {
    const values: PlainValue[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const line: PlainValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        line[colNumber - 1] = fromExcel(cell.value);
      });
      for (let i = 0; i < line.length; i++) line[i] ??= null;
      values[rowNumber - 1] = line;
    });
    for (let i = 0; i < values.length; i++) values[i] ??= [];
    if (values.length === 0) continue;
    const shown = values.map((row) => row.map(shownText));
    const headerRow = looksLikeHeader(shown);
    sheets.push({
      sheet: {
        name: single ? sheetNameOf(fileName) : `${sheetNameOf(fileName)} ${ws.name}`,
        cells: values.map((row) => row.map(toCell)),
        columns: guessColumns(shown),
        headerRow,
      },
      summary: {
        format: 'xlsx',
        columns: widthOf(values),
        rows: values.length - (headerRow ? 1 : 0),
        headerRow,
        idColumns: [],
      },
    });
  }
  if (sheets.length === 0) throw new ImportError('emptyWorkbook', fileName);
  return sheets;
}

/** A file the user picked or dropped, as sheets. */
export async function fileToSheets(file: {
  name: string;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}): Promise<ImportedSheet[]> {
  if (/\.xlsx$/i.test(file.name)) return xlsxToSheets(await file.arrayBuffer(), file.name);
  if (/\.xls$/i.test(file.name)) throw new ImportError('oldXls', file.name);
  return [csvToSheet(await file.text(), file.name)];
}
