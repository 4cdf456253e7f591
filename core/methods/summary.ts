/**
 * Aggregates by segment (or item): per-group counts and compensated sums, the segment summary
 * (customers, value, shares, average) and each segment's main trait.
 *
 * Group sums use Neumaier's compensated summation (numeric/sum.ts), so a group's total hardly depends on the
 * order of its lines (answers stay permutation-invariant in practice, not just in exact arithmetic). Groups are
 * ordered by a total order that never depends on the input order: by value (or size) descending, then by name in
 * code-unit order (not locale order, which differs between hosts).
 * Cost: O(n) to group n lines (one hash lookup per line), O(g log g) to order g groups.
 *
 * @see https://en.wikipedia.org/wiki/Kahan_summation_algorithm#Further_enhancements (Neumaier)
 * @example summarise(['A', 'B', 'A'], Float64Array.of(10, 5, 30))
 *   // → rows [{ segment: 'A', customers: 2, value: 40 }, { segment: 'B', customers: 1, value: 5 }],
 *   //   total { customers: 3, value: 45 }
 */
import { addCompensated, stableSum } from '../numeric/sum.js';
import { clearlyAbove } from '../tolerance.js';

/** Code-unit order of two texts: the same on every host, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lines grouped by key: each group's name (in order of first appearance), line count and compensated sum. */
export interface Groups {
  readonly names: string[];
  readonly counts: Float64Array;
  readonly sums: Float64Array;
}

/** Groups lines by key and sums their values (NaN means "no value": the line is counted and adds nothing). */
export function groupSums(keys: readonly string[], values: ArrayLike<number>): Groups {
  const index = new Map<string, number>();
  const names: string[] = [];
  let counts: Float64Array = new Float64Array(16);
  let sums: Float64Array = new Float64Array(16);
  let compensation: Float64Array = new Float64Array(16);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    let g = index.get(key);
    if (g === undefined) {
      g = names.length;
      index.set(key, g);
      names.push(key);
      if (g === counts.length) {
        counts = grow(counts);
        sums = grow(sums);
        compensation = grow(compensation);
      }
    }
    counts[g]! += 1;
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    addCompensated(sums, compensation, g, v);
  }
  const g = names.length;
  const totals = new Float64Array(g);
  for (let i = 0; i < g; i++) totals[i] = (sums[i] as number) + (compensation[i] as number);
  return { names, counts: counts.slice(0, g), sums: totals };
}

function grow(array: Float64Array): Float64Array {
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

export interface SegmentRow {
  readonly segment: string;
  readonly customers: number;
  readonly value: number;
}

export interface Summary {
  /** Sorted by value descending, then by segment name. */
  readonly rows: SegmentRow[];
  readonly total: { readonly customers: number; readonly value: number };
}

/**
 * One row per segment: its number of lines (customers) and value, sorted by value descending (ties by name),
 * with the total. Each line is one customer; a NaN value counts the customer and adds nothing.
 */
export function summarise(segments: readonly string[], values: ArrayLike<number>): Summary {
  const groups = groupSums(segments, values);
  const rows = groups.names.map((segment, g) => ({
    segment,
    customers: groups.counts[g] as number,
    value: groups.sums[g] as number,
  }));
  rows.sort((a, b) => b.value - a.value || compareText(a.segment, b.segment));
  let customers = 0;
  for (const r of rows) customers += r.customers;
  return { rows, total: { customers, value: stableSum(rows.map((r) => r.value)) } };
}

export interface TraitRow {
  readonly segment: string;
  /** Members of the segment (lines), blank traits included. */
  readonly members: number;
  /** The main trait, or undefined when none is shared by more than min_share, or when the most common is a tie. */
  readonly trait: string | undefined;
  /** The main trait's share of the members with a trait (undefined without a main trait). */
  readonly share: number | undefined;
}

/**
 * Each segment's most common trait when more than `minShare` of its members with a trait share it ("more than"
 * with the shared tolerance). Blank traits (`undefined`) are not counted, in the count or in the denominator.
 * A tie for most common gives no main trait. Segments are ordered by members descending, then by name.
 * Cost: O(n) to count, O(g log g + t) to choose.
 *
 * @example mainTraits(['S', 'S', 'S'], ['Hanoi', 'Hanoi', 'Hue'], 0.5) // → [{ segment: 'S', trait: 'Hanoi', share: 2/3, members: 3 }]
 */
export function mainTraits(
  segments: readonly string[],
  traits: readonly (string | undefined)[],
  minShare: number,
): TraitRow[] {
  const bySegment = new Map<string, { members: number; withTrait: number; counts: Map<string, number> }>();
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    let entry = bySegment.get(segment);
    if (!entry) {
      entry = { members: 0, withTrait: 0, counts: new Map() };
      bySegment.set(segment, entry);
    }
    entry.members++;
    const trait = traits[i];
    if (trait === undefined) continue;
    entry.withTrait++;
    entry.counts.set(trait, (entry.counts.get(trait) ?? 0) + 1);
  }
  const rows: TraitRow[] = [];
  for (const [segment, { members, withTrait, counts }] of bySegment) {
    let best: string | undefined;
    let bestCount = 0;
    let tied = false;
    for (const [trait, count] of counts) {
      if (count > bestCount) {
        best = trait;
        bestCount = count;
        tied = false;
      } else if (count === bestCount) tied = true;
    }
    const share = withTrait > 0 ? bestCount / withTrait : 0;
    const main = best !== undefined && !tied && clearlyAbove(share, minShare);
    rows.push({ segment, members, trait: main ? best : undefined, share: main ? share : undefined });
  }
  rows.sort((a, b) => b.members - a.members || compareText(a.segment, b.segment));
  return rows;
}
