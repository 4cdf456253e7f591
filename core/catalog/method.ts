/**
 * What the panel needs to know about a method, described once beside its spreadsheet function: the columns it
 * reads (with the header words that find them), its option fields (each one a parameter of the function, so its
 * default and limits are the catalog's), its chart, and the order of its labels. The engine runs a method from
 * this description alone; only order lines, rules and tags have runners of their own.
 */
import type { LabelKey, Lang } from '../labels.js';
import type { OutCell } from '../output.js';
import type { ParamSpec, Text } from './types.js';

/** Where RFM on order lines takes each line's revenue from: a revenue column, or Quantity × Price. */
export type RevenueSource = 'column' | 'quantityPrice';

/** A column the panel asks for. */
export interface ColumnSpec {
  /** The key of the column in a plan's mapping. */
  readonly role: string;
  readonly label: Text;
  /** Header words, lower case without diacritics, most specific first (`doanh thu nam nay` before `doanh thu`). */
  readonly guesses: readonly string[];
  /** The function parameter the column is passed as. */
  readonly param?: string;
  /** Several columns (periods, features), passed together as one matrix. */
  readonly several?: boolean;
  /**
   * Several columns guessed from the first rows: every column whose values are mostly numbers, except ids and
   * codes, phone numbers, postcodes, dates and row numbers (core/engine/columns.ts, `guessNumericColumns`).
   */
  readonly numeric?: boolean;
  readonly optional?: boolean;
  /** Guessed from the first rows' dates when no header names it. */
  readonly dates?: boolean;
  /** Needed only when the revenue comes from this source. */
  readonly revenueFrom?: RevenueSource;
}

/** An option field: a parameter of the method's function, whose default and limits the field takes. */
export interface OptionSpec {
  readonly param: string;
  readonly label: Text;
  /** What a blank field means, for parameters without a default ("blank: the median"). */
  readonly blank?: Text;
  /** A 0/1 parameter (default 1 or 0): shown as an on/off switch whose value is "1" (on) or "0" (off). */
  readonly toggle?: boolean;
  /**
   * A setting of the panel's own, not a parameter of the function (Customer value's P(alive) bands): its name,
   * default and limits, read and checked as a function's parameter is.
   */
  readonly own?: ParamSpec;
}

/** A rule across option fields (a lower band below an upper one): the field to show it at and what to say. */
interface OptionsProblem {
  readonly param: string;
  readonly message: Text;
}

/** How the engine gets a method's answers. */
export type MethodRun =
  /** Calls `fn` with the mapped columns and options (by parameter name), one answer per data row. */
  | 'function'
  /** Order lines to customers (RFM_TABLE), each line labelled with its customer's segment. */
  | 'orderLines'
  /** The user's rule groups. */
  | 'rules'
  /** The user's tag on the selected rows. */
  | 'tags';

export type ChartKind = 'pareto' | 'scatter' | 'bars';

/** What `then` can do with the function's answers: call another function, in the user's language. */
export interface FollowUp {
  readonly call: (name: string, args: readonly unknown[]) => readonly OutCell[];
  readonly lang: Lang;
}

export interface MethodSpec<Id extends string = string> {
  readonly id: Id;
  readonly name: Text;
  readonly about: Text;
  readonly run: MethodRun;
  /** The catalog function the method runs, and whose parameters its options are. */
  readonly fn?: string;
  readonly columns: readonly ColumnSpec[];
  readonly options: readonly OptionSpec[];
  readonly chart: ChartKind;
  /** The method's labels in their natural order (legend, summary sheet); other labels follow by size. */
  readonly labels?: readonly LabelKey[];
  /** Turns the function's answers into the labels written (cluster numbers into names, scores into segments). */
  readonly then?: (answers: readonly OutCell[], follow: FollowUp) => readonly OutCell[];
  /** Checks the option values together, once each is valid alone (by parameter name; a left-out one: undefined). */
  readonly checkOptions?: (values: Readonly<Record<string, unknown>>) => OptionsProblem | undefined;
}

/** Declares a method, keeping its id as a literal type so the registry can derive `MethodId`. */
export function defineMethod<const Id extends string>(spec: MethodSpec<Id>): MethodSpec<Id> {
  return spec;
}
