/**
 * The Google Sheets side of a formula call: what Sheets hands a custom function goes to the core, and the
 * core's answer grid comes back as values Sheets can show.
 *
 * - Sheets passes blanks as `""`, ranges as 2-D arrays, dates as `Date` objects, and leaves out omitted
 *   trailing arguments; the core reads all of that as is.
 * - Sheets cannot return a per-cell error, so a per-row problem becomes text `#VALUE! <why>` in the call's
 *   language; a whole-call problem is thrown as an `Error`, whose message Sheets shows on the cell.
 * - A date answer becomes a `Date`.
 *
 * Time zones: Sheets builds a date argument as midnight *in the spreadsheet's time zone*, while the script
 * runs in the time zone of its manifest (an add-on's users live in every zone). When the two differ, a date
 * read with the script's clock can land on the day before. When a clock for the spreadsheet's zone is
 * available, date arguments are re-read on the spreadsheet's wall clock, and date answers are built as
 * midnight in the spreadsheet's zone, so the day is always the one the user sees.
 */
import {
  describeProblem,
  gridWidth,
  hostCell,
  invoke,
  isDate,
  serialToDate,
  type HostCells,
  type Lang,
  type OutCell,
  type OutGrid,
} from '../core/index.js';
import { MS_PER_DAY, UNIX_EPOCH_SERIAL } from '../core/dates.js';

/** A cell value as Sheets accepts it from a custom function. */
export type SheetsCell = string | number | boolean | Date;
/** What a custom function returns: a grid, or one value for an empty answer. */
export type SheetsResult = SheetsCell[][] | SheetsCell;

/** The prefix of a per-row problem's text (Sheets cannot return a per-cell error value). */
export const PROBLEM_PREFIX = '#VALUE! ';

