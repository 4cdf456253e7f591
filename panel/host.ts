/**
 * What the side panel asks of the spreadsheet it runs in. Excel (task pane, Excel JS API), Google Sheets (sidebar,
 * through `google.script.run` to the server) and the playground (in-page workbook) each implement it; the panel
 * never sees a host. Everything that crosses it is plain JSON data, because in Sheets it crosses the sidebar bridge.
 */
import type { Lang } from '../core/labels.js';
import type { Plan } from '../core/engine/plan.js';
import type { Progress } from '../core/engine/apply.js';
import type { ConvertDatesRequest } from '../core/engine/convert.js';
import type { PreviewResult } from '../core/engine/preview.js';
import type { TableInfo } from '../core/engine/table.js';
import type { RecordedAction } from '../core/engine/undo-record.js';
import type { CustomerTable } from './order-file/customer-table.js';
import type * as OrderFileModule from './order-file/load.js';

export type { ConvertDatesRequest, PreviewResult, TableInfo };

export type HostKind = 'excel' | 'sheets' | 'playground';

export type ApplyResult =
  | {
      readonly kind: 'needsConfirmation';
      /** A1 address of the cells that hold something, e.g. `H1:H2001`. */
      readonly target: string;
      readonly nonEmpty: number;
    }
  | {
      readonly kind: 'applied';
      readonly target: string;
      readonly legend: readonly { readonly label: string; readonly color: string }[];
      readonly preview: PreviewResult;
      /** The summary sheet's name when one was asked for and written. */
      readonly summarySheet?: string;
    }
  | { readonly kind: 'cancelled' };

export interface ApplyRequest {
  readonly plan: Plan;
  /** Write over non-empty cells (the user said yes to the question). */
  readonly confirmOverwrite: boolean;
  /** Also write a summary sheet (counts, shares, a native chart in Excel and Sheets). */
  readonly summarySheet: boolean;
}

/** Settings kept with the user (language) or in the document (the user's own tag list). */
export interface PanelSettings {
  readonly lang?: Lang;
  /** The user's own tags, kept in the document so everyone who opens it shares them. */
  readonly customTags: readonly string[];
}

/** A date column converted in place (undone as an apply is). */
export interface ConvertDatesResult {
  /** A1 address of the converted column, e.g. `A1:A151`. */
  readonly target: string;
  /** Cells turned into dates. */
  readonly cells: number;
}

/** The last apply (or date conversion) in this document, as the panel names it. */
export interface LastApply {
  readonly method: RecordedAction;
  /** The result column's header. */
  readonly header: string;
  /** The apply failed and putting the sheet back did not finish: undo finishes it. */
  readonly unfinished: boolean;
}

export type UndoResult =
  | { readonly kind: 'nothing' }
  | { readonly kind: 'undone' }
  /** Result cells the user changed since the apply; undo again with `confirmChanged` to overwrite them. */
  | { readonly kind: 'needsConfirmation'; readonly changed: number };

/** A customer table (RFM_TABLE of an order file the user opened) to write into a new sheet. */
export interface CustomerSheetRequest {
  readonly table: CustomerTable;
}

export type CustomerSheetResult =
  | {
      readonly kind: 'written';
      /** The new sheet's name. */
      readonly sheet: string;
      /** Rows written, header included. */
      readonly rows: number;
      readonly legend: readonly { readonly label: string; readonly color: string }[];
    }
  /** More rows than a sheet takes (header included): nothing was written. */
  | { readonly kind: 'tooBig'; readonly rows: number; readonly max: number }
  | { readonly kind: 'cancelled' };

export interface PanelHost {
  readonly kind: HostKind;
  /** The table around the selection (or the active cell), its header row found. */
  detectTable(): Promise<TableInfo>;
  preview(plan: Plan): Promise<PreviewResult>;
  /**
   * Runs the plan; progress arrives as it goes (Sheets: polled from the server). Aborting the signal stops the run,
   * which puts back what it had changed and answers `cancelled`.
   */
  apply(request: ApplyRequest, onProgress: (progress: Progress) => void, signal: AbortSignal): Promise<ApplyResult>;
  /**
   * Turns a date column's 8-digit numbers or date text into real dates, in place; undo puts it back. Errors are
   * PanelErrors (nothing to convert, the table moved).
   */
  convertDates(request: ConvertDatesRequest): Promise<ConvertDatesResult>;
  /** Whether there is an apply to undo in this document, and what it was. */
  lastApply(): Promise<LastApply | undefined>;
  /**
   * Puts back what the last apply changed, after checking it is still where it was written (errors are PanelErrors:
   * moved, rows changed, copy gone). Result cells the user changed since are overwritten only with `confirmChanged`.
   */
  undo(confirmChanged?: boolean): Promise<UndoResult>;
  loadSettings(): Promise<PanelSettings>;
  saveSettings(settings: PanelSettings): Promise<void>;
  /**
   * Writes a customer table into a new sheet, with segment colours, undoable as an apply (undo removes the sheet,
   * asking first when the user changed it). Excel and the playground; absent in Google Sheets, whose sidebar cannot
   * load DuckDB-Wasm (it offers the BigQuery query instead). Aborting the signal removes what was written.
   */
  writeCustomerSheet?(
    request: CustomerSheetRequest,
    onProgress: (progress: Progress) => void,
    signal: AbortSignal,
  ): Promise<CustomerSheetResult>;
  /**
   * Loads what reads an order file in the panel's page (panel/order-file/load.ts, DuckDB-Wasm): a dynamic import in
   * the hosts that offer *Open an order file* (Excel, the playground page), absent elsewhere, so no other build
   * carries it.
   */
  loadOrderFile?(): Promise<typeof OrderFileModule>;
}
