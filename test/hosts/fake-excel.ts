/**
 * A fake of the Excel JavaScript API surface the side panel uses (addin/excel-api.ts), over in-memory sheets, that
 * behaves as Excel on the web does where it matters to us:
 * - nothing happens until `sync()`; a property read before it was loaded and synced throws;
 * - a request (queued writes) or a response (loaded data) over 5 MB is refused whole, as
 *   RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded;
 * - text written into a cell whose number format is not `@` is parsed: `=…` becomes a formula;
 * - every `sync()` is counted, and one can be made to fail to test recovery.
 */
import type {
  CellFill,
  ExcelContext,
  ExcelRange,
  ExcelRun,
  ExcelValue,
  ExcelWorksheet,
} from '../../addin/excel-api.js';

export const EXCEL_WEB_LIMIT = 5 * 1024 * 1024;
const OP_OVERHEAD = 60;

interface Cell {
  value: ExcelValue;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
}

const blank = (): Cell => ({ value: '', formula: null, numberFormat: 'General', fill: null });

export class FakeSheet {
  readonly cells = new Map<string, Cell>();
  readonly charts: { type: string; title: string }[] = [];
  constructor(public name: string) {}

  cell(row: number, col: number): Cell {
    const key = `${row},${col}`;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = blank()));
    return cell;
  }

  peek(row: number, col: number): Cell {
    return this.cells.get(`${row},${col}`) ?? blank();
  }

  /** Sets cells from rows of values, as a user typing them. */
  fill(rows: readonly (readonly ExcelValue[])[], top = 0, left = 0): void {
    rows.forEach((line, r) => line.forEach((v, c) => (this.cell(top + r, left + c).value = v)));
  }

  used(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    for (const [key, cell] of this.cells) {
      if (cell.value === '' && cell.formula === null) continue;
      const [r, c] = key.split(',').map(Number) as [number, number];
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    return { rows, cols };
  }

  /** Every cell's full state, for comparing before and after. */
  dump(): Record<string, Cell> {
    const out: Record<string, Cell> = {};
    for (const [key, cell] of [...this.cells].sort()) {
      if (cell.value === '' && cell.formula === null && cell.fill === null && cell.numberFormat === 'General') continue;
      out[key] = { ...cell };
    }
    return out;
  }
}

export interface FakeExcelStats {
  syncs: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  calculationSuspensions: number;
}

export class FakeExcel {
  readonly sheets = new Map<string, FakeSheet>();
  readonly stats: FakeExcelStats = {
    syncs: 0,
    largestRequestBytes: 0,
    largestResponseBytes: 0,
    calculationSuspensions: 0,
  };
  active: string;
  selection = { row: 0, col: 0, rows: 1, cols: 1 };
  /** When set, the sync with this number (1-based, counting from now) fails before it is applied. */
  failAtSync: number | undefined;

  constructor(...names: string[]) {
    for (const name of names) this.sheets.set(name, new FakeSheet(name));
    this.active = names[0] ?? 'Sheet1';
  }

  sheet(name: string): FakeSheet {
    const sheet = this.sheets.get(name);
    if (!sheet) throw Object.assign(new Error(`ItemNotFound: ${name}`), { code: 'ItemNotFound' });
    return sheet;
  }

  readonly run: ExcelRun = async (batch) => batch(new FakeContext(this) as unknown as ExcelContext);
}

type Op = { bytes: number; apply: () => void };
type Load = { bytes: () => number; apply: () => void };

class FakeContext {
  private ops: Op[] = [];
  private loads: Load[] = [];
  constructor(readonly excel: FakeExcel) {}

  queue(bytes: number, apply: () => void): void {
    this.ops.push({ bytes: bytes + OP_OVERHEAD, apply });
  }

  loadLater(load: Load): void {
    this.loads.push(load);
  }

  readonly application = {
    suspendApiCalculationUntilNextSync: (): void => this.queue(0, () => this.excel.stats.calculationSuspensions++),
  };

