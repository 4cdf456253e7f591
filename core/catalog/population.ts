/**
 * The shared shape of relative methods (ABC, tiers): each value is judged against cut-offs computed once
 * from a population, which is the range itself (spill use) or an explicit range (row-by-row use, cached).
 */
import { isAbsent, shapeLike, toVector } from '../args.js';
import { BLANK_STATE, PROBLEM, readNumbers } from '../cells.js';
import { at, type Problem } from '../errors.js';
import type { OutCell, OutGrid } from '../output.js';
import type { PopulationCache } from '../population-cache.js';

export interface RelativeMethod<C> {
  readonly cache: PopulationCache<C>;
  /** Identifies the options the cut-offs depend on, e.g. the shares. */
  readonly key: string;
  readonly prepare: (population: Float64Array) => C;
  readonly classify: (value: number, cutoffs: C) => OutCell;
}

function readable(values: Float64Array, state: Uint8Array): Float64Array {
  let count = 0;
  for (let i = 0; i < state.length; i++) if (state[i] === 0) count++;
  if (count === state.length) return values;
  const out = new Float64Array(count);
  count = 0;
  for (let i = 0; i < state.length; i++) if (state[i] === 0) out[count++] = values[i] as number;
  return out;
}

export function classifyAgainstPopulation<C>(rawValues: unknown, rawPopulation: unknown, method: RelativeMethod<C>): OutGrid {
  const vector = toVector(rawValues, 'values');
  const column = readNumbers(vector.cells);
  let cutoffs: C;
  if (isAbsent(rawPopulation)) {
    cutoffs = method.prepare(readable(column.values, column.state));
  } else {
    const population = toVector(rawPopulation, 'population');
    cutoffs = method.cache.get(rawPopulation, population.cells, method.key, () => {
      const read = readNumbers(population.cells);
      return method.prepare(readable(read.values, read.state));
    });
  }
  const answers = new Array<OutCell>(vector.cells.length);
  for (let i = 0; i < answers.length; i++) {
    const state = column.state[i];
    if (state === BLANK_STATE) answers[i] = '';
    else if (state === PROBLEM) answers[i] = at(column.problems.get(i) as Problem, 'values', i + 1);
    else answers[i] = method.classify(column.values[i] as number, cutoffs);
  }
  return shapeLike(vector, answers);
}
