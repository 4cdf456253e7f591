/**
 * Apply. It writes a segment column beside the table and, optionally, colours the rows; it never writes over a
 * non-empty cell unless the caller confirms. The column beside the table is never one that separates it from other
 * data: when it is empty but the column after it holds something in the table's rows (another table), a new column
 * is inserted there, so the other table moves right. The result column is widened to show its labels. Before the first write it keeps what it will change (the host's `save`)
 * and records the place in the document's undo store, so undo (undo.ts) outlives the panel. Every step after that
 * (the writes, the column anchor, the summary sheet, the record's last update) is inside the rollback: if one fails,
 * the sheet is put back and the record dropped; if putting back fails too, the record stays (status `applying`)
 * with everything needed to finish the undo, and both errors are reported.
 */
import { colorsFor } from './palette.js';
import type { Plan } from './plan.js';
import { segmentHeader, segmentTable, type Segmentation } from './segment.js';
import {
  columnLetters,
  type CellValue,
  type Rect,
  type RectState,
  type SheetIO,
  type SyncSheetIO,
  type WriteValue,
} from './sheet-io.js';
import { widthForLabels } from './column-width.js';
import { runAsync, runSync, step$, type Flow } from './flow.js';
import { PanelError } from './messages.js';
import { newUndoId, rowKey, type SyncUndoPlace, type UndoPlace, type UndoRecord } from './undo-record.js';
import { restoreFlow } from './undo.js';

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

/** What an apply needs of its host besides the sheet: where the undo record goes, and the optional extras. */
export interface ApplyEnv extends UndoPlace {
  readonly io: SheetIO;
  /** Adds the summary sheet and answers its name (the last step of an apply); `removeSummary` takes it away. */
  readonly addSummary?: (segmentation: Segmentation) => Promise<string>;
  readonly newId?: () => string;
}

export type SyncApplyEnv = SyncUndoPlace & {
  readonly io: SyncSheetIO;
  readonly addSummary?: (segmentation: Segmentation) => string;
  readonly newId?: () => string;
};

export type AnyEnv = ApplyEnv | SyncApplyEnv;

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
      readonly record: UndoRecord;
      readonly segmentation: Segmentation;
      readonly legend: readonly { label: string; color: string }[];
      readonly summarySheet?: string;
      /** Set when the result went into a new column inserted beside the table (the data right of it moved right). */
      readonly insertedColumn?: true;
    }
  | { readonly kind: 'cancelled' };

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/**
 * Where the segment column goes: the plan's output column, or the first column right of the table (a new column
 * inserted there when that one is a gap before other data: see newColumnNeeded).
 */
export function targetColumn(plan: Plan): Rect {
  return {
    row: plan.table.row,
    col: plan.outputColumn ?? plan.table.col + plan.table.cols,
    rows: plan.table.rows,
    cols: 1,
  };
}

/**
 * The table, its result column and, when the result goes beside the table, the column after that (whether it holds
 * data decides newColumnNeeded): the one rectangle an apply reads.
 */
function applyArea(plan: Plan): Rect {
  const target = targetColumn(plan);
  const left = Math.min(plan.table.col, target.col);
  const right = Math.max(plan.table.col + plan.table.cols, target.col + (plan.outputColumn === undefined ? 2 : 1));
  return { row: plan.table.row, col: left, rows: plan.table.rows, cols: right - left };
}

/** The table's data rows (the header keeps its fill). */
function tableBody(plan: Plan): Rect {
  const { row, col, rows, cols } = plan.table;
  return { row: row + 1, col, rows: rows - 1, cols };
}

interface TargetContent {
  readonly values: readonly CellValue[];
  /** Per cell, whether it holds a formula (known only where the values could not tell). */
  readonly formulas: readonly boolean[];
}

const filled = (target: TargetContent, r: number): boolean => {
  const v = target.values[r];
  return (v !== null && v !== undefined && v !== '') || Boolean(target.formulas[r]);
};

