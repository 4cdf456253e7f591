/**
 * A parameter's help as users read it: the hand-written text of what it is, then its limits and default stated
 * from the data (`ParamSpec`), so the help and the checks cannot disagree and nothing is said twice.
 */
import type { Lang } from '../labels.js';
import type { ParamSpec } from './types.js';

const WORDS = {
  en: {
    whole: 'whole number',
    wholes: 'whole numbers',
    numbers: (n: number) => `${n} numbers`,
    ascending: 'strictly ascending',
    rowsAscending: 'each row strictly ascending',
    each: (range: string) => `each ${range}`,
    between: (min: string, max: string) => `${min} to ${max}`,
    atLeast: (min: string) => `at least ${min}`,
    atMost: (max: string) => `at most ${max}`,
    aboveAtMost: (min: string, max: string) => `more than ${min} and at most ${max}`,
    aboveBelow: (min: string, max: string) => `more than ${min} and less than ${max}`,
    above: (min: string) => `more than ${min}`,
    defaultIs: (value: string) => `default ${value}`,
    defaultMark: '(default)',
    or: 'or',
  },
  vi: {
    whole: 'số nguyên',
    wholes: 'các số nguyên',
    numbers: (n: number) => `${n} số`,
    ascending: 'tăng dần nghiêm ngặt',
    rowsAscending: 'mỗi dòng tăng dần nghiêm ngặt',
    each: (range: string) => `mỗi số ${range}`,
    between: (min: string, max: string) => `từ ${min} đến ${max}`,
    atLeast: (min: string) => `từ ${min} trở lên`,
    atMost: (max: string) => `không quá ${max}`,
    aboveAtMost: (min: string, max: string) => `lớn hơn ${min} và không quá ${max}`,
    aboveBelow: (min: string, max: string) => `lớn hơn ${min} và nhỏ hơn ${max}`,
    above: (min: string) => `lớn hơn ${min}`,
    defaultIs: (value: string) => `mặc định ${value}`,
    defaultMark: '(mặc định)',
    or: 'hoặc',
  },
} as const;

type Words = (typeof WORDS)[Lang];

/** A number or a list as a formula writes it: `0.8`, `{0.01,0.05,0.2}`, `"en"`. */
function formulaValue(value: number | readonly number[] | string): string {
  if (typeof value === 'string') return `"${value}"`;
  return typeof value === 'number' ? String(value) : `{${value.join(',')}}`;
}

/** The bounds in words ("0 to 1", "at least 2"), or undefined when there are none. */
function rangeWords(p: ParamSpec, w: Words): string | undefined {
  const min = p.min !== undefined ? String(p.min) : undefined;
  const max = p.max !== undefined ? String(p.max) : undefined;
  const above = p.exclusiveMin !== undefined ? String(p.exclusiveMin) : undefined;
  const below = p.exclusiveMax !== undefined ? String(p.exclusiveMax) : undefined;
  if (above !== undefined && below !== undefined) return w.aboveBelow(above, below);
  if (above !== undefined) return max !== undefined ? w.aboveAtMost(above, max) : w.above(above);
  if (min !== undefined && max !== undefined) return w.between(min, max);
  if (min !== undefined) return w.atLeast(min);
  if (max !== undefined) return w.atMost(max);
  return undefined;
}

/** `"en" (default) or "vi"`. */
function valuesWords(values: readonly string[], fallback: unknown, w: Words): string {
  const named = values.map((v) => (v === fallback ? `${formulaValue(v)} ${w.defaultMark}` : formulaValue(v)));
  const last = named.pop() as string;
  return named.length === 0 ? last : `${named.join(', ')} ${w.or} ${last}`;
}

/** The limits and default of a parameter in words, as one sentence; empty when the data states none. */
export function limitsText(p: ParamSpec, lang: Lang): string {
  const w = WORDS[lang];
  const parts: string[] = [];
  if (p.values) parts.push(valuesWords(p.values, p.default, w));
  else {
    const range = rangeWords(p, w);
    if (p.kind === 'list') {
      if (p.count !== undefined) parts.push(w.numbers(p.count));
      else if (p.integer) parts.push(w.wholes);
      if (p.ascending) parts.push(w.ascending);
      if (p.count !== undefined && p.integer) parts.push(w.each(w.whole));
      if (range !== undefined) parts.push(w.each(range));
    } else {
      if (p.integer) parts.push(w.whole);
      if (p.ascending) parts.push(w.rowsAscending);
      if (range !== undefined) parts.push(range);
    }
  }
  let text = parts.join(', ');
  if (p.default !== undefined && !p.values) {
    const value = w.defaultIs(formulaValue(p.default));
    text = text ? `${text}; ${value}` : value;
  }
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : '';
}

/**
 * A parameter's help in a language: what it is, then its limits and default from the data, e.g.
 * "Running share that ends class A. 0 to 1; default 0.8." / "… nhóm A. Từ 0 đến 1; mặc định 0.8."
 */
export function paramHelp(p: ParamSpec, lang: Lang): string {
  const limits = limitsText(p, lang);
  return limits ? `${p.help[lang]} ${limits}` : p.help[lang];
}
