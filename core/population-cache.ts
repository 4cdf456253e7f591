/**
 * Row-by-row formulas (`=ABC_CLASS(C2, C$2:C$500)` filled down N rows) hand every call the same population.
 * Sorting it once and reusing the cut-offs makes N calls cost about O(N + n log n) instead of O(N · n log n).
 * A population is recognised by identity (the same array object, as HyperFormula and tests pass it) or, failing
 * that, by an exact cell-by-cell comparison (O(n), no parsing, no sorting), since Excel hands each call a fresh copy.
 */
import { isDate } from './cells.js';

const RECENT_LIMIT = 4;

interface Entry<T> {
  readonly cells: readonly unknown[];
  readonly values: Map<string, T>;
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

  /** The value built for this population and key, building it on first sight. */
  get(raw: unknown, cells: () => readonly unknown[], key: string, build: () => T): T {
    const entry = this.entryFor(raw, cells);
    let value = entry.values.get(key);
    if (value === undefined) {
      value = build();
      entry.values.set(key, value);
    }
    return value;
  }

  private entryFor(raw: unknown, cellsOf: () => readonly unknown[]): Entry<T> {
    const identity = typeof raw === 'object' && raw !== null ? raw : undefined;
    const known = identity && this.byIdentity.get(identity);
    if (known) return known;
    const cells = cellsOf();
    let entry = this.recent.find((candidate) => sameCells(candidate.cells, cells));
    if (!entry) {
      entry = { cells: cells.slice(), values: new Map() };
      this.recent = [entry, ...this.recent].slice(0, RECENT_LIMIT);
    }
    if (identity) this.byIdentity.set(identity, entry);
    return entry;
  }
}