/**
 * The cells of the target column apply would change that hold something. Manual tags keep the other rows' earlier
 * tags, so only the tagged rows count; every other method rewrites the whole column, header included.
 */
function countOverwrites(target: TargetContent, plan: Plan, written: readonly WriteValue[]): number {
  let n = 0;
  for (let r = 0; r < written.length; r++) {
    if (!filled(target, r)) continue;
    if (plan.method === 'tags' && (r === 0 || written[r] === target.values[r])) continue;
    n++;
  }
  return n;
}

/** The column to write: for manual tags, the new tag on tagged rows and what each other row already had. */
function columnValues(plan: Plan, labels: readonly string[], target: TargetContent): WriteValue[] {
  const header = segmentHeader(plan);
  if (plan.method !== 'tags') return [header, ...labels.map((l) => (l === '' ? null : l))];
  const kept = (r: number): WriteValue => (target.formulas[r] ? null : (target.values[r] ?? null));
  return [filled(target, 0) ? kept(0) : header, ...labels.map((l, i) => (l === '' ? kept(i + 1) : l))];
}

const column = (rows: readonly (readonly CellValue[])[], col: number): CellValue[] =>
  rows.map((line) => line[col] ?? null);

/** What the target column holds: its values, and where they cannot tell (a formula showing ""), its formulas. */
function* targetContent(io: SheetIO | SyncSheetIO, target: Rect, values: CellValue[]): Flow<TargetContent> {
  const empty = values.map((v) => v === null || v === '');
  const none = values.map(() => false);
  if (!empty.some(Boolean)) return { values, formulas: none };
  if (empty.every(Boolean) && (yield* step$(io.isBlank(target)))) return { values, formulas: none };
  const state: RectState = yield* step$(io.readState(target, { content: true, backgrounds: false }));
  return { values, formulas: values.map((_, r) => Boolean(state.formulas?.[r]?.[0])) };
}

/**
 * Whether the result column must be a new column inserted beside the table: the plan has no earlier result column,
 * the column beside the table is empty, and the column after it shows something in the table's rows (`next`), so
 * writing into the gap would glue this table to the next one.
 */
function newColumnNeeded(plan: Plan, current: TargetContent, next: readonly CellValue[]): boolean {
  if (plan.outputColumn !== undefined) return false;
  if (current.values.some((_, r) => filled(current, r))) return false;
  return next.some((v) => v !== null && v !== '');
}

/** The distinct texts a result column shows (its header and labels), for its width. */
function shownTexts(written: readonly WriteValue[]): Set<string> {
  const texts = new Set<string>();
  for (const v of written) if (v !== null && v !== '') texts.add(String(v));
  return texts;
}

