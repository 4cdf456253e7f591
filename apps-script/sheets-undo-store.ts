/**
 * Where the Sheets server keeps the last apply's undo record: a pointer in the document properties (9 KB a value)
 * and the record itself on a hidden, warning-protected sheet (cell A1 the small part, then the rest as JSON text in
 * chunks under the 50,000 characters a cell holds), so it outlives the sidebar. Column anchors are developer
 * metadata on the result column, which moves with the column when the user inserts or deletes columns.
 */
import { PanelError } from '../core/engine/messages.js';
import { columnLetters } from '../core/engine/sheet-io.js';
import type { SyncColumnAnchor, SyncUndoStore, UndoMeta, UndoRecord } from '../core/engine/undo-record.js';
import type { GasProperties, GasSpreadsheet } from './gas-types.js';
import { INTERNAL_SHEET_PREFIX, internalSheet } from './sheets-sheet-io.js';

export const UNDO_KEY = 'segmentkit.undo';
const CHUNK = 40_000;
/** The most undo data one apply may keep (about 100,000 rows × 30 columns takes a few MB). */
export const MAX_RECORD_CHARS = 40_000_000;
const ANCHOR_KEY = 'segmentkit.result';

interface Pointer {
  readonly sheet: string;
  readonly id: string;
}

export class SheetsUndoStore implements SyncUndoStore {
  constructor(
    private readonly spreadsheet: GasSpreadsheet,
    private readonly properties: GasProperties,
  ) {}

  private pointer(): Pointer | undefined {
    const raw = this.properties.getProperty(UNDO_KEY);
    if (!raw) return undefined;
    try {
      const parsed = JSON.parse(raw) as Partial<Pointer>;
      return typeof parsed.sheet === 'string' && typeof parsed.id === 'string'
        ? { sheet: parsed.sheet, id: parsed.id }
        : undefined;
    } catch {
      return undefined;
    }
  }

  load(): UndoRecord | undefined {
    const pointer = this.pointer();
    if (!pointer) return undefined;
    const sheet = this.spreadsheet.getSheetByName(pointer.sheet);
    if (!sheet) {
      this.properties.deleteProperty(UNDO_KEY);
      throw new PanelError('undoCopyGone');
    }
    const cells = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues();
    const meta = JSON.parse(String(cells[0]?.[0] ?? '')) as UndoMeta;
    const data = JSON.parse(
      cells
        .slice(1)
        .map((line) => String(line[0] ?? ''))
        .join(''),
    ) as UndoRecord['data'];
    return { meta, data };
  }

  create(record: UndoRecord): void {
    const meta = JSON.stringify(record.meta);
    const data = JSON.stringify(record.data);
    const size = meta.length + data.length;
    if (size > MAX_RECORD_CHARS || meta.length > CHUNK)
      throw new PanelError('recordTooLarge', {
        size: (size / 1e6).toFixed(1),
        max: (MAX_RECORD_CHARS / 1e6).toFixed(0),
      });
    const chunks = [meta];
    for (let i = 0; i < data.length; i += CHUNK) chunks.push(data.slice(i, i + CHUNK));
    const old = this.pointer();
    const name = `${INTERNAL_SHEET_PREFIX} record ${record.meta.id}`;
    const sheet = internalSheet(this.spreadsheet, name, chunks.length, 1);
    sheet.getRange(1, 1, chunks.length, 1).setValues(chunks.map((chunk) => [`'${chunk}`]));
    this.properties.setProperty(UNDO_KEY, JSON.stringify({ sheet: name, id: record.meta.id } satisfies Pointer));
    if (old && old.sheet !== name) this.dropSheet(old.sheet);
  }

  update(meta: UndoMeta): void {
    const pointer = this.pointer();
    const sheet = pointer && this.spreadsheet.getSheetByName(pointer.sheet);
    if (!sheet) throw new PanelError('undoCopyGone');
    const text = JSON.stringify(meta);
    if (text.length > CHUNK)
      throw new PanelError('recordTooLarge', { size: (text.length / 1e6).toFixed(2), max: (CHUNK / 1e6).toFixed(2) });
    sheet.getRange(1, 1, 1, 1).setValues([[`'${text}`]]);
  }

  clear(): void {
    const pointer = this.pointer();
    this.properties.deleteProperty(UNDO_KEY);
    if (pointer) this.dropSheet(pointer.sheet);
  }

  private dropSheet(name: string): void {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (sheet) this.spreadsheet.deleteSheet(sheet);
  }
}

/** Developer metadata on the result column: it moves with the column. */
export class SheetsColumnAnchor implements SyncColumnAnchor {
  constructor(private readonly spreadsheet: GasSpreadsheet) {}

  private sheet(name: string) {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) throw new PanelError('undoSheetGone', { sheet: name });
    return sheet;
  }

  set(sheetName: string, col: number, id: string): void {
    const letters = columnLetters(col);
    this.sheet(sheetName).getRange(`${letters}:${letters}`).addDeveloperMetadata(ANCHOR_KEY, id);
  }

  /** Our metadata with this id on the named sheet (the spreadsheet-wide finder, then its location's sheet). */
  private found(sheetName: string, id: string) {
    return this.spreadsheet
      .createDeveloperMetadataFinder()
      .withKey(ANCHOR_KEY)
      .withValue(id)
      .find()
      .filter((metadata) => metadata.getLocation().getColumn()?.getSheet().getName() === sheetName);
  }

  find(sheetName: string, id: string): number | undefined {
    this.sheet(sheetName);
    const column = this.found(sheetName, id)[0]?.getLocation().getColumn();
    return column ? column.getColumn() - 1 : undefined;
  }

  remove(sheetName: string, id: string): void {
    for (const metadata of this.found(sheetName, id)) metadata.remove();
  }
}
