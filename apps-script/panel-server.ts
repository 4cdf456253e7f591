/**
 * The server side of the Sheets sidebar: the add-on menu, the sidebar, and the bridge functions. Plans run here,
 * next to the data (one read, one setValues, one setBackgrounds on the user's sheet per apply), under the document
 * lock. Progress and cancel cross executions through the user cache; the last apply's undo record lives in the
 * document (sheets-undo-store.ts). Any sidebar can call these functions with any arguments, so each one checks what
 * it is given before it touches the sheet. Services are read from the global object at call time, never imported
 * (Apps Script has no modules).
 */
import { applyPlanSync, type Progress } from '../core/engine/apply.js';
import { convertDatesSync, type ConvertDatesRequest } from '../core/engine/convert.js';
import { SegmentKitError } from '../core/errors.js';
import { PanelError } from '../core/engine/messages.js';
import type { Plan } from '../core/engine/plan.js';
import { previewResult } from '../core/engine/preview.js';
import {
  SUMMARY_NUMBER_FORMATS,
  summarySheet,
  type SummaryChartKind,
  type SummaryFormat,
  type SummarySheet,
} from '../core/engine/summary-sheet.js';
import { segmentTable } from '../core/engine/segment.js';
import { a1Range, columnLetters, type Rect } from '../core/engine/sheet-io.js';
import { describeTable, isOutputHeader, TABLE_TOP_ROWS } from '../core/engine/table.js';
import { undoLastSync } from '../core/engine/undo.js';
import type { PanelSettings } from '../panel/host.js';
import { applyResult, convertResult, lastApplyOf, undoResult } from '../panel/run-apply.js';
import type { ServerFunctions } from './bridge.js';
import type { GasServices, GasSheet, GasSpreadsheet } from './gas-types.js';
import { sheetsClock } from './sheets-clock.js';
import { isInternalSheet, SheetsSheetIO } from './sheets-sheet-io.js';
import { SheetsColumnAnchor, SheetsUndoStore } from './sheets-undo-store.js';

const TAGS_KEY = 'segmentkit.customTags';
const LANG_KEY = 'segmentkit.lang';
const LOCK_MS = 30_000;
const CACHE_SECONDS = 600;
export const MAX_CUSTOM_TAGS = 200;
export const MAX_TAG_LENGTH = 100;

const gas = (): GasServices => globalThis as unknown as GasServices;
/** The user-cache key of a run's progress or cancel flag (the run id cut short: the sidebar sends any text). */
const runKey = (what: 'progress' | 'cancel', runId: unknown): string =>
  `segmentkit.${what}.${String(runId).slice(0, 64)}`;
const spreadsheet = (): GasSpreadsheet => gas().SpreadsheetApp.getActiveSpreadsheet();

