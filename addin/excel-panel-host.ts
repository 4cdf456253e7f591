/**
 * The side panel's host in Excel: the table around the selection, plans run in the task pane through the chunked
 * Excel SheetIO, the last apply's undo record kept in the workbook (excel-undo-store.ts) so it outlives the task
 * pane, an optional summary sheet (number formats and a native chart: columns, Pareto or scatter), an order file's
 * customer table on a new worksheet (panel/order-file/customer-sheet.ts), the language per user (localStorage) and
 * the user's own tags in the document's settings.
 */
import { previewResult } from '../core/engine/preview.js';
import { segmentTable } from '../core/engine/segment.js';
import { columnLetters } from '../core/engine/sheet-io.js';
import { SUMMARY_NUMBER_FORMATS, type SummaryChartKind, type SummarySheet } from '../core/engine/summary-sheet.js';
import { tableInGrid } from '../core/engine/table.js';
import type { PanelHost, PanelSettings } from '../panel/host.js';
import { PanelError } from '../core/engine/messages.js';
import { newSheetActions } from '../panel/order-file/customer-sheet.js';
import { inPageApply } from '../panel/run-apply.js';
import type { ExcelRun, OfficeDocumentSettings } from './excel-api.js';
import { ExcelSheetIO } from './excel-sheet-io.js';
import { ExcelUndoStore, saveSettings, UNDO_SHEET_PREFIX } from './excel-undo-store.js';

export const CUSTOM_TAGS_SETTING = 'segmentkit.customTags';
const LANG_KEY = 'segmentkit.panel.lang';

/** The summary chart's kinds as Excel.ChartType names; a Pareto is columns with its cumulative series as a line. */
const EXCEL_CHART_TYPES: Readonly<Record<SummaryChartKind, string>> = {
  columns: 'ColumnClustered',
  pareto: 'ColumnClustered',
  scatter: 'XYScatter',
};
/** The chart's size in cells (about 8 columns × 18 rows, Excel's default chart size and a little more). */
const CHART_ROWS = 18;
const CHART_COLS = 8;
/** Rows of an Excel worksheet, the header included. */
const EXCEL_ROWS = 1_048_576;
const cellAddress = (row: number, col: number): string => `${columnLetters(col)}${row + 1}`;

/** Excel's ItemNotFound for the sheet, as the panel's own "no sheet named …" error. */
function missingAsPanelError(run: ExcelRun, sheetName: string): ExcelRun {
  return (batch) =>
    run(batch).catch((error: unknown) => {
      const code = (error as { code?: unknown } | null)?.code;
      throw code === 'ItemNotFound' ? new PanelError('sheetMissing', { sheet: sheetName }) : error;
    });
}

export interface ExcelHostOptions {
  readonly run: ExcelRun;
  /** Office.context.document.settings: the undo record's small part and the user's own tags. */
  readonly documentSettings: OfficeDocumentSettings;
  readonly userStore?: Pick<Storage, 'getItem' | 'setItem'>;
}

