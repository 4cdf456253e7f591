/**
 * The side panel's host in the playground: the table around the grid's selection, plans run in the page against
 * the workbook, the last apply kept for undo, settings in the browser's localStorage.
 */
import { undoApply, type UndoRecord } from '../../core/engine/apply.js';
import { previewResult, summaryRows } from '../../core/engine/preview.js';
import { segmentTable } from '../../core/engine/segment.js';
import type { Rect } from '../../core/engine/sheet-io.js';
import { describeTable, regionAround, TABLE_TOP_ROWS } from '../../core/engine/table.js';
import type { PanelHost, PanelSettings } from '../../panel/host.js';
import { runApply } from '../../panel/run-apply.js';
import type { Workbook } from '../engine/workbook.js';
import { PlaygroundSheetIO } from './sheet-io.js';

const SETTINGS_KEY = 'segmentkit.panel';

/** Lets the page paint between the engine's steps, so progress shows and Cancel can be clicked. */
const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

interface LastApply {
  readonly undo: UndoRecord;
  readonly summarySheet?: string;
}

export interface SettingsStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function createPlaygroundHost(workbook: Workbook, store?: SettingsStore): PanelHost {
  let last: LastApply | undefined;
  const io = (sheetName: string): PlaygroundSheetIO => new PlaygroundSheetIO(workbook, sheetName);

  return {
    kind: 'playground',

    async detectTable() {
      const selection = workbook.selection ?? {
        sheet: workbook.sheetNames()[0] ?? '',
        row: 0,
        col: 0,
        rows: 1,
        cols: 1,
        activeRow: 0,
        activeCol: 0,
      };
      const sheetIO = io(selection.sheet);
      const used = await sheetIO.usedRect();
      const values = await sheetIO.readValues(used);
      const region = regionAround(values, selection.activeRow, selection.activeCol);
      const top = values
        .slice(region.row, region.row + TABLE_TOP_ROWS)
        .map((line) => line.slice(region.col, region.col + region.cols));
      const selected: Rect = { row: selection.row, col: selection.col, rows: selection.rows, cols: selection.cols };
      return describeTable(selection.sheet, region, top, selected);
    },

    async preview(plan) {
      const values = await io(plan.sheetName).readValues(plan.table);
      return previewResult(plan, segmentTable(plan, values));
    },

    async apply(request, onProgress, signal) {
      const sheetIO = io(request.plan.sheetName);
      const outcome = await runApply(
        sheetIO,
        request,
        (progress) => {
          onProgress(progress);
        },
        signal,
      );
      await nextFrame();
      if (outcome.result.kind !== 'applied' || !outcome.undo) return outcome.result;
      let summarySheet: string | undefined;
      if (request.summarySheet) {
        const name = request.plan.lang === 'vi' ? 'Tổng hợp phân khúc' : 'Segment summary';
        summarySheet = workbook.addSheet({
          name,
          cells: summaryRows(outcome.result.preview, request.plan.lang),
          headerRow: true,
          columns: [{ width: 200 }, { width: 110, format: 'integer' }, { width: 110, format: 'percent' }],
        });
      }
      last = { undo: outcome.undo, ...(summarySheet ? { summarySheet } : {}) };
      return { ...outcome.result, ...(summarySheet ? { summarySheet } : {}) };
    },

    async lastApply() {
      return last ? { description: last.undo.description } : undefined;
    },

    async undo() {
      if (!last) return false;
      const { undo, summarySheet } = last;
      await undoApply(io(undo.sheetName), undo);
      if (summarySheet && workbook.sheetNames().includes(summarySheet)) workbook.removeSheet(summarySheet);
      last = undefined;
      return true;
    },

    async loadSettings(): Promise<PanelSettings> {
      try {
        const saved = JSON.parse(store?.getItem(SETTINGS_KEY) ?? '{}') as Partial<PanelSettings>;
        return {
          customTags: Array.isArray(saved.customTags) ? saved.customTags.filter((t) => typeof t === 'string') : [],
          ...(saved.lang === 'en' || saved.lang === 'vi' ? { lang: saved.lang } : {}),
        };
      } catch {
        return { customTags: [] };
      }
    },

    async saveSettings(settings) {
      store?.setItem(SETTINGS_KEY, JSON.stringify(settings));
    },
  };
}
