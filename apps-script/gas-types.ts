/**
 * The part of Apps Script's SpreadsheetApp, LockService, CacheService and PropertiesService the side panel's server
 * uses, as structural types (1-based rows and columns, as Apps Script counts). The real services satisfy them, and so
 * does the tests' strict fake (test/hosts/fake-spreadsheet-app.ts), which models exactly these members.
 * @see https://developers.google.com/apps-script/reference/spreadsheet
 */
export type GasValue = string | number | boolean | Date;

/** An Apps Script enum value (`SpreadsheetApp.ProtectionType.SHEET` …); it prints as its name. */
export interface GasEnum {
  toString(): string;
}

export interface GasCopyOptions {
  readonly contentsOnly?: boolean;
  readonly formatOnly?: boolean;
}

export interface GasRange {
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
  getLastRow(): number;
  getLastColumn(): number;
  getA1Notation(): string;
  getSheet(): GasSheet;
  getValues(): GasValue[][];
  getValue(): GasValue;
  getDisplayValues(): string[][];
  /** "" for a cell without a formula. */
  getFormulas(): string[][];
  /** "#ffffff" for a cell without a fill. */
  getBackgrounds(): string[][];
  /** "0.###############" for a cell with the automatic format. */
  getNumberFormats(): string[][];
  setValues(values: unknown[][]): GasRange;
  setValue(value: unknown): GasRange;
  setFormulas(formulas: string[][]): GasRange;
  setBackgrounds(colors: (string | null)[][]): GasRange;
  setBackground(color: string | null): GasRange;
  setNumberFormats(formats: string[][]): GasRange;
  isBlank(): boolean;
  clear(options?: GasCopyOptions): GasRange;
  clearContent(): GasRange;
  clearFormat(): GasRange;
  copyTo(destination: GasRange, options?: GasCopyOptions): void;
  getDataRegion(): GasRange;
  sort(
    sortSpec: number | { column: number; ascending?: boolean } | { column: number; ascending?: boolean }[],
  ): GasRange;
  /** Only on one whole row or column made with A1 notation (`H:H`, `3:3`). */
  addDeveloperMetadata(key: string, value?: string): GasRange;
  getDeveloperMetadata(): GasDeveloperMetadata[];
  protect(): GasProtection;
}

export interface GasChartBuilder {
  setChartType(type: unknown): GasChartBuilder;
  addRange(range: GasRange): GasChartBuilder;
  setPosition(row: number, column: number, offsetX: number, offsetY: number): GasChartBuilder;
  setOption(option: string, value: unknown): GasChartBuilder;
  /** Rows (or columns) of the ranges that hold the series' names. */
  setNumHeaders(headers: number): GasChartBuilder;
  build(): unknown;
}

export interface GasSheet {
  getName(): string;
  /** Stable for the sheet's life (the `gid`). */
  getSheetId(): number;
  getRange(row: number, column: number, rows?: number, columns?: number): GasRange;
  getRange(a1Notation: string): GasRange;
  getDataRange(): GasRange;
  getActiveRange(): GasRange | null;
  getActiveCell(): GasRange;
  getMaxRows(): number;
  getMaxColumns(): number;
  /** Pixels. */
  getColumnWidth(columnPosition: number): number;
  setColumnWidth(columnPosition: number, width: number): GasSheet;
  getLastRow(): number;
  getLastColumn(): number;
  insertRowsAfter(afterPosition: number, howMany: number): GasSheet;
  insertRowsBefore(beforePosition: number, howMany: number): GasSheet;
  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet;
  insertColumnsBefore(beforePosition: number, howMany: number): GasSheet;
  deleteRows(rowPosition: number, howMany: number): void;
  deleteColumns(columnPosition: number, howMany: number): void;
  hideSheet(): GasSheet;
  showSheet(): GasSheet;
  isSheetHidden(): boolean;
  protect(): GasProtection;
  getProtections(type: GasEnum): GasProtection[];
  addDeveloperMetadata(key: string, value?: string): GasSheet;
  getDeveloperMetadata(): GasDeveloperMetadata[];
  createDeveloperMetadataFinder(): GasDeveloperMetadataFinder;
  newChart(): GasChartBuilder;
  insertChart(chart: unknown): void;
}

