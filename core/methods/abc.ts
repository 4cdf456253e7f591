/**
 * ABC (Pareto) classification: a value is `A` when it and every larger value together make at most `aShare`
 * of the population's positive total, `B` up to `bShare`, else `C`. Ties share a class, judged by the end
 * of their block; zero and negative values (credit notes, returns) are `C` and add nothing to the total.
 *
 * Classes depend only on two cut-off values, so classifying costs O(1) per value after one sort:
 * O(n log n) for the population, O(m) for m values.
 *
 * @see https://en.wikipedia.org/wiki/ABC_analysis
 * @example abcCutoffs(Float64Array.of(27000, 24000, 18000, 16000, 6000, 5000, 4000), 0.8, 0.95)
 *   // → { aMin: 18000, bMin: 6000 }: 27000, 24000, 18000 are A; 16000, 6000 are B; 5000, 4000 are C
 */
import { atMost } from '../tolerance.js';

export type AbcClass = 'A' | 'B' | 'C';

/** The running shares that end classes A and B when none are given (the spec's 80 % and 95 %). */
export const ABC_DEFAULT_SHARES = { a: 0.8, b: 0.95 } as const;

/** The smallest value that is still A, and still B (Infinity when none is). */
export interface AbcCutoffs {
  readonly aMin: number;
  readonly bMin: number;
}

/** A point of the cumulative (Pareto) curve: the share of the positive values counted, and of their total. */
export type CurvePoint = readonly [customers: number, value: number];

/** The cut-offs with the cumulative curve they were read from, for a chart of exactly what was classified. */
export interface AbcAnalysis extends AbcCutoffs {
  /** From (0, 0) to (1, 1), largest values first, thinned to about `CURVE_POINTS` points plus aEnd and bEnd. */
  readonly curve: readonly CurvePoint[];
  /** Where the A and the B values end on the curve; (0, 0) when the class is empty. */
  readonly aEnd: CurvePoint;
  readonly bEnd: CurvePoint;
}

/** About how many points the curve keeps, however many values there are. */
export const CURVE_POINTS = 200;

/** The positive values of a population, sorted ascending, and their total summed largest first. */
function sortedPositives(population: ArrayLike<number>): { positives: Float64Array; total: number } {
  let count = 0;
  for (let i = 0; i < population.length; i++) if ((population[i] as number) > 0) count++;
  const positives = new Float64Array(count);
  count = 0;
  for (let i = 0; i < population.length; i++) {
    const v = population[i] as number;
    if (v > 0) positives[count++] = v;
  }
  positives.sort();
  let total = 0;
  for (let i = count - 1; i >= 0; i--) total += positives[i] as number;
  return { positives, total };
}

/** Where the cut-offs fall on the sorted positives: how many values are A and B, and the share each ends at. */
interface Walk extends AbcCutoffs {
  readonly aCount: number;
  readonly bCount: number;
  readonly aShareEnd: number;
  readonly bShareEnd: number;
}

/**
 * Walks the sorted positives largest first, one block of equal values at a time: S(v) = (sum of positive values
 * ≥ v) / (sum of positive values), summed first, divided once. The cut-offs are read on the way, which ends where
 * B ends, or, given `curve`, at the smallest value, adding to `curve` the end of a block (values counted / n, share)
 * at least every `step` values and the last one. One loop, no call per value or per block.
 */
function walkBlocks(
  positives: Float64Array,
  total: number,
  aShare: number,
  bShare: number,
  curve?: { readonly points: CurvePoint[]; readonly step: number },
): Walk {
  const count = positives.length;
  let aMin = Infinity;
  let bMin = Infinity;
  let aCount = 0;
  let bCount = 0;
  let aShareEnd = 0;
  let bShareEnd = 0;
  let running = 0;
  let inB = true;
  let inA = true;
  let last = 0;
  const step = curve ? curve.step : count + 1;
  for (let i = count - 1; i >= 0; i--) {
    const value = positives[i] as number;
    running += value;
    if (i > 0 && positives[i - 1] === value) continue;
    // The end of a block of equal values: `counted` values so far.
    const counted = count - i;
    if (inB) {
      const share = running / total;
      if (atMost(share, bShare)) {
        bMin = value;
        bCount = counted;
        bShareEnd = share;
        if (inA && atMost(share, aShare)) {
          aMin = value;
          aCount = counted;
          aShareEnd = share;
        } else inA = false;
      } else {
        inB = false;
        if (!curve) break;
      }
    }
    if (counted - last >= step || (curve && counted === count)) {
      curve?.points.push([counted / count, running / total]);
      last = counted;
    }
  }
  return { aMin, bMin, aCount, bCount, aShareEnd, bShareEnd };
}

/** Cut-offs from a population's values (any order; non-positive values are ignored). O(n log n). */
export function abcCutoffs(population: ArrayLike<number>, aShare: number, bShare: number): AbcCutoffs {
  const { positives, total } = sortedPositives(population);
  const { aMin, bMin } = walkBlocks(positives, total, aShare, bShare);
  return { aMin, bMin };
}

/**
 * The cut-offs of `abcCutoffs` and the cumulative curve, both from the one sorted array, with where A and B end
 * on it. The curve keeps every `ceil(n / CURVE_POINTS)`-th value, the last one, and the ends of A and B. O(n log n).
 */
export function abcAnalysis(population: ArrayLike<number>, aShare: number, bShare: number): AbcAnalysis {
  const { positives, total } = sortedPositives(population);
  const n = positives.length;
  const points: CurvePoint[] = [[0, 0]];
  // Within a block of equal values the curve is a straight line, so its end points are enough.
  const cut = walkBlocks(positives, total, aShare, bShare, { points, step: Math.max(1, Math.ceil(n / CURVE_POINTS)) });
  const aEnd: CurvePoint = cut.aCount === 0 ? [0, 0] : [cut.aCount / n, cut.aShareEnd];
  const bEnd: CurvePoint = cut.bCount === 0 ? [0, 0] : [cut.bCount / n, cut.bShareEnd];
  for (const end of [aEnd, bEnd]) {
    if (end[0] > 0 && !points.some((point) => point[0] === end[0])) points.push(end);
  }
  points.sort((a, b) => a[0] - b[0]);
  return { aMin: cut.aMin, bMin: cut.bMin, curve: points, aEnd, bEnd };
}

export function abcClass(value: number, cutoffs: AbcCutoffs): AbcClass {
  if (value > 0 && value >= cutoffs.aMin) return 'A';
  if (value > 0 && value >= cutoffs.bMin) return 'B';
  return 'C';
}
