/**
 * The typed bridge between the Sheets sidebar and the server (gas-client style): every server function the
 * sidebar may call, by name, with JSON-only arguments and answers. The server implements it (panel-server.ts),
 * the build turns each name into a top-level function of Code.js, the sidebar calls it through `callServer`.
 */
import type { Progress } from '../core/engine/apply.js';
import type { Plan } from '../core/engine/plan.js';
import type {
  ApplyRequest,
  ApplyResult,
  ConvertDatesRequest,
  ConvertDatesResult,
  LastApply,
  PanelSettings,
  PreviewResult,
  TableInfo,
  UndoResult,
} from '../panel/host.js';

export interface ServerFunctions {
  segmentkitDetectTable(): TableInfo;
  segmentkitPreview(plan: Plan): PreviewResult;
  segmentkitApply(request: ApplyRequest, runId: string): ApplyResult;
  segmentkitProgress(runId: string): Progress | null;
  segmentkitCancel(runId: string): void;
  segmentkitConvertDates(request: ConvertDatesRequest): ConvertDatesResult;
  segmentkitLastApply(): LastApply | null;
  segmentkitUndo(confirmChanged: boolean): UndoResult;
  segmentkitLoadSettings(): PanelSettings;
  segmentkitSaveSettings(settings: PanelSettings): void;
}

export type ServerFunctionName = keyof ServerFunctions;

/** The names, for the build (one global function each) and the tests. */
export const SERVER_FUNCTIONS: readonly ServerFunctionName[] = [
  'segmentkitDetectTable',
  'segmentkitPreview',
  'segmentkitApply',
  'segmentkitProgress',
  'segmentkitCancel',
  'segmentkitConvertDates',
  'segmentkitLastApply',
  'segmentkitUndo',
  'segmentkitLoadSettings',
  'segmentkitSaveSettings',
];

/** Menu and trigger functions Apps Script calls by name. */
export const TRIGGER_FUNCTIONS = ['onOpen', 'onInstall', 'showSidebar'] as const;