function* applyFlow(env: AnyEnv, plan: Plan, confirmOverwrite: boolean, control: RunControl): Flow<ApplyOutcome> {
  const { io, store } = env;
  const step = (fraction: number, phase: Progress['phase']): void => {
    if (control.isCancelled?.()) throw new CancelledError();
    control.onProgress?.({ fraction, phase });
  };
  try {
    step(0, 'read');
    const area = applyArea(plan);
    const values = yield* step$(io.readValues(area));
    const tableValues = values.map((line) =>
      line.slice(plan.table.col - area.col, plan.table.col - area.col + plan.table.cols),
    );
    const target = targetColumn(plan);
    step(0.2, 'compute');
    const segmentation = segmentTable(plan, tableValues);
    if (segmentation.usable === 0) throw new PanelError('nothingUsable');
    const current = yield* targetContent(io, target, column(values, target.col - area.col));
    const written = columnValues(plan, segmentation.labels, current);
    const nonEmpty = countOverwrites(current, plan, written);
    if (nonEmpty > 0 && !confirmOverwrite) return { kind: 'needsConfirmation', target, nonEmpty, segmentation };

    const labels =
      plan.method === 'tags' ? written.slice(1).map((v) => (v === null ? '' : String(v))) : segmentation.labels;
    const order =
      plan.method === 'tags'
        ? [...new Set(labels.filter((l) => l !== ''))]
        : segmentation.counts.filter((c) => !c.none).map((c) => c.label);
    const colors = colorsFor(order);
    const rowColor = labels.map((l) => (l === '' ? null : (colors.get(l) ?? null)));
    const body = tableBody(plan);
    const insert = newColumnNeeded(plan, current, column(values, target.col + 1 - area.col));
    const neededWidth = widthForLabels(shownTexts(written));
    const widthBefore = insert ? undefined : yield* step$(io.columnWidth(target.col));
    const width =
      widthBefore !== undefined && neededWidth > widthBefore ? { before: widthBefore, set: neededWidth } : undefined;

    step(0.4, 'save');
    const previous = yield* previousRecord(store);
    const resultToken = yield* step$(io.save(target, { content: true, backgrounds: plan.colorRows }));
    const bodyToken =
      plan.colorRows && body.rows > 0 ? yield* step$(io.save(body, { content: false, backgrounds: true })) : undefined;
    const labelIndex = new Map(order.map((l, i) => [l, i]));
    for (const l of labels) if (l !== '' && !labelIndex.has(l)) labelIndex.set(l, labelIndex.size);
    const record: UndoRecord = {
      meta: {
        id: (env.newId ?? newUndoId)(),
        sheetName: io.sheetName,
        status: 'applying',
        method: plan.method,
        header: String(written[0] ?? ''),
      },
      data: {
        table: plan.table,
        headers: (tableValues[0] ?? []).map((v) => (v === null ? '' : String(v))),
        resultCol: target.col,
        labels: [...labelIndex.keys()],
        written: labels.map((l) => (l === '' ? -1 : (labelIndex.get(l) as number))),
        headerWritten: written[0] ?? null,
        ...(plan.colorRows ? { colors: [...labelIndex.keys()].map((l) => colors.get(l) ?? null) } : {}),
        keys: tableValues.slice(1).map((line, r) => rowKey(line, written[r + 1] ?? null)),
        resultToken,
        ...(bodyToken ? { bodyToken } : {}),
        ...(insert ? { insertedColumn: true } : {}),
        ...(width ? { width } : {}),
      },
    };
    try {
      yield* step$(store.create(record));
    } catch (error) {
      yield* step$(io.discard(resultToken));
      if (bodyToken) yield* step$(io.discard(bodyToken));
      throw error;
    }
    let summarySheet: string | undefined;
    let wrote = false;
    const changed = { inserted: false, widened: false };
    try {
      step(0.6, 'write');
      if (insert) {
        try {
          yield* step$(io.insertColumn(target.col));
        } catch (error) {
          throw new PanelError('insertRefused', { col: columnLetters(target.col), why: messageOf(error) });
        }
        changed.inserted = true;
      }
      wrote = true;
      yield* step$(
        io.write(
          target,
          written.map((v) => [v]),
          null,
        ),
      );
      if (plan.colorRows && body.rows > 0) {
        step(0.8, 'write');
        // The data rows only: the header row keeps its fills.
        yield* step$(
          io.write(
            { ...target, row: body.row, rows: body.rows },
            null,
            rowColor.map((c) => [c]),
          ),
        );
        yield* step$(
          io.write(
            body,
            null,
            rowColor.map((c) => new Array<string | null>(body.cols).fill(c)),
          ),
        );
      }
      yield* step$(io.commit());
      if (width) {
        changed.widened = true;
        yield* step$(io.setColumnWidth(target.col, width.set));
      } else if (insert) {
        // A new column is sized to its labels whatever width it took from its neighbour.
        yield* step$(io.setColumnWidth(target.col, neededWidth));
      }
      if (env.anchor) yield* step$(env.anchor.set(io.sheetName, target.col, record.meta.id));
      step(0.9, 'write');
      if (env.addSummary) summarySheet = yield* step$(env.addSummary(segmentation));
      const meta = { ...record.meta, status: 'applied' as const, ...(summarySheet ? { summarySheet } : {}) };
      yield* step$(store.update(meta));
      if (previous) yield* forget(env, previous);
      step(1, 'done');
      return {
        kind: 'applied',
        target,
        segmentation,
        record: { meta, data: record.data },
        legend: order.map((l) => ({ label: l, color: colors.get(l) as string })),
        ...(summarySheet ? { summarySheet } : {}),
        ...(insert ? { insertedColumn: true as const } : {}),
      };
    } catch (error) {
      yield* rollback(env, record, wrote, summarySheet, previous, error, changed);
      throw error;
    }
  } catch (error) {
    if (error instanceof CancelledError) return { kind: 'cancelled' };
    throw error;
  }
}

