/**
 * The customer table of an order file written into a new sheet, and its undo, for the hosts that run in the panel's
 * page (Excel, the playground). Host-neutral: a SheetIO for the new sheet, the host's undo store, and the host's way
 * to add and remove a sheet.
 *
 * - The undo record is kept before the first write (status `applying`) and replaced by the full record once the
 *   table is written: the new sheet's name (as `sheetName` and as the apply's added sheet, so even the column undo
 *   would end by removing it), RFM_TABLE's header, each row's key (core/engine/undo-record.ts `rowKey`, of the
 *   cells as the host reads them back) and the segments written.
 * - Cancel, or a failed write, removes the new sheet and puts the previous record back: the workbook is as it was.
 * - Undo removes the sheet after checking it: rows the user changed since (a cell edited, rows sorted, added or
 *   removed, anything typed beside the table) are counted and undo asks before removing them; a sheet no longer
 *   there ends the undo with the panel's "sheet gone" message. A record left `applying` (the task pane closed half
 *   way) is finished by removing the sheet.
 * - Segment cells get their segment's colour (core/engine/palette.ts, the colours of every apply); Last purchase is
 *   written as a date (a day serial in the date format), or as the problem text RFM_TABLE shows there.
 *
 * Cost: O(rows) writes in chunks of WRITE_ROWS with one commit each, then O(rows) reads for the keys; the record
 * holds one key (about 11 characters) and one segment index per row.
 *
 * @example
 *   const env = { io, store, addSheet, removeSheet, maxRows: 1_048_576 };
 *   const host = { ...inPageApply(…), ...newSheetActions(env, base.undo) };
 */
import type { Progress } from '../../core/engine/apply.js';
import { PanelError } from '../../core/engine/messages.js';
import { colorsFor } from '../../core/engine/palette.js';
import { DATE_FORMAT, type CellValue, type SheetIO } from '../../core/engine/sheet-io.js';
import { newUndoId, rowKey, type UndoRecord, type UndoStore } from '../../core/engine/undo-record.js';
import type { CustomerSheetRequest, CustomerSheetResult, PanelHost, UndoResult } from '../host.js';
import { text } from '../i18n.js';

/** Where Last purchase (a date) and Segment stand in a row of RFM_TABLE. */
const DATE_COLUMN = 1;
const SEGMENT_COLUMN = 9;

/** Rows written (and read back) per commit. */
const WRITE_ROWS = 10_000;
/** The token of a record whose apply added a whole sheet: it kept no cells (nothing stood there before). */
export const NEW_SHEET_TOKEN = '{"newSheet":true}';
/** Columns right of the table checked for what the user typed beside it. */
const BESIDE_COLS = 64;

export interface NewSheetEnv {
  /** The port for a sheet; throws PanelError `sheetMissing` when there is none. */
  readonly io: (sheetName: string) => SheetIO;
  readonly store: UndoStore;
  /** Adds an empty sheet named after `title` (made unique); answers its name. */
  readonly addSheet: (title: string) => Promise<string>;
  /** Removes the sheet if it is still there. */
  readonly removeSheet: (name: string) => Promise<void>;
  /** The most rows a sheet takes, header included. */
  readonly maxRows: number;
}

/** Whether a record is of a customer table written into a sheet of its own. */
export function isNewSheetRecord(record: UndoRecord): boolean {
  return record.data.resultToken === NEW_SHEET_TOKEN && record.meta.summarySheet === record.meta.sheetName;
}

/** The table's rows as they go on the sheet: header, customers, the final problem row. */
function sheetRows(request: CustomerSheetRequest): number {
  return request.table.rows.length + 1 + (request.table.finalRow === undefined ? 0 : 1);
}

/** Row `r` of the table below the header (0 = first customer), padded to the header's width. */
function tableRow(request: CustomerSheetRequest, r: number): readonly CellValue[] {
  const { rows, finalRow, header } = request.table;
  if (r < rows.length) return rows[r] as readonly CellValue[];
  return [finalRow ?? null, ...new Array<CellValue>(header.length - 1).fill(null)];
}

