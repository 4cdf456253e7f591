/**
 * Rule-based groups: `Industry = Construction AND Employees ≥ 200` → `Large construction`. The first group whose
 * conditions hold names the row. Numbers (and numbers typed as text) compare as numbers, ISO dates as dates,
 * everything else as trimmed text, ignoring case. Two operators look at the whole column: `topPercent` (the value is
 * in the column's top N %) and `daysBeforeLatest` (the date is N or more days before the column's latest date, the
 * spec's default as-of); `resolveRules` turns them into plain comparisons before the rows are labelled.
 */
import { BLANK, isoToSerial, readDate, readNumber, readText, serialToIso } from '../cells.js';
import { quantileSorted, sortedCopy } from '../methods/quantile.js';
import type { CellValue } from './sheet-io.js';

export type Operator = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'contains' | 'in' | 'topPercent' | 'daysBeforeLatest';

export const OPERATORS: readonly Operator[] = [
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'contains',
  'in',
  'topPercent',
  'daysBeforeLatest',
];

type RowOperator = Exclude<Operator, 'topPercent' | 'daysBeforeLatest'>;

export interface Condition {
  /** Table column, 0-based. */
  readonly column: number;
  readonly op: Operator;
  /** The value to compare with; for `in`, a list separated by commas or semicolons. */
  readonly value: string;
}

export interface RuleGroup {
  readonly label: string;
  readonly combine: 'and' | 'or';
  readonly conditions: readonly Condition[];
}

function asNumber(raw: unknown): number | undefined {
  if (typeof raw === 'string') {
    const iso = isoToSerial(raw.trim());
    if (iso !== undefined) return iso;
  }
  const read = readNumber(raw);
  return typeof read === 'number' ? read : undefined;
}

function asText(raw: unknown): string {
  const read = readText(raw);
  return typeof read === 'string' ? read.toLocaleLowerCase('vi') : '';
}

function isBlankCell(raw: unknown): boolean {
  return readText(raw) === BLANK;
}

function compare(cell: CellValue | Date, op: Exclude<RowOperator, 'contains' | 'in'>, expected: string): boolean {
  const left = asNumber(cell);
  const right = asNumber(expected);
  let order: number;
  if (left !== undefined && right !== undefined) order = Math.sign(left - right);
  else {
    if (isBlankCell(cell)) return op === 'ne' ? expected.trim() !== '' : op === 'eq' && expected.trim() === '';
    const a = asText(cell);
    const b = expected.trim().toLocaleLowerCase('vi');
    order = a === b ? 0 : a < b ? -1 : 1;
    if (op !== 'eq' && op !== 'ne' && (left === undefined) !== (right === undefined)) return false;
  }
  switch (op) {
    case 'eq':
      return order === 0;
    case 'ne':
      return order !== 0;
    case 'lt':
      return order < 0;
    case 'le':
      return order <= 0;
    case 'gt':
      return order > 0;
    case 'ge':
      return order >= 0;
  }
}

/** A condition the row alone decides (after `resolveRules`). */
export interface RowCondition extends Condition {
  readonly op: RowOperator;
}

export interface ResolvedGroup extends RuleGroup {
  readonly conditions: readonly RowCondition[];
}

/** A whole-column condition as a plain one, and the cut-off it found (for the preview). */
export interface ResolvedCut {
  readonly column: number;
  readonly op: 'topPercent' | 'daysBeforeLatest';
  readonly value: string;
  /**
   * The smallest value in the top N % (rows at or above it qualify), or the serial of the latest date less N days
   * (rows on or before it qualify); undefined when the condition cannot hold.
   */
  readonly cut?: number;
}

const NEVER: RowCondition = { column: -1, op: 'contains', value: '' };

function resolveCondition(
  condition: Condition,
  rows: readonly (readonly (CellValue | Date)[])[],
  cuts: ResolvedCut[],
): RowCondition {
  if (condition.op !== 'topPercent' && condition.op !== 'daysBeforeLatest') return condition as RowCondition;
  const n = Number(condition.value.trim().replace(',', '.'));
  const column = rows.map((row) => (condition.op === 'topPercent' ? readNumber : readDate)(row[condition.column]));
  const readable = column.filter((v): v is number => typeof v === 'number');
  if (!Number.isFinite(n) || n < 0 || readable.length === 0) {
    cuts.push({ column: condition.column, op: condition.op, value: condition.value });
    return NEVER;
  }
  if (condition.op === 'topPercent') {
    const cut = quantileSorted(sortedCopy(readable), 1 - Math.min(n, 100) / 100);
    cuts.push({ column: condition.column, op: condition.op, value: condition.value, cut });
    return { column: condition.column, op: 'ge', value: String(cut) };
  }
  const latest = readable.reduce((a, b) => (b > a ? b : a));
  const cut = latest - Math.ceil(n);
  cuts.push({ column: condition.column, op: condition.op, value: condition.value, cut });
  return { column: condition.column, op: 'le', value: serialToIso(cut) };
}

/**
 * Turns the whole-column operators into plain comparisons over these rows (header excluded). O(n log n) per
 * `topPercent` condition, O(n) per `daysBeforeLatest`; a condition that cannot hold (no readable value, a count
 * that is not a number ≥ 0) never holds.
 */
export function resolveRules(
  groups: readonly RuleGroup[],
  rows: readonly (readonly (CellValue | Date)[])[],
): { groups: ResolvedGroup[]; cuts: ResolvedCut[] } {
  const cuts: ResolvedCut[] = [];
  const resolved = groups.map((group) => ({
    ...group,
    conditions: group.conditions.map((c) => resolveCondition(c, rows, cuts)),
  }));
  return { groups: resolved, cuts };
}

export function conditionHolds(condition: RowCondition, row: readonly (CellValue | Date)[]): boolean {
  if (condition === NEVER) return false;
  const cell = row[condition.column] ?? null;
  if (condition.op === 'contains') {
    const needle = condition.value.trim().toLocaleLowerCase('vi');
    return needle !== '' && asText(cell).includes(needle);
  }
  if (condition.op === 'in') {
    const options = condition.value
      .split(/[;,]/)
      .map((o) => o.trim())
      .filter((o) => o !== '');
    return options.some((option) => compare(cell, 'eq', option));
  }
  return compare(cell, condition.op, condition.value);
}

/** The label of the first group whose conditions hold, or '' when none does. */
export function ruleLabel(groups: readonly ResolvedGroup[], row: readonly (CellValue | Date)[]): string {
  for (const group of groups) {
    if (group.conditions.length === 0) continue;
    const holds =
      group.combine === 'and'
        ? group.conditions.every((c) => conditionHolds(c, row))
        : group.conditions.some((c) => conditionHolds(c, row));
    if (holds) return group.label;
  }
  return '';
}
