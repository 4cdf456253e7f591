/**
 * The side panel's host in the playground: the table around the grid's selection, plans run in the page against
 * the workbook, the summary sheet with its cell formats and its chart (shown beside the grid), an order file's
 * customer table on a new sheet (panel/order-file/customer-sheet.ts), the last apply's undo data kept with the
 * workbook (undo-store.ts, so it outlives the panel), settings in the browser's localStorage.
 */
import { PanelError } from '../../core/engine/messages.js';
import { previewResult } from '../../core/engine/preview.js';
import { segmentTable } from '../../core/engine/segment.js';
import type { Rect } from '../../core/engine/sheet-io.js';
import type { SummaryFormat } from '../../core/engine/summary-sheet.js';
import { tableInGrid } from '../../core/engine/table.js';
import type { PanelHost } from '../../panel/host.js';
import { newSheetActions } from '../../panel/order-file/customer-sheet.js';
import { inPageApply } from '../../panel/run-apply.js';
import { HF_CONFIG } from '../engine/workbook.js';
import type { ColumnFormat } from '../engine/sheet-model.js';
import type { Workbook } from '../engine/workbook.js';
import { PlaygroundSheetIO } from './sheet-io.js';
import { loadPanelSettings, savePanelSettings, type SettingsStore } from './settings.js';
import { undoDataOf } from './undo-store.js';

/** The summary sheet's cell formats as the playground's display formats. */
const PLAYGROUND_FORMATS: Readonly<Record<SummaryFormat, ColumnFormat>> = {
  text: 'text',
  count: 'integer',
  share: 'percent',
  value: 'integer',
  money: 'vnd',
  decimal: 'decimal',
};

export function createPlaygroundHost(workbook: Workbook, store?: SettingsStore): PanelHost {
  const io = (sheetName: string): PlaygroundSheetIO => {
    if (!workbook.sheetNames().includes(sheetName)) throw new PanelError('sheetMissing', { sheet: sheetName });
    return new PlaygroundSheetIO(workbook, sheetName);
  };
  const removeSheet = async (name: string): Promise<void> => {
    // The workbook shows the neighbouring tab when the removed tab was the active one.
    if (workbook.sheetNames().includes(name)) workbook.removeSheet(name);
  };
  const applied = inPageApply({
    io,
    store: undoDataOf(workbook).record,
    summaries: {
      async add(title, summary) {
        return workbook.addSheet({
          name: title,
          // A leading apostrophe keeps text as text in HyperFormula (a label such as "=VIP" or "00123").
          cells: summary.cells.map((line) => line.map((v) => (typeof v === 'string' && v !== '' ? `'${v}` : v))),
          cellFormats: summary.formats.map((line) => line.map((f) => PLAYGROUND_FORMATS[f])),
          boldRows: summary.boldRows,
          columns: summary.columnWidths.map((width) => ({ width })),
          chart: summary.chart,
        });
      },
      remove: removeSheet,
    },
  });
  // An order file's customer table goes on a new sheet (its header row bold); undo removes that sheet.
  const newSheets = newSheetActions(
    {
      io,
      store: undoDataOf(workbook).record,
      addSheet: async (title) => workbook.addSheet({ name: title, cells: [], headerRow: true }),
      removeSheet,
      maxRows: HF_CONFIG.maxRows ?? 1_048_576,
    },
    applied.undo,
  );

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
      const selected: Rect = { row: selection.row, col: selection.col, rows: selection.rows, cols: selection.cols };
      return tableInGrid(selection.sheet, values, { row: selection.activeRow, col: selection.activeCol }, selected);
    },

    async preview(plan) {
      const values = await io(plan.sheetName).readValues(plan.table);
      return previewResult(plan, segmentTable(plan, values));
    },

    ...applied,
    ...newSheets,

    loadSettings: async () => loadPanelSettings(store),
    saveSettings: async (settings) => savePanelSettings(store, settings),
  };
}
