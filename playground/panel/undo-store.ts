/**
 * Where the playground keeps the side panel's undo data: with the workbook, not with the panel, so undo survives the
 * panel being closed and reopened (the page, and the workbook in it, live on). One entry per workbook, dropped with
 * it: the last apply's record (a MemoryUndoStore, as the engine tests use) and the cells `save` kept, by token. It is
 * the playground's counterpart of the hidden sheet Sheets and Excel keep the saved cells on.
 */
import { MemoryUndoStore } from '../../core/engine/memory-sheet.js';
import type { RectState, SavedToken } from '../../core/engine/sheet-io.js';
import type { Workbook } from '../engine/workbook.js';

/** What one `save` kept: the cells (as `PlaygroundSheetIO.readState` encodes them) and the sheet's size then. */
export interface SavedState {
  readonly sheetName: string;
  readonly state: RectState;
  /** HyperFormula's width and height of the sheet when it was saved: undo puts the sheet back to no smaller. */
  readonly width: number;
  readonly height: number;
}

export class PlaygroundUndoData {
  /** The last apply's record. */
  readonly record = new MemoryUndoStore();
  private readonly saved = new Map<SavedToken, SavedState>();
  private next = 1;

  keep(state: SavedState): SavedToken {
    const token = JSON.stringify({ playground: this.next++ });
    this.saved.set(token, structuredClone(state));
    return token;
  }

  get(token: SavedToken): SavedState | undefined {
    const kept = this.saved.get(token);
    return kept && structuredClone(kept);
  }

  discard(token: SavedToken): void {
    this.saved.delete(token);
  }

  /** Forgets every saved state (the playground's "hidden copy" deleted): undo then says it is no longer possible. */
  dropSaved(): void {
    this.saved.clear();
  }

  /** The largest size a sheet had when something still kept on it was saved, or undefined when nothing is. */
  sizeWhenSaved(sheetName: string): { width: number; height: number } | undefined {
    let size: { width: number; height: number } | undefined;
    for (const kept of this.saved.values()) {
      if (kept.sheetName !== sheetName) continue;
      size = {
        width: Math.max(size?.width ?? 0, kept.width),
        height: Math.max(size?.height ?? 0, kept.height),
      };
    }
    return size;
  }
}

const perWorkbook = new WeakMap<Workbook, PlaygroundUndoData>();

/** The undo data of a workbook, made on first use. */
export function undoDataOf(workbook: Workbook): PlaygroundUndoData {
  let data = perWorkbook.get(workbook);
  if (!data) perWorkbook.set(workbook, (data = new PlaygroundUndoData()));
  return data;
}
