/**
 * Argument shapes, as both hosts pass them: a range is a 2-D array (rows of cells), a single cell may be a
 * bare value, an omitted optional argument is `undefined` (Sheets) or `null` (Excel). Wrong shapes and
 * unreadable options are whole-call problems that name the argument. Options are read here; their limits are
 * checked once, by `invoke` (catalog/check.ts), and the `…Arg` readers fall back on the parameter's default.
 */
import {
  BLANK,
  describeCell,
  isBlank,
  readDate,
  readDates,
  readNumber,
  readNumbers,
  type NumberColumn,
} from './cells.js';
import { LANG_PARAM, type ParamSpec } from './catalog/types.js';
import { fail } from './errors.js';
import type { Lang } from './labels.js';
import type { OutCell, OutGrid } from './output.js';

/** A one-column or one-row range (or one cell), flattened, remembering its orientation for the answer. */
export interface Vector {
  readonly cells: readonly unknown[];
  readonly orientation: 'column' | 'row';
  /** For a column range: the host's rows, read directly by readVectorNumbers without flattening. */
  readonly rows?: readonly unknown[][];
}

/** Rows × columns of a raw argument (a bare value is 1 × 1). */
export function dimensions(raw: unknown): { rows: number; cols: number } {
  if (!Array.isArray(raw)) return { rows: 1, cols: 1 };
  const first: unknown = raw[0];
  if (!Array.isArray(first)) return { rows: raw.length, cols: raw.length === 0 ? 0 : 1 };
  return { rows: raw.length, cols: first.length };
}

/** Reads a range argument that must be one column or one row. */
export function toVector(raw: unknown, arg: string): Vector {
  if (!Array.isArray(raw)) return { cells: [raw], orientation: 'column' };
  const first: unknown = raw[0];
  if (!Array.isArray(first)) return { cells: raw, orientation: 'column' };
  const { rows, cols } = dimensions(raw);
  if (cols === 1) {
    const hostRows = raw as unknown[][];
    let cells: unknown[] | undefined;
    return {
      orientation: 'column',
      rows: hostRows,
      get cells(): readonly unknown[] {
        if (!cells) {
          cells = new Array<unknown>(rows);
          for (let i = 0; i < rows; i++) cells[i] = (hostRows[i] as unknown[])[0];
        }
        return cells;
      },
    };
  }
  if (rows === 1) return { cells: first, orientation: 'row' };
  return fail('notAVector', { arg, rows, cols });
}

const SHARED_ROWS = new Map<string, readonly OutCell[]>();
const recentAnswers: OutCell[] = [];
const recentRows: OutCell[][] = [];

/**
 * A one-cell answer row. Rows holding the same text are one frozen array: a million-row column of
 * classes then costs no allocation per row (hosts only read answers).
 */
export function answerRow(answer: OutCell): OutCell[] {
  for (let i = 0; i < recentAnswers.length; i++) if (recentAnswers[i] === answer) return recentRows[i] as OutCell[];
  if (typeof answer !== 'string' || answer.length > 40) return [answer];
  let shared = SHARED_ROWS.get(answer);
  if (!shared) {
    shared = Object.freeze([answer]);
    if (SHARED_ROWS.size < 256) SHARED_ROWS.set(answer, shared);
  }
  if (recentAnswers.length >= 8) {
    recentAnswers.pop();
    recentRows.pop();
  }
  recentAnswers.unshift(answer);
  recentRows.unshift(shared as OutCell[]);
  return shared as OutCell[];
}

/**
 * Reads a vector's cells as numbers, the vector settling its own ambiguous separators (`"450.000"` beside
 * `"1.234.567"`); a column is read straight from the host's rows.
 */
export function readVectorNumbers(vector: Vector): NumberColumn {
  const rows = vector.rows;
  return rows ? readNumbers(rows, true) : readNumbers(vector.cells);
}

/**
 * Reads a vector's cells as whole-day dates, the vector settling its own day/month order (`"01/02/2026"` beside
 * `"22/09/2026"` is day first); a column is read straight from the host's rows.
 */
export function readVectorDates(vector: Vector): NumberColumn {
  const rows = vector.rows;
  return rows ? readDates(rows, true) : readDates(vector.cells);
}

/** Cells in a vector, counted without flattening a host column. */
export function vectorLength(vector: Vector): number {
  return vector.rows ? vector.rows.length : vector.cells.length;
}

/** The cell of a vector at an index, read straight from the host's rows when it is a column. */
export function cellReader(vector: Vector): (i: number) => unknown {
  const rows = vector.rows;
  if (rows) return (i) => (rows[i] as unknown[])[0];
  const cells = vector.cells;
  return (i) => cells[i];
}

/** Puts one answer per input cell back into the input's shape. */
export function shapeLike(vector: Vector, answers: readonly OutCell[]): OutGrid {
  if (vector.orientation === 'row') return [answers.slice()];
  const grid = new Array<OutCell[]>(answers.length);
  for (let i = 0; i < answers.length; i++) grid[i] = answerRow(answers[i] as OutCell);
  return grid;
}

/** A column of answers, one per matrix row. */
export function asColumn(answers: readonly OutCell[]): OutGrid {
  return answers.map((answer) => [answer]);
}

/** Reads a range argument of rows × columns; every row keeps its cells. */
export function toMatrix(raw: unknown, arg: string, minCols: number): unknown[][] {
  const rows: unknown[][] = !Array.isArray(raw) ? [[raw]] : Array.isArray(raw[0]) ? (raw as unknown[][]) : [raw];
  const cols = rows[0]?.length ?? 0;
  if (cols < minCols) fail('notAMatrix', { arg, min: minCols, cols });
  return rows;
}

