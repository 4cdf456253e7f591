/**
 * Apply as the hosts that run plans in the panel's own page (Excel, the playground) run it: the engine's apply
 * against the host's SheetIO, the signal turned into the engine's cancel check, the answer shaped for the panel.
 * Google Sheets runs the same engine call on its server.
 */
import { applyPlan, undoApply, type Progress, type UndoRecord } from '../core/engine/apply.js';
import { previewResult, summaryRows } from '../core/engine/preview.js';
import { a1Range, type SheetIO } from '../core/engine/sheet-io.js';
import { label } from '../core/labels.js';
import type { ApplyRequest, ApplyResult, PanelHost } from './host.js';

export interface RunOutcome {
  readonly result: ApplyResult;
  /** What undo needs, when the apply wrote anything. */
  readonly undo?: UndoRecord;
}

export async function runApply(
  io: SheetIO,
  request: ApplyRequest,
  onProgress: (progress: Progress) => void,
  signal: AbortSignal,
): Promise<RunOutcome> {
  const outcome = await applyPlan(io, request.plan, request.confirmOverwrite, {
    onProgress,
    isCancelled: () => signal.aborted,
  });
  switch (outcome.kind) {
    case 'cancelled':
      return { result: { kind: 'cancelled' } };
    case 'needsConfirmation':
      return {
        result: { kind: 'needsConfirmation', target: a1Range(outcome.target), nonEmpty: outcome.nonEmpty },
      };
    case 'applied':
      return {
        result: {
          kind: 'applied',
          target: a1Range(outcome.target),
          legend: outcome.legend,
          preview: previewResult(request.plan, outcome.segmentation),
        },
        undo: outcome.undo,
      };
  }
}

/** Where an in-page host puts the optional summary sheet, and how it takes it away again. */
export interface SummarySheets {
  /** Adds a sheet named after `title` (made unique) with these rows and a chart; answers the name it got. */
  add(title: string, rows: (string | number)[][]): Promise<string>;
  /** Removes the sheet if it is still there. */
  remove(name: string): Promise<void>;
}

/**
 * The apply, lastApply and undo of a host that runs plans in the panel's own page: the last apply (and its summary
 * sheet) is kept in memory, so undo lasts as long as the page does.
 */
export function inPageApply(
  io: (sheetName: string) => SheetIO,
  summaries: SummarySheets,
): Pick<PanelHost, 'apply' | 'lastApply' | 'undo'> {
  let last: { readonly undo: UndoRecord; readonly summarySheet?: string } | undefined;
  return {
    async apply(request, onProgress, signal) {
      const outcome = await runApply(io(request.plan.sheetName), request, onProgress, signal);
      if (outcome.result.kind !== 'applied' || !outcome.undo) return outcome.result;
      const summarySheet = request.summarySheet
        ? await summaries.add(
            label('summarySheet', request.plan.lang),
            summaryRows(outcome.result.preview, request.plan.lang),
          )
        : undefined;
      last = { undo: outcome.undo, ...(summarySheet ? { summarySheet } : {}) };
      return { ...outcome.result, ...(summarySheet ? { summarySheet } : {}) };
    },

    async lastApply() {
      return last ? { description: last.undo.description } : undefined;
    },

    async undo() {
      if (!last) return false;
      const { undo, summarySheet } = last;
      await undoApply(io(undo.sheetName), undo);
      if (summarySheet) await summaries.remove(summarySheet);
      last = undefined;
      return true;
    },
  };
}
