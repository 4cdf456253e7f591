/**
 * The server side of the Sheets sidebar: the add-on menu, the sidebar, and the bridge functions. Plans run here,
 * next to the data (one read, one setValues, one setBackgrounds per apply), under the document lock. Progress and
 * cancel cross executions through the user cache; the last apply's undo record lives in the document properties.
 * Services are read from the global object at call time, never imported (Apps Script has no modules).
 */
import { applyPlanSync, targetColumn, undoApplySync, type Progress, type UndoRecord } from '../core/engine/apply.js';
import type { Plan } from '../core/engine/plan.js';
import { previewResult, summaryRows } from '../core/engine/preview.js';
import { segmentTable } from '../core/engine/segment.js';
import { a1Range, type Rect } from '../core/engine/sheet-io.js';
import { label } from '../core/labels.js';
import { describeTable, TABLE_TOP_ROWS } from '../core/engine/table.js';
import type { ApplyResult, PanelSettings } from '../panel/host.js';
import type { ServerFunctions } from './bridge.js';
import type { GasServices, GasSheet } from './gas-types.js';
import { sheetsClock } from './main.js';
import { SheetsSheetIO } from './sheets-sheet-io.js';
import { withSheetsDates } from './sheets-host.js';

const UNDO_KEY = 'segmentkit.undo';
const TAGS_KEY = 'segmentkit.customTags';
const LANG_KEY = 'segmentkit.lang';
const LOCK_MS = 30_000;
const CACHE_SECONDS = 600;

const gas = (): GasServices => globalThis as unknown as GasServices;

interface SavedUndo {
  readonly sheetName: string;
  readonly states: UndoRecord['states'];
  readonly description: string;
  readonly undoSheet?: string;
  readonly summarySheet?: string;
}

function sheetNamed(name: string): GasSheet {
  const sheet = gas().SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new Error(`There is no sheet named "${name}" any more.`);
  return sheet;
}