  get workbook() {
    const excel = this.excel;
    return {
      worksheets: {
        getItem: (name: string) => new FakeWorksheet(this, () => excel.sheet(name)),
        getItemOrNullObject: (name: string) =>
          Object.assign(new FakeWorksheet(this, () => excel.sheet(name)), { isNullObject: !excel.sheets.has(name) }),
        getActiveWorksheet: () => new FakeWorksheet(this, () => excel.sheet(excel.active)),
        add: (name: string) => {
          this.queue(name.length, () => excel.sheets.set(name, new FakeSheet(name)));
          return new FakeWorksheet(this, () => excel.sheet(name), name);
        },
      },
      getSelectedRange: () => {
        const s = excel.selection;
        return new FakeRange(this, () => excel.sheet(excel.active), s.row, s.col, s.rows, s.cols);
      },
    };
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    const loads = this.loads;
    this.ops = [];
    this.loads = [];
    const stats = this.excel.stats;
    stats.syncs++;
    if (this.excel.failAtSync !== undefined && --this.excel.failAtSync <= 0) {
      this.excel.failAtSync = undefined;
      throw Object.assign(new Error('GeneralException: injected failure'), { code: 'GeneralException' });
    }
    const request = ops.reduce((sum, op) => sum + op.bytes, 0) + loads.length * OP_OVERHEAD;
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, request);
    if (request > EXCEL_WEB_LIMIT)
      throw Object.assign(new Error(`RequestPayloadSizeLimitExceeded: ${request} bytes`), {
        code: 'RequestPayloadSizeLimitExceeded',
      });
    for (const op of ops) op.apply();
    const response = loads.reduce((sum, load) => sum + load.bytes(), 0);
    stats.largestResponseBytes = Math.max(stats.largestResponseBytes, response);
    if (response > EXCEL_WEB_LIMIT)
      throw Object.assign(new Error(`ResponsePayloadSizeLimitExceeded: ${response} bytes`), {
        code: 'ResponsePayloadSizeLimitExceeded',
      });
    for (const load of loads) load.apply();
  }
}

class FakeWorksheet {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly knownName?: string,
  ) {}

  get name(): string {
    return this.knownName ?? this.sheet().name;
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): ExcelRange {
    return new FakeRange(this.context, this.sheet, row, col, rows, cols) as unknown as ExcelRange;
  }

  getUsedRangeOrNullObject(): ExcelRange & { isNullObject: boolean } {
    const range = new FakeRange(this.context, this.sheet, 0, 0, 0, 0, true);
    return range as unknown as ExcelRange & { isNullObject: boolean };
  }

  load(): this {
    return this;
  }

  delete(): void {
    this.context.queue(0, () => this.context.excel.sheets.delete(this.name));
  }

  get charts() {
    return {
      add: (type: string) => {
        const chart = { type, title: '' };
        this.context.queue(100, () => this.sheet().charts.push(chart));
        return {
          title: {
            set text(value: string) {
              chart.title = value;
            },
            get text() {
              return chart.title;
            },
          },
          setPosition: () => undefined,
        };
      },
    };
  }
}

function parse(text: string, cell: Cell): void {
  if (cell.numberFormat !== '@' && text.startsWith('=')) {
    cell.formula = text;
    cell.value = 0;
  } else {
    cell.formula = null;
    cell.value = text;
  }
}