/** The record of the apply before, if it can still be read (a deleted hidden copy just means there is none). */
function* previousRecord(store: AnyEnv['store']): Flow<UndoRecord | undefined> {
  try {
    return yield* step$(store.load());
  } catch (error) {
    if (PanelError.from(error)?.code === 'undoCopyGone') return undefined;
    throw error;
  }
}

/** Drops what an older record kept (its copies and anchor); the sheet itself is not touched. */
export function* forget(env: AnyEnv, record: UndoRecord): Flow<void> {
  try {
    yield* step$(env.io.discard(record.data.resultToken));
    if (record.data.bodyToken) yield* step$(env.io.discard(record.data.bodyToken));
    if (env.anchor) yield* step$(env.anchor.remove(record.meta.sheetName, record.meta.id));
  } catch {
    // An older record's leftovers are not worth failing a finished apply for.
  }
}

/**
 * Puts the sheet back as it was after a failed step; if that fails too, the record stays to finish it later.
 * `changed` says whether the apply had inserted its result column (deleted again) or widened it (narrowed again).
 */
export function* rollback(
  env: AnyEnv,
  record: UndoRecord,
  wrote: boolean,
  summarySheet: string | undefined,
  previous: UndoRecord | undefined,
  cause: unknown,
  changed: { readonly inserted: boolean; readonly widened: boolean } = { inserted: false, widened: false },
): Flow<void> {
  try {
    const { data } = record;
    if (summarySheet && env.removeSummary) yield* step$(env.removeSummary(summarySheet));
    if (changed.inserted) yield* step$(env.io.deleteColumn(data.resultCol));
    if (wrote) {
      yield* restoreFlow(env.io, record, null, true);
      yield* step$(env.io.commit());
    }
    if (changed.widened && data.width) yield* step$(env.io.setColumnWidth(data.resultCol, data.width.before));
    if (env.anchor) yield* step$(env.anchor.remove(record.meta.sheetName, record.meta.id));
    yield* step$(env.io.discard(record.data.resultToken));
    if (record.data.bodyToken) yield* step$(env.io.discard(record.data.bodyToken));
    yield* step$(env.store.clear());
    if (previous) yield* step$(env.store.create(previous));
  } catch (rollbackError) {
    if (cause instanceof CancelledError) throw rollbackError;
    throw new PanelError('rollbackFailed', {
      cause: messageOf(cause),
      rollback: messageOf(rollbackError),
    });
  }
}

function messageOf(error: unknown): string {
  const panel = PanelError.from(error);
  if (panel) return panel.messageIn('en');
  return error instanceof Error ? error.message : String(error);
}

/** Applies a plan through an asynchronous port (Excel, the playground). */
export function applyPlan(
  env: ApplyEnv,
  plan: Plan,
  confirmOverwrite: boolean,
  control: RunControl = {},
): Promise<ApplyOutcome> {
  return runAsync(applyFlow(env, plan, confirmOverwrite, control));
}

/** Applies a plan through a synchronous port (the Sheets server, where nothing may be left to a later tick). */
export function applyPlanSync(
  env: SyncApplyEnv,
  plan: Plan,
  confirmOverwrite: boolean,
  control: RunControl = {},
): ApplyOutcome {
  return runSync(applyFlow(env, plan, confirmOverwrite, control));
}
