/**
 * Customer pyramid by count (default 1% / 4% / 15% / 80%): among the n positive population values, a value's
 * rank r is 1 + the number of strictly larger values (ties share the better rank). `Top` if r ≤ ceil(s₁·n),
 * `Large` if r ≤ ceil(s₂·n), `Medium` if r ≤ ceil(s₃·n), else `Small`; a value ≤ 0 is `Inactive`.
 *
 * Ranks are never computed one by one. With the positives sorted once and k = ceil(s·n), "r ≤ k" holds exactly
 * when the value is ≥ the k-th largest positive value (if v is below it, the k values above it are all strictly
 * larger, so r > k; if v is at or above it, fewer than k values are strictly larger). So each tier is one cut-off
 * value, and classifying costs O(1): O(n log n) for the population, O(m) for m values.
 * The one cut-off comparison, r ≤ ceil(s·n), takes its tolerance from `ceilShare` (0.07·100 is 7, not 8);
 * values themselves are compared exactly, as the rank's "strictly larger" says.
 *
 * @see https://en.wikipedia.org/wiki/Customer_pyramid
 * @example tierCutoffs(Float64Array.from({ length: 100 }, (_, i) => 100 - i), [0.01, 0.05, 0.2])
 *   // → { top: 100, large: 96, medium: 81 }: 100 is Top, 99–96 Large, 95–81 Medium, 80–1 Small
 */
import { ceilShare, clearlyAbove } from '../tolerance.js';

export type Tier = 'Top' | 'Large' | 'Medium' | 'Small' | 'Inactive';

/** The cumulative count shares ending Top, Large and Medium when none are given. */
export const TIER_DEFAULT_SHARES: readonly [number, number, number] = [0.01, 0.05, 0.2];

/** The smallest value of each tier (Infinity when the tier is empty). */
export interface TierCutoffs {
  readonly top: number;
  readonly large: number;
  readonly medium: number;
}

/** Cut-off values from a population's values (any order; values ≤ 0 are left out of n). One sort. */
export function tierCutoffs(population: ArrayLike<number>, shares: readonly [number, number, number]): TierCutoffs {
  let n = 0;
  for (let i = 0; i < population.length; i++) if (isActive(population[i] as number)) n++;
  const positives = new Float64Array(n);
  n = 0;
  for (let i = 0; i < population.length; i++) {
    const v = population[i] as number;
    if (isActive(v)) positives[n++] = v;
  }
  positives.sort();
  /** The k-th largest positive value, or Infinity when k is 0 (no value can be in the tier). */
  const kthLargest = (share: number): number => {
    const k = Math.min(ceilShare(share, n), n);
    return k < 1 ? Infinity : (positives[n - k] as number);
  };
  return { top: kthLargest(shares[0]), large: kthLargest(shares[1]), medium: kthLargest(shares[2]) };
}

/** A value counts towards the pyramid when it is above 0. */
function isActive(value: number): boolean {
  return clearlyAbove(value, 0);
}

export function tierOf(value: number, cutoffs: TierCutoffs): Tier {
  if (!isActive(value)) return 'Inactive';
  if (value >= cutoffs.top) return 'Top';
  if (value >= cutoffs.large) return 'Large';
  if (value >= cutoffs.medium) return 'Medium';
  return 'Small';
}