export function requireSameLength(a: Vector, argA: string, b: Vector, argB: string): void {
  const n = vectorLength(b);
  const m = vectorLength(a);
  if (m !== n) fail('lengthMismatch', { arg: argB, n, other: argA, m });
}

/** Range arguments that go row by row together (`[raw, name]` each), read as vectors of the first one's length. */
export function parallelVectors<const T extends readonly (readonly [raw: unknown, arg: string])[]>(
  args: T,
): { [K in keyof T]: Vector } {
  const [firstRaw, firstArg] = args[0] as readonly [unknown, string];
  const first = toVector(firstRaw, firstArg);
  return args.map(([raw, arg], i) => (i === 0 ? first : alongside(first, firstArg, raw, arg))) as {
    [K in keyof T]: Vector;
  };
}

/** A range argument read as a vector of `first`'s length. */
export function alongside(first: Vector, firstArg: string, raw: unknown, arg: string): Vector {
  const vector = toVector(raw, arg);
  requireSameLength(first, firstArg, vector, arg);
  return vector;
}

/** The single value of an optional scalar argument, or undefined when it was left out or points at a blank cell. */
export function scalarArg(raw: unknown, arg: string): unknown {
  let value = raw;
  if (Array.isArray(value)) {
    const { rows, cols } = dimensions(value);
    if (rows === 0 || cols === 0) return undefined;
    if (rows !== 1 || cols !== 1) fail('wrongCount', { arg, expected: 1, count: rows * cols });
    value = Array.isArray(value[0]) ? (value[0] as unknown[])[0] : value[0];
  }
  return isBlank(value) ? undefined : value;
}

export function isAbsent(raw: unknown): boolean {
  if (raw === undefined || raw === null || raw === '') return true;
  if (!Array.isArray(raw)) return false;
  return raw.every((row: unknown) => (Array.isArray(row) ? row.every(isBlank) : isBlank(row)));
}

/** A number option's value (text numbers are read as numbers), or undefined when it was left out. */
export function optionalNumber(raw: unknown, arg: string): number | undefined {
  const value = scalarArg(raw, arg);
  if (value === undefined) return undefined;
  const read = readNumber(value);
  if (typeof read !== 'number') return fail('notAnOptionNumber', { arg, text: describeCell(value) });
  return read;
}

/**
 * An optional date option (`as_of`): a date cell, a serial, an 8-digit year-month-day number, or date text (ISO,
 * `20251231`, or day/month/year that shows its order by itself, `31/12/2025`).
 */
export function optionalDate(raw: unknown, arg: string): number | undefined {
  const value = scalarArg(raw, arg);
  if (value === undefined) return undefined;
  const read = readDate(value);
  if (typeof read === 'number') return read;
  if (read !== BLANK && read.code === 'ambiguousDayMonth') {
    return fail('ambiguousOptionDate', { arg, ...read.params });
  }
  return fail('notAnOptionDate', { arg, text: describeCell(value) });
}

/** Every number of a range or array constant, row by row; a blank or a non-number is a whole-call problem. */
export function numberGrid(raw: unknown, arg: string): number[][] {
  const rows: unknown[][] = !Array.isArray(raw) ? [[raw]] : Array.isArray(raw[0]) ? (raw as unknown[][]) : [raw];
  return rows.map((row) =>
    row.map((cell) => {
      const read = readNumber(cell);
      if (typeof read !== 'number') {
        return fail('notAnOptionNumber', { arg, text: read === BLANK ? '' : describeCell(cell) });
      }
      return read;
    }),
  );
}

/** The numbers of a list option (`{0.8,0.95}` or a range), row by row, or undefined when it was left out. */
function optionalList(raw: unknown, arg: string): number[] | undefined {
  return isAbsent(raw) ? undefined : numberGrid(raw, arg).flat();
}

/** The text of a text option, trimmed, or undefined when it was left out. */
function optionalText(raw: unknown, arg: string): string | undefined {
  const value = scalarArg(raw, arg);
  return value === undefined ? undefined : describeCell(value).trim();
}

// Readers of arguments invoke has checked against their ParamSpec: the value given, else the parameter's default.

function missingDefault(p: ParamSpec): never {
  throw new TypeError(`parameter ${p.name} has no default of the kind read`);
}

/** A number parameter's value, or its default. */
export function numberArg(p: ParamSpec, raw: unknown): number {
  const value = optionalNumber(raw, p.name) ?? p.default;
  return typeof value === 'number' ? value : missingDefault(p);
}

/** A number parameter's value, or undefined when it was left out (its default depends on the data). */
export function optionalNumberArg(p: ParamSpec, raw: unknown): number | undefined {
  return optionalNumber(raw, p.name);
}

/** A list parameter's numbers, or a copy of its default. */
export function listArg(p: ParamSpec, raw: unknown): number[] {
  const list = optionalList(raw, p.name) ?? p.default;
  return Array.isArray(list) ? list.slice() : missingDefault(p);
}

/** A date parameter's serial, or undefined when it was left out (its default depends on the data). */
export function dateArg(p: ParamSpec, raw: unknown): number | undefined {
  return optionalDate(raw, p.name);
}

/** A text parameter's value, as its `values` spell it (invoke checked it is one of them), or its default. */
export function textArg(p: ParamSpec, raw: unknown): string {
  const text = optionalText(raw, p.name);
  const value = text !== undefined && p.values ? p.values.find((v) => v.toLowerCase() === text.toLowerCase()) : text;
  const result = value ?? p.default;
  return typeof result === 'string' ? result : missingDefault(p);
}

/** The optional last `lang` argument: blank is English. */
export function readLang(raw: unknown): Lang {
  return textArg(LANG_PARAM, raw) as Lang;
}