/** Writes rows `from`..`from + count` of the table (0 = first customer) at sheet row `from + 1`. */
async function writeRows(
  io: SheetIO,
  request: CustomerSheetRequest,
  from: number,
  count: number,
  colors: ReadonlyMap<string, string>,
): Promise<void> {
  const lines = Array.from({ length: count }, (_, i) => tableRow(request, from + i));
  const row = from + 1;
  const width = request.table.header.length;
  const cells = (col: number, cols: number): CellValue[][] => lines.map((line) => line.slice(col, col + cols));
  await io.write({ row, col: 0, rows: count, cols: DATE_COLUMN }, cells(0, DATE_COLUMN), null);
  const dates = cells(DATE_COLUMN, 1);
  await io.writeState({
    rect: { row, col: DATE_COLUMN, rows: count, cols: 1 },
    values: dates,
    numberFormats: dates.map(([v]) => [typeof v === 'number' ? DATE_FORMAT : null]),
  });
  const middle = SEGMENT_COLUMN - DATE_COLUMN - 1;
  await io.write({ row, col: DATE_COLUMN + 1, rows: count, cols: middle }, cells(DATE_COLUMN + 1, middle), null);
  const segments = cells(SEGMENT_COLUMN, width - SEGMENT_COLUMN);
  await io.write(
    { row, col: SEGMENT_COLUMN, rows: count, cols: width - SEGMENT_COLUMN },
    segments,
    segments.map((line) => line.map((v) => (typeof v === 'string' ? (colors.get(v) ?? null) : null))),
  );
  await io.commit();
}

/** Each row's key as undo will compute it from the sheet, read back after the write. */
async function readKeys(io: SheetIO, rows: number, width: number): Promise<string[]> {
  const keys: string[] = [];
  for (let from = 1; from < rows; from += WRITE_ROWS) {
    const count = Math.min(WRITE_ROWS, rows - from);
    const values = await io.readValues({ row: from, col: 0, rows: count, cols: width });
    for (const line of values) keys.push(rowKey(line.slice(0, SEGMENT_COLUMN), line[SEGMENT_COLUMN] ?? null));
  }
  return keys;
}

/**
 * Writes the table into a new sheet with its undo record; `tooBig` when the sheet cannot take it, `cancelled` (and
 * the workbook as it was) when the signal is aborted.
 */
export async function writeCustomerSheet(
  env: NewSheetEnv,
  request: CustomerSheetRequest,
  onProgress: (progress: Progress) => void,
  signal: AbortSignal,
): Promise<CustomerSheetResult> {
  const { table } = request;
  const rows = sheetRows(request);
  if (rows > env.maxRows) return { kind: 'tooBig', rows, max: env.maxRows };
  const width = table.header.length;
  const labels: string[] = [];
  const index = new Map<string, number>();
  const written = table.rows.map((line) => {
    const segment = line[SEGMENT_COLUMN];
    if (typeof segment !== 'string') return -1;
    let k = index.get(segment);
    if (k === undefined) {
      k = labels.length;
      index.set(segment, k);
      labels.push(segment);
    }
    return k;
  });
  if (table.finalRow !== undefined) written.push(-1);
  const colors = colorsFor(labels);
  const previous = await env.store.load().catch(() => undefined);
  const name = await env.addSheet(text('orderFileSheet', table.lang));
  const record: UndoRecord = {
    meta: {
      id: newUndoId(),
      sheetName: name,
      status: 'applying',
      method: 'rfmOrders',
      header: name,
      summarySheet: name,
    },
    data: {
      table: { row: 0, col: 0, rows, cols: SEGMENT_COLUMN },
      headers: table.header.slice(0, SEGMENT_COLUMN),
      resultCol: SEGMENT_COLUMN,
      labels,
      written,
      headerWritten: table.header[SEGMENT_COLUMN] ?? null,
      colors: labels.map((l) => colors.get(l) ?? null),
      keys: [],
      resultToken: NEW_SHEET_TOKEN,
    },
  };
  const putBack = async (): Promise<void> => {
    await env.removeSheet(name);
    if (previous) await env.store.create(previous);
    else await env.store.clear();
  };
  try {
    await env.store.create(record);
    const io = env.io(name);
    await io.write({ row: 0, col: 0, rows: 1, cols: width }, [[...table.header]], null);
    for (let from = 0; from < rows - 1; from += WRITE_ROWS) {
      if (signal.aborted) {
        await putBack();
        return { kind: 'cancelled' };
      }
      await writeRows(io, request, from, Math.min(WRITE_ROWS, rows - 1 - from), colors);
      onProgress({ phase: 'write', fraction: (0.8 * Math.min(rows, from + WRITE_ROWS)) / rows });
    }
    const keys = await readKeys(io, rows, width);
    if (signal.aborted) {
      await putBack();
      return { kind: 'cancelled' };
    }
    onProgress({ phase: 'save', fraction: 0.95 });
    // A record of its own id: a host may keep each record under its id (Excel's hidden sheet) until the next replaces it.
    await env.store.create({
      meta: { ...record.meta, id: newUndoId(), status: 'applied' },
      data: { ...record.data, keys },
    });
    onProgress({ phase: 'done', fraction: 1 });
    return {
      kind: 'written',
      sheet: name,
      rows,
      legend: labels.map((l) => ({ label: l, color: colors.get(l) ?? '' })),
    };
  } catch (error) {
    try {
      await putBack();
    } catch {
      // The first error says what went wrong; the record still names the sheet, so undo can finish.
    }
    throw error;
  }
}

