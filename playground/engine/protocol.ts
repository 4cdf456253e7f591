/**
 * The messages between the page and the workbook's Web Worker (engine/worker.ts). The page asks with a request
 * carrying an id; the worker answers each id once, with a value or an error as a value (never a throw across the
 * boundary). Between answers the worker sends the workbook's state (sheets, sizes, what the grid needs to lay out)
 * whenever it changed, and the progress of a panel apply. Everything here is plain data (structured clone).
 */
import type { SummaryChart } from '../../core/engine/summary-sheet.js';
import type { ImportSummary } from '../io/import.js';
import type { CellInput, ColumnSpec, SheetInput } from './sheet-model.js';
import type { ActiveSelection, CellView } from './workbook.js';

/** A block of cells, 0-based. */
export interface Block {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** The panel host's calls the worker runs (playground/panel/host.ts over the worker's workbook). */
export type HostMethod =
  'detectTable' | 'preview' | 'apply' | 'convertDates' | 'lastApply' | 'undo' | 'writeCustomerSheet';

/** What the page may ask; `answer` is the type of the value it gets back. */
export type EngineCall =
  | { readonly op: 'openSample'; readonly customers: number }
  | { readonly op: 'openSheets'; readonly sheets: readonly SheetInput[] }
  | { readonly op: 'cells'; readonly sheet: number; readonly block: Block }
  | { readonly op: 'values'; readonly sheet: string; readonly block: Block }
  | { readonly op: 'formulas'; readonly sheet: string; readonly block: Block }
  | { readonly op: 'detail'; readonly sheet: number; readonly row: number; readonly col: number }
  | { readonly op: 'stats'; readonly sheet: number; readonly block: Block }
  | {
      readonly op: 'setInput';
      readonly sheet: number;
      readonly row: number;
      readonly col: number;
      readonly input: string;
    }
  | {
      readonly op: 'setInputs';
      readonly sheet: number;
      readonly row: number;
      readonly col: number;
      readonly cells: readonly (readonly CellInput[])[];
    }
  | {
      readonly op: 'edits';
      readonly sheet: number;
      readonly edits: readonly { readonly row: number; readonly col: number; readonly input: string }[];
    }
  | { readonly op: 'clear'; readonly sheet: number; readonly block: Block }
  | { readonly op: 'setColumnWidth'; readonly sheet: number; readonly col: number; readonly width: number }
  | { readonly op: 'setActiveSheet'; readonly name: string }
  | { readonly op: 'select'; readonly selection: ActiveSelection }
  | { readonly op: 'undo' }
  | { readonly op: 'redo' }
  | { readonly op: 'addSheet'; readonly sheet: SheetInput }
  | { readonly op: 'removeSheet'; readonly name: string }
  | { readonly op: 'import'; readonly file: Blob; readonly name: string }
  | { readonly op: 'export' }
  | { readonly op: 'host'; readonly method: HostMethod; readonly args: readonly unknown[] }
  | { readonly op: 'abort'; readonly target: number }
  | { readonly op: 'ping' };

/** The value each call answers with. */
export interface EngineAnswers {
  openSample: EngineState;
  openSheets: EngineState;
  cells: CellBlock;
  /** Errors as `{ code, message }`. */
  values: unknown[][];
  formulas: boolean[][];
  detail: CellDetail;
  stats: BlockStats | null;
  setInput: null;
  setInputs: null;
  edits: null;
  clear: null;
  setColumnWidth: null;
  setActiveSheet: null;
  select: null;
  undo: boolean;
  redo: boolean;
  addSheet: string;
  removeSheet: null;
  import: readonly ImportedName[];
  export: ArrayBuffer;
  host: unknown;
  abort: null;
  ping: null;
}

/** An imported sheet as added: its name in the workbook and what was found in the file. */
export interface ImportedName {
  readonly name: string;
  readonly summary: ImportSummary;
}

/** A block of cells as the grid draws them: views and fills, row by row. */
export interface CellBlock {
  /** The workbook's version the block was read at. */
  readonly version: number;
  readonly block: Block;
  readonly views: readonly (readonly CellView[])[];
  readonly fills: readonly (readonly (string | null)[])[];
}

/** One cell for the formula bar: its view and, for a cell of a spilled answer, where the formula is. */
export interface CellDetail {
  readonly view: CellView;
  readonly anchor?: { readonly row: number; readonly col: number; readonly input: string };
}

export interface BlockStats {
  readonly count: number;
  readonly numbers: number;
  readonly sum: number;
}

/** One sheet as the page lays it out. */
export interface SheetState {
  readonly id: number;
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  readonly columns: readonly (ColumnSpec | undefined)[];
  readonly headerRow: boolean;
  readonly boldRows: readonly number[];
  readonly freezeColumns: number;
  readonly initialCell: { readonly col: number; readonly row: number };
  readonly chart?: SummaryChart;
}

/** The workbook's state as the worker sends it after every change. */
export interface EngineState {
  /** The workbook's version (bumped on every change). */
  readonly version: number;
  /** The id of the last request the worker had handled when it sent this. */
  readonly handled: number;
  readonly active: string;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly sheets: readonly SheetState[];
  /** Milliseconds the worker spent opening the workbook (building and evaluating it). */
  readonly openMs: number;
  /** The sample workbook's size, when the sample is what was opened. */
  readonly sample?: { readonly customers: number; readonly orders: number };
}

/** An error carried as a value: enough to make the same error again on the page. */
export interface ErrorValue {
  readonly name: string;
  readonly message: string;
  /** An ImportError's fields. */
  readonly problem?: string;
  readonly fileName?: string;
  readonly detail?: string;
}

export type EngineRequest = EngineCall & { readonly id: number };

/** What the worker sends. */
export type EngineMessage =
  | { readonly kind: 'answer'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly kind: 'answer'; readonly id: number; readonly ok: false; readonly error: ErrorValue }
  | { readonly kind: 'state'; readonly state: EngineState }
  | { readonly kind: 'progress'; readonly id: number; readonly progress: unknown };

/** Either end of the channel: a Worker, the worker's global scope, or a MessagePort. */
export interface Port {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