/** Wall-clock fields of an instant in some time zone. */
export interface WallClock {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/**
 * The spreadsheet's time zone and a way to read an instant's wall clock in it. `zone` is only asked for
 * when a call has a date argument or a date answer; undefined means "same as the script", no conversion.
 */
export interface SheetsClock {
  zone(): string | undefined;
  wallClock(instant: Date, zone: string): WallClock;
}

/** The time zone the script's own `Date` uses (Apps Script: the manifest's `timeZone`). */
export function localZone(): string | undefined {
  try {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Wall clock of an instant in a zone, through Intl; throws RangeError for a zone Intl does not know. */
export function intlWallClock(instant: Date, zone: string): WallClock {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? NaN,
    month: parts.month ?? NaN,
    day: parts.day ?? NaN,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Milliseconds of an instant within its second (time zones move whole seconds). */
function millisecondsOf(instant: Date): number {
  const t = instant.getTime();
  return ((t % 1000) + 1000) % 1000;
}

/** Per call: the spreadsheet's zone (asked once, only when needed) and the conversions both ways. */
class DateBridge {
  private zoneKnown = false;
  private zoneName: string | undefined;
  private readonly inputs = new Map<number, Date>();

  constructor(private readonly clock: SheetsClock | undefined) {}

  private zone(): string | undefined {
    if (!this.zoneKnown) {
      this.zoneKnown = true;
      let zone: string | undefined;
      try {
        zone = this.clock?.zone();
      } catch {
        zone = undefined;
      }
      this.zoneName = zone && zone !== localZone() ? zone : undefined;
    }
    return this.zoneName;
  }

  private wall(instant: Date, zone: string): WallClock | undefined {
    try {
      const wall = (this.clock as SheetsClock).wallClock(instant, zone);
      return Number.isFinite(wall.year) && Number.isFinite(wall.month) && Number.isFinite(wall.day) ? wall : undefined;
    } catch {
      return undefined;
    }
  }

  /** A date argument as a local `Date` with the spreadsheet's wall clock, so the core reads the day the user sees. */
  input(date: Date): Date {
    const zone = this.zone();
    const t = date.getTime();
    if (zone === undefined || Number.isNaN(t)) return date;
    let local = this.inputs.get(t);
    if (!local) {
      const w = this.wall(date, zone);
      local = w ? new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, millisecondsOf(date)) : date;
      // Years 0–99: the Date constructor maps them to 1900–1999.
      if (w && w.year >= 0 && w.year < 100) local.setFullYear(w.year);
      this.inputs.set(t, local);
    }
    return local;
  }

  /** A date answer: midnight of that day in the spreadsheet's zone (the script's own zone when unknown). */
  output(serial: number): Date {
    const zone = this.zone();
    if (zone === undefined) return serialToDate(serial);
    const wallUtc = (Math.floor(serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY;
    const offsetAt = (instant: number): number | undefined => {
      const w = this.wall(new Date(instant), zone);
      if (!w) return undefined;
      const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
      return asUtc - (instant - millisecondsOf(new Date(instant)));
    };
    const first = offsetAt(wallUtc);
    if (first === undefined) return serialToDate(serial);
    let instant = wallUtc - first;
    const second = offsetAt(instant);
    if (second !== undefined && second !== first) instant = wallUtc - second;
    return new Date(instant);
  }
}

/** A raw argument with every `Date` (a bare value or a cell of a range) re-read by the bridge; copies only what changes. */
function convertDates(raw: unknown, bridge: DateBridge): unknown {
  if (isDate(raw)) return bridge.input(raw);
  if (!Array.isArray(raw)) return raw;
  let copy: unknown[] | undefined;
  for (let i = 0; i < raw.length; i++) {
    const item: unknown = raw[i];
    let next: unknown = item;
    if (Array.isArray(item)) {
      let rowCopy: unknown[] | undefined;
      for (let j = 0; j < item.length; j++) {
        const cell: unknown = item[j];
        if (typeof cell !== 'object' || cell === null || !isDate(cell)) continue;
        const read = bridge.input(cell);
        if (read === cell) continue;
        rowCopy ??= item.slice();
        rowCopy[j] = read;
      }
      if (rowCopy) next = rowCopy;
    } else if (typeof item === 'object' && item !== null && isDate(item)) {
      next = bridge.input(item);
    }
    if (next !== item) {
      copy ??= raw.slice();
      copy[i] = next;
    }
  }
  return copy ?? raw;
}

/** Sheets' values for the cells it cannot take as they are: `#NUM!` and `#VALUE! <why>` text, dates by `date`. */
function sheetsCells(lang: Lang, date: (serial: number) => Date): HostCells<SheetsCell> {
  return {
    notFinite: () => '#NUM!',
    problem: (problem) => PROBLEM_PREFIX + describeProblem(problem, lang),
    date,
  };
}

function needsConversion(cell: unknown): boolean {
  return typeof cell === 'object' || (typeof cell === 'number' && !Number.isFinite(cell));
}

/**
 * The core's answer grid as Sheets values: rectangular (short rows padded with `""`), problems as
 * `#VALUE!` text, dates as `Date`. Rows that need no change are passed on as they are (Sheets only reads them).
 */
export function toSheetsGrid(grid: OutGrid, lang: Lang, date: (serial: number) => Date = serialToDate): SheetsResult {
  const width = gridWidth(grid);
  if (grid.length === 0 || width === 0) return '';
  const cells = sheetsCells(lang, date);
  const out = new Array<SheetsCell[]>(grid.length);
  for (let i = 0; i < grid.length; i++) {
    const row = grid[i] as OutCell[];
    let plain = row.length === width;
    for (let j = 0; plain && j < row.length; j++) if (needsConversion(row[j])) plain = false;
    if (plain) {
      out[i] = row as SheetsCell[];
      continue;
    }
    const next = new Array<SheetsCell>(width);
    for (let j = 0; j < width; j++) next[j] = hostCell(row[j], cells);
    out[i] = next;
  }
  return out;
}

/**
 * Runs a catalog function with the arguments Sheets passed (the wrapper's `arguments`): per-row problems come
 * back as `#VALUE!` text, a whole-call problem is thrown as an Error in the call's language.
 */
export function runForSheets(name: string, args: ArrayLike<unknown>, clock?: SheetsClock): SheetsResult {
  const bridge = new DateBridge(clock);
  const list = new Array<unknown>(args.length);
  for (let i = 0; i < args.length; i++) list[i] = convertDates(args[i], bridge);
  const result = invoke(name, list);
  if (!result.ok) throw new Error(result.error.messageIn(result.lang));
  return toSheetsGrid(result.grid, result.lang, (serial) => bridge.output(serial));
}

/** A block of cells from `getValues`, its `Date` cells read in the spreadsheet's time zone (as formulas read them). */
export function withSheetsDates<T>(values: T[][], clock?: SheetsClock): T[][] {
  return convertDates(values, new DateBridge(clock)) as T[][];
}
