/**
 * Apply, date conversion and undo as the hosts that run plans in the panel's own page (Excel, the playground) run
 * them: the engine against the host's SheetIO and undo store, the signal turned into the engine's cancel check, the
 * answers shaped for the panel. Google Sheets runs the same engine calls on its server (apps-script/panel-server.ts).
 */
import { applyPlan, type ApplyOutcome, type Progress } from '../core/engine/apply.js';
import { convertDates, type ConvertOutcome } from '../core/engine/convert.js';
import { previewResult } from '../core/engine/preview.js';
import { a1Range, type SheetIO } from '../core/engine/sheet-io.js';
import type { Plan } from '../core/engine/plan.js';
import { summarySheet, type SummarySheet } from '../core/engine/summary-sheet.js';
import { undoLast, type UndoOutcome } from '../core/engine/undo.js';
import type { ColumnAnchor, UndoRecord, UndoStore } from '../core/engine/undo-record.js';
import type { ApplyRequest, ApplyResult, ConvertDatesResult, LastApply, PanelHost, UndoResult } from './host.js';

/** Where an in-page host puts the optional summary sheet, and how it takes it away again. */
export interface SummarySheets {
  /** Adds a sheet named after `title` (made unique) with the summary's cells, formats and chart; answers its name. */
  add(title: string, sheet: SummarySheet): Promise<string>;
  /** Removes the sheet if it is still there. */
  remove(name: string): Promise<void>;
}

export interface InPageEnv {
  /** The port for a sheet; throws PanelError `sheetMissing` when there is none. */
  readonly io: (sheetName: string) => SheetIO;
  readonly store: UndoStore;
  readonly anchor?: ColumnAnchor;
  readonly summaries: SummarySheets;
}

/** The engine's apply outcome as the panel gets it. */
export function applyResult(plan: Plan, outcome: ApplyOutcome): ApplyResult {
  switch (outcome.kind) {
    case 'cancelled':
      return { kind: 'cancelled' };
    case 'needsConfirmation':
      return { kind: 'needsConfirmation', target: a1Range(outcome.target), nonEmpty: outcome.nonEmpty };
    case 'applied':
      return {
        kind: 'applied',
        target: a1Range(outcome.target),
        legend: outcome.legend,
        preview: previewResult(plan, outcome.segmentation),
        ...(outcome.summarySheet ? { summarySheet: outcome.summarySheet } : {}),
      };
  }
}

/** The engine's conversion outcome as the panel gets it. */
export function convertResult(outcome: ConvertOutcome): ConvertDatesResult {
  return { target: a1Range(outcome.target), cells: outcome.cells };
}

export function lastApplyOf(record: UndoRecord | undefined): LastApply | undefined {
  return record
    ? { method: record.meta.method, header: record.meta.header, unfinished: record.meta.status === 'applying' }
    : undefined;
}

export function undoResult(outcome: UndoOutcome): UndoResult {
  return outcome.kind === 'needsConfirmation' ? { kind: 'needsConfirmation', changed: outcome.changed } : outcome;
}

/** The apply, date conversion, lastApply and undo of a host that runs plans in the panel's own page. */
export function inPageApply(env: InPageEnv): Pick<PanelHost, 'apply' | 'convertDates' | 'lastApply' | 'undo'> {
  const { store, anchor, summaries } = env;
  return {
    async apply(request: ApplyRequest, onProgress: (progress: Progress) => void, signal: AbortSignal) {
      const { plan } = request;
      const outcome = await applyPlan(
        {
          io: env.io(plan.sheetName),
          store,
          ...(anchor ? { anchor } : {}),
          ...(request.summarySheet
            ? {
                addSummary: (segmentation) => {
                  const sheet = summarySheet(plan, segmentation);
                  return summaries.add(sheet.name, sheet);
                },
              }
            : {}),
          removeSummary: (name) => summaries.remove(name),
        },
        plan,
        request.confirmOverwrite,
        { onProgress, isCancelled: () => signal.aborted },
      );
      return applyResult(plan, outcome);
    },

    async convertDates(request) {
      const outcome = await convertDates(
        { io: env.io(request.sheetName), store, ...(anchor ? { anchor } : {}) },
        request,
      );
      return convertResult(outcome);
    },

    async lastApply() {
      return lastApplyOf(await store.load());
    },

    async undo(confirmChanged = false) {
      const outcome = await undoLast(
        { io: env.io, store, ...(anchor ? { anchor } : {}), removeSummary: (name) => summaries.remove(name) },
        confirmChanged,
      );
      return undoResult(outcome);
    },
  };
}
