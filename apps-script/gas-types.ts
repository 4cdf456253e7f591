/**
 * The part of Apps Script's SpreadsheetApp the side panel's server uses, as structural types (1-based rows and
 * columns, as Apps Script counts). The real services satisfy them, and so does the tests' fake.
 * @see https://developers.google.com/apps-script/reference/spreadsheet
 */
export type GasValue = string | number | boolean | Date;

export interface GasRange {
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
  getValues(): GasValue[][];
  setValues(values: unknown[][]): GasRange;
  setBackgrounds(colors: (string | null)[][]): GasRange;
  setNumberFormats(formats: string[][]): GasRange;
  isBlank(): boolean;
  copyTo(destination: GasRange): void;
  getDataRegion(): GasRange;
}

export interface GasChartBuilder {
  setChartType(type: unknown): GasChartBuilder;
  addRange(range: GasRange): GasChartBuilder;
  setPosition(row: number, column: number, offsetX: number, offsetY: number): GasChartBuilder;
  setOption(option: string, value: unknown): GasChartBuilder;
  build(): unknown;
}

export interface GasSheet {
  getName(): string;
  getRange(row: number, column: number, rows: number, columns: number): GasRange;
  getActiveRange(): GasRange | null;
  getActiveCell(): GasRange;
  getMaxRows(): number;
  getMaxColumns(): number;
  hideSheet(): GasSheet;
  newChart(): GasChartBuilder;
  insertChart(chart: unknown): void;
}

export interface GasSpreadsheet {
  getActiveSheet(): GasSheet;
  getSheetByName(name: string): GasSheet | null;
  insertSheet(name: string): GasSheet;
  deleteSheet(sheet: GasSheet): void;
  getSpreadsheetTimeZone(): string;
}

export interface GasServices {
  readonly SpreadsheetApp: {
    getActiveSpreadsheet(): GasSpreadsheet;
    getUi(): { createAddonMenu(): GasMenu; createMenu(name: string): GasMenu; showSidebar(output: unknown): void };
  };
  readonly HtmlService: {
    createHtmlOutputFromFile(name: string): { setTitle(title: string): unknown };
  };
  readonly LockService: { getDocumentLock(): { waitLock(ms: number): void; releaseLock(): void } };
  readonly CacheService: {
    getUserCache(): {
      get(key: string): string | null;
      put(key: string, value: string, seconds?: number): void;
      remove(key: string): void;
    };
  };
  readonly PropertiesService: {
    getDocumentProperties(): GasProperties;
    getUserProperties(): GasProperties;
  };
  readonly Charts?: { ChartType: { COLUMN: unknown } };
}

export interface GasMenu {
  addItem(caption: string, functionName: string): GasMenu;
  addToUi(): void;
}

export interface GasProperties {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): unknown;
  deleteProperty(key: string): unknown;
}
