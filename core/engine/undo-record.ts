/**
 * The undo record of the last apply, as every host keeps it in the document (Sheets: document properties and a
 * protected hidden sheet; Excel: document settings and a very hidden worksheet; the playground: its workbook), so it
 * outlives the panel. It identifies the place the apply wrote (sheet, table, header texts, result header) and each
 * data row (a key of the row's cells and the label written beside it), so undo can check that place, follow rows a
 * sort moved, and put back only what the apply changed. The cells the apply wrote over are kept by the host's
 * `SheetIO.save`; the record holds the tokens. A date conversion (convert.ts) keeps the same record: its "result
 * column" is the converted column itself, and what it wrote are day serials.
 */
import type { MethodId } from './plan.js';
import type { CellValue, Rect, SavedToken, Synchronous, WriteValue } from './sheet-io.js';

/** What a record undoes: an apply of a method, or a date column converted in place. */
export type RecordedAction = MethodId | 'convertDates';

export interface UndoMeta {
  readonly id: string;
  readonly sheetName: string;
  /** `applying` until every step of the apply is done: a record left so is an apply whose rollback did not finish. */
  readonly status: 'applying' | 'applied';
  readonly method: RecordedAction;
  /** The result column's header as written. */
  readonly header: string;
  /** The summary sheet the apply added, removed by undo. */
  readonly summarySheet?: string;
}

export interface UndoData {
  /** The table at apply time, header row included. */
  readonly table: Rect;
  /** The texts of the table's header row. */
  readonly headers: readonly string[];
  /** The sheet column (0-based) of the result column. */
  readonly resultCol: number;
  /** The distinct values written: labels, or a conversion's day serials (row values index it; -1 for a blank). */
  readonly labels: readonly (string | number)[];
  /** Per data row, the label written beside it. */
  readonly written: readonly number[];
  /** What was written into the header cell (a header, or the header a tag column already had). */
  readonly headerWritten: WriteValue;
  /** Per label, the fill written on its rows; absent when rows were not coloured. */
  readonly colors?: readonly (string | null)[];
  /** Per data row, a key of its cells and its label (rowKey), to find the row again after a sort. */
  readonly keys: readonly string[];
  /** The result column (header included) as it was: content and fills. */
  readonly resultToken: SavedToken;
  /** The table's data rows' fills as they were, when the apply coloured them. */
  readonly bodyToken?: SavedToken;
  /**
   * True when the apply inserted the result column (the column beside the table was a gap before another table):
   * undo deletes that column again, which also takes away its width.
   */
  readonly insertedColumn?: boolean;
  /** When the apply widened an existing result column: its width before and the width set (pixels). */
  readonly width?: { readonly before: number; readonly set: number };
}

export interface UndoRecord {
  readonly meta: UndoMeta;
  readonly data: UndoData;
}

/** Where a host keeps the last apply's record. One record per document: a new one replaces the old. */
export interface UndoStore {
  load(): Promise<UndoRecord | undefined>;
  /** Keeps a new record; throws a PanelError `recordTooLarge` before keeping anything when it cannot hold it. */
  create(record: UndoRecord): Promise<void>;
  /** Updates the small part of the kept record. */
  update(meta: UndoMeta): Promise<void>;
  clear(): Promise<void>;
}

export type SyncUndoStore = Synchronous<UndoStore>;

/**
 * Something that marks a sheet column so it can be found after columns move (Sheets: developer metadata on the
 * column; Excel: a workbook name over the column). Hosts without one leave it out; undo then finds the table by its
 * header texts.
 */
export interface ColumnAnchor {
  set(sheetName: string, col: number, id: string): Promise<void>;
  /** The column's index now, or undefined when the column is gone. */
  find(sheetName: string, id: string): Promise<number | undefined>;
  remove(sheetName: string, id: string): Promise<void>;
}

export type SyncColumnAnchor = Synchronous<ColumnAnchor>;

/** What apply and undo both need of a host besides the sheet: the record's store and, if it has one, the anchor. */
export interface UndoPlace {
  readonly store: UndoStore;
  readonly anchor?: ColumnAnchor;
  /** Takes away a summary sheet an apply added. */
  readonly removeSummary?: (name: string) => Promise<void>;
}

export type SyncUndoPlace = {
  readonly store: SyncUndoStore;
  readonly anchor?: SyncColumnAnchor;
  readonly removeSummary?: (name: string) => void;
};

/** Bound once: a global looked up in a hot loop is slow in some script hosts (node:vm contexts among them). */
const imul = Math.imul;

/**
 * cyrb53, a 53-bit string hash (bryc, public domain): a row key that collides about once in 2^26 pairs of rows.
 * O(length).
 */
function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = imul(h1 ^ ch, 2654435761);
    h2 = imul(h2 ^ ch, 1597334677);
  }
  h1 = imul(h1 ^ (h1 >>> 16), 2246822507) ^ imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = imul(h2 ^ (h2 >>> 16), 2246822507) ^ imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Marks a formula in a result cell's identity, so a formula and the text of its value are not the same cell. */
const FORMULA_MARK = '\u0002';

/** A result cell as undo compares it: its formula (marked) when it has one, else its value. */
export const resultCellIdentity = (value: CellValue, formula: string | null | undefined): CellValue =>
  formula ? `${FORMULA_MARK}${formula}` : value;

const cellText = (v: CellValue | undefined): string =>
  v === null || v === undefined || v === ''
    ? ''
    : `${typeof v === 'string' ? 's' : typeof v === 'number' ? 'n' : 'b'}${v}`;

/** A data row's key: its cells and the label beside it. */
export function rowKey(cells: readonly CellValue[], label: CellValue): string {
  let text = cellText(label);
  for (const cell of cells) text += `\u0001${cellText(cell)}`;
  return cyrb53(text).toString(36);
}

export type RowMatch =
  | { readonly kind: 'matched'; readonly from: readonly number[]; readonly moved: boolean }
  | { readonly kind: 'unmatched'; readonly rows: number };

/**
 * Which saved row each current row holds: a row still under its own key stays; a key found at another place means
 * the row moved there (a sort); a row whose key is new where its own place is free was edited in place. Anything
 * else (moved and edited, rows added or removed) cannot be matched. O(n).
 */
export function matchRows(saved: readonly string[], now: readonly string[]): RowMatch {
  const n = now.length;
  if (saved.length !== n) return { kind: 'unmatched', rows: Math.abs(saved.length - n) };
  const from = new Array<number>(n).fill(-1);
  const taken = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    if (now[p] === saved[p]) {
      from[p] = p;
      taken[p] = 1;
    }
  }
  const pool = new Map<string, number[]>();
  for (let s = n - 1; s >= 0; s--) {
    if (taken[s]) continue;
    const key = saved[s] as string;
    const list = pool.get(key);
    if (list) list.push(s);
    else pool.set(key, [s]);
  }
  let moved = false;
  for (let p = 0; p < n; p++) {
    if (from[p] !== -1) continue;
    const s = pool.get(now[p] as string)?.pop();
    if (s === undefined) continue;
    from[p] = s;
    taken[s] = 1;
    moved = true;
  }
  let unmatched = 0;
  for (let p = 0; p < n; p++) {
    if (from[p] !== -1) continue;
    if (!taken[p]) {
      from[p] = p;
      taken[p] = 1;
    } else unmatched++;
  }
  return unmatched > 0 ? { kind: 'unmatched', rows: unmatched } : { kind: 'matched', from, moved };
}

/** A fresh record id: time and randomness, unique enough for one document's last apply. */
export function newUndoId(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 6).toString(36)}`;
}
