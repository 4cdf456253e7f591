/**
 * What separates the values of a text file: a comma, a semicolon (Excel's CSV where the decimal mark is a comma), a
 * tab, or runs of spaces (a whitespace-separated .txt). The first lines are split every way; the way that gives the
 * same number of columns (two or more) on nearly every line wins.
 */
import Papa from 'papaparse';

export type Separator = 'comma' | 'semicolon' | 'tab' | 'spaces';

const CHARACTERS: readonly (readonly [Separator, string])[] = [
  ['comma', ','],
  ['semicolon', ';'],
  ['tab', '\t'],
];

/** Lines looked at to decide. */
const SAMPLE_LINES = 200;
/** Share of the sampled lines that must have the most common number of columns. */
const CONSISTENT = 0.9;

/** The first lines of a text, blank lines left out. */
function sampleOf(text: string): string {
  const lines: string[] = [];
  for (const line of text.slice(0, 256 * 1024).split(/\r\n|\n|\r/)) {
    if (line.trim() !== '') lines.push(line);
    if (lines.length === SAMPLE_LINES) break;
  }
  return lines.join('\n');
}

/** A line split at runs of spaces or tabs; `"…"` keeps its spaces (`""` inside is one quote). */
export function splitAtSpaces(line: string): string[] {
  const fields: string[] = [];
  for (const match of line.matchAll(/"((?:[^"]|"")*)"|\S+/g)) {
    fields.push(match[1] !== undefined ? match[1].replace(/""/g, '"') : match[0]);
  }
  return fields;
}

/** Rows of fields, split with the given separator. */
export function splitRows(text: string, separator: Separator): string[][] {
  if (separator === 'spaces') {
    return text
      .split(/\r\n|\n|\r/)
      .filter((line) => line.trim() !== '')
      .map(splitAtSpaces);
  }
  const delimiter = CHARACTERS.find(([name]) => name === separator)?.[1] ?? ',';
  return Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' }).data;
}

interface Fit {
  /** The most common number of columns. */
  readonly columns: number;
  /** The share of rows that have it. */
  readonly share: number;
}

function fitOf(rows: readonly (readonly string[])[]): Fit {
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  let columns = 0;
  let most = 0;
  for (const [width, count] of counts) {
    if (count > most || (count === most && width > columns)) [columns, most] = [width, count];
  }
  return { columns, share: rows.length === 0 ? 0 : most / rows.length };
}

const NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)*|\.\d+)(?:[eE][+-]?\d+)?%?$/;

/**
 * True when some column holds numbers on (nearly) every line below the first: a table split at spaces has them,
 * while a list of names that all have three words does not.
 */
function hasNumberColumn(rows: readonly (readonly string[])[], columns: number): boolean {
  const body = rows.slice(1).filter((row) => row.length === columns);
  if (body.length === 0) return false;
  for (let c = 0; c < columns; c++) {
    const numbers = body.filter((row) => NUMBER.test(row[c] ?? '')).length;
    if (numbers / body.length >= CONSISTENT) return true;
  }
  return false;
}

/** The separator of a text file, or undefined when every line is one value. */
export function detectSeparator(text: string): Separator | undefined {
  const sample = sampleOf(text);
  let best: { separator: Separator; fit: Fit } | undefined;
  for (const [separator] of CHARACTERS) {
    const fit = fitOf(splitRows(sample, separator));
    if (fit.columns < 2 || fit.share < CONSISTENT) continue;
    if (!best || fit.share > best.fit.share || (fit.share === best.fit.share && fit.columns > best.fit.columns)) {
      best = { separator, fit };
    }
  }
  if (best) return best.separator;
  const rows = splitRows(sample, 'spaces');
  const fit = fitOf(rows);
  if (fit.columns >= 2 && fit.share >= CONSISTENT && hasNumberColumn(rows, fit.columns)) return 'spaces';
  return undefined;
}
