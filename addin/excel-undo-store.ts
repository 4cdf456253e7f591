/**
 * Where the Excel task pane keeps the last apply's undo record, so it outlives the task pane: the small part in the
 * document's settings (saved with `saveAsync`; 2 MB for all of an add-in's settings), the rest as JSON text in column
 * A of a very hidden worksheet (which no user can unhide from Excel's menus), in cells under Excel's 32,767
 * characters and requests under the 5 MB Excel on the web accepts.
 */
import { PanelError } from '../core/engine/messages.js';
import type { UndoMeta, UndoRecord, UndoStore } from '../core/engine/undo-record.js';
import type { ExcelRun, OfficeAsyncResult, OfficeDocumentSettings } from './excel-api.js';
import { CHUNK_BYTES } from './excel-sheet-io.js';

export const UNDO_SETTING = 'segmentkit.undo';
export const UNDO_SHEET_PREFIX = 'SegmentKit undo';
const CELL_CHARS = 30_000;
/** The most undo data one apply may keep in the workbook. */
export const MAX_RECORD_CHARS = 60_000_000;

interface Pointer {
  readonly sheet: string;
  readonly meta: UndoMeta;
}

/** `saveAsync` as a promise; a failed save is an error. */
export function saveSettings(settings: OfficeDocumentSettings): Promise<void> {
  return new Promise((resolve, reject) =>
    settings.saveAsync((result: OfficeAsyncResult) =>
      result.status === 'failed' || result.status === 1
        ? reject(new Error(result.error?.message ?? 'the document settings were not saved'))
        : resolve(),
    ),
  );
}

export class ExcelUndoStore implements UndoStore {
  constructor(
    private readonly run: ExcelRun,
    private readonly settings: OfficeDocumentSettings,
  ) {}

  private pointer(): Pointer | undefined {
    const saved = this.settings.get(UNDO_SETTING) as Partial<Pointer> | null | undefined;
    return saved && typeof saved.sheet === 'string' && saved.meta ? (saved as Pointer) : undefined;
  }

  async load(): Promise<UndoRecord | undefined> {
    const pointer = this.pointer();
    if (!pointer) return undefined;
    const text = await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(pointer.sheet);
      await context.sync();
      if (sheet.isNullObject) return undefined;
      const used = sheet.getUsedRange(true);
      used.load('rowCount');
      await context.sync();
      const parts: string[] = [];
      const perSync = Math.max(1, Math.floor(CHUNK_BYTES / (CELL_CHARS * 3)));
      for (let start = 0; start < used.rowCount; start += perSync) {
        const range = sheet.getRangeByIndexes(start, 0, Math.min(perSync, used.rowCount - start), 1);
        range.load('values');
        await context.sync();
        for (const line of range.values) parts.push(String(line[0] ?? ''));
      }
      return parts.join('');
    });
    if (text === undefined) {
      this.settings.remove(UNDO_SETTING);
      await saveSettings(this.settings);
      throw new PanelError('undoCopyGone');
    }
    return { meta: pointer.meta, data: JSON.parse(text) as UndoRecord['data'] };
  }

  async create(record: UndoRecord): Promise<void> {
    const data = JSON.stringify(record.data);
    if (data.length > MAX_RECORD_CHARS)
      throw new PanelError('recordTooLarge', {
        size: (data.length / 1e6).toFixed(1),
        max: (MAX_RECORD_CHARS / 1e6).toFixed(0),
      });
    const old = this.pointer();
    const name = `${UNDO_SHEET_PREFIX} ${record.meta.id}`.slice(0, 31);
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.add(name);
      sheet.visibility = 'VeryHidden';
      await context.sync();
      const cells: string[] = [];
      for (let i = 0; i < data.length; i += CELL_CHARS) cells.push(data.slice(i, i + CELL_CHARS));
      const perSync = Math.max(1, Math.floor(CHUNK_BYTES / (CELL_CHARS * 2)));
      for (let start = 0; start < cells.length; start += perSync) {
        const block = cells.slice(start, start + perSync);
        const range = sheet.getRangeByIndexes(start, 0, block.length, 1);
        range.numberFormat = block.map(() => ['@']);
        range.values = block.map((chunk) => [chunk]);
        await context.sync();
      }
    });
    this.settings.set(UNDO_SETTING, { sheet: name, meta: record.meta } satisfies Pointer);
    try {
      await saveSettings(this.settings);
    } catch (error) {
      if (old) this.settings.set(UNDO_SETTING, old);
      else this.settings.remove(UNDO_SETTING);
      await this.dropSheet(name);
      throw error;
    }
    if (old && old.sheet !== name) await this.dropSheet(old.sheet);
  }

  async update(meta: UndoMeta): Promise<void> {
    const pointer = this.pointer();
    if (!pointer) throw new PanelError('undoCopyGone');
    this.settings.set(UNDO_SETTING, { ...pointer, meta });
    await saveSettings(this.settings);
  }

  async clear(): Promise<void> {
    const pointer = this.pointer();
    this.settings.remove(UNDO_SETTING);
    await saveSettings(this.settings);
    if (pointer) await this.dropSheet(pointer.sheet);
  }

  private async dropSheet(name: string): Promise<void> {
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      if (sheet.isNullObject) return;
      sheet.visibility = 'Hidden';
      sheet.delete();
      await context.sync();
    });
  }
}
