/** How a spreadsheet function is described once, as data, for every host, the README and the tests. */
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

export interface ParamSpec {
  readonly name: string;
  readonly kind: ParamKind;
  readonly optional: boolean;
  readonly help: Text;
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

export interface FunctionSpec {
  readonly name: string;
  readonly summary: Text;
  readonly params: readonly ParamSpec[];
  readonly result: ResultKind;
  readonly example: FunctionExample;
  /** Runs on host-shaped arguments, positional as in `params`; throws SegmentKitError for a whole-call problem. */
  readonly run: (args: readonly unknown[]) => OutGrid;
}

export function param(name: string, kind: ParamKind, help: Text, optional = false): ParamSpec {
  return { name, kind, optional, help };
}

export const LANG_PARAM: ParamSpec = param(
  'lang',
  'lang',
  { en: 'Label language: "en" (default) or "vi".', vi: 'Ngôn ngữ nhãn: "en" (mặc định) hoặc "vi".' },
  true,
);
