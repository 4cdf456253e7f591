/**
 * A fake of the Apps Script services the Sheets side panel's server uses (SpreadsheetApp, HtmlService, LockService,
 * CacheService, PropertiesService, Charts), over in-memory sheets. It counts every range call by kind (reads,
 * writes, copies, checks) and parses what setValues writes as Sheets does: a leading apostrophe makes text (and is
 * dropped), a leading `=` makes a formula, numeric text becomes a number.
 */
import { regionAround } from '../../core/engine/table.js';

type Value = string | number | boolean | Date;

interface Cell {
  value: Value;
  formula: string | null;
  numberFormat: string;
  background: string | null;
}

const blank = (): Cell => ({ value: '', formula: null, numberFormat: '', background: null });

export const READS = ['getValues', 'getValue', 'getFormulas', 'getBackgrounds', 'getNumberFormats', 'getDisplayValues'];
export const WRITES = ['setValues', 'setValue', 'setBackgrounds', 'setBackground', 'setFormulas', 'setNumberFormats'];

export class Calls {
  readonly byName = new Map<string, number>();
  count(name: string): void {
    this.byName.set(name, (this.byName.get(name) ?? 0) + 1);
  }
  reset(): void {
    this.byName.clear();
  }
  private sum(names: readonly string[]): number {
    return names.reduce((s, n) => s + (this.byName.get(n) ?? 0), 0);
  }
  get reads(): number {
    return this.sum(READS);
  }
  get writes(): number {
    return this.sum(WRITES);
  }
  get copies(): number {
    return this.sum(['copyTo']);
  }
  get checks(): number {
    return this.sum(['isBlank']);
  }
}

/** How Sheets reads a string written with setValues. */
export function parseAsSheets(text: string): { value: Value; formula: string | null } {
  if (text.startsWith("'")) return { value: text.slice(1), formula: null };
  if (text.startsWith('=')) return { value: 0, formula: text };
  if (/^[-+]?\d+(\.\d+)?$/.test(text.trim())) return { value: Number(text), formula: null };
  return { value: text, formula: null };
}

export class FakeGSheet {
  readonly cells = new Map<string, Cell>();
  readonly charts: unknown[] = [];
  hidden = false;
  active = { row: 1, col: 1, rows: 1, cols: 1 };

  constructor(
    private name: string,
    readonly calls: Calls,
  ) {}

  getName(): string {
    return this.name;
  }

  cell(row: number, col: number): Cell {
    const key = `${row},${col}`;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = blank()));
    return cell;
  }

  peek(row: number, col: number): Cell {
    return this.cells.get(`${row},${col}`) ?? blank();
  }

  /** Puts values in from (1, 1) as a user typing them (0-based rows of the array). */
  fill(rows: readonly (readonly Value[])[]): void {
    rows.forEach((line, r) => line.forEach((v, c) => (this.cell(r + 1, c + 1).value = v)));
  }

  dump(): Record<string, Cell> {
    const out: Record<string, Cell> = {};
    for (const [key, cell] of [...this.cells].sort()) {
      if (cell.value === '' && !cell.formula && !cell.background && !cell.numberFormat) continue;
      out[key] = { ...cell, value: cell.value instanceof Date ? new Date(cell.value.getTime()) : cell.value };
    }
    return out;
  }

  getRange(row: number, col: number, rows = 1, cols = 1): FakeGRange {
    return new FakeGRange(this, row, col, rows, cols);
  }

  getActiveRange(): FakeGRange {
    return this.getRange(this.active.row, this.active.col, this.active.rows, this.active.cols);
  }

  getActiveCell(): FakeGRange {
    return this.getRange(this.active.row, this.active.col);
  }

  getMaxRows(): number {
    return 1_000_000;
  }

  getMaxColumns(): number {
    return 18_278;
  }

  hideSheet(): this {
    this.hidden = true;
    return this;
  }

  newChart() {
    const chart: Record<string, unknown> = {};
    const builder = {
      setChartType: (type: unknown) => ((chart.type = type), builder),
      addRange: (range: unknown) => ((chart.range = range), builder),
      setPosition: () => builder,
      setOption: (name: string, value: unknown) => ((chart[name] = value), builder),
      build: () => chart,
    };
    return builder;
  }

  insertChart(chart: unknown): void {
    this.charts.push(chart);
  }

  /** The used block as values, 0-based (for the data region). */
  grid(): (string | number | boolean | null)[][] {
    let rows = 0;
    let cols = 0;
    for (const key of this.cells.keys()) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    }
    return Array.from({ length: rows + 1 }, (_, r) =>
      Array.from({ length: cols + 1 }, (_, c) => {
        const cell = this.peek(r + 1, c + 1);
        return cell.value === '' && !cell.formula ? null : cell.value instanceof Date ? 1 : cell.value;
      }),
    );
  }
}