export interface GasSpreadsheet {
  getActiveSheet(): GasSheet;
  setActiveSheet(sheet: GasSheet): GasSheet;
  getSheets(): GasSheet[];
  getSheetByName(name: string): GasSheet | null;
  getSheetById(id: number): GasSheet | null;
  /** A new 1,000 × 26 sheet; it becomes the active sheet. */
  insertSheet(name: string): GasSheet;
  deleteSheet(sheet: GasSheet): void;
  getSpreadsheetTimeZone(): string;
  addDeveloperMetadata(key: string, value?: string): GasSpreadsheet;
  getDeveloperMetadata(): GasDeveloperMetadata[];
  createDeveloperMetadataFinder(): GasDeveloperMetadataFinder;
  getProtections(type: GasEnum): GasProtection[];
}

export interface GasDeveloperMetadataLocation {
  getLocationType(): GasEnum;
  /** The whole row, for a ROW location; otherwise null. */
  getRow(): GasRange | null;
  /** The whole column, for a COLUMN location; otherwise null. */
  getColumn(): GasRange | null;
  getSheet(): GasSheet | null;
}

export interface GasDeveloperMetadata {
  getId(): number;
  getKey(): string;
  getValue(): string | null;
  getLocation(): GasDeveloperMetadataLocation;
  setValue(value: string): GasDeveloperMetadata;
  remove(): void;
}

export interface GasDeveloperMetadataFinder {
  withKey(key: string): GasDeveloperMetadataFinder;
  withValue(value: string): GasDeveloperMetadataFinder;
  withId(id: number): GasDeveloperMetadataFinder;
  onIntersectingLocations(): GasDeveloperMetadataFinder;
  find(): GasDeveloperMetadata[];
}

export interface GasProtection {
  setDescription(description: string): GasProtection;
  getDescription(): string;
  setWarningOnly(warningOnly: boolean): GasProtection;
  isWarningOnly(): boolean;
  getRange(): GasRange;
  remove(): void;
}

export interface GasLock {
  /** Throws `Lock timeout: another process was holding the lock for too long.` when the wait runs out. */
  waitLock(timeoutInMillis: number): void;
  tryLock(timeoutInMillis: number): boolean;
  hasLock(): boolean;
  releaseLock(): void;
}

export interface GasCache {
  get(key: string): string | null;
  /** Keys up to 250 characters, values up to 100 KB, 1 to 21,600 seconds (default 600). */
  put(key: string, value: string, expirationInSeconds?: number): void;
  remove(key: string): void;
}

export interface GasServices {
  readonly SpreadsheetApp: {
    getActiveSpreadsheet(): GasSpreadsheet;
    getUi(): { createAddonMenu(): GasMenu; createMenu(name: string): GasMenu; showSidebar(output: unknown): void };
    flush(): void;
    readonly ProtectionType: { readonly RANGE: GasEnum; readonly SHEET: GasEnum };
  };
  readonly HtmlService: {
    createHtmlOutputFromFile(name: string): { setTitle(title: string): unknown };
  };
  readonly LockService: { getDocumentLock(): GasLock };
  readonly CacheService: { getUserCache(): GasCache };
  readonly PropertiesService: {
    getDocumentProperties(): GasProperties;
    getUserProperties(): GasProperties;
  };
  readonly Charts?: { ChartType: { readonly COLUMN: unknown; readonly COMBO: unknown; readonly SCATTER: unknown } };
}

export interface GasMenu {
  addItem(caption: string, functionName: string): GasMenu;
  addToUi(): void;
}

/** Values up to 9 KB each, 500 KB a store. */
export interface GasProperties {
  getProperty(key: string): string | null;
  getProperties(): Record<string, string>;
  setProperty(key: string, value: string): unknown;
  deleteProperty(key: string): unknown;
}
