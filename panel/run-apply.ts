/**
 * Apply as the hosts that run plans in the panel's own page (Excel, the playground) run it: the engine's apply
 * against the host's SheetIO, the signal turned into the engine's cancel check, the answer shaped for the panel.
 * Google Sheets runs the same engine call on its server.
 */
import { applyPlan, type Progress, type UndoRecord } from '../core/engine/apply.js';
import { previewResult } from '../core/engine/preview.js';
import { a1Range, type SheetIO } from '../core/engine/sheet-io.js';
import type { ApplyRequest, ApplyResult } from './host.js';

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
