/**
 * Ready-made rule groups the rule builder can start from, filled with the table's own columns and values:
 * - risk group: high value (at or above the sample's upper quartile) and no purchase for 180 days or more;
 * - unreliable: registered, never bought (orders 0 or blank).
 */
import { readDate, readNumber, serialToIso } from '../core/cells.js';
import type { Lang } from '../core/labels.js';
import { guessColumn } from '../core/engine/columns.js';
import type { RuleGroup } from '../core/engine/rules.js';
import type { TableInfo } from '../core/engine/table.js';
import { text } from './i18n.js';

export const RISK_DAYS = 180;

function upperQuartile(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(0.75 * (sorted.length - 1))];
}

function column(table: TableInfo, index: number): unknown[] {
  return table.sample.map((row) => row[index] ?? null);
}

/** High value and no purchase for long; undefined when the table has no value or last-purchase column. */
export function riskPreset(table: TableInfo, lang: Lang, asOf?: string): RuleGroup | undefined {
  const value = guessColumn(table.headers, 'revenue') ?? guessColumn(table.headers, 'value');
  const last = guessColumn(table.headers, 'lastPurchase');
  if (value === undefined || last === undefined) return undefined;
  const numbers = column(table, value)
    .map((v) => readNumber(v))
    .filter((v): v is number => typeof v === 'number');
  const threshold = upperQuartile(numbers) ?? 0;
  const dates = column(table, last)
    .map((v) => readDate(v))
    .filter((v): v is number => typeof v === 'number');
  const latest = asOf ?? (dates.length ? serialToIso(Math.max(...dates)) : undefined);
  if (!latest) return undefined;
  const [y, m, d] = latest.split('-').map(Number) as [number, number, number];
  const cutoff = new Date(Date.UTC(y, m - 1, d - RISK_DAYS)).toISOString().slice(0, 10);
  return {
    label: text('riskLabel', lang),
    combine: 'and',
    conditions: [
      { column: value, op: 'ge', value: String(threshold) },
      { column: last, op: 'lt', value: cutoff },
    ],
  };
}

/** Registered, never bought: orders 0 or blank; undefined when the table has no orders column. */
export function unreliablePreset(table: TableInfo, lang: Lang): RuleGroup | undefined {
  const orders = guessColumn(table.headers, 'orders');
  if (orders === undefined) return undefined;
  return {
    label: text('unreliableLabel', lang),
    combine: 'or',
    conditions: [
      { column: orders, op: 'eq', value: '0' },
      { column: orders, op: 'eq', value: '' },
    ],
  };
}
