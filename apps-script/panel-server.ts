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
import { PanelError } from '../core/engine/messages.js';
import type { Plan } from '../core/engine/plan.js';
import { previewResult, summaryRows } from '../core/engine/preview.js';
import { segmentTable } from '../core/engine/segment.js';
import { a1Range, columnLetters, type Rect } from '../core/engine/sheet-io.js';
import { describeTable, isOutputHeader, TABLE_TOP_ROWS } from '../core/engine/table.js';
import { undoLastSync } from '../core/engine/undo.js';
import { label, type Lang } from '../core/labels.js';
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

function writeSummary(lang: Lang, rows: (string | number)[][]): string {
  const book = spreadsheet();
  const base = label('summarySheet', lang);
  let name = base;
  for (let i = 2; book.getSheetByName(name); i++) name = `${base} (${i})`;
  const sheet = book.insertSheet(name);
  const range = sheet.getRange(1, 1, rows.length, 3);
  range.setValues(rows.map((line) => line.map((v) => (typeof v === 'string' ? `'${v}` : v))));
  const charts = gas().Charts;
  if (charts) {
    const chart = sheet
      .newChart()
      .setChartType(charts.ChartType.COLUMN)
      .addRange(sheet.getRange(1, 1, rows.length - 1, 2))
      .setPosition(2, 5, 0, 0)
      .setOption('title', String(rows[0]?.[0] ?? ''))
      .build();
    sheet.insertChart(chart);
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
function checkSettings(settings: PanelSettings): PanelSettings {
  const why = (text: string): never => {
    throw new PanelError('badSettings', { why: text });
  };
  if (!settings || typeof settings !== 'object') why('not a settings object');
  if (settings.lang !== undefined && settings.lang !== 'en' && settings.lang !== 'vi') why('unknown language');
  const tags = settings.customTags;
  if (!Array.isArray(tags)) why('the tags are not a list');
  if (tags.length > MAX_CUSTOM_TAGS) why(`more than ${MAX_CUSTOM_TAGS} tags`);
  for (const tag of tags)
    if (typeof tag !== 'string' || tag.trim() === '' || tag.length > MAX_TAG_LENGTH)
      why(`each tag is a text of 1 to ${MAX_TAG_LENGTH} characters`);
  return { customTags: [...tags], ...(settings.lang ? { lang: settings.lang } : {}) };
}

export const server: ServerFunctions = {
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
    const top = new SheetsSheetIO(spreadsheet(), sheet, sheetsClock).readValues({
      ...rect,
      rows: Math.min(rect.rows, TABLE_TOP_ROWS),
    });
    const selection: Rect = {
      row: active.getRow() - 1,
      col: active.getColumn() - 1,
      rows: active.getNumRows(),
      cols: active.getNumColumns(),
    };
    return describeTable(sheet.getName(), rect, top, selection);
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
                addSummary: (segmentation) =>
                  writeSummary(plan.lang, summaryRows(previewResult(plan, segmentation), plan.lang)),
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
