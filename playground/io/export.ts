/**
 * The workbook as an XLSX file (ExcelJS, loaded only when the user exports).
 *
 * Every cell is written with the value it shows, its number format and column widths. A formula built only from
 * functions Excel knows, with a one-cell answer, is written as that formula (with its value cached). A formula that
 * uses a SegmentKit function or spills is written as its values, with the formula in a note on its cell: Excel knows
 * the functions only with the add-in (as `SEG.ABC_CLASS`), and a spilled answer cannot be written as a formula
 * without dynamic-array metadata that ExcelJS does not write.
 */
import { DetailedCellError } from 'hyperformula';
import { CATALOG } from '../../core/index.js';
import { excelNumberFormat } from '../engine/format.js';
import type { Workbook } from '../engine/workbook.js';

const CATALOG_CALL = new RegExp(`\\b(${CATALOG.map((s) => s.name).join('|')})\\s*\\(`, 'gi');
const EXCEL_ERRORS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);

/** The Excel spelling of a formula: SegmentKit functions take the add-in's `SEG.` prefix. */
export function excelFormula(formula: string): string {
  return formula.replace(CATALOG_CALL, (_whole, name: string) => `SEG.${name.toUpperCase()}(`);
}

export function usesCatalog(formula: string): boolean {
  CATALOG_CALL.lastIndex = 0;
  const found = CATALOG_CALL.test(formula);
  CATALOG_CALL.lastIndex = 0;
  return found;
}

export async function workbookToXlsx(workbook: Workbook): Promise<ArrayBuffer> {
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  book.creator = 'SegmentKit playground';
  const hf = workbook.hf;
  for (const name of workbook.sheetNames()) {
    const sheet = workbook.sheetId(name);
    const header = workbook.hasHeaderRow(sheet);
    const ws = book.addWorksheet(name, header ? { views: [{ state: 'frozen', ySplit: 1 }] } : {});
    const { rows, cols } = workbook.dimensions(sheet);
    for (let c = 0; c < cols; c++) {
      const width = workbook.column(sheet, c)?.width;
      if (width) ws.getColumn(c + 1).width = Math.max(4, Math.round(width / 7));
    }
    for (let r = 0; r < rows; r++) {
      const row = ws.getRow(r + 1);
      for (let c = 0; c < cols; c++) {
        const address = { sheet, row: r, col: c };
        const value = hf.getCellValue(address);
        const formula = hf.doesCellHaveFormula(address) ? hf.getCellFormula(address) : undefined;
        if ((value === null || value === '') && !formula) continue;
        const cell = row.getCell(c + 1);
        const notes: string[] = [];
        let written: unknown;
        if (value instanceof DetailedCellError) {
          written = EXCEL_ERRORS.has(value.value) ? { error: value.value } : value.value;
          if (value.message) notes.push(`${value.value} ${value.message}`);
        } else {
          written = value;
        }
        if (typeof value === 'number') {
          const format = excelNumberFormat(workbook.column(sheet, c)?.format, hf.getCellValueDetailedType(address));
          if (format) cell.numFmt = format;
        }
        if (formula && !usesCatalog(formula) && !hf.isCellPartOfArray(address)) {
          cell.value = { formula: formula.replace(/^=/, ''), result: written } as never;
        } else {
          cell.value = (written ?? null) as never;
          if (formula) {
            const excel = excelFormula(formula);
            notes.push(`Formula: ${formula}`);
            if (excel !== formula) notes.push(`In Excel with SegmentKit: ${excel}`);
          }
        }
        if (notes.length > 0) cell.note = notes.join('\n');
        if (workbook.isBoldRow(sheet, r)) cell.font = { bold: true };
      }
    }
  }
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}
