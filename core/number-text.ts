/**
 * Number text: `"1234"`, `"1,234.50"`, `"1.234.567 ₫"`, `"450.000 ₫"`, `" 12 "`, `"12%"`, `"-5"`, `"(5)"`,
 * `"1 234 567"`. The one place that decides what `.` and `,` mean.
 *
 * Ambiguous means exactly one separator (`.` or `,`), exactly three digits after it and a 1–3 digit group before it
 * (`"1.234"`: 1.234 or 1234?). Two things settle it, never a guess:
 * - a currency without minor units in the same text (`₫`, `đ`, `VND`, `VNĐ`, `¥`, `JPY`, `₩`, `KRW`): the separator
 *   groups thousands (`"450.000 ₫"` → 450000);
 * - another cell of the same argument that shows which separator is the decimal one (`"1.234.567"`, `"1.234,5"` or
 *   `"89.000 ₫"` make `.` the thousands separator for `"450.000"`; `"12.5"` or `"1,234.50"` make it the decimal
 *   point). Cells that show both roles settle nothing: the ambiguous ones stay a per-row problem.
 * Cost: O(length of the text) per cell; settling an argument is one more pass over its text cells, O(n), and only
 * runs when one of them is ambiguous.
 *
 * @see https://en.wikipedia.org/wiki/Decimal_separator (which countries write which separator)
 * @see https://en.wikipedia.org/wiki/ISO_4217 (currencies with no minor unit: VND, JPY, KRW)
 * @example
 *   parseNumberText('450.000 ₫')                                  // → 450000
 *   parseNumberText('450.000')                                    // → a problem: 450 or 450000?
 *   parseNumberText('450.000', settleSeparators(['1.234.567']))   // → 450000
 */
import { problem, type Problem } from './errors.js';

/** The decimal separator an argument's cells show. */
export type DecimalSeparator = '.' | ',';

/** What an argument's text cells settle: the decimal separator, and the first cell showing each. */
export interface Separators {
  readonly decimal?: DecimalSeparator;
  /** The first text of the argument whose `.` is a decimal point (or whose `,` groups thousands). */
  readonly point?: string;
  /** The first text of the argument whose `,` is a decimal comma (or whose `.` groups thousands). */
  readonly comma?: string;
}

/** Nothing settled: a lone cell settles only itself. */
export const NO_SEPARATORS: Separators = {};

export const ERROR_TEXTS: ReadonlySet<string> = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BUSY!',
  '#BLOCKED!',
  '#CONNECT!',
  '#UNKNOWN!',
  '#ERROR!',
  '#PYTHON!',
  '#CYCLE!',
  '#LIC!',
]);

const CURRENCY = String.raw`₫|đ|vnđ|vnd|\$|€|£|¥|₩|usd|eur|gbp|jpy|krw`;
const CURRENCY_PREFIX = new RegExp(String.raw`^(us\$|${CURRENCY})\s*`, 'i');
const CURRENCY_SUFFIX = new RegExp(String.raw`\s*(${CURRENCY})$`, 'i');
const NO_MINOR_UNIT = /^(?:₫|đ|vnđ|vnd|¥|₩|jpy|krw)$/i;
const GROUPED_DOT = /^\d{1,3}(?:\.\d{3})+$/;
const GROUPED_COMMA = /^\d{1,3}(?:,\d{3})+$/;
const SPACE_GROUPED = /^\d{1,3}(?: \d{3})+(?:([.,])\d+)?$/;
const SCIENTIFIC = /^\d+(?:\.\d+)?e[+-]?\d+$/i;

/** Number text taken apart: the digits and separators, and what was around them. */
interface Stripped {
  readonly body: string;
  readonly sign: number;
  readonly scale: number;
  /** A currency without minor units was written (its separators group thousands). */
  readonly wholeCurrency: boolean;
  /** The currency mark written, if any (`₫`, `VND`, `$`). */
  readonly currency?: string;
}

function strip(original: string): Stripped {
  let s = original.replace(/[\u00a0\u202f\u2007]/g, ' ').trim();
  let sign = 1;
  let scale = 1;
  let wholeCurrency = false;
  let mark: string | undefined;
  if (s.startsWith('(') && s.endsWith(')')) {
    sign = -1;
    s = s.slice(1, -1).trim();
  }
  if (s.endsWith('%')) {
    scale = 0.01;
    s = s.slice(0, -1).trim();
  }
  for (let pass = 0; pass < 2; pass++) {
    if (s.startsWith('-') || s.startsWith('+') || s.startsWith('−')) {
      if (s[0] !== '+') sign = -sign;
      s = s.slice(1).trim();
    }
    for (const currency of [CURRENCY_PREFIX, CURRENCY_SUFFIX]) {
      const m = currency.exec(s);
      if (!m) continue;
      mark = m[1] as string;
      if (NO_MINOR_UNIT.test(mark)) wholeCurrency = true;
      s = (m.index === 0 ? s.slice(m[0].length) : s.slice(0, m.index)).trim();
    }
  }
  return { body: s, sign, scale, wholeCurrency, ...(mark ? { currency: mark } : {}) };
}

const DONG = /^(?:₫|đ|vnđ|vnd)$/i;

/**
 * Whether a text is an amount in Vietnamese đồng: a number as parseNumberText reads it, written with `₫`, `đ`, `VND`
 * or `VNĐ` before or after it (`"1.250.000 ₫"`, `"350000đ"`, `"VND 1,250,000"`).
 */
