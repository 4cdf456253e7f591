/**
 * The shared shape of relative methods (ABC, tiers): each value is judged against cut-offs computed once
 * from a population, which is the range itself (spill use) or an explicit range (row-by-row use, cached).
 */
import { answerRow, cellReader, isAbsent, readVectorNumbers, shapeLike, toVector, vectorLength } from '../args.js';
import { BLANK, BLANK_STATE, PROBLEM, readNumber, type NumberColumn } from '../cells.js';
import { at, type Problem } from '../errors.js';
import type { OutCell, OutGrid } from '../output.js';
import { readableNumbers, type PopulationCache, type PopulationUse } from '../population-cache.js';

export interface RelativeMethod<C> extends PopulationUse<C> {
  readonly cache: PopulationCache<C>;
  /** Identifies the options the cut-offs depend on, e.g. the shares. */
  readonly key: string;
  readonly classify: (value: number, cutoffs: C) => OutCell;
}

/**
 * Classifies each value against the cut-offs of its population: the values themselves, or the `population` range
 * (cached across row-by-row calls). `report` receives the cut-offs used, cached or not.
 */
export function classifyAgainstPopulation<C>(
  rawValues: unknown,
  rawPopulation: unknown,
  method: RelativeMethod<C>,
  report?: (cutoffs: C) => void,
): OutGrid {
  const vector = toVector(rawValues, 'values');
  let column: NumberColumn | undefined;
  let cutoffs: C;
  if (isAbsent(rawPopulation)) {
    column = readVectorNumbers(vector);
    cutoffs = method.prepare(readableNumbers(column.values, column.state));
  } else {
    cutoffs = method.cache.get(rawPopulation, method);
  }
  if (report) report(cutoffs);
  if (vectorLength(vector) === 1) {
    const read = readNumber(cellReader(vector)(0));
    const answer =
      read === BLANK ? '' : typeof read === 'number' ? method.classify(read, cutoffs) : at(read, 'values', 1);
    return shapeLike(vector, [answer]);
  }
  column ??= readVectorNumbers(vector);
  const n = column.values.length;
  const grid: OutGrid | undefined = vector.orientation === 'column' ? new Array<OutCell[]>(n) : undefined;
  const answers = grid ? [] : new Array<OutCell>(n);
  for (let i = 0; i < n; i++) {
    const state = column.state[i];
    let answer: OutCell;
    if (state === BLANK_STATE) answer = '';
    else if (state === PROBLEM) answer = at(column.problems.get(i) as Problem, 'values', i + 1);
    else answer = method.classify(column.values[i] as number, cutoffs);
    if (grid) grid[i] = answerRow(answer);
    else answers[i] = answer;
  }
  return grid ?? [answers];
}
