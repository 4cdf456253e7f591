/**
 * The page's view of the workbook that lives in the Web Worker (engine/worker.ts, engine/engine-service.ts). The grid
 * draws synchronously, so what it reads comes from caches here: the workbook's state (sheets, sizes, columns, bold
 * rows, charts), sent by the worker after every change, and the cells of the blocks of rows the grid has shown,
 * fetched asynchronously. A cell not fetched yet is drawn blank and fetched; a block read before the last change is
 * drawn as it was until its fresh copy comes (so a 3-second recalculation shows the old values under a busy state,
 * never a frozen page). Edits, the panel's calls, import and export are requests; while one that changes the
 * workbook is running, `busy` is true.
 *
 * Requests carry ids and are answered once, with a value or an error (errors cross as values and are made again
 * here: an ImportError stays one, a PanelError keeps its message, from which the panel reads its code).
 */
import { ImportError, type ImportProblem } from '../io/import.js';
import type {
  Block,
  BlockStats,
  CellBlock,
  CellDetail,
  EngineAnswers,
  EngineCall,
  EngineMessage,
  EngineState,
  ErrorValue,
  HostMethod,
  ImportedName,
  Port,
  SheetState,
} from './protocol.js';
import type { CellInput, ColumnSpec, SheetInput } from './sheet-model.js';
import type { ActiveSelection, CellView } from './workbook.js';

/** The rows one block of cells covers. */
const BLOCK_ROWS = 64;
/** Blocks kept per sheet (the oldest fetched go first). */
const MAX_BLOCKS = 256;
/** Columns a block covers at least: the grid shows 26 columns on an empty sheet. */
const MIN_BLOCK_COLS = 26;

const EMPTY_VIEW: CellView = { text: '', input: '', kind: 'empty', formula: false, spilled: false };

/** The requests that change the workbook: while one runs, the page shows that it is busy. */
const CHANGING = new Set<string>([
  'openSample',
  'openSheets',
  'setInput',
  'setInputs',
  'edits',
  'clear',
  'undo',
  'redo',
  'addSheet',
  'removeSheet',
  'import',
]);
const CHANGING_HOST = new Set<HostMethod>(['apply', 'convertDates', 'undo', 'writeCustomerSheet']);

/** The channel to the worker, and how to stop it. */
export interface EnginePort extends Port {
  terminate(): void;
}

/** The error an answer carried, made again on this side. */
function errorFromValue(value: ErrorValue): Error {
  if (value.name === 'ImportError' && value.problem && value.fileName !== undefined) {
    return new ImportError(value.problem as ImportProblem, value.fileName, value.detail);
  }
  const error = new Error(value.message);
  error.name = value.name;
  return error;
}

interface Pending {
  readonly op: string;
  readonly changing: boolean;
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?(progress: unknown): void;
}

interface CachedBlock {
  data?: CellBlock;
  /** The version the block was last asked for at (no second request while one is on its way). */
  asked: number;
}

interface CachedQuery {
  value?: unknown;
  version: number;
  asked: number;
}

export class RemoteWorkbook {
  private readonly port: EnginePort;
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  private engine: EngineState | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly blocks = new Map<number, Map<number, CachedBlock>>();
  private readonly queries = new Map<string, CachedQuery>();
  /** The sheet switched to here, and the id of that request: the worker's state agrees once it has handled it. */
  private localActive: { name: string; id: number } | undefined;
  private changing = 0;
  private selected: ActiveSelection | undefined;
  private failure: Error | undefined;
  /** Bumped whenever anything the page shows changes (the worker's state, or cells that came in). */
  version = 0;

  constructor(port: EnginePort) {
    this.port = port;
    port.addEventListener('message', (event) => this.receive(event.data as EngineMessage));
  }

  /**
   * Opens a workbook in the worker behind `port` and answers once it is evaluated.
   *
   * @example const workbook = await RemoteWorkbook.open(new Worker(url, { type: 'module' }), { op: 'openSample', customers: 2000 })
   */
  static async open(
    port: EnginePort,
    call: Extract<EngineCall, { op: 'openSample' | 'openSheets' }>,
  ): Promise<RemoteWorkbook> {
    const workbook = new RemoteWorkbook(port);
    await workbook.request(call);
    return workbook;
  }

  /** The worker stopped (Cancel, or a crash): every request still waiting fails with `error`. */
  fail(error: Error): void {
    this.failure = error;
    for (const [id, waiting] of this.pending) {
      this.pending.delete(id);
      waiting.reject(error);
    }
    this.changing = 0;
    this.emit();
  }

  /** Stops the worker; the workbook in it is gone. */
  terminate(): void {
    this.port.terminate();
    this.fail(new Error('the workbook was closed'));
  }

