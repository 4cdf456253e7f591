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

/**
 * Cut-offs from a population's values (any order; non-positive values are ignored).
 * S(v) = (sum of positive values ≥ v) / (sum of positive values): summed first, divided once.
 */
export function abcCutoffs(population: ArrayLike<number>, aShare: number, bShare: number): AbcCutoffs {
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

  let aMin = Infinity;
  let bMin = Infinity;
  let running = 0;
  let i = count - 1;
  while (i >= 0) {
    const value = positives[i] as number;
    while (i >= 0 && positives[i] === value) running += positives[i--] as number;
    const share = running / total;
    if (!atMost(share, bShare)) break;
    bMin = value;
    if (atMost(share, aShare)) aMin = value;
  }
  return { aMin, bMin };
}

export function abcClass(value: number, cutoffs: AbcCutoffs): AbcClass {
  if (value > 0 && value >= cutoffs.aMin) return 'A';
  if (value > 0 && value >= cutoffs.bMin) return 'B';
  return 'C';
}
