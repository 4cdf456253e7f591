/** How a spreadsheet function is described once, as data, for every host, the README, the panel and the tests. */
import type { OutGrid } from '../output.js';

export interface Text {
  readonly en: string;
  readonly vi: string;
}

/**
 * What a parameter takes: `range` one column or row (or one cell); `matrix` rows × columns;
 * `list` an array constant or range of numbers; the rest single values.
 */
export type ParamKind = 'range' | 'matrix' | 'list' | 'number' | 'date' | 'text' | 'lang';

/**
 * One parameter. The limits are data: `invoke` checks them (one message per rule), the help text states them
 * ("default 0.8", "2 to 9"), and the panel's option fields take their defaults and checks from them.
 */
export interface ParamSpec {
  readonly name: string;
  readonly kind: ParamKind;
  readonly optional: boolean;
  /** What the parameter is; the default and the limits below are appended to it where help is shown. */
  readonly help: Text;
  /** The value used when the parameter is left out (a number, a list's numbers, or a text value). */
  readonly default?: number | readonly number[] | string;
  /** Inclusive bounds of a number, or of every number of a list. */
  readonly min?: number;
  readonly max?: number;
  /**
   * Exclusive bounds, instead of `min` or `max` (a share more than 0); `exclusiveMax` only with `exclusiveMin`, the
   * bounds the messages say ("more than 0 and at most 1", "more than 0 and less than 1").
   */
  readonly exclusiveMin?: number;
  readonly exclusiveMax?: number;
  /** Whole numbers only. */
  readonly integer?: boolean;
  /** A list, or each row of a matrix of numbers, must be strictly ascending. */
  readonly ascending?: boolean;
  /** A list holds exactly this many numbers. */
  readonly count?: number;
  /** The only values a text parameter takes (compared without case), e.g. `en`, `vi`. */
  readonly values?: readonly string[];
}

/**
 * `perCell`: one answer per input cell, in the input's shape; `perRow`: one answer per matrix row, as a column;
 * `table`: spills with a header row; `scalar`: one value.
 */
export type ResultKind = 'perCell' | 'perRow' | 'table' | 'scalar';

export interface FunctionExample {
  /** The formula as a Sheets user types it (Excel adds the `SEG.` prefix). */
  readonly formula: string;
  /** The answer, as text. */
  readonly result: string;
}

/**
 * What a function used to reach its answers, reported beside them so a preview or chart shows exactly that and
 * never recomputes it. Positions on the Pareto curve are fractions (customers, value), 0 to 1.
 */
export type FunctionDetails =
  | {
      readonly kind: 'abc';
      readonly aShare: number;
      readonly bShare: number;
      /** The smallest value still A, still B (Infinity when none is). */
      readonly aMin: number;
      readonly bMin: number;
      /** The cumulative curve of the positive values, largest first, thinned to at most about 200 points. */
      readonly curve: readonly (readonly [number, number])[];
      /** Where classes A and B end on the curve (customers share, value share). */
      readonly aEnd: readonly [number, number];
      readonly bEnd: readonly [number, number];
    }
  | { readonly kind: 'quadrant'; readonly xCut: number; readonly yCut: number }
  | { readonly kind: 'xyz'; readonly cuts: readonly number[] }
  | {
      readonly kind: 'tier';
      readonly shares: readonly number[];
      /** The smallest value of each tier but the last, in tier order (Infinity when the tier is empty). */
      readonly minimums: readonly number[];
    }
  | {
      readonly kind: 'rfm';
      /** The serial day recency is counted to. */
      readonly asOf: number;
      readonly bins: number;
      readonly mode: 'quantile' | 'threshold';
      /** Cut points (quantile mode) or lower bounds (threshold mode) of R in days, F and M. */
      readonly r: readonly number[];
      readonly f: readonly number[];
      readonly m: readonly number[];
    }
  | { readonly kind: 'lifecycle'; readonly asOf: number; readonly settings: readonly number[] }
  | {
      readonly kind: 'kmeans';
      readonly k: number;
      readonly seed: number;
      readonly chosenBySilhouette: boolean;
      /** Per feature, whether it was clustered on a log scale (skewed amounts ≥ 0). */
      readonly logScaled: readonly boolean[];
      /** Per feature, the rows blank there (left out of its scaling, still clustered). */
      readonly blanks: readonly number[];
      /** Per cluster, 1 first: its size and the mean of each feature in the feature's own units (NaN: all blank). */
      readonly clusters: readonly { readonly size: number; readonly means: readonly number[] }[];
    };

/** Receives a function's details; functions that have none never call it. */
export type DetailSink = (details: FunctionDetails) => void;

export interface FunctionSpec {
  readonly name: string;
  readonly summary: Text;
  readonly params: readonly ParamSpec[];
  readonly result: ResultKind;
  readonly example: FunctionExample;
  /**
   * Runs on host-shaped arguments, positional as in `params`, already checked against the params' limits by
   * `invoke`; throws SegmentKitError for a whole-call problem; reports what it used to `details` when given.
   */
  readonly run: (args: readonly unknown[], details?: DetailSink) => OutGrid;
}

/** The data fields of a parameter beyond its name, kind, help and optionality. */
export type ParamLimits = Omit<ParamSpec, 'name' | 'kind' | 'optional' | 'help'>;

/** A parameter: what it is called, takes and means, whether it may be left out, and its limits. */
export function param(
  name: string,
  kind: ParamKind,
  help: Text,
  optional = false,
  limits: ParamLimits = {},
): ParamSpec {
  return { name, kind, optional, help, ...limits };
}

export const LANG_PARAM: ParamSpec = param('lang', 'lang', { en: 'Label language.', vi: 'Ngôn ngữ nhãn.' }, true, {
  default: 'en',
  values: ['en', 'vi'],
});