function withLock<T>(work: () => T): T {
  const lock = gas().LockService.getDocumentLock();
  try {
    lock.waitLock(LOCK_MS);
  } catch {
    throw new Error('Another SegmentKit action is still running in this spreadsheet; try again in a moment.');
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

function savedUndo(): SavedUndo | undefined {
  const raw = gas().PropertiesService.getDocumentProperties().getProperty(UNDO_KEY);
  return raw ? (JSON.parse(raw) as SavedUndo) : undefined;
}

function dropSheet(name: string | undefined): void {
  if (!name) return;
  const spreadsheet = gas().SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName(name);
  if (sheet) spreadsheet.deleteSheet(sheet);
}

/** The table and its result column: what one apply reads and copies. */
function applyArea(plan: Plan): Rect {
  const target = targetColumn(plan);
  const left = Math.min(plan.table.col, target.col);
  const right = Math.max(plan.table.col + plan.table.cols, target.col + 1);
  return { row: plan.table.row, col: left, rows: plan.table.rows, cols: right - left };
}

function writeSummary(plan: Plan, rows: (string | number)[][]): string {
  const spreadsheet = gas().SpreadsheetApp.getActiveSpreadsheet();
  const base = label('summarySheet', plan.lang);
  let name = base;
  for (let i = 2; spreadsheet.getSheetByName(name); i++) name = `${base} (${i})`;
  const sheet = spreadsheet.insertSheet(name);
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

export const server: ServerFunctions = {
  segmentkitDetectTable() {
    const sheet = gas().SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    const active = sheet.getActiveRange() ?? sheet.getActiveCell();
    const region = active.getDataRegion();
    const rect: Rect = {
      row: region.getRow() - 1,
      col: region.getColumn() - 1,
      rows: region.getNumRows(),
      cols: region.getNumColumns(),
    };
    const top = withSheetsDates(
      sheet.getRange(region.getRow(), region.getColumn(), Math.min(rect.rows, TABLE_TOP_ROWS), rect.cols).getValues(),
      sheetsClock,
    ).map((line) => line.map((v) => (v === '' ? null : (v as string | number | boolean))));
    const selection: Rect = {
      row: active.getRow() - 1,
      col: active.getColumn() - 1,
      rows: active.getNumRows(),
      cols: active.getNumColumns(),
    };
    return describeTable(sheet.getName(), rect, top, selection);
  },

  segmentkitPreview(plan) {
    const sheet = sheetNamed(plan.sheetName);
    const t = plan.table;
    const values = withSheetsDates(sheet.getRange(t.row + 1, t.col + 1, t.rows, t.cols).getValues(), sheetsClock);
    return previewResult(plan, segmentTable(plan, values));
  },

  segmentkitApply(request, runId) {
    const cache = gas().CacheService.getUserCache();
    return withLock((): ApplyResult => {
      const { plan } = request;
      const spreadsheet = gas().SpreadsheetApp.getActiveSpreadsheet();
      const io = new SheetsSheetIO(spreadsheet, sheetNamed(plan.sheetName), applyArea(plan), sheetsClock);
      let outcome;
      try {
        outcome = applyPlanSync(io, plan, request.confirmOverwrite, {
          onProgress: (progress: Progress) =>
            cache.put(`segmentkit.progress.${runId}`, JSON.stringify(progress), CACHE_SECONDS),
          isCancelled: () => cache.get(`segmentkit.cancel.${runId}`) !== null,
        });
      } catch (error) {
        io.dropSnapshot();
        throw error;
      }
      if (outcome.kind !== 'applied') {
        io.dropSnapshot();
        return outcome.kind === 'cancelled'
          ? { kind: 'cancelled' as const }
          : { kind: 'needsConfirmation' as const, target: a1Range(outcome.target), nonEmpty: outcome.nonEmpty };
      }
      const preview = previewResult(plan, outcome.segmentation);
      const summarySheet = request.summarySheet ? writeSummary(plan, summaryRows(preview, plan.lang)) : undefined;
      const previous = savedUndo();
      dropSheet(previous?.undoSheet);
      const record: SavedUndo = {
        sheetName: outcome.undo.sheetName,
        description: outcome.undo.description,
        states: outcome.undo.states.map((s) => ({ rect: s.rect, ...(s.snapshot ? { snapshot: s.snapshot } : {}) })),
        ...(io.undoSheetName ? { undoSheet: io.undoSheetName } : {}),
        ...(summarySheet ? { summarySheet } : {}),
      };
      gas().PropertiesService.getDocumentProperties().setProperty(UNDO_KEY, JSON.stringify(record));
      return {
        kind: 'applied' as const,
        target: a1Range(outcome.target),
        legend: outcome.legend,
        preview,
        ...(summarySheet ? { summarySheet } : {}),
      };
    });
  },

  segmentkitProgress(runId) {
    const raw = gas().CacheService.getUserCache().get(`segmentkit.progress.${runId}`);
    return raw ? (JSON.parse(raw) as Progress) : null;
  },

  segmentkitCancel(runId) {
    gas().CacheService.getUserCache().put(`segmentkit.cancel.${runId}`, '1', CACHE_SECONDS);
  },

  segmentkitLastApply() {
    const saved = savedUndo();
    return saved ? { description: saved.description } : null;
  },

  segmentkitUndo() {
    const saved = savedUndo();
    if (!saved) return false;
    return withLock(() => {
      const spreadsheet = gas().SpreadsheetApp.getActiveSpreadsheet();
      const area = saved.states[0]?.rect ?? { row: 0, col: 0, rows: 0, cols: 0 };
      const io = new SheetsSheetIO(spreadsheet, sheetNamed(saved.sheetName), area, sheetsClock);
      undoApplySync(io, { sheetName: saved.sheetName, states: saved.states, description: saved.description });
      dropSheet(saved.undoSheet);
      dropSheet(saved.summarySheet);
      gas().PropertiesService.getDocumentProperties().deleteProperty(UNDO_KEY);
      return true;
    });
  },

  segmentkitLoadSettings(): PanelSettings {
    const properties = gas().PropertiesService;
    const lang = properties.getUserProperties().getProperty(LANG_KEY);
    const tags = JSON.parse(properties.getDocumentProperties().getProperty(TAGS_KEY) ?? '[]') as unknown;
    return {
      customTags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [],
      ...(lang === 'en' || lang === 'vi' ? { lang } : {}),
    };
  },

  segmentkitSaveSettings(settings) {
    const properties = gas().PropertiesService;
    if (settings.lang) properties.getUserProperties().setProperty(LANG_KEY, settings.lang);
    properties.getDocumentProperties().setProperty(TAGS_KEY, JSON.stringify(settings.customTags));
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
