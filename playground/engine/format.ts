/**
 * How a computed value is shown in a cell: dates as ISO, money with ₫, shares as percentages, each number written
 * as the page's language writes it (1,234.5 and 50.8% in English; 1.234,5 and 50,8% in Vietnamese), through
 * core/number-format.ts like every other number on screen.
 */
import { MS_PER_DAY, UNIX_EPOCH_SERIAL } from '../../core/dates.js';
import type { Lang } from '../../core/labels.js';
import { formatNumber as inLanguage } from '../../core/number-format.js';
import type { ColumnFormat } from './sheet-model.js';

/**
 * The language the grid writes numbers in. The page has one grid language, the one chosen in the side panel:
 * the page sets it (setGridLanguage) before the grid draws, so the workbook's views need not carry it.
 */
let gridLang: Lang = 'en';

export function setGridLanguage(lang: Lang): void {
  gridLang = lang;
}

export function gridLanguage(): Lang {
  return gridLang;
}

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

/**
 * The general format: whole numbers as they are, fractions to 10 significant digits (as Sheets shows them), with the
 * language's decimal sign and no grouping.
 */
export function general(value: number, lang: Lang = gridLang): string {
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  return lang === 'vi' ? text.replace('.', ',') : text;
}

/**
 * A number as shown. `type` is HyperFormula's detailed value type (`NUMBER_DATE`, `NUMBER_PERCENT`, …), which wins
 * over the column's format: a date stays a date in any column.
 */
export function formatNumber(
  value: number,
  type: string,
  format: ColumnFormat | undefined,
  lang: Lang = gridLang,
): string {
  switch (type) {
    case 'NUMBER_DATE':
      return serialToIsoDate(value);
    case 'NUMBER_DATETIME':
      return `${serialToIsoDate(value)} ${serialToTime(value)}`;
    case 'NUMBER_TIME':
      return serialToTime(value);
    case 'NUMBER_PERCENT':
      return percent(value, lang);
  }
  switch (format) {
    case 'vnd':
      return `${inLanguage(value, lang)} ₫`;
    case 'percent':
      return percent(value, lang);
    case 'integer':
      return Number.isInteger(value) ? inLanguage(value, lang) : general(value, lang);
    case 'decimal':
      return inLanguage(value, lang, 2, true);
    case 'ratio':
      return `${inLanguage(value, lang, 1, true)}×`;
    default:
      return general(value, lang);
  }
}

/** 50.8%, 12% and 150% (whole from 100 % up, as the sample's growth column reads best). */
function percent(value: number, lang: Lang): string {
  const p = Math.round(value * 1000) / 10;
  return `${inLanguage(p, lang, Math.abs(p) >= 100 || Number.isInteger(p) ? 0 : 1, true)}%`;
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
