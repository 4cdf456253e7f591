/**
 * Ready-made rule groups the rule builder can start from, on the table's own columns. Their cut-offs are relative to
 * the whole column and found by the engine when it runs (the preview shows them):
 * - risk group: value in the column's top 25 % and the last purchase 180 days or more before the latest one;
 * - unreliable: registered, never bought (orders 0 or blank).
 */
import type { Lang } from '../core/labels.js';
import { LAST_PURCHASE, ORDERS, REVENUE, VALUE } from '../core/catalog/column-roles.js';
import { guessColumn } from '../core/engine/columns.js';
import type { RuleGroup } from '../core/engine/rules.js';
import type { TableInfo } from '../core/engine/table.js';
import { text } from './i18n.js';

export const RISK_TOP_PERCENT = 25;
export const RISK_DAYS = 180;

/** High value and no purchase for long; undefined when the table has no value or last-purchase column. */
export function riskPreset(table: TableInfo, lang: Lang): RuleGroup | undefined {
  const value = guessColumn(table.headers, REVENUE) ?? guessColumn(table.headers, VALUE);
  const last = guessColumn(table.headers, LAST_PURCHASE);
  if (value === undefined || last === undefined) return undefined;
  return {
    label: text('riskLabel', lang),
    combine: 'and',
    conditions: [
      { column: value, op: 'topPercent', value: String(RISK_TOP_PERCENT) },
      { column: last, op: 'daysBeforeLatest', value: String(RISK_DAYS) },
    ],
  };
}

/** Registered, never bought: orders 0 or blank; undefined when the table has no orders column. */
export function unreliablePreset(table: TableInfo, lang: Lang): RuleGroup | undefined {
  const orders = guessColumn(table.headers, ORDERS);
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