export function isDongAmount(text: string): boolean {
  const { currency } = strip(text);
  return currency !== undefined && DONG.test(currency) && typeof parseNumberText(text) === 'number';
}

/** One separator, three digits after a 1–3 digit group not starting with 0: `"1.234"`. */
interface Ambiguous {
  readonly separator: DecimalSeparator;
  readonly whole: string;
  readonly fraction: string;
}

/** The value of separated digits, the ambiguous case, or undefined when the separators are not well formed. */
function separated(s: string): number | Ambiguous | undefined {
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  if (dots > 0 && commas > 0) {
    const decimalSep = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const cut = s.lastIndexOf(decimalSep);
    const whole = s.slice(0, cut);
    const fraction = s.slice(cut + 1);
    const grouped = decimalSep === '.' ? GROUPED_COMMA : GROUPED_DOT;
    if (!grouped.test(whole) || !/^\d+$/.test(fraction)) return undefined;
    return Number(whole.replace(/[.,]/g, '') + '.' + fraction);
  }
  const separator: DecimalSeparator = dots > 0 ? '.' : ',';
  if (dots + commas > 1) {
    return (separator === '.' ? GROUPED_DOT : GROUPED_COMMA).test(s) ? Number(s.replace(/[.,]/g, '')) : undefined;
  }
  const [whole = '', fraction = ''] = s.split(separator);
  if (fraction === '') return whole === '' ? undefined : Number(whole);
  if (fraction.length === 3 && whole.length >= 1 && whole.length <= 3 && whole[0] !== '0') {
    return { separator, whole, fraction };
  }
  return Number(`${whole === '' ? '0' : whole}.${fraction}`);
}

/** The decimal separator a text shows by itself, or undefined (no separator, or an ambiguous one). O(length). */
export function decimalShownBy(text: string): DecimalSeparator | undefined {
  const { body, wholeCurrency } = strip(text);
  if (body.includes(' ')) return SPACE_GROUPED.exec(body)?.[1] as DecimalSeparator | undefined;
  if (!/^[\d.,]+$/.test(body) || !/\d/.test(body)) return undefined;
  const hasDot = body.includes('.');
  const hasComma = body.includes(',');
  if (!hasDot && !hasComma) return undefined;
  const read = separated(body);
  if (read === undefined) return undefined;
  if (typeof read !== 'number') {
    if (!wholeCurrency) return undefined;
    return read.separator === '.' ? ',' : '.';
  }
  if (hasDot && hasComma) return body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
  const separator = hasDot ? '.' : ',';
  const count = body.split(separator).length - 1;
  if (count > 1) return separator === '.' ? ',' : '.';
  return body.endsWith(separator) ? undefined : separator;
}

/** What an argument's cells settle about separators: one pass over its text cells, O(n). */
export function settleSeparators(cells: Iterable<unknown>): Separators {
  let point: string | undefined;
  let comma: string | undefined;
  for (const raw of cells) {
    if (typeof raw !== 'string') continue;
    const shown = decimalShownBy(raw);
    if (shown === '.' && point === undefined) point = raw.trim();
    else if (shown === ',' && comma === undefined) comma = raw.trim();
    if (point !== undefined && comma !== undefined) break;
  }
  if (point !== undefined && comma !== undefined) return { point, comma };
  if (point !== undefined) return { point, decimal: '.' };
  if (comma !== undefined) return { comma, decimal: ',' };
  return NO_SEPARATORS;
}

function settle(text: string, ambiguous: Ambiguous, wholeCurrency: boolean, separators: Separators): number | Problem {
  const small = Number(`${ambiguous.whole}.${ambiguous.fraction}`);
  const large = Number(ambiguous.whole + ambiguous.fraction);
  if (wholeCurrency) return large;
  if (separators.decimal !== undefined) return separators.decimal === ambiguous.separator ? small : large;
  if (separators.point !== undefined && separators.comma !== undefined) {
    return problem('ambiguousNumberMixed', {
      text: text.trim(),
      small,
      large,
      point: separators.point,
      comma: separators.comma,
    });
  }
  return problem('ambiguousNumber', { text: text.trim(), small, large });
}

/**
 * Reads number text: a number, or a per-row problem (not a number, an error text, an ambiguous separator that
 * nothing settles). `separators` is what the rest of the argument settles (none by default).
 */
export function parseNumberText(original: string, separators: Separators = NO_SEPARATORS): number | Problem {
  const trimmed = original.trim();
  if (ERROR_TEXTS.has(trimmed.toUpperCase())) return problem('errorValue', { text: trimmed.toUpperCase() });
  const notANumber = (): Problem => problem('notANumber', { text: original });
  const { body, sign, scale, wholeCurrency } = strip(original);
  let s = body;
  if (s.includes(' ')) {
    if (!SPACE_GROUPED.test(s)) return notANumber();
    s = s.replace(/ /g, '');
  }
  let value: number;
  if (/^\d+$/.test(s)) value = Number(s);
  else if (SCIENTIFIC.test(s)) value = Number(s);
  else if (/^[\d.,]+$/.test(s) && /\d/.test(s)) {
    const read = separated(s);
    if (read === undefined) return notANumber();
    if (typeof read === 'number') value = read;
    else {
      const settled = settle(original, read, wholeCurrency, separators);
      if (typeof settled !== 'number') return settled;
      value = settled;
    }
  } else return notANumber();
  return sign * value * scale;
}
