/**
 * The bundle entry of `dist/apps-script/Code.js`: esbuild wraps this module into one global, `SegmentKit`.
 * The custom functions themselves (`function ABC_CLASS(values, …)` with their JSDoc) are generated from the
 * catalog by scripts/build-apps-script.ts and appended after the bundle; each one calls `SegmentKit.run`.
 * Dates are read on the spreadsheet's clock (sheets-clock.ts).
 */
import { CATALOG } from '../core/index.js';
import { sheetsClock } from './sheets-clock.js';
import { runForSheets, type SheetsResult } from './sheets-host.js';

/** Runs a catalog function on the arguments Sheets passed to its custom function. */
export function run(name: string, args: ArrayLike<unknown>): SheetsResult {
  return runForSheets(name, args, sheetsClock);
}

/** The names of every formula in this build. */
export const FUNCTIONS: readonly string[] = CATALOG.map((spec) => spec.name);

export { server, onOpen, onInstall, showSidebar } from './panel-server.js';
