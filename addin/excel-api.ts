/**
 * The part of the Excel JavaScript API the side panel uses, as structural types: Office's own objects satisfy
 * them, and so does the fake Excel the tests run against (test/hosts/fake-excel.ts).
 * @see https://learn.microsoft.com/javascript/api/excel
 */
export type ExcelValue = string | number | boolean;

export interface CellFill {
  readonly format?: { readonly fill?: { readonly color?: string; readonly pattern?: string } };
}

export interface ExcelRange {
  values: ExcelValue[][];
  formulas: ExcelValue[][];
  numberFormat: string[][];
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly format: { readonly fill: { color: string; clear(): void } };
  load(properties: string): ExcelRange;
  getCellProperties(spec: { format: { fill: { color: true; pattern: true } } }): { readonly value: CellFill[][] };
}

export interface ExcelChart {
  title: { text: string };
  setPosition(startCell: string, endCell?: string): void;
}

export interface ExcelWorksheet {
  readonly name: string;
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): ExcelRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange & { readonly isNullObject: boolean };
  load(properties: string): ExcelWorksheet;
  delete(): void;
  readonly charts: { add(type: string, source: ExcelRange, seriesBy?: string): ExcelChart };
}

export interface ExcelContext {
  readonly workbook: {
    readonly worksheets: {
      getItem(name: string): ExcelWorksheet;
      getItemOrNullObject(name: string): ExcelWorksheet & { readonly isNullObject: boolean };
      getActiveWorksheet(): ExcelWorksheet;
      add(name: string): ExcelWorksheet;
    };
    getSelectedRange(): ExcelRange;
  };
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  sync(): Promise<void>;
}

/** `Excel.run`: one batch of requests against the workbook. */
export type ExcelRun = <T>(batch: (context: ExcelContext) => Promise<T>) => Promise<T>;
