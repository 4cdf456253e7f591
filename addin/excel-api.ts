/**
 * The part of the Excel JavaScript API the side panel uses, as structural types: Office's own objects satisfy
 * them, and so does the fake Excel the tests run against (test/hosts/fake-excel.ts).
 * @see https://learn.microsoft.com/javascript/api/excel
 */
export type ExcelValue = string | number | boolean;

/** Excel.RangeValueType. */
export type RangeValueType = 'Unknown' | 'Empty' | 'String' | 'Integer' | 'Double' | 'Boolean' | 'Error' | 'RichValue';

/** Excel.SheetVisibility. */
export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** Excel.InsertShiftDirection and Excel.DeleteShiftDirection. */
export type InsertShiftDirection = 'Down' | 'Right';
export type DeleteShiftDirection = 'Up' | 'Left';

/** Excel.ClearApplyTo (the members the panel may use). */
export type ClearApplyTo = 'All' | 'Formats' | 'Contents';

export interface CellFill {
  readonly format?: { readonly fill?: { readonly color?: string; readonly pattern?: string } };
}

export interface ExcelRangeFill {
  color: string;
  clear(): void;
  load(properties: string): ExcelRangeFill;
}

export interface ExcelRange {
  values: ExcelValue[][];
  formulas: ExcelValue[][];
  numberFormat: string[][];
  readonly text: string[][];
  readonly valueTypes: RangeValueType[][];
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly cellCount: number;
  /** `columnWidth` in points (ExcelApi 1.2); load it before reading. */
  readonly format: { readonly fill: ExcelRangeFill; columnWidth: number; load(properties: string): unknown };
  load(properties: string): ExcelRange;
  load(properties: string[]): ExcelRange;
  getCellProperties(spec: { format: { fill: { color: true; pattern: true } } }): { readonly value: CellFill[][] };
  insert(shift: InsertShiftDirection): ExcelRange;
  delete(shift: DeleteShiftDirection): void;
  clear(applyTo?: ClearApplyTo): void;
  merge(across?: boolean): void;
  unmerge(): void;
}

/** An `…OrNullObject` result: `isNullObject` is known after the next `sync()`. */
export type ExcelNullable<T> = T & { readonly isNullObject: boolean };

export interface ExcelChart {
  title: { text: string };
  setPosition(startCell: string, endCell?: string): void;
  /** Axis titles (ExcelApi 1.1); a scatter's category axis is its x axis. */
  readonly axes: {
    readonly categoryAxis: { readonly title: { text: string } };
    readonly valueAxis: { readonly title: { text: string } };
  };
  readonly dataLabels: { showValue: boolean };
  readonly legend: { visible: boolean };
  /** A series' own chart type (ExcelApi 1.7): a Pareto's cumulative line over its columns. */
  readonly series: { getItemAt(index: number): { chartType: string } };
}

export interface ExcelWorksheetProtection {
  readonly protected: boolean;
  protect(options?: unknown, password?: string): void;
  unprotect(password?: string): void;
  load(properties: string): ExcelWorksheetProtection;
}

/** An Excel table (ListObject). */
export interface ExcelTable {
  readonly name: string;
  readonly id: string;
  getRange(): ExcelRange;
  getHeaderRowRange(): ExcelRange;
  getDataBodyRange(): ExcelRange;
  convertToRange(): ExcelRange;
  delete(): void;
  load(properties: string): ExcelTable;
  load(properties: string[]): ExcelTable;
}

export interface ExcelTableCollection {
  add(address: string | ExcelRange, hasHeaders: boolean): ExcelTable;
  getItem(name: string): ExcelTable;
  getItemOrNullObject(name: string): ExcelNullable<ExcelTable>;
  readonly items: ExcelTable[];
  load(properties?: string): ExcelTableCollection;
  load(properties: string[]): ExcelTableCollection;
}

export interface ExcelWorksheet {
  name: string;
  readonly id: string;
  visibility: SheetVisibility;
  position: number;
  readonly protection: ExcelWorksheetProtection;
  readonly tables: ExcelTableCollection;
  getRange(address?: string): ExcelRange;
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): ExcelRange;
  getUsedRange(valuesOnly?: boolean): ExcelRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelNullable<ExcelRange>;
  load(properties: string): ExcelWorksheet;
  load(properties: string[]): ExcelWorksheet;
  activate(): void;
  delete(): void;
  readonly charts: { add(type: string, source: ExcelRange, seriesBy?: string): ExcelChart };
}

export interface ExcelWorksheetCollection {
  getItem(key: string): ExcelWorksheet;
  getItemOrNullObject(key: string): ExcelNullable<ExcelWorksheet>;
  getActiveWorksheet(): ExcelWorksheet;
  getFirst(visibleOnly?: boolean): ExcelWorksheet;
  add(name?: string): ExcelWorksheet;
  readonly items: ExcelWorksheet[];
  load(properties?: string): ExcelWorksheetCollection;
  load(properties: string[]): ExcelWorksheetCollection;
}

export interface ExcelContext {
  readonly workbook: {
    readonly worksheets: ExcelWorksheetCollection;
    getSelectedRange(): ExcelRange;
  };
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  sync(): Promise<void>;
}

/** `Excel.run`: one batch of requests against the workbook. */
export type ExcelRun = <T>(batch: (context: ExcelContext) => Promise<T>) => Promise<T>;

/** What `Office.context.document.settings.saveAsync` hands its callback (Office.AsyncResult). */
export interface OfficeAsyncResult {
  /** 'succeeded' or 'failed' at run time (Office.AsyncResultStatus, typed as a numeric enum in @types/office-js). */
  readonly status: string | number;
  readonly error?: { readonly code: number; readonly name: string; readonly message: string };
  readonly asyncContext?: unknown;
}

/**
 * `Office.context.document.settings` (Office.Settings): an in-memory property bag saved into the document only by
 * `saveAsync`. "A maximum of 2MB is available for the settings of each add-in" (Office.Settings.set).
 */
export interface OfficeDocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: OfficeAsyncResult) => void): void;
  saveAsync(options: { asyncContext?: unknown }, callback?: (result: OfficeAsyncResult) => void): void;
}
