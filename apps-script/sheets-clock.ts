/**
 * The spreadsheet's clock for Apps Script: its time zone, and the wall clock of an instant there. Both the formulas
 * (main.ts) and the side panel's server (panel-server.ts) read dates with it.
 *
 * Apps Script services are read from the global object when a call needs them, never imported: the bundle also
 * loads where they do not exist (tests in node:vm), and then dates simply stay in the script's zone.
 */
import { intlWallClock, type SheetsClock, type WallClock } from './sheets-host.js';

/** The few Apps Script services the clock touches, as optional globals. */
interface AppsScriptGlobals {
  readonly SpreadsheetApp?: {
    getActiveSpreadsheet(): { getSpreadsheetTimeZone(): string } | null;
  };
  readonly Utilities?: {
    formatDate(date: Date, timeZone: string, format: string): string;
  };
}

const host = globalThis as unknown as AppsScriptGlobals;

const WALL_TEXT = /^(-?\d+)-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** The spreadsheet's time zone, and its wall clock through Intl or, for a zone Intl lacks, Utilities.formatDate. */
export const sheetsClock: SheetsClock = {
  zone() {
    const spreadsheet = host.SpreadsheetApp?.getActiveSpreadsheet();
    return spreadsheet ? spreadsheet.getSpreadsheetTimeZone() : undefined;
  },
  wallClock(instant: Date, zone: string): WallClock {
    try {
      return intlWallClock(instant, zone);
    } catch (error) {
      if (!host.Utilities) throw error;
    }
    const m = WALL_TEXT.exec(host.Utilities.formatDate(instant, zone, 'yyyy-MM-dd HH:mm:ss'));
    if (!m) throw new RangeError(`cannot read the time in ${zone}`);
    const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    return { year, month, day, hour, minute, second };
  },
};
