import { describe, expect, it } from 'vitest';
import { formatCount, formatNumber, formatPercent, formatSignificant } from '../core/number-format.js';

describe('numbers as each language writes them', () => {
  it('groups and separates decimals per language', () => {
    expect(formatNumber(1234567.456, 'en', 1)).toBe('1,234,567.5');
    expect(formatNumber(1234567.456, 'vi', 1)).toBe('1.234.567,5');
    expect(formatCount(217785000, 'vi')).toBe('217.785.000');
    expect(formatCount(1016, 'en')).toBe('1,016');
  });
  it('writes percentages with the language decimal mark', () => {
    expect(formatPercent(0.5083, 'en')).toBe('50.8%');
    expect(formatPercent(-0.1528, 'vi')).toBe('-15,3%');
    expect(formatPercent(1, 'vi', 0)).toBe('100%');
  });
  it('keeps four significant digits for measured values, never a negative zero', () => {
    expect(formatSignificant(0.152812, 'en')).toBe('0.1528');
    expect(formatSignificant(12345.6, 'en')).toBe('12,346');
    expect(formatNumber(-0.0001, 'en', 2)).toBe('0');
    expect(formatSignificant(Number.NaN, 'vi')).toBe('—');
  });
});