  private receive(message: EngineMessage): void {
    if (message.kind === 'state') {
      this.setState(message.state);
      return;
    }
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    if (message.kind === 'progress') {
      waiting.onProgress?.(message.progress);
      return;
    }
    this.pending.delete(message.id);
    if (waiting.changing) this.changing--;
    if (message.ok) {
      if (waiting.op === 'openSample' || waiting.op === 'openSheets') this.setState(message.value as EngineState);
      waiting.resolve(message.value);
    } else {
      waiting.reject(errorFromValue(message.error));
    }
    this.emit();
  }

  private setState(state: EngineState): void {
    if (this.engine && state.version < this.engine.version) return;
    this.engine = state;
    if (this.localActive && state.handled >= this.localActive.id) this.localActive = undefined;
    for (const id of this.blocks.keys()) if (!state.sheets.some((s) => s.id === id)) this.blocks.delete(id);
    this.emit();
  }

  private emit(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the worker; answers with its value, or fails with its error. */
  request<K extends EngineCall['op']>(
    call: Extract<EngineCall, { op: K }>,
    onProgress?: (progress: unknown) => void,
  ): Promise<EngineAnswers[K]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    const changing =
      CHANGING.has(call.op) || (call.op === 'host' && CHANGING_HOST.has((call as { method: HostMethod }).method));
    return new Promise<EngineAnswers[K]>((resolve, reject) => {
      this.pending.set(id, {
        op: call.op,
        changing,
        resolve: resolve as (value: unknown) => void,
        reject,
        ...(onProgress ? { onProgress } : {}),
      });
      if (changing && this.changing++ === 0) this.emit();
      this.port.postMessage({ ...call, id });
    });
  }

  /** A request whose answer nobody waits for; a failure is reported on the console. */
  private send(call: EngineCall): void {
    this.request(call).catch((error: unknown) => console.error(error));
  }

  private get state(): EngineState {
    if (!this.engine) throw new Error('the workbook is not open yet');
    return this.engine;
  }

  /** True while a change (an edit and its recalculation, an import, the panel's apply) is running. */
  get busy(): boolean {
    return this.changing > 0;
  }

  /** True when no request is on its way: every change is made and every cell asked for has come. */
  get quiet(): boolean {
    return this.pending.size === 0;
  }

  /** Milliseconds the worker spent opening the workbook. */
  get openMs(): number {
    return this.state.openMs;
  }

  /** The sample workbook's size, when the sample is what is open. */
  get sample(): EngineState['sample'] {
    return this.state.sample;
  }

  get canUndo(): boolean {
    return this.state.canUndo;
  }

  get canRedo(): boolean {
    return this.state.canRedo;
  }

  private sheetState(sheet: number): SheetState | undefined {
    return this.state.sheets.find((s) => s.id === sheet);
  }

  sheetNames(): string[] {
    return this.state.sheets.map((s) => s.name);
  }

  /** The sheet whose tab is shown. */
  get activeSheet(): string {
    const names = this.sheetNames();
    const local = this.localActive?.name;
    return local !== undefined && names.includes(local) ? local : this.state.active;
  }

  setActiveSheet(name: string): void {
    this.sheetId(name);
    if (name === this.activeSheet) return;
    const id = this.next;
    this.localActive = { name, id };
    this.send({ op: 'setActiveSheet', name });
    this.emit();
  }