/** Rows of the sheet that differ from what was written, and whether anything stands beside or below the table. */
async function changedRows(io: SheetIO, record: UndoRecord, maxRows: number): Promise<number> {
  const { data } = record;
  const rows = data.table.rows;
  const width = data.resultCol + 1;
  let changed = 0;
  const header = (await io.readValues({ row: 0, col: 0, rows: 1, cols: width }))[0] ?? [];
  const headerWritten = [...data.headers, data.headerWritten];
  if (headerWritten.some((h, c) => String(h ?? '') !== String(header[c] ?? ''))) changed++;
  const keys = await readKeys(io, rows, width);
  keys.forEach((key, p) => {
    if (key !== data.keys[p]) changed++;
  });
  if (!(await io.isBlank({ row: rows, col: 0, rows: Math.max(0, maxRows - rows), cols: width + BESIDE_COLS })))
    changed++;
  if (!(await io.isBlank({ row: 0, col: width, rows, cols: BESIDE_COLS }))) changed++;
  return changed;
}

/** Undo of a customer table written into its own sheet: check the sheet, ask when it changed, remove it. */
export async function undoNewSheet(env: NewSheetEnv, record: UndoRecord, confirmChanged: boolean): Promise<UndoResult> {
  const name = record.meta.sheetName;
  if (record.meta.status === 'applying') {
    await env.removeSheet(name);
    await env.store.clear();
    return { kind: 'undone' };
  }
  let io: SheetIO;
  let changed: number;
  try {
    io = env.io(name);
    changed = await changedRows(io, record, env.maxRows);
  } catch (error) {
    if (PanelError.from(error)?.code !== 'sheetMissing') throw error;
    await env.store.clear();
    throw new PanelError('undoSheetGone', { sheet: name });
  }
  if (changed > 0 && !confirmChanged) return { kind: 'needsConfirmation', changed };
  await env.removeSheet(name);
  await env.store.clear();
  return { kind: 'undone' };
}

/** The host's `writeCustomerSheet`, and its `undo` that undoes such a sheet or hands any other record to `undo`. */
export function newSheetActions(
  env: NewSheetEnv,
  undo: PanelHost['undo'],
): Required<Pick<PanelHost, 'writeCustomerSheet'>> & Pick<PanelHost, 'undo'> {
  return {
    writeCustomerSheet: (request, onProgress, signal) => writeCustomerSheet(env, request, onProgress, signal),
    async undo(confirmChanged = false) {
      const record = await env.store.load();
      if (record && isNewSheetRecord(record)) return undoNewSheet(env, record, confirmChanged);
      return undo(confirmChanged);
    },
  };
}