export function createExcelHost({ run, documentSettings, userStore }: ExcelHostOptions): PanelHost {
  const io = (sheetName: string): ExcelSheetIO => {
    if (sheetName.startsWith(UNDO_SHEET_PREFIX)) throw new PanelError('internalSheet', { sheet: sheetName });
    return new ExcelSheetIO(missingAsPanelError(run, sheetName), sheetName);
  };
  async function writeSummary(sheetName: string, summary: SummarySheet): Promise<string> {
    const name = await writeSummaryCells(sheetName, summary);
    const sheetIO = new ExcelSheetIO(run, name);
    for (const [col, width] of summary.columnWidths.entries()) await sheetIO.setColumnWidth(col, width);
    return name;
  }

  /** The summary's cells (formats first), its chart, in one batch; answers the sheet's name. */
  async function writeSummaryCells(sheetName: string, summary: SummarySheet): Promise<string> {
    return run(async (context) => {
      const sheets = context.workbook.worksheets;
      let name = sheetName;
      for (let i = 2; ; i++) {
        const existing = sheets.getItemOrNullObject(name);
        await context.sync();
        if (existing.isNullObject) break;
        name = `${sheetName} (${i})`;
      }
      const sheet = sheets.add(name);
      const cols = summary.cells[0]?.length ?? 1;
      const table = sheet.getRangeByIndexes(0, 0, summary.cells.length, cols);
      // Formats first: text cells are '@', so a label such as "=VIP" or "00123" stays text.
      table.numberFormat = summary.formats.map((line) => line.map((f) => SUMMARY_NUMBER_FORMATS[f]));
      table.values = summary.cells.map((line) => [...line]);
      const spec = summary.chart;
      const { row, col, rows, cols: sourceCols } = spec.source;
      const chart = sheet.charts.add(
        EXCEL_CHART_TYPES[spec.kind],
        sheet.getRangeByIndexes(row, col, rows, sourceCols),
        'Columns',
      );
      chart.title.text = spec.title;
      chart.axes.categoryAxis.title.text = spec.xTitle;
      chart.axes.valueAxis.title.text = spec.yTitle;
      chart.legend.visible = spec.lineSeries !== undefined;
      if (spec.dataLabels) chart.dataLabels.showValue = true;
      if (spec.lineSeries !== undefined) chart.series.getItemAt(spec.lineSeries).chartType = 'LineMarkers';
      chart.setPosition(
        cellAddress(spec.at.row, spec.at.col),
        cellAddress(spec.at.row + CHART_ROWS - 1, spec.at.col + CHART_COLS - 1),
      );
      await context.sync();
      return name;
    });
  }

  /** Removes a sheet if it is still there. */
  const removeSheet = (name: string): Promise<void> =>
    run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      if (!sheet.isNullObject) {
        sheet.delete();
        await context.sync();
      }
    });

  /** Adds an empty worksheet named `title`, or `title (2)`, … when taken; answers its name. */
  const addSheet = (title: string): Promise<string> =>
    run(async (context) => {
      const sheets = context.workbook.worksheets;
      let name = title;
      for (let i = 2; ; i++) {
        const existing = sheets.getItemOrNullObject(name);
        await context.sync();
        if (existing.isNullObject) break;
        name = `${title} (${i})`;
      }
      sheets.add(name);
      await context.sync();
      return name;
    });

  const store = new ExcelUndoStore(run, documentSettings);
  const applied = inPageApply({ io, store, summaries: { add: writeSummary, remove: removeSheet } });
  // An order file's customer table goes on a new worksheet; undo removes it.
  const newSheets = newSheetActions({ io, store, addSheet, removeSheet, maxRows: EXCEL_ROWS }, applied.undo);

  return {
    kind: 'excel',

    async detectTable() {
      const where = await run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        const selected = context.workbook.getSelectedRange();
        sheet.load('name');
        selected.load('rowIndex,columnIndex,rowCount,columnCount');
        await context.sync();
        return {
          sheetName: sheet.name,
          selection: {
            row: selected.rowIndex,
            col: selected.columnIndex,
            rows: selected.rowCount,
            cols: selected.columnCount,
          },
        };
      });
      const sheetIO = io(where.sheetName);
      const used = await sheetIO.usedRect();
      const values = await sheetIO.readValues(used);
      return tableInGrid(where.sheetName, values, where.selection, where.selection);
    },

    async preview(plan) {
      return previewResult(plan, segmentTable(plan, await io(plan.sheetName).readValues(plan.table)));
    },

    ...applied,
    ...newSheets,
    // DuckDB-Wasm and the order-file run: a chunk of the task pane's build, loaded when a file is picked.
    loadOrderFile: () => import('../panel/order-file/load.js'),

    async loadSettings(): Promise<PanelSettings> {
      const lang = userStore?.getItem(LANG_KEY);
      const tags = documentSettings.get(CUSTOM_TAGS_SETTING);
      return {
        customTags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [],
        ...(lang === 'en' || lang === 'vi' ? { lang } : {}),
      };
    },

    async saveSettings(settings) {
      if (settings.lang) userStore?.setItem(LANG_KEY, settings.lang);
      documentSettings.set(CUSTOM_TAGS_SETTING, [...settings.customTags]);
      await saveSettings(documentSettings);
    },
  };
}
