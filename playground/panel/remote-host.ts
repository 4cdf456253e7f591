/**
 * The side panel's host on the page when the workbook lives in the Web Worker: each call is run by the playground
 * host (host.ts) in the worker, against its workbook, and answered here; an apply's progress comes back as it is
 * made and its Cancel reaches the worker between the engine's steps. Settings stay in the page's storage.
 */
import type {
  ApplyResult,
  ConvertDatesResult,
  CustomerSheetResult,
  LastApply,
  PanelHost,
  PreviewResult,
  TableInfo,
  UndoResult,
} from '../../panel/host.js';
import type { Progress } from '../../core/engine/apply.js';
import type { RemoteWorkbook } from '../engine/remote-workbook.js';
import { loadPanelSettings, savePanelSettings, type SettingsStore } from './settings.js';

/**
 * @example createRemotePlaygroundHost(workbook, window.localStorage)
 * Cost: one round trip to the worker per call, plus what the call costs there.
 */
export function createRemotePlaygroundHost(workbook: RemoteWorkbook, store?: SettingsStore): PanelHost {
  return {
    kind: 'playground',
    detectTable: async () => (await workbook.host('detectTable', [])) as TableInfo,
    preview: async (plan) => (await workbook.host('preview', [plan])) as PreviewResult,
    apply: async (request, onProgress, signal) =>
      (await workbook.hostApply(request, (p) => onProgress(p as Progress), signal)) as ApplyResult,
    convertDates: async (request) => (await workbook.host('convertDates', [request])) as ConvertDatesResult,
    lastApply: async () => (await workbook.host('lastApply', [])) as LastApply | undefined,
    undo: async (confirmChanged) =>
      (await workbook.host('undo', confirmChanged === undefined ? [] : [confirmChanged])) as UndoResult,
    writeCustomerSheet: async (request, onProgress, signal) =>
      (await workbook.hostApply(
        request,
        (p) => onProgress(p as Progress),
        signal,
        'writeCustomerSheet',
      )) as CustomerSheetResult,
    // DuckDB-Wasm and the order-file run, in the page: a chunk loaded when a file is picked.
    loadOrderFile: () => import('../../panel/order-file/load.js'),
    loadSettings: async () => loadPanelSettings(store),
    saveSettings: async (settings) => savePanelSettings(store, settings),
  };
}