  sheetId(name: string): number {
    const found = this.state.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`no sheet named ${name}`);
    return found.id;
  }

  /** Rows and columns holding something. */
  dimensions(sheet: number): { rows: number; cols: number } {
    const found = this.sheetState(sheet);
    return { rows: found?.rows ?? 0, cols: found?.cols ?? 0 };
  }

  column(sheet: number, col: number): ColumnSpec | undefined {
    return this.sheetState(sheet)?.columns[col];
  }

  chart(name: string): SheetState['chart'] {
    return this.state.sheets.find((s) => s.name === name)?.chart;
  }

  hasHeaderRow(sheet: number): boolean {
    return this.sheetState(sheet)?.headerRow ?? false;
  }

  initialCell(sheet: number): { col: number; row: number } {
    return this.sheetState(sheet)?.initialCell ?? { col: 0, row: 0 };
  }

  frozenColumns(sheet: number): number {
    return this.sheetState(sheet)?.freezeColumns ?? 0;
  }

  isBoldRow(sheet: number, row: number): boolean {
    return this.sheetState(sheet)?.boldRows.includes(row) ?? false;
  }

  /** Set as the user moves; the worker's copy is what the side panel reads. */
  get selection(): ActiveSelection | undefined {
    return this.selected;
  }

  set selection(selection: ActiveSelection | undefined) {
    this.selected = selection;
    if (selection) this.send({ op: 'select', selection });
  }

  /** The cached block of rows holding `row`, fetched (again) when missing or older than the workbook. */
  private blockAt(sheet: number, row: number): CellBlock | undefined {
    const state = this.sheetState(sheet);
    if (!state) return undefined;
    let cache = this.blocks.get(sheet);
    if (!cache) this.blocks.set(sheet, (cache = new Map()));
    const index = Math.floor(row / BLOCK_ROWS);
    let cached = cache.get(index);
    if (!cached) {
      if (cache.size >= MAX_BLOCKS) cache.delete(cache.keys().next().value as number);
      cache.set(index, (cached = { asked: -1 }));
    }
    const version = this.state.version;
    const cols = Math.max(MIN_BLOCK_COLS, state.cols + 4);
    const fresh = cached.data && cached.data.version >= version && cached.data.block.cols >= cols;
    if (!fresh && cached.asked < version) {
      cached.asked = version;
      const entry = cached;
      const block: Block = { row: index * BLOCK_ROWS, col: 0, rows: BLOCK_ROWS, cols };
      this.request({ op: 'cells', sheet, block }).then(
        (data) => {
          if (!entry.data || data.version >= entry.data.version) entry.data = data;
          this.emit();
        },
        () => {
          entry.asked = -1;
        },
      );
    }
    return cached.data;
  }

  /** One cell as shown (blank until its block has come). */
  view(sheet: number, row: number, col: number): CellView {
    const block = this.blockAt(sheet, row);
    return block?.views[row - block.block.row]?.[col] ?? EMPTY_VIEW;
  }

  /** A cell's fill colour, or null. */
  background(sheet: number, row: number, col: number): string | null {
    const block = this.blockAt(sheet, row);
    return block?.fills[row - block.block.row]?.[col] ?? null;
  }

  /** An answer kept by key, asked again once the workbook has changed; undefined until it first comes. */
  private query<K extends 'detail' | 'stats' | 'values'>(
    key: string,
    call: Extract<EngineCall, { op: K }>,
  ): EngineAnswers[K] | undefined {
    const version = this.state.version;
    let cached = this.queries.get(key);
    if (!cached) {
      if (this.queries.size > 64) this.queries.clear();
      this.queries.set(key, (cached = { version: -1, asked: -1 }));
    }
    if (cached.version < version && cached.asked < version) {
      cached.asked = version;
      const entry = cached;
      this.request(call).then(
        (value) => {
          entry.value = value;
          entry.version = this.state.version;
          this.emit();
        },
        () => {
          entry.asked = -1;
        },
      );
    }
    return cached.value as EngineAnswers[K] | undefined;
  }

  /** The selected cell for the formula bar: its view, and the formula of the spilled answer it is part of. */
  detail(sheet: number, row: number, col: number): CellDetail | undefined {
    return this.query(`detail:${sheet}:${row}:${col}`, { op: 'detail', sheet, row, col });
  }

  /** Sum, count and average of the numbers in a block (the status bar). */
  stats(sheet: number, row: number, col: number, rows: number, cols: number): BlockStats | undefined {
    if (rows * cols <= 1) return undefined;
    const block = { row, col, rows, cols };
    return this.query(`stats:${sheet}:${row}:${col}:${rows}:${cols}`, { op: 'stats', sheet, block }) ?? undefined;
  }

  /** The computed values of a block (a chart's source), errors as `{ code, message }`. */
  values(sheetName: string, block: Block): unknown[][] | undefined {
    const { row, col, rows, cols } = block;
    return this.query(`values:${sheetName}:${row}:${col}:${rows}:${cols}`, { op: 'values', sheet: sheetName, block });
  }

  /** The values of the block a sheet's chart is drawn from; undefined without a chart or while they are on their way. */
  chartBlock(sheetName: string): unknown[][] | undefined {
    const chart = this.chart(sheetName);
    return chart ? this.values(sheetName, chart.source) : undefined;
  }

  /** The computed values of a block (errors as `{ code, message }`), once every change asked before has been made. */
  valuesOf(sheetName: string, row: number, col: number, rows: number, cols: number): Promise<unknown[][]> {
    return this.request({ op: 'values', sheet: sheetName, block: { row, col, rows, cols } });
  }

  /** What the cells of a block show, once every change asked before has been made. */
  async textsOf(sheetName: string, row: number, col: number, rows: number, cols: number): Promise<string[][]> {
    const sheet = this.sheetId(sheetName);
    const cells = await this.request({ op: 'cells', sheet, block: { row, col, rows, cols } });
    return cells.views.map((line) => line.map((view) => view.text));
  }

  /** Which cells of a block hold a formula. */
  formulasOf(sheetName: string, row: number, col: number, rows: number, cols: number): Promise<boolean[][]> {
    return this.request({ op: 'formulas', sheet: sheetName, block: { row, col, rows, cols } });
  }

  /** The fills of a block. */
  async fillsOf(sheetName: string, row: number, col: number, rows: number, cols: number): Promise<(string | null)[][]> {
    const sheet = this.sheetId(sheetName);
    const cells = await this.request({ op: 'cells', sheet, block: { row, col, rows, cols } });
    return cells.fills.map((line) => [...line]);
  }

  /** A sheet's width and height (HyperFormula's dimensions) once every change asked before has been made. */
  async sheetSize(sheetName: string): Promise<{ width: number; height: number }> {
    await this.idle();
    const { rows, cols } = this.dimensions(this.sheetId(sheetName));
    return { width: cols, height: rows };
  }

  /** Answers once the worker has handled every request sent before (the state is then current). */
  async idle(): Promise<void> {
    await this.request({ op: 'ping' });
  }

  /** The cell shows what was typed at once; its value follows the recalculation. */
  private showTyped(sheet: number, row: number, col: number, input: string): void {
    const block = this.blocks.get(sheet)?.get(Math.floor(row / BLOCK_ROWS))?.data;
    const line = block?.views[row - (block?.block.row ?? 0)];
    if (!block || !line || col >= line.length || input.startsWith('=')) return;
    const views = block.views.map((l) => [...l]);
    const target = views[row - block.block.row];
    if (target) target[col] = { ...EMPTY_VIEW, text: input, input, kind: input === '' ? 'empty' : 'text' };
    const entry = this.blocks.get(sheet)?.get(Math.floor(row / BLOCK_ROWS));
    if (entry) entry.data = { ...block, views };
    this.emit();
  }

  setInput(sheet: number, row: number, col: number, input: string): Promise<null> {
    const done = this.request({ op: 'setInput', sheet, row, col, input });
    this.showTyped(sheet, row, col, input);
    return done;
  }

  setInputs(sheet: number, row: number, col: number, cells: readonly (readonly CellInput[])[]): Promise<null> {
    return this.request({ op: 'setInputs', sheet, row, col, cells });
  }

  /** Several typed cells in one recalculation. */
  editCells(sheet: number, edits: readonly { row: number; col: number; input: string }[]): Promise<null> {
    return this.request({ op: 'edits', sheet, edits });
  }

  clear(sheet: number, row: number, col: number, rows: number, cols: number): Promise<null> {
    return this.request({ op: 'clear', sheet, block: { row, col, rows, cols } });
  }

  setColumnWidth(sheet: number, col: number, width: number): void {
    // The new width shows at once; the worker keeps it with the workbook.
    const state = this.sheetState(sheet);
    if (state) {
      const columns = [...state.columns];
      columns[col] = { ...columns[col], width };
      this.engine = {
        ...this.state,
        sheets: this.state.sheets.map((s) => (s.id === sheet ? { ...s, columns } : s)),
      };
      this.emit();
    }
    this.send({ op: 'setColumnWidth', sheet, col, width });
  }

  undo(): Promise<boolean> {
    return this.request({ op: 'undo' });
  }

  redo(): Promise<boolean> {
    return this.request({ op: 'redo' });
  }

  /** Adds a sheet (its name made unique); answers its name. */
  addSheet(sheet: SheetInput): Promise<string> {
    return this.request({ op: 'addSheet', sheet });
  }

  removeSheet(name: string): Promise<null> {
    return this.request({ op: 'removeSheet', name });
  }

  /** Reads a CSV, text or XLSX file in the worker and adds its sheets. */
  importFile(file: Blob, name: string): Promise<readonly ImportedName[]> {
    return this.request({ op: 'import', file, name });
  }

  /** The workbook as an XLSX file. */
  exportXlsx(): Promise<ArrayBuffer> {
    return this.request({ op: 'export' });
  }

  /** One of the panel host's calls, run in the worker against its workbook. */
  host(method: HostMethod, args: readonly unknown[], onProgress?: (progress: unknown) => void): Promise<unknown> {
    return this.request({ op: 'host', method, args }, onProgress);
  }

  /**
   * The panel's apply (or its customer sheet write) with its progress and its Cancel (the abort reaches the worker
   * between the engine's steps).
   */
  hostApply(
    request: unknown,
    onProgress: (progress: unknown) => void,
    signal: AbortSignal,
    method: 'apply' | 'writeCustomerSheet' = 'apply',
  ): Promise<unknown> {
    const id = this.next;
    const answer = this.host(method, [request], onProgress);
    const abort = (): void => this.send({ op: 'abort', target: id });
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
    return answer.finally(() => signal.removeEventListener('abort', abort));
  }
}
