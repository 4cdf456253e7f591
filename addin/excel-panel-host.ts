/**
 * The side panel's host in Excel: the table around the selection, plans run in the task pane through the chunked
 * Excel SheetIO, the last apply's undo record kept in the workbook (excel-undo-store.ts) so it outlives the task
 * pane, an optional summary sheet with a native column chart, the language per user (localStorage) and the user's
 * own tags in the document's settings.
 */
import { previewResult } from '../core/engine/preview.js';
import { segmentTable } from '../core/engine/segment.js';
import { regionAround, describeTable, TABLE_TOP_ROWS } from '../core/engine/table.js';
import type { PanelHost, PanelSettings } from '../panel/host.js';
import { PanelError } from '../core/engine/messages.js';
import { inPageApply } from '../panel/run-apply.js';
import type { ExcelRun, OfficeDocumentSettings } from './excel-api.js';
import { ExcelSheetIO } from './excel-sheet-io.js';
import { ExcelUndoStore, saveSettings, UNDO_SHEET_PREFIX } from './excel-undo-store.js';

export const CUSTOM_TAGS_SETTING = 'segmentkit.customTags';
const LANG_KEY = 'segmentkit.panel.lang';

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
  async function writeSummary(sheetName: string, rows: (string | number)[][]): Promise<string> {
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
      const table = sheet.getRangeByIndexes(0, 0, rows.length, 3);
      table.numberFormat = rows.map((line, r) => ['@', '#,##0', r === 0 ? '@' : '0.0%']);
      table.values = rows;
      const chart = sheet.charts.add('ColumnClustered', sheet.getRangeByIndexes(0, 0, rows.length - 1, 2), 'Columns');
      chart.title.text = String(rows[0]?.[0] ?? '');
      chart.setPosition('E2', 'L20');
      await context.sync();
      return name;
    });
  }

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
      const region = regionAround(values, where.selection.row, where.selection.col);
      const top = values
        .slice(region.row, region.row + TABLE_TOP_ROWS)
        .map((line) => line.slice(region.col, region.col + region.cols));
      return describeTable(where.sheetName, region, top, where.selection);
    },

    async preview(plan) {
      return previewResult(plan, segmentTable(plan, await io(plan.sheetName).readValues(plan.table)));
    },

    ...inPageApply({
      io,
      store: new ExcelUndoStore(run, documentSettings),
      summaries: {
        add: writeSummary,
        remove: (name) =>
          run(async (context) => {
            const sheet = context.workbook.worksheets.getItemOrNullObject(name);
            await context.sync();
            if (!sheet.isNullObject) {
              sheet.delete();
              await context.sync();
            }
          }),
      },
    }),

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
