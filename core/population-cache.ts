/**
 * Row-by-row formulas (`=ABC_CLASS(C2, C$2:C$500)` filled down N rows) hand every call the same population.
 * Sorting it once and reusing the cut-offs makes N calls cost about O(N + n log n) instead of O(N · n log n).
 * A population is recognised by identity (the same array object, as HyperFormula and tests pass it) or, failing
 * that, by an exact cell-by-cell comparison (O(n), no parsing, no sorting), since Excel hands each call a fresh copy.
 */
import { readVectorNumbers, toVector, type Vector } from './args.js';
import { isDate } from './cells.js';

/** What a population is turned into (cut-offs), under a key naming the options it depends on. */
export interface PopulationUse<T> {
  readonly key: string;
  /** Builds the value from the population's readable numbers. */
  readonly prepare: (population: Float64Array) => T;
}

const RECENT_LIMIT = 4;

interface Entry<T> {
  readonly cells: readonly unknown[];
  readonly values: Map<string, T>;
}

/** The numbers of the cells that could be read (state 0), in order. */
export function readableNumbers(values: Float64Array, state: Uint8Array): Float64Array {
  let count = 0;
  for (let i = 0; i < state.length; i++) if (state[i] === 0) count++;
  if (count === state.length) return values;
  const out = new Float64Array(count);
  count = 0;
  for (let i = 0; i < state.length; i++) if (state[i] === 0) out[count++] = values[i] as number;
  return out;
}

function sameCell(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isDate(a) && isDate(b)) return a.getTime() === b.getTime();
  return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
}

function sameCells(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !sameCell(a[i], b[i])) return false;
  return true;
}

export class PopulationCache<T> {
  private readonly byIdentity = new WeakMap<object, Entry<T>>();
  private recent: Entry<T>[] = [];

  /**
   * The value built for this population (a range argument, named `population` in problems) and use, building it
   * on first sight. No closure is made per call: row-by-row formulas call this once per row.
   */
  get(raw: unknown, use: PopulationUse<T>): T {
    const identity = typeof raw === 'object' && raw !== null ? raw : undefined;
    let vector: Vector | undefined;
    let entry = identity && this.byIdentity.get(identity);
    if (!entry) {
      vector = toVector(raw, 'population');
      entry = this.entryFor(vector.cells, identity);
    }
    let value = entry.values.get(use.key);
    if (value === undefined) {
      const read = readVectorNumbers(vector ?? toVector(raw, 'population'));
      value = use.prepare(readableNumbers(read.values, read.state));
      entry.values.set(use.key, value);
    }
    return value;
  }

  private entryFor(cells: readonly unknown[], identity: object | undefined): Entry<T> {
    let entry = this.recent.find((candidate) => sameCells(candidate.cells, cells));
    if (!entry) {
      entry = { cells: cells.slice(), values: new Map() };
      this.recent = [entry, ...this.recent].slice(0, RECENT_LIMIT);
    }
    if (identity) this.byIdentity.set(identity, entry);
    return entry;
  }
}
