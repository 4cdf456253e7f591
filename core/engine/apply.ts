/**
 * Apply and undo. Apply writes a segment column beside the table and, optionally, colours the rows; it never
 * writes over a non-empty cell unless the caller confirms, keeps what it changes (values, formulas, number formats,
 * backgrounds) so undo puts it back exactly, and if a write fails half way puts back what it had already changed.
 */
import { colorsFor } from './palette.js';
import type { Plan } from './plan.js';
import { segmentHeader, segmentTable, type Segmentation } from './segment.js';
import type { Rect, RectState, SheetIO, SyncSheetIO, WriteValue } from './sheet-io.js';
import { runAsync, runSync, step$, type Flow } from './flow.js';

type AnySheetIO = SheetIO | SyncSheetIO;

export interface UndoRecord {
  readonly sheetName: string;
  /** Saved states, restored last first. */
  readonly states: readonly RectState[];
  readonly description: string;
}

export interface Progress {
  /** 0..1 */
  readonly fraction: number;
  readonly phase: 'read' | 'compute' | 'save' | 'write' | 'done';
}

export interface RunControl {
  readonly onProgress?: (progress: Progress) => void;
  /** Checked between steps; once true, the run stops and leaves the sheet as it was. */
  readonly isCancelled?: () => boolean;
}

export type ApplyOutcome =
  | {
      readonly kind: 'needsConfirmation';
      readonly target: Rect;
      readonly nonEmpty: number;
      readonly segmentation: Segmentation;
    }
  | {
      readonly kind: 'applied';
      readonly target: Rect;
      readonly undo: UndoRecord;
      readonly segmentation: Segmentation;
      readonly legend: readonly { label: string; color: string }[];
    }
  | { readonly kind: 'cancelled' };

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** Where the segment column goes: the plan's output column, or the first column right of the table. */
export function targetColumn(plan: Plan): Rect {
  return {
    row: plan.table.row,
    col: plan.outputColumn ?? plan.table.col + plan.table.cols,
    rows: plan.table.rows,
    cols: 1,
  };
}

const filled = (state: RectState, r: number): boolean => {
  const v = state.values?.[r]?.[0];
  return (v !== null && v !== undefined && v !== '') || Boolean(state.formulas?.[r]?.[0]);
};

/**
 * The cells of the target column apply would change that hold something. Manual tags keep the other rows' earlier
 * tags, so only the tagged rows count; every other method rewrites the whole column, header included.
 */
function countOverwrites(state: RectState, plan: Plan, written: readonly WriteValue[]): number {
  let n = 0;
  for (let r = 0; r < written.length; r++) {
    if (!filled(state, r)) continue;
    if (plan.method === 'tags' && (r === 0 || written[r] === state.values?.[r]?.[0])) continue;
    n++;
  }
  return n;
}

/** The column to write: for manual tags, the new tag on tagged rows and what each other row already had. */
function columnValues(plan: Plan, labels: readonly string[], state: RectState): WriteValue[] {
  const header = segmentHeader(plan);
  if (plan.method !== 'tags') return [header, ...labels.map((l) => (l === '' ? null : l))];
  const kept = (r: number): WriteValue => (state.formulas?.[r]?.[0] ? null : (state.values?.[r]?.[0] ?? null));
  return [filled(state, 0) ? kept(0) : header, ...labels.map((l, i) => (l === '' ? kept(i + 1) : l))];
}

/** Computes the plan's segments without touching the sheet (the preview). */
export async function previewPlan(io: SheetIO, plan: Plan): Promise<Segmentation> {
  return segmentTable(plan, await io.readValues(plan.table));
}

function* applyFlow(io: AnySheetIO, plan: Plan, confirmOverwrite: boolean, control: RunControl): Flow<ApplyOutcome> {
  const step = (fraction: number, phase: Progress['phase']): void => {
    if (control.isCancelled?.()) throw new CancelledError();
    control.onProgress?.({ fraction, phase });
  };
  const saved: RectState[] = [];
  try {
    step(0, 'read');
    const table = yield* step$(io.readValues(plan.table));
    step(0.2, 'compute');
    const segmentation = segmentTable(plan, table);
    const target = targetColumn(plan);
    step(0.4, 'save');
    const targetState = yield* step$(io.readState(target, { content: true, backgrounds: plan.colorRows }));
    const column = columnValues(plan, segmentation.labels, targetState);
    const nonEmpty = countOverwrites(targetState, plan, column);
    if (nonEmpty > 0 && !confirmOverwrite) return { kind: 'needsConfirmation', target, nonEmpty, segmentation };
    const body: Rect = {
      row: plan.table.row + 1,
      col: plan.table.col,
      rows: plan.table.rows - 1,
      cols: plan.table.cols,
    };
    const bodyState =
      plan.colorRows && body.rows > 0
        ? yield* step$(io.readState(body, { content: false, backgrounds: true }))
        : undefined;

    const labels =
      plan.method === 'tags' ? column.slice(1).map((v) => (v === null ? '' : String(v))) : segmentation.labels;
    const order =
      plan.method === 'tags' ? [...new Set(labels.filter((l) => l !== ''))] : segmentation.counts.map((c) => c.label);
    const colors = colorsFor(order);
    const rowColor = labels.map((l) => (l === '' ? null : (colors.get(l) ?? null)));
    const values: WriteValue[][] = column.map((v) => [v]);

    step(0.6, 'write');
    saved.push(targetState);
    yield* step$(io.write(target, values, plan.colorRows ? [[null], ...rowColor.map((c) => [c])] : null));
    if (bodyState) {
      step(0.8, 'write');
      saved.push(bodyState);
      yield* step$(
        io.write(
          body,
          null,
          rowColor.map((c) => new Array<string | null>(body.cols).fill(c)),
        ),
      );
    }
    yield* step$(io.flush?.());
    step(1, 'done');
    return {
      kind: 'applied',
      target,
      segmentation,
      legend: order.map((l) => ({ label: l, color: colors.get(l) as string })),
      undo: { sheetName: io.sheetName, states: saved, description: `${plan.method} → ${segmentHeader(plan)}` },
    };
  } catch (error) {
    yield* restoreAll(io, saved);
    if (error instanceof CancelledError) return { kind: 'cancelled' };
    throw error;
  }
}

function* restoreAll(io: AnySheetIO, states: readonly RectState[]): Flow<void> {
  for (const state of [...states].reverse()) yield* step$(io.restore(state));
}

/** Applies a plan through an asynchronous port (Excel, the playground). */
export function applyPlan(
  io: SheetIO,
  plan: Plan,
  confirmOverwrite: boolean,
  control: RunControl = {},
): Promise<ApplyOutcome> {
  return runAsync(applyFlow(io, plan, confirmOverwrite, control));
}

/** Applies a plan through a synchronous port (the Sheets server, where nothing may be left to a later tick). */
export function applyPlanSync(
  io: SyncSheetIO,
  plan: Plan,
  confirmOverwrite: boolean,
  control: RunControl = {},
): ApplyOutcome {
  return runSync(applyFlow(io, plan, confirmOverwrite, control));
}

/** Puts back everything the apply changed, exactly. */
export function undoApply(io: SheetIO, record: UndoRecord): Promise<void> {
  return runAsync(restoreAll(io, record.states));
}

export function undoApplySync(io: SyncSheetIO, record: UndoRecord): void {
  runSync(restoreAll(io, record.states));
}
