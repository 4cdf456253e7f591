/**
 * Numbers as each language writes them on screen: English groups with commas and uses a decimal point
 * (1,234,567.5; 50.8%), Vietnamese groups with dots and uses a decimal comma (1.234.567,5; 50,8%).
 * Written by hand rather than with Intl so that Apps Script's server, whose Intl support is partial, formats the same.
 * @example formatNumber(1234567.456, 'vi', 1) // '1.234.567,5'
 * @example formatPercent(0.5083, 'en') // '50.8%'
 */
import type { Lang } from './labels.js';

const SEPARATORS: Record<Lang, { readonly group: string; readonly decimal: string }> = {
  en: { group: ',', decimal: '.' },
  vi: { group: '.', decimal: ',' },
};

/**
 * A number with at most `decimals` decimals (trailing zeros dropped unless `fixed`), grouped by thousands.
 * Non-finite numbers are written as an em dash.
 */
export function formatNumber(value: number, lang: Lang, decimals = 0, fixed = false): string {
  if (!Number.isFinite(value)) return '—';
  const { group, decimal } = SEPARATORS[lang];
  let text = Math.abs(value).toFixed(decimals);
  if (!fixed && text.includes('.')) text = text.replace(/\.?0+$/, '');
  const [whole = '0', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, group);
  const negative = value < 0 && /[1-9]/.test(text);
  return `${negative ? '-' : ''}${grouped}${fraction ? decimal + fraction : ''}`;
}

/** A whole count: 20,497 in English, 20.497 in Vietnamese. */
export function formatCount(value: number, lang: Lang): string {
  return formatNumber(Math.round(value), lang);
}

/** A fraction as a percentage with `decimals` decimals kept (0.508 → 50.8% / 50,8%). */
export function formatPercent(fraction: number, lang: Lang, decimals = 1): string {
  if (!Number.isFinite(fraction)) return '—';
  return `${formatNumber(fraction * 100, lang, decimals, true)}%`;
}

/** A measured value to four significant digits, grouped (cut-offs, means): 12,345 · 0.1528 · 1.235e-7 stays readable. */
export function formatSignificant(value: number, lang: Lang, digits = 4): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, Math.min(10, digits - 1 - magnitude));
  return formatNumber(value, lang, decimals);
}