function withLock<T>(work: () => T): T {
  const lock = gas().LockService.getDocumentLock();
  try {
    lock.waitLock(LOCK_MS);
  } catch {
    throw new PanelError('busy');
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

/** A user sheet by name: it exists and is not one of SegmentKit's own. */
function userSheet(name: unknown): GasSheet {
  if (typeof name !== 'string') throw new PanelError('sheetMissing', { sheet: String(name) });
  if (isInternalSheet(name)) throw new PanelError('internalSheet', { sheet: name });
  const sheet = spreadsheet().getSheetByName(name);
  if (!sheet) throw new PanelError('sheetMissing', { sheet: name });
  return sheet;
}

const isIndex = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

const rangeText = (sheetName: string, t: Rect | undefined): string =>
  `${sheetName}!${t && isIndex(t.row) && isIndex(t.col) ? a1Range({ ...t, rows: Math.max(1, t.rows | 0), cols: Math.max(1, t.cols | 0) }) : '?'}`;

/**
 * The table is a whole rectangle inside the grid, the block of filled cells the sidebar detected (its bottom and
 * sides; a title above may be left out).
 */
function checkTable(sheetName: unknown, t: Rect): GasSheet {
  const sheet = userSheet(sheetName);
  const bad = (): never => {
    throw new PanelError('badArea', { range: rangeText(String(sheetName), t), sheet: String(sheetName) });
  };
  if (!t || ![t.row, t.col].every(isIndex) || ![t.rows, t.cols].every((n) => isIndex(n) && n > 0)) bad();
  if (t.row + t.rows > sheet.getMaxRows() || t.col + t.cols > sheet.getMaxColumns()) bad();
  const region = sheet.getRange(t.row + 1, t.col + 1).getDataRegion();
  const top = region.getRow() - 1;
  const left = region.getColumn() - 1;
  if (left !== t.col || top > t.row || top + region.getNumRows() !== t.row + t.rows) bad();
  return sheet;
}

/** The plan's table is the detected one (checkTable), and the result column is beside it or carries a result header. */
function checkPlan(plan: Plan): GasSheet {
  const sheet = checkTable(plan?.sheetName, plan?.table);
  const t = plan.table;
  if (plan.outputColumn !== undefined) {
    const col = plan.outputColumn;
    if (!isIndex(col) || col >= sheet.getMaxColumns()) throw new PanelError('badResultColumn', { col: String(col) });
    if (col !== t.col + t.cols) {
      const header = String(sheet.getRange(t.row + 1, col + 1).getValues()[0]?.[0] ?? '');
      if (!isOutputHeader(header, plan.outputHeader ? [plan.outputHeader] : []))
        throw new PanelError('badResultColumn', { col: columnLetters(col) });
    }
  }
  return sheet;
}

/** The summary chart's kinds as Charts.ChartType names; a Pareto is a combo of columns and its cumulative line. */
const SHEETS_CHART_TYPES: Readonly<Record<SummaryChartKind, 'COLUMN' | 'COMBO' | 'SCATTER'>> = {
  columns: 'COLUMN',
  pareto: 'COMBO',
  scatter: 'SCATTER',
};

/** A cell's number format as Sheets takes it; text cells keep the automatic format (their text is written with '). */
const sheetsFormat = (format: SummaryFormat): string =>
  format === 'text' ? 'General' : SUMMARY_NUMBER_FORMATS[format];

/** The summary sheet: one setNumberFormats, one setValues (text as text), an embedded chart beside the table. */
function writeSummary(summary: SummarySheet): string {
  const book = spreadsheet();
  const base = summary.name;
  let name = base;
  for (let i = 2; book.getSheetByName(name); i++) name = `${base} (${i})`;
  const sheet = book.insertSheet(name);
  const rows = summary.cells.length;
  const cols = summary.cells[0]?.length ?? 1;
  const spec = summary.chart;
  // A new sheet is 1,000 × 26: grow it for a long scatter block or a wide profile before writing.
  if (rows > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  const needCols = Math.max(cols, spec.at.col + 1);
  if (needCols > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), needCols - sheet.getMaxColumns());
  const range = sheet.getRange(1, 1, rows, cols);
  range.setNumberFormats(summary.formats.map((line) => line.map(sheetsFormat)));
  range.setValues(summary.cells.map((line) => line.map((v) => (typeof v === 'string' && v !== '' ? `'${v}` : v))));
  const sheetIO = new SheetsSheetIO(book, sheet, sheetsClock);
  summary.columnWidths.forEach((width, col) => sheetIO.setColumnWidth(col, width));
  const charts = gas().Charts;
  if (charts) {
    const { row, col, rows: sourceRows, cols: sourceCols } = spec.source;
    const series: Record<number, Record<string, unknown>> = {};
    if (spec.dataLabels) series[0] = { dataLabel: 'value' };
    if (spec.lineSeries !== undefined) series[spec.lineSeries] = { type: 'line', pointSize: 5 };
    let builder = sheet
      .newChart()
      .setChartType(charts.ChartType[SHEETS_CHART_TYPES[spec.kind]])
      .addRange(sheet.getRange(row + 1, col + 1, sourceRows, sourceCols))
      .setNumHeaders(1)
      .setPosition(spec.at.row + 1, spec.at.col + 1, 0, 0)
      .setOption('title', spec.title)
      .setOption('hAxis.title', spec.xTitle)
      .setOption('vAxis.title', spec.yTitle)
      .setOption('legend', { position: spec.lineSeries === undefined ? 'none' : 'bottom' });
    if (spec.lineSeries !== undefined) builder = builder.setOption('seriesType', 'bars');
    if (Object.keys(series).length > 0) builder = builder.setOption('series', series);
    sheet.insertChart(builder.build());
  }
  return name;
}

function removeSheet(name: string): void {
  const sheet = spreadsheet().getSheetByName(name);
  if (sheet) spreadsheet().deleteSheet(sheet);
}

/** A conversion's table is the detected one, its column one of the table's, its day/month order one of the two. */
function checkConversion(request: ConvertDatesRequest): ConvertDatesRequest {
  const { sheetName, table, column, order } = request ?? ({} as ConvertDatesRequest);
  checkTable(sheetName, table);
  if (!isIndex(column) || column >= table.cols)
    throw new PanelError('badColumn', { col: String(column), range: rangeText(sheetName, table) });
  if (order !== undefined && order !== 'dmy' && order !== 'mdy')
    throw new PanelError('badDateOrder', { order: String(order) });
  return { sheetName, table, column, ...(order ? { order } : {}) };
}

const store = (): SheetsUndoStore =>
  new SheetsUndoStore(spreadsheet(), gas().PropertiesService.getDocumentProperties());

const io = (name: string): SheetsSheetIO => new SheetsSheetIO(spreadsheet(), userSheet(name), sheetsClock);

/** The settings as the panel may save them: a language, and the user's own tags (short texts, not too many). */
type SettingsProblem =
  'settingsNotObject' | 'settingsLanguage' | 'settingsTagsList' | 'settingsTooManyTags' | 'settingsTagLength';

function checkSettings(settings: PanelSettings): PanelSettings {
  const why = (code: SettingsProblem, n = 0): never => {
    throw new PanelError(code, { n });
  };
  if (!settings || typeof settings !== 'object') why('settingsNotObject');
  if (settings.lang !== undefined && settings.lang !== 'en' && settings.lang !== 'vi') why('settingsLanguage');
  const tags = settings.customTags;
  if (!Array.isArray(tags)) why('settingsTagsList');
  if (tags.length > MAX_CUSTOM_TAGS) why('settingsTooManyTags', MAX_CUSTOM_TAGS);
  for (const tag of tags)
    if (typeof tag !== 'string' || tag.trim() === '' || tag.length > MAX_TAG_LENGTH)
      why('settingsTagLength', MAX_TAG_LENGTH);
  return { customTags: [...tags], ...(settings.lang ? { lang: settings.lang } : {}) };
}

const serverFunctions: ServerFunctions = {
  segmentkitDetectTable() {
    const sheet = spreadsheet().getActiveSheet();
    if (isInternalSheet(sheet.getName())) throw new PanelError('internalSheet', { sheet: sheet.getName() });
    const active = sheet.getActiveRange() ?? sheet.getActiveCell();
    const region = active.getDataRegion();
    const rect: Rect = {
      row: region.getRow() - 1,
      col: region.getColumn() - 1,
      rows: region.getNumRows(),
      cols: region.getNumColumns(),
    };
    const sheetIO = new SheetsSheetIO(spreadsheet(), sheet, sheetsClock);
    const top = sheetIO.readValues({ ...rect, rows: Math.min(rect.rows, TABLE_TOP_ROWS) });
    const columnAfterNextHolds = !sheetIO.isBlank({
      row: rect.row,
      col: rect.col + rect.cols + 1,
      rows: rect.rows,
      cols: 1,
    });
    const selection: Rect = {
      row: active.getRow() - 1,
      col: active.getColumn() - 1,
      rows: active.getNumRows(),
      cols: active.getNumColumns(),
    };
    return describeTable(sheet.getName(), rect, top, selection, [], columnAfterNextHolds);
  },

  segmentkitPreview(plan) {
    checkPlan(plan);
    const values = io(plan.sheetName).readValues(plan.table);
    return previewResult(plan, segmentTable(plan, values));
  },

  segmentkitApply(request, runId) {
    const cache = gas().CacheService.getUserCache();
    return withLock(() => {
      const { plan } = request;
      checkPlan(plan);
      const outcome = applyPlanSync(
        {
          io: io(plan.sheetName),
          store: store(),
          anchor: new SheetsColumnAnchor(spreadsheet()),
          ...(request.summarySheet
            ? {
                addSummary: (segmentation) => writeSummary(summarySheet(plan, segmentation)),
              }
            : {}),
          removeSummary: removeSheet,
        },
        plan,
        request.confirmOverwrite === true,
        {
          onProgress: (progress: Progress) =>
            cache.put(runKey('progress', runId), JSON.stringify(progress), CACHE_SECONDS),
          isCancelled: () => cache.get(runKey('cancel', runId)) !== null,
        },
      );
      return applyResult(plan, outcome);
    });
  },

  segmentkitProgress(runId) {
    const raw = gas().CacheService.getUserCache().get(runKey('progress', runId));
    return raw ? (JSON.parse(raw) as Progress) : null;
  },

  segmentkitCancel(runId) {
    gas().CacheService.getUserCache().put(runKey('cancel', runId), '1', CACHE_SECONDS);
  },

  segmentkitConvertDates(request) {
    return withLock(() => {
      const checked = checkConversion(request);
      const outcome = convertDatesSync(
        { io: io(checked.sheetName), store: store(), anchor: new SheetsColumnAnchor(spreadsheet()) },
        checked,
      );
      return convertResult(outcome);
    });
  },

  segmentkitLastApply() {
    return withLock(() => {
      try {
        return lastApplyOf(store().load()) ?? null;
      } catch (error) {
        if (PanelError.from(error)?.code === 'undoCopyGone') return null;
        throw error;
      }
    });
  },

  segmentkitUndo(confirmChanged) {
    return withLock(() =>
      undoResult(
        undoLastSync(
          { io, store: store(), anchor: new SheetsColumnAnchor(spreadsheet()), removeSummary: removeSheet },
          confirmChanged === true,
        ),
      ),
    );
  },

  segmentkitLoadSettings(): PanelSettings {
    const properties = gas().PropertiesService;
    const lang = properties.getUserProperties().getProperty(LANG_KEY);
    let tags: unknown = [];
    try {
      tags = JSON.parse(properties.getDocumentProperties().getProperty(TAGS_KEY) ?? '[]');
    } catch {
      tags = [];
    }
    return {
      customTags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [],
      ...(lang === 'en' || lang === 'vi' ? { lang } : {}),
    };
  },

  segmentkitSaveSettings(settings) {
    const checked = checkSettings(settings);
    const properties = gas().PropertiesService;
    if (checked.lang) properties.getUserProperties().setProperty(LANG_KEY, checked.lang);
    properties.getDocumentProperties().setProperty(TAGS_KEY, JSON.stringify(checked.customTags));
  },
};

/**
 * The server functions as the sidebar calls them: a method's whole-call problem (SegmentKitError, English text) is
 * sent as a PanelError, so the sidebar says it in the user's language.
 */
export const server = Object.fromEntries(
  Object.entries(serverFunctions).map(([name, fn]) => [
    name,
    (...args: unknown[]) => {
      try {
        return (fn as (...a: unknown[]) => unknown)(...args);
      } catch (error) {
        throw error instanceof SegmentKitError ? PanelError.ofProblem(error) : error;
      }
    },
  ]),
) as unknown as ServerFunctions;

export function onOpen(): void {
  gas().SpreadsheetApp.getUi().createAddonMenu().addItem('Open panel', 'showSidebar').addToUi();
}

export function onInstall(): void {
  onOpen();
}

export function showSidebar(): void {
  const output = gas().HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('SegmentKit');
  gas().SpreadsheetApp.getUi().showSidebar(output);
}