export class FakeGRange {
  constructor(
    readonly sheet: FakeGSheet,
    private readonly row: number,
    private readonly col: number,
    private readonly rows: number,
    private readonly cols: number,
  ) {}

  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.rows;
  }
  getNumColumns(): number {
    return this.cols;
  }

  private map<T>(pick: (cell: Cell) => T): T[][] {
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.cols }, (_, c) => pick(this.sheet.peek(this.row + r, this.col + c))),
    );
  }

  private each(grid: readonly (readonly unknown[])[], name: string, set: (cell: Cell, v: unknown) => void): this {
    if (grid.length !== this.rows || grid.some((line) => line.length !== this.cols))
      throw new Error(`${name}: the data has ${grid.length} rows but the range has ${this.rows}`);
    grid.forEach((line, r) => line.forEach((v, c) => set(this.sheet.cell(this.row + r, this.col + c), v)));
    return this;
  }

  getValues(): Value[][] {
    this.sheet.calls.count('getValues');
    return this.map((cell) => (cell.value instanceof Date ? new Date(cell.value.getTime()) : cell.value));
  }

  getFormulas(): string[][] {
    this.sheet.calls.count('getFormulas');
    return this.map((cell) => cell.formula ?? '');
  }

  getBackgrounds(): string[][] {
    this.sheet.calls.count('getBackgrounds');
    return this.map((cell) => cell.background ?? '#ffffff');
  }

  setValues(values: unknown[][]): this {
    this.sheet.calls.count('setValues');
    return this.each(values, 'setValues', (cell, v) => {
      if (typeof v === 'string') Object.assign(cell, parseAsSheets(v));
      else Object.assign(cell, { value: v ?? '', formula: null });
    });
  }

  setBackgrounds(colors: (string | null)[][]): this {
    this.sheet.calls.count('setBackgrounds');
    return this.each(colors, 'setBackgrounds', (cell, v) => (cell.background = (v as string | null) ?? null));
  }

  setNumberFormats(formats: string[][]): this {
    this.sheet.calls.count('setNumberFormats');
    return this.each(formats, 'setNumberFormats', (cell, v) => (cell.numberFormat = String(v)));
  }

  isBlank(): boolean {
    this.sheet.calls.count('isBlank');
    return this.map((cell) => cell.value === '' && !cell.formula).every((line) => line.every(Boolean));
  }

  copyTo(destination: FakeGRange): void {
    this.sheet.calls.count('copyTo');
    const copies = this.map((cell) => ({ ...cell }));
    copies.forEach((line, r) =>
      line.forEach((cell, c) => Object.assign(destination.sheet.cell(destination.row + r, destination.col + c), cell)),
    );
  }

  getDataRegion(): FakeGRange {
    const region = regionAround(this.sheet.grid(), this.row - 1, this.col - 1);
    return new FakeGRange(this.sheet, region.row + 1, region.col + 1, region.rows, region.cols);
  }
}

class FakeProperties {
  readonly map = new Map<string, string>();
  getProperty(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setProperty(key: string, value: string): this {
    if (value.length > 9 * 1024) throw new Error(`property ${key} is over 9 KB`);
    this.map.set(key, value);
    return this;
  }
  deleteProperty(key: string): this {
    this.map.delete(key);
    return this;
  }
}

export class FakeSpreadsheetApp {
  readonly calls = new Calls();
  readonly sheets: FakeGSheet[] = [];
  active: FakeGSheet;
  readonly menu: string[] = [];
  readonly sidebars: unknown[] = [];
  readonly cache = new Map<string, string>();
  /** Called on every cache put (tests use it to cancel a run from its progress). */
  onCachePut: ((key: string, value: string) => void) | undefined;
  readonly documentProperties = new FakeProperties();
  readonly userProperties = new FakeProperties();

  constructor(...names: string[]) {
    for (const name of names.length ? names : ['Sheet1']) this.sheets.push(new FakeGSheet(name, this.calls));
    this.active = this.sheets[0] as FakeGSheet;
  }

  sheet(name: string): FakeGSheet {
    const sheet = this.sheets.find((s) => s.getName() === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  /** The Apps Script globals, for loading Code.js. */
  globals(): Record<string, unknown> {
    const spreadsheet = {
      getActiveSheet: () => this.active,
      getSheetByName: (name: string) => this.sheets.find((s) => s.getName() === name) ?? null,
      insertSheet: (name: string) => {
        if (this.sheets.some((s) => s.getName() === name)) throw new Error(`A sheet named ${name} already exists.`);
        const sheet = new FakeGSheet(name, this.calls);
        this.sheets.push(sheet);
        return sheet;
      },
      deleteSheet: (sheet: FakeGSheet) => {
        const i = this.sheets.indexOf(sheet);
        if (i >= 0) this.sheets.splice(i, 1);
      },
      getSpreadsheetTimeZone: () => 'Asia/Ho_Chi_Minh',
    };
    const menu = {
      addItem: (caption: string, fn: string) => (this.menu.push(`${caption} → ${fn}`), menu),
      addToUi: () => undefined,
    };
    return {
      SpreadsheetApp: {
        getActiveSpreadsheet: () => spreadsheet,
        getUi: () => ({
          createAddonMenu: () => menu,
          createMenu: () => menu,
          showSidebar: (output: unknown) => this.sidebars.push(output),
        }),
      },
      HtmlService: {
        createHtmlOutputFromFile: (file: string) => ({ file, setTitle: (title: string) => ({ file, title }) }),
      },
      LockService: { getDocumentLock: () => ({ waitLock: () => undefined, releaseLock: () => undefined }) },
      CacheService: {
        getUserCache: () => ({
          get: (key: string) => this.cache.get(key) ?? null,
          put: (key: string, value: string) => {
            this.cache.set(key, value);
            this.onCachePut?.(key, value);
          },
          remove: (key: string) => this.cache.delete(key),
        }),
      },
      PropertiesService: {
        getDocumentProperties: () => this.documentProperties,
        getUserProperties: () => this.userProperties,
      },
      Charts: { ChartType: { COLUMN: 'COLUMN' } },
    };
  }
}
