/**
 * The arithmetic of the preview charts, kept apart from the SVG so it can be tested: axis ticks (round steps, log
 * decades), axis ranges that keep a few extreme values from squashing the rest, text widths estimated without a DOM,
 * and labels wrapped or shortened to a width. Charts are drawn in a 300-unit-wide view box, one unit a pixel at the
 * task pane's narrowest, so a label that fits here is never clipped.
 */

/** The view box width of every chart: the narrowest panel. */
export const CHART_WIDTH = 300;

/**
 * Width of a character in ems in a sans-serif UI face (Segoe UI, Roboto, Arial), rounded up: narrow letters and
 * punctuation, wide capitals and m/w, the rest. Vietnamese letters with diacritics are as wide as their base letter.
 */
function charWidth(ch: string): number {
  if (ch === ' ') return 0.3;
  if (".,:;|!iIjlftr'()[]·".includes(ch)) return 0.34;
  if ('mwMW%@'.includes(ch)) return 0.9;
  const base = ch.normalize('NFD').charAt(0);
  if (base >= 'A' && base <= 'Z') return 0.7;
  if (base >= '0' && base <= '9') return 0.58;
  if ('→≥≤–—…'.includes(ch)) return 1;
  return 0.58;
}

/** The estimated width of a text at a font size, a little over what browsers draw. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += charWidth(ch);
  return ems * fontSize;
}

/** The largest font size from `preferred` down to `smallest` (steps of 0.5) at which the text fits the width. */
export function fitFontSize(text: string, maxWidth: number, preferred: number, smallest: number): number {
  let size = preferred;
  while (size > smallest && textWidth(text, size) > maxWidth) size -= 0.5;
  return size;
}

/** The text cut to fit the width, ending with an ellipsis when cut. */
export function shorten(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('').trimEnd()}…`, fontSize) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/**
 * A label broken at spaces into at most `maxLines` lines of at most `maxWidth`; a word longer than a line, or what
 * does not fit the last line, is shortened with an ellipsis.
 */
export function wrapLabel(text: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (!current || textWidth(candidate, fontSize) <= maxWidth) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length > maxLines) lines.splice(maxLines - 1, lines.length, lines.slice(maxLines - 1).join(' '));
  return lines.map((line) => shorten(line, maxWidth, fontSize));
}

/** Round ticks (1, 2 or 5 × 10ⁿ apart) covering [lo, hi], about `count` of them. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return [lo];
  const rough = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const steps = [1, 2, 2.5, 5, 10].map((m) => m * power);
  const off = (step: number): number => Math.abs((hi - lo) / step - count);
  const step = steps.reduce((best, s) => (off(s) < off(best) ? s : best));
  const first = Math.ceil(lo / step - 1e-9);
  const ticks: number[] = [];
  for (let k = first; k * step <= hi + step * 1e-9; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

/** Ticks of a log axis over [lo, hi] (both positive): 1 × 10ⁿ, or 1, 2 and 5 × 10ⁿ when few decades are shown. */
export function logTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  const decades = Math.log10(hi / lo);
  const multiples = decades <= 2 ? [1, 2, 5] : decades <= 4 ? [1, 3] : [1];
  const step = Math.max(1, Math.ceil(decades / 6));
  for (let p = Math.floor(Math.log10(lo)); p <= Math.ceil(Math.log10(hi)); p += step) {
    for (const m of multiples) {
      const v = Number((m * 10 ** p).toPrecision(12));
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) ticks.push(v);
    }
  }
  return ticks;
}

/** An axis: the range drawn, whether it is logarithmic, and how many values lie beyond it (drawn at its edge). */
export interface AxisRange {
  readonly lo: number;
  readonly hi: number;
  readonly log: boolean;
  readonly clipped: number;
}

const quantileOf = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))] as number;

/**
 * The range of an axis over values and a cut that must show. A log axis spans every value. A linear axis spans the
 * middle 90 % of the values (5th to 95th percentile) with a margin of a fifth of that span on each side, so that a
 * few very large customers do not squash the rest into a corner; the values beyond are counted and drawn at its edge.
 * An empty or flat range is widened so it has a length.
 */
export function axisRange(values: readonly number[], cut: number, log: boolean): AxisRange {
  const finite = values.filter(Number.isFinite);
  const sorted = [...finite].sort((a, b) => a - b);
  const withCut = Number.isFinite(cut) ? [cut] : [];
  if (log && sorted.length > 0 && (sorted[0] as number) > 0 && !(cut <= 0)) {
    const lo = Math.min(sorted[0] as number, ...withCut);
    const hi = Math.max(sorted[sorted.length - 1] as number, ...withCut);
    return hi > lo ? { lo, hi, log: true, clipped: 0 } : { lo: lo / 2, hi: hi * 2, log: true, clipped: 0 };
  }
  if (sorted.length === 0) {
    const c = withCut[0] ?? 0;
    return { lo: c - 1, hi: c + 1, log: false, clipped: 0 };
  }
  const p5 = quantileOf(sorted, 0.05);
  const p95 = quantileOf(sorted, 0.95);
  const margin = (p95 - p5) / 5;
  const kept = p95 > p5 ? sorted.filter((v) => v >= p5 - margin && v <= p95 + margin) : sorted;
  let lo = kept[0] as number;
  let hi = kept[kept.length - 1] as number;
  lo = Math.min(lo, ...withCut);
  hi = Math.max(hi, ...withCut);
  if (!(hi > lo)) {
    const pad = Math.abs(lo) / 10 || 1;
    lo -= pad;
    hi += pad;
  }
  const clipped = finite.filter((v) => v < lo || v > hi).length;
  return { lo, hi, log: false, clipped };
}

/** Where a value falls on an axis, 0 at `lo` and 1 at `hi`, values beyond held at the edge. */
export function position(range: AxisRange, value: number): number {
  const f = range.log
    ? (Math.log(value) - Math.log(range.lo)) / (Math.log(range.hi) - Math.log(range.lo))
    : (value - range.lo) / (range.hi - range.lo);
  return Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : 0;
}

/** The ticks of an axis range: about `count` round values, or the log axis's decades. */
export function ticksOf(range: AxisRange, count: number): number[] {
  return range.log ? logTicks(range.lo, range.hi) : niceTicks(range.lo, range.hi, count);
}

/**
 * The ticks with labels that do not overlap along an axis of `length` units: from `count` ticks down, the first
 * set whose labels (with a gap) fit between neighbours; for a log axis, every other tick is dropped until they fit.
 */
export function fittedTicks(
  range: AxisRange,
  count: number,
  length: number,
  format: (v: number) => string,
  fontSize: number,
  horizontal: boolean,
): { readonly value: number; readonly label: string }[] {
  const fits = (ticks: readonly number[]): boolean => {
    for (let i = 1; i < ticks.length; i++) {
      const a = ticks[i - 1] as number;
      const b = ticks[i] as number;
      const gap = (position(range, b) - position(range, a)) * length;
      const need = horizontal
        ? (textWidth(format(a), fontSize) + textWidth(format(b), fontSize)) / 2 + 4
        : fontSize + 2;
      if (gap < need) return false;
    }
    return true;
  };
  let ticks = ticksOf(range, count);
  if (range.log) {
    while (ticks.length > 2 && !fits(ticks)) ticks = ticks.filter((_, i) => i % 2 === 0);
  } else {
    for (let c = count; c > 1 && !fits(ticks); c--) ticks = ticksOf(range, c - 1);
  }
  return ticks.map((value) => ({ value, label: format(value) }));
}
