/**
 * Date columns that hold no dates: 8-digit numbers (`19970101`, as point-of-sale and accounting exports write them)
 * or text (`22/09/2026 09:46:16`). The formulas read both, but the sheet cannot sort, filter or compute with them as
 * dates, and day/month text that nothing in the column settles (`01/02/2026`) is read by no one. The preview says what
 * such a column holds and what it would read as, and offers to convert it in place (convert.ts); here is what it
 * would write: each cell's day serial, read by the core's readers with the column read as a whole.
 */
import { isProblem } from '../errors.js';
import { isDate, readDate } from '../cells.js';
import {
  dateTextToSerial,
  isEightDigitNumber,
  serialToIso,
  settleDateOrder,
  yyyymmddToSerial,
  type DateOrder,
  type DayMonthOrder,
} from '../dates.js';
import type { Plan } from './plan.js';
import { headerName, single, type Cell, type Rows } from './table-columns.js';

/** The roles that hold dates. */
const DATE_ROLES: readonly string[] = ['orderDate', 'lastPurchase', 'firstPurchase'];

export interface DateColumnFinding {
  readonly role: string;
  /** The column within the table (0-based). */
  readonly column: number;
  readonly header: string;
  /** What the column holds instead of dates: 8-digit numbers, or text. */
  readonly found: 'numbers' | 'text';
  /** The first such cell, as it is written. */
  readonly example: string;
  /** The day (ISO) the example reads as; absent when the column does not settle day and month. */
  readonly readAs?: string;
  /** When nothing in the column settles day and month: the example read day first, and month first. */
  readonly dayFirst?: string;
  readonly monthFirst?: string;
  /** Cells a conversion turns into dates (with either order, when the order is the user's choice). */
  readonly convertible: number;
  /** Filled cells that are neither dates nor convertible: a conversion leaves them as they are. */
  readonly notDates: number;
  /** Some converted text has a time of day, which a date does not keep. */
  readonly withTime: boolean;
}

const TIME_OF_DAY = /\d:\d\d/;

/** What a cell is a date in, when the order is chosen by the user or settled by the column. */
function orderFor(cells: readonly Cell[], order: DayMonthOrder | undefined): DateOrder {
  return order ? { order } : settleDateOrder(cells);
}

/**
 * The day serial each cell converts into, or undefined for a cell a conversion leaves as it is (a blank, a date
 * already, a formula, a cell that reads as no date). `order` is the user's choice for day/month text the column does
 * not settle. O(n).
 */
export function convertedDates(
  cells: readonly Cell[],
  order?: DayMonthOrder,
  isFormula: (row: number) => boolean = () => false,
): (number | undefined)[] {
  const settled = orderFor(cells, order);
  return cells.map((cell, row) => {
    if (isFormula(row)) return undefined;
    if (typeof cell === 'number') return isEightDigitNumber(cell) ? yyyymmddToSerial(cell) : undefined;
    if (typeof cell !== 'string' || cell.trim() === '') return undefined;
    const read = readDate(cell, settled);
    return typeof read === 'number' ? read : undefined;
  });
}

/** Whether a cell holds a date already: a serial (Excel, the playground) or a Date (Sheets). */
const isDateAlready = (cell: Cell): boolean => isDate(cell) || (typeof cell === 'number' && !isEightDigitNumber(cell));

const shown = (cell: Cell): string => (typeof cell === 'string' ? cell.trim() : String(cell));

/** What one date column holds, when some of it is 8-digit numbers or date text. O(n). */
function findDateColumn(
  cells: readonly Cell[],
  role: string,
  column: number,
  header: string,
): DateColumnFinding | undefined {
  const settled = settleDateOrder(cells);
  const unsettled = cells.find((cell): cell is string => {
    if (typeof cell !== 'string') return false;
    const read = readDate(cell, settled);
    return isProblem(read) && read.code === 'ambiguousDayMonth';
  });
  const converted = convertedDates(cells, unsettled === undefined ? undefined : 'dmy');
  const first = converted.findIndex((serial) => serial !== undefined);
  if (first < 0) return undefined;
  const example = unsettled ?? (cells[first] as Cell);
  let convertible = 0;
  let notDates = 0;
  let withTime = false;
  cells.forEach((cell, row) => {
    if (converted[row] !== undefined) {
      convertible++;
      if (typeof cell === 'string' && TIME_OF_DAY.test(cell)) withTime = true;
    } else if (cell !== null && cell !== '' && !isDateAlready(cell)) notDates++;
  });
  const readingOf = (order: DayMonthOrder): string | undefined => {
    const read = dateTextToSerial(shown(example), { order });
    return typeof read === 'number' ? serialToIso(read) : undefined;
  };
  return {
    role,
    column,
    header,
    found: typeof example === 'number' ? 'numbers' : 'text',
    example: shown(example),
    ...(unsettled === undefined
      ? { readAs: serialToIso(converted[first] as number) }
      : { dayFirst: readingOf('dmy'), monthFirst: readingOf('mdy') }),
    convertible,
    notDates,
    withTime,
  };
}

/** The plan's date columns that hold 8-digit numbers or date text. */
export function findDateColumns(plan: Plan, headers: readonly Cell[], rows: Rows): DateColumnFinding[] {
  const findings: DateColumnFinding[] = [];
  const seen = new Set<number>();
  for (const role of DATE_ROLES) {
    const column = single(plan.columns[role]);
    if (column === undefined || seen.has(column)) continue;
    seen.add(column);
    const finding = findDateColumn(
      rows.map((row) => row[column] ?? null),
      role,
      column,
      headerName(headers, column),
    );
    if (finding) findings.push(finding);
  }
  return findings;
}
