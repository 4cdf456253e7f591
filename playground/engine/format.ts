/** How a computed value is shown in a cell: dates as ISO, money with ₫, shares as percentages. */
import { MS_PER_DAY, UNIX_EPOCH_SERIAL } from '../../core/dates.js';
import type { ColumnFormat } from './sheet-model.js';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const groupedDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function serialToIsoDate(serial: number): string {
  const date = new Date(Math.round((Math.floor(serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}

export function serialToTime(serial: number): string {
  const seconds = Math.round((serial - Math.floor(serial)) * 86_400);
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${hh}:${mm}:${ss}`;
}

/** The general format: whole numbers as they are, fractions to 10 significant digits (as Sheets shows them). */
export function general(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

/**
 * A number as shown. `type` is HyperFormula's detailed value type (`NUMBER_DATE`, `NUMBER_PERCENT`, …), which wins
 * over the column's format: a date stays a date in any column.
 */
export function formatNumber(value: number, type: string, format: ColumnFormat | undefined): string {
  switch (type) {
    case 'NUMBER_DATE':
      return serialToIsoDate(value);
    case 'NUMBER_DATETIME':
      return `${serialToIsoDate(value)} ${serialToTime(value)}`;
    case 'NUMBER_TIME':
      return serialToTime(value);
    case 'NUMBER_PERCENT':
      return percent(value);
  }
  switch (format) {
    case 'vnd':
      return `${grouped.format(value)} ₫`;
    case 'percent':
      return percent(value);
    case 'integer':
      return Number.isInteger(value) ? grouped.format(value) : general(value);
    case 'decimal':
      return groupedDecimal.format(value);
    case 'ratio':
      return `${value.toFixed(1)}×`;
    default:
      return general(value);
  }
}

function percent(value: number): string {
  const p = Math.round(value * 1000) / 10;
  return `${Math.abs(p) >= 100 || Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`;
}

/** Excel's number format for a column format (XLSX export). */
export function excelNumberFormat(format: ColumnFormat | undefined, type: string): string | undefined {
  if (type === 'NUMBER_DATE') return 'yyyy-mm-dd';
  if (type === 'NUMBER_DATETIME') return 'yyyy-mm-dd hh:mm:ss';
  if (type === 'NUMBER_TIME') return 'hh:mm:ss';
  if (type === 'NUMBER_PERCENT') return '0.0%';
  switch (format) {
    case 'vnd':
      return '#,##0 "₫"';
    case 'percent':
      return '0.0%';
    case 'integer':
      return '#,##0';
    case 'decimal':
      return '#,##0.00';
    case 'ratio':
      return '0.0"×"';
    default:
      return undefined;
  }
}

/** Column and row (0-based) of an A1 address such as `C12` or `$C$12`; undefined when it is not one. */
export function parseA1(text: string): { col: number; row: number } | undefined {
  const m = /^\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})\s*$/.exec(text);
  if (!m) return undefined;
  let col = 0;
  for (const ch of (m[1] as string).toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return undefined;
  return { col: col - 1, row: row - 1 };
}
