/**
 * Undo of the last apply, from the record the document keeps (undo-record.ts). Before writing anything it checks the
 * place: the sheet is there, the table's header texts stand where they stood (or, moved sideways, where the column
 * anchor or the header texts show), and each data row is found again, in place or moved by a sort. It then puts back
 * only what the apply changed: the result column's cells (values, formulas, number formats, text as text) and the
 * fills that still hold the colour the apply gave them. Result cells the user changed since are overwritten only
 * after the user confirms; anything else that does not match refuses with a clear message and changes nothing.
 * A result column the apply inserted is deleted again, only while its header is the one written and it holds
 * nothing outside the table's rows; a column the apply widened gets its width back unless the user resized it since.
 */
import { runAsync, runSync, step$, type Flow } from './flow.js';
import { PanelError } from './messages.js';
import {
  columnLetters,
  type CellValue,
  type Rect,
  type RectState,
  type SheetIO,
  type SyncSheetIO,
} from './sheet-io.js';
import {
  matchRows,
  resultCellIdentity,
  rowKey,
  type SyncUndoPlace,
  type UndoPlace,
  type UndoRecord,
} from './undo-record.js';

/** How far sideways undo looks for a table whose columns moved, when the host has no column anchor. */
const SHIFT_WINDOW = 64;
/** The most rows any host's sheet has (Excel's): a column is checked down to here, each host clipping to its grid. */
const SHEET_ROWS = 1_048_576;
/** Widths within a pixel are the same width (Excel keeps points, rounded). */
const sameWidth = (a: number, b: number): boolean => Math.abs(a - b) < 1;

export interface UndoEnv extends UndoPlace {
  /** The port for a sheet; throws PanelError `sheetMissing` when there is no such sheet. */
  readonly io: (sheetName: string) => SheetIO;
}

export type SyncUndoEnv = SyncUndoPlace & {
  readonly io: (sheetName: string) => SyncSheetIO;
};

type AnyIO = SheetIO | SyncSheetIO;
type AnyEnv = UndoEnv | SyncUndoEnv;

export type UndoOutcome =
  | { readonly kind: 'nothing' }
  /** Result cells the user changed since the apply: undo would overwrite them. */
  | { readonly kind: 'needsConfirmation'; readonly changed: number }
  | { readonly kind: 'undone' };

const sameText = (a: CellValue | undefined, b: CellValue | undefined): boolean =>
  (a === null || a === undefined || a === '' ? '' : String(a)) ===
  (b === null || b === undefined || b === '' ? '' : String(b));

