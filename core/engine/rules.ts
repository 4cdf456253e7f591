/**
 * Rule-based groups: `Industry = Construction AND Employees ≥ 200` → `Large construction`. The first group whose
 * conditions hold names the row. Numbers (and numbers typed as text) compare as numbers, ISO dates as dates,
 * everything else as trimmed text, ignoring case.
 */
import { BLANK, isoToSerial, readNumber, readText } from '../cells.js';
import type { CellValue } from './sheet-io.js';

export type Operator = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'contains' | 'in';

export const OPERATORS: readonly Operator[] = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'contains', 'in'];

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

function compare(cell: CellValue | Date, op: Exclude<Operator, 'contains' | 'in'>, expected: string): boolean {
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

export function conditionHolds(condition: Condition, row: readonly (CellValue | Date)[]): boolean {
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
export function ruleLabel(groups: readonly RuleGroup[], row: readonly (CellValue | Date)[]): string {
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