class FakeRange {
  private loaded = new Set<string>();
  private data: Record<string, unknown> = {};
  isNullObject = false;

  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => FakeSheet,
    private row: number,
    private col: number,
    private rows: number,
    private cols: number,
    private readonly usedRange = false,
  ) {}

  private grid<T>(pick: (cell: Cell) => T): T[][] {
    const sheet = this.sheet();
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.cols }, (_, c) => pick(sheet.peek(this.row + r, this.col + c))),
    );
  }

  private get(name: string): unknown {
    if (!this.loaded.has(name))
      throw Object.assign(new Error(`PropertyNotLoaded: ${name}`), { code: 'PropertyNotLoaded' });
    return this.data[name];
  }

  private set(cells: unknown[][], write: (cell: Cell, value: unknown) => void): void {
    this.context.queue(JSON.stringify(cells).length, () => {
      const sheet = this.sheet();
      cells.forEach((line, r) => line.forEach((v, c) => write(sheet.cell(this.row + r, this.col + c), v)));
    });
  }

  get values(): ExcelValue[][] {
    return this.get('values') as ExcelValue[][];
  }
  set values(cells: ExcelValue[][]) {
    this.set(cells, (cell, v) =>
      typeof v === 'string' ? parse(v, cell) : ((cell.value = v as ExcelValue), (cell.formula = null)),
    );
  }
  get formulas(): ExcelValue[][] {
    return this.get('formulas') as ExcelValue[][];
  }
  set formulas(cells: ExcelValue[][]) {
    this.values = cells;
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat') as string[][];
  }
  set numberFormat(cells: string[][]) {
    this.set(cells, (cell, v) => (cell.numberFormat = String(v)));
  }
  get rowIndex(): number {
    return this.get('rowIndex') as number;
  }
  get columnIndex(): number {
    return this.get('columnIndex') as number;
  }
  get rowCount(): number {
    return this.get('rowCount') as number;
  }
  get columnCount(): number {
    return this.get('columnCount') as number;
  }

  get format() {
    const queue = (bytes: number, apply: () => void): void => this.context.queue(bytes, apply);
    const each = (visit: (cell: Cell) => void): void => this.forEach(visit);
    return {
      fill: {
        set color(color: string) {
          queue(color.length + 40, () => each((cell) => (cell.fill = color.toLowerCase())));
        },
        get color(): string {
          throw new Error('PropertyNotLoaded: format/fill/color');
        },
        clear: () => queue(40, () => each((cell) => (cell.fill = null))),
      },
    };
  }

  private forEach(visit: (cell: Cell) => void): void {
    const sheet = this.sheet();
    for (let r = 0; r < this.rows; r++)
      for (let c = 0; c < this.cols; c++) visit(sheet.cell(this.row + r, this.col + c));
  }

  load(properties: string): this {
    const names = properties.split(',').map((p) => p.trim());
    let snapshot: Record<string, unknown> = {};
    this.context.loadLater({
      bytes: () => {
        if (this.usedRange) {
          const { rows, cols } = this.sheet().used();
          this.isNullObject = rows === 0;
          Object.assign(this, { rows, cols });
        }
        snapshot = {};
        for (const name of names) {
          if (name === 'values') snapshot.values = this.grid((c) => c.value);
          else if (name === 'formulas') snapshot.formulas = this.grid((c) => c.formula ?? c.value);
          else if (name === 'numberFormat') snapshot.numberFormat = this.grid((c) => c.numberFormat);
          else if (name === 'rowIndex') snapshot.rowIndex = this.row;
          else if (name === 'columnIndex') snapshot.columnIndex = this.col;
          else if (name === 'rowCount') snapshot.rowCount = this.rows;
          else if (name === 'columnCount') snapshot.columnCount = this.cols;
        }
        return JSON.stringify(snapshot).length;
      },
      apply: () => {
        for (const name of names) this.loaded.add(name);
        Object.assign(this.data, snapshot);
      },
    });
    return this;
  }

  getCellProperties(): { readonly value: CellFill[][] } {
    const result: { value: CellFill[][] } = { value: [] };
    let cells: CellFill[][] = [];
    this.context.loadLater({
      bytes: () => {
        cells = this.grid((c) => ({
          format: { fill: { color: (c.fill ?? '#FFFFFF').toUpperCase(), pattern: c.fill ? 'Solid' : 'None' } },
        }));
        return JSON.stringify(cells).length;
      },
      apply: () => {
        result.value = cells;
      },
    });
    return result;
  }
}

export type { ExcelWorksheet };
