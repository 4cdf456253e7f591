/**
 * Converting a date column in place: 8-digit numbers (`20250102`) and date text (`22/09/2026 09:46:16`) become real
 * dates (day serials with a date format; a time of day is not kept), read as the formulas read them
 * (date-columns.ts). It runs on apply's machinery, so undo (undo.ts) puts the column back exactly: what the column
 * held is saved and the undo record kept before the first write; a failed step puts the sheet back; the record,
 * whose "result column" is the converted column, replaces the last apply's. Cells that read as no date, blanks,
 * dates already and formulas are left as they are.
 */
import { forget, rollback, type ApplyEnv, type SyncApplyEnv } from './apply.js';
import { convertedDates } from './date-columns.js';
import { runAsync, runSync, step$, type Flow } from './flow.js';
import { PanelError } from './messages.js';
import type { DayMonthOrder } from '../dates.js';
import { DATE_FORMAT, type CellValue, type Rect, type RectState } from './sheet-io.js';
import { newUndoId, resultCellIdentity, rowKey, type UndoRecord } from './undo-record.js';

export interface ConvertDatesRequest {
  readonly sheetName: string;
  /** The table, header row included. */
  readonly table: Rect;
  /** The date column, within the table (0-based). */
  readonly column: number;
  /** How to read day/month text that nothing in the column settles: the user's choice. */
  readonly order?: DayMonthOrder;
}

export type ConvertEnv = Pick<ApplyEnv, 'io' | 'store' | 'anchor' | 'newId'>;
export type SyncConvertEnv = Pick<SyncApplyEnv, 'io' | 'store' | 'anchor' | 'newId'>;

export interface ConvertOutcome {
  /** The converted column, header included. */
  readonly target: Rect;
  /** Cells turned into dates. */
  readonly cells: number;
  readonly record: UndoRecord;
}

const text = (value: CellValue | undefined): string => (value === null || value === undefined ? '' : String(value));

function* convertFlow(env: ConvertEnv | SyncConvertEnv, request: ConvertDatesRequest): Flow<ConvertOutcome> {
  const { io, store } = env;
  const { table, column } = request;
  const target: Rect = { row: table.row, col: table.col + column, rows: table.rows, cols: 1 };
  const values = yield* step$(io.readValues(table));
  const now: RectState = yield* step$(io.readState(target, { content: true, backgrounds: false }));
  const formulaAt = (r: number): string | null => now.formulas?.[r]?.[0] ?? null;
  const cells = values.slice(1).map((line) => line[column] ?? null);
  const serials = convertedDates(cells, request.order, (r) => Boolean(formulaAt(r + 1)));
  const count = serials.filter((s) => s !== undefined).length;
  const header = values[0]?.[column] ?? null;
  if (count === 0) throw new PanelError('nothingToConvert', { column: text(header) });

  const written: CellValue[] = cells.map((cell, r) => serials[r] ?? cell);
  const identities = written.map((value, r) => resultCellIdentity(value, formulaAt(r + 1)));
  const distinct = new Map<string | number, number>();
  for (const v of identities)
    if ((typeof v === 'string' || typeof v === 'number') && v !== '' && !distinct.has(v))
      distinct.set(v, distinct.size);
  const previous = yield* step$(store.load());
  const resultToken = yield* step$(io.save(target, { content: true, backgrounds: false }));
  const record: UndoRecord = {
    meta: {
      id: (env.newId ?? newUndoId)(),
      sheetName: io.sheetName,
      status: 'applying',
      method: 'convertDates',
      header: text(header),
    },
    data: {
      table,
      headers: (values[0] ?? []).map(text),
      resultCol: target.col,
      labels: [...distinct.keys()],
      written: identities.map((v) => (typeof v === 'string' || typeof v === 'number' ? (distinct.get(v) ?? -1) : -1)),
      headerWritten: header,
      keys: values.slice(1).map((line, r) => {
        const after = line.slice();
        after[column] = written[r] ?? null;
        return rowKey(after, identities[r] ?? null);
      }),
      resultToken,
    },
  };
  try {
    yield* step$(store.create(record));
  } catch (error) {
    yield* step$(io.discard(resultToken));
    throw error;
  }
  try {
    yield* step$(
      io.writeState({
        rect: { ...target, row: target.row + 1, rows: target.rows - 1 },
        values: written.map((v) => [v]),
        formulas: written.map((_, r) => [formulaAt(r + 1)]),
        numberFormats: written.map((_, r) => [
          serials[r] === undefined ? (now.numberFormats?.[r + 1]?.[0] ?? null) : DATE_FORMAT,
        ]),
      }),
    );
    yield* step$(io.commit());
    if (env.anchor) yield* step$(env.anchor.set(io.sheetName, target.col, record.meta.id));
    const meta = { ...record.meta, status: 'applied' as const };
    yield* step$(store.update(meta));
    if (previous) yield* forget(env, previous);
    return { target, cells: count, record: { meta, data: record.data } };
  } catch (error) {
    yield* rollback(env, record, true, undefined, previous, error);
    throw error;
  }
}

/** Converts a date column through asynchronous ports (Excel, the playground). */
export function convertDates(env: ConvertEnv, request: ConvertDatesRequest): Promise<ConvertOutcome> {
  return runAsync(convertFlow(env, request));
}

/** Converts a date column through synchronous ports (the Sheets server). */
export function convertDatesSync(env: SyncConvertEnv, request: ConvertDatesRequest): ConvertOutcome {
  return runSync(convertFlow(env, request));
}