const sameColor = (a: string | null | undefined, b: string | null | undefined): boolean =>
  (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/** The saved row (0 = header) that sheet row `p` of the table (0 = header) holds now. */
const sourceRow = (from: readonly number[] | null, p: number): number =>
  p === 0 || !from ? p : (from[p - 1] as number) + 1;

/** The label and fill the apply wrote on saved row `s` (0 = header). */
function writtenAt(record: UndoRecord, s: number): { value: CellValue; color: string | null } {
  const { data } = record;
  if (s === 0) return { value: data.headerWritten, color: null };
  const index = data.written[s - 1] ?? -1;
  return {
    value: index < 0 ? null : (data.labels[index] ?? null),
    color: index < 0 || !data.colors ? null : (data.colors[index] ?? null),
  };
}

/** What the apply's `save` kept, loaded once: the result column and, when it coloured rows, the body's fills. */
interface SavedStates {
  readonly result: RectState;
  readonly body?: RectState;
}

/**
 * Writes back what the apply changed (the result column, unless the apply inserted it, and the body's fills), with
 * the table `shift` columns from where it was and its rows as `from` says. `now` is what the sheet holds (for the fills the user changed since); without it every saved cell is put
 * back as saved (the rollback of a run that just wrote). `saved` is what the tokens hold, when already loaded.
 */
export function* restoreFlow(
  io: AnyIO,
  record: UndoRecord,
  from: readonly number[] | null,
  force: boolean,
  now?: { result: RectState; body?: RectState },
  shift = 0,
  saved?: SavedStates,
): Flow<void> {
  const { data } = record;
  const rows = data.table.rows;
  const original: RectState = saved?.result ?? (yield* step$(io.load(data.resultToken)));
  const result: Rect = { row: data.table.row, col: data.resultCol + shift, rows, cols: 1 };
  const pick = <T>(grid: readonly (readonly T[])[] | undefined, p: number): T | null =>
    (grid?.[sourceRow(from, p)]?.[0] ?? null) as T | null;
  const keepFill = (current: string | null | undefined, s: number, saved: string | null): string | null =>
    force || !now || sameColor(current, writtenAt(record, s).color) ? saved : (current ?? null);
  // A result column the apply inserted is not written back but deleted (by the caller): what stood there before
  // the insert is the column now right of it, untouched.
  if (!data.insertedColumn)
    yield* step$(
      io.writeState({
        rect: result,
        values: Array.from({ length: rows }, (_, p) => [pick(original.values, p)]),
        formulas: Array.from({ length: rows }, (_, p) => [pick(original.formulas, p)]),
        numberFormats: Array.from({ length: rows }, (_, p) => [pick(original.numberFormats, p)]),
        ...(original.backgrounds
          ? {
              backgrounds: Array.from({ length: rows }, (_, p) => [
                keepFill(now?.result.backgrounds?.[p]?.[0], sourceRow(from, p), pick(original.backgrounds, p)),
              ]),
            }
          : {}),
      }),
    );
  if (!data.bodyToken || rows < 2) return;
  const body: RectState = saved?.body ?? (yield* step$(io.load(data.bodyToken)));
  const cols = data.table.cols;
  yield* step$(
    io.writeState({
      rect: { row: data.table.row + 1, col: data.table.col + shift, rows: rows - 1, cols },
      backgrounds: Array.from({ length: rows - 1 }, (_, p) => {
        const s = sourceRow(from, p + 1);
        return Array.from({ length: cols }, (_, c) =>
          keepFill(now?.body?.backgrounds?.[p]?.[c], s, body.backgrounds?.[s - 1]?.[c] ?? null),
        );
      }),
    }),
  );
}

/** How many columns the table moved sideways, or undefined when it is not found. */
function* locate(io: AnyIO, record: UndoRecord, anchor: AnyEnv['anchor']): Flow<number | undefined> {
  const { data, meta } = record;
  const matches = (line: readonly CellValue[], shift: number): boolean =>
    data.headers.every((h, c) => sameText(line[data.table.col + shift + c], h));
  if (anchor) {
    const col = yield* step$(anchor.find(meta.sheetName, meta.id));
    if (col === undefined) return undefined;
    const shift = col - data.resultCol;
    const headerRow: CellValue[] =
      (yield* step$(
        io.readValues({
          row: data.table.row,
          col: 0,
          rows: 1,
          cols: Math.max(col, data.table.col + shift + data.table.cols) + 1,
        }),
      ))[0] ?? [];
    return matches(headerRow, shift) ? shift : undefined;
  }
  const width = Math.max(data.resultCol, data.table.col + data.table.cols) + 1 + SHIFT_WINDOW;
  const headerRow: CellValue[] =
    (yield* step$(io.readValues({ row: data.table.row, col: 0, rows: 1, cols: width })))[0] ?? [];
  for (let distance = 0; distance <= SHIFT_WINDOW; distance++) {
    for (const shift of distance === 0 ? [0] : [distance, -distance]) {
      if (data.table.col + shift < 0 || data.resultCol + shift < 0) continue;
      if (matches(headerRow, shift)) return shift;
    }
  }
  return undefined;
}

/**
 * The column the apply inserted may be deleted only while it is that column: its header is the one written (not
 * another column that came there) and it holds nothing above or below the table that deleting it would lose.
 */
function* checkInsertedColumn(io: AnyIO, record: UndoRecord, table: Rect, col: number, header: CellValue): Flow<void> {
  if (!sameText(header, record.data.headerWritten)) throw new PanelError('undoMoved', { header: record.meta.header });
  const end = table.row + table.rows;
  const aboveBlank = table.row === 0 || (yield* step$(io.isBlank({ row: 0, col, rows: table.row, cols: 1 })));
  const belowBlank = yield* step$(io.isBlank({ row: end, col, rows: SHEET_ROWS - end, cols: 1 }));
  if (!aboveBlank || !belowBlank) throw new PanelError('undoColumnInUse', { col: columnLetters(col) });
}

function* undoFlow(env: AnyEnv, confirmChanged: boolean): Flow<UndoOutcome> {
  const record = yield* step$(env.store.load());
  if (!record) return { kind: 'nothing' };
  const { data, meta } = record;
  let io: AnyIO;
  try {
    io = env.io(meta.sheetName);
  } catch (error) {
    if (PanelError.from(error)?.code === 'sheetMissing')
      throw new PanelError('undoSheetGone', { sheet: meta.sheetName });
    throw error;
  }
  let saved: SavedStates;
  try {
    const result: RectState = yield* step$(io.load(data.resultToken));
    const body: RectState | undefined = data.bodyToken ? yield* step$(io.load(data.bodyToken)) : undefined;
    saved = { result, ...(body ? { body } : {}) };
  } catch (error) {
    // Only a copy that is gone ends the undo; any other failure leaves the record for another try.
    if (PanelError.from(error)?.code !== 'undoCopyGone') throw error;
    yield* step$(env.store.clear());
    if (env.anchor) yield* step$(env.anchor.remove(meta.sheetName, meta.id));
    throw error;
  }
  let shift: number | undefined;
  try {
    shift = yield* locate(io, record, env.anchor);
  } catch (error) {
    if (PanelError.from(error)?.code === 'sheetMissing')
      throw new PanelError('undoSheetGone', { sheet: meta.sheetName });
    throw error;
  }
  if (shift === undefined) throw new PanelError('undoMoved', { header: meta.header });
  const table: Rect = { ...data.table, col: data.table.col + shift };
  const tableNow = yield* step$(io.readValues(table));
  const resultNow: RectState = yield* step$(
    io.readState(
      { row: table.row, col: data.resultCol + shift, rows: table.rows, cols: 1 },
      { content: true, backgrounds: Boolean(data.colors) },
    ),
  );
  const bodyNow: RectState | undefined =
    data.colors && data.bodyToken && table.rows > 1
      ? yield* step$(
          io.readState({ ...table, row: table.row + 1, rows: table.rows - 1 }, { content: false, backgrounds: true }),
        )
      : undefined;
  const resultCell = (p: number): CellValue =>
    resultCellIdentity(resultNow.values?.[p]?.[0] ?? null, resultNow.formulas?.[p]?.[0]);
  const keysNow = tableNow.slice(1).map((line, p) => rowKey(line, resultCell(p + 1)));
  const match = matchRows(data.keys, keysNow);
  if (match.kind === 'unmatched') throw new PanelError('undoRowsChanged', { n: match.rows });
  const from = match.moved ? match.from : null;
  let changed = 0;
  for (let p = 0; p < table.rows; p++)
    if (!sameText(resultCell(p), writtenAt(record, sourceRow(from, p)).value)) changed++;
  const resultCol = data.resultCol + shift;
  if (data.insertedColumn) yield* checkInsertedColumn(io, record, table, resultCol, resultCell(0));
  if (changed > 0 && !confirmChanged) return { kind: 'needsConfirmation', changed };

  // The inserted column goes first: a sheet that refuses to delete it refuses before anything is written back.
  if (data.insertedColumn) yield* step$(io.deleteColumn(resultCol));
  yield* restoreFlow(
    io,
    record,
    from,
    false,
    { result: resultNow, ...(bodyNow ? { body: bodyNow } : {}) },
    shift,
    saved,
  );
  yield* step$(io.commit());
  if (data.width && sameWidth(yield* step$(io.columnWidth(resultCol)), data.width.set))
    yield* step$(io.setColumnWidth(resultCol, data.width.before));
  if (env.anchor) yield* step$(env.anchor.remove(meta.sheetName, meta.id));
  yield* step$(io.discard(data.resultToken));
  if (data.bodyToken) yield* step$(io.discard(data.bodyToken));
  if (meta.summarySheet && env.removeSummary) yield* step$(env.removeSummary(meta.summarySheet));
  yield* step$(env.store.clear());
  return { kind: 'undone' };
}

/** Undoes the last apply through asynchronous ports (Excel, the playground). */
export function undoLast(env: UndoEnv, confirmChanged = false): Promise<UndoOutcome> {
  return runAsync(undoFlow(env, confirmChanged));
}

/** Undoes the last apply through synchronous ports (the Sheets server). */
export function undoLastSync(env: SyncUndoEnv, confirmChanged = false): UndoOutcome {
  return runSync(undoFlow(env, confirmChanged));
}
